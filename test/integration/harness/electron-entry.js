'use strict';
// extensionTestsPath for @vscode/test-electron (test/integration/electron/run-electron.mjs): VS Code
// desktop loads the Shipshape extension from extensionDevelopmentPath and calls run() here; the same
// suites as under code-server run, and a rejected promise makes runTests fail.
const path = require('path');
const fs = require('fs');
const { runAll } = require('./runner');

async function run() {
  const filter = (process.env.SHIPSHAPE_IT_GREP || '').split(',').map((s) => s.trim()).filter(Boolean);
  const suitesDir = process.env.SHIPSHAPE_IT_SUITES || path.resolve(__dirname, '..', 'suites');
  const summary = await runAll({ suitesDir, filter, log: (line) => console.log(line) });
  if (process.env.SHIPSHAPE_IT_RESULTS) {
    fs.mkdirSync(path.dirname(process.env.SHIPSHAPE_IT_RESULTS), { recursive: true });
    fs.writeFileSync(process.env.SHIPSHAPE_IT_RESULTS, JSON.stringify(summary, null, 2));
  }
  console.log(`${summary.passed} passed, ${summary.failed} failed`);
  if (summary.failed > 0) throw new Error(`${summary.failed} integration test(s) failed`);
}

module.exports = { run };
