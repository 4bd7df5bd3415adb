'use strict';
// The integration-test harness extension. Under code-server (test/integration/run.mjs) it activates on
// startup when SHIPSHAPE_IT_RESULTS is set, runs the suites and writes their results to that path; the
// runner waits for the file. Under @vscode/test-electron the suites run from electron-entry.js instead.
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { runAll } = require('./runner');

const SUITES_DIR = process.env.SHIPSHAPE_IT_SUITES || path.resolve(__dirname, '..', 'suites');

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(value, null, 2));
  fs.renameSync(tmp, file); // the runner never sees a half-written file
}

async function runSuites({ log }) {
  const filter = (process.env.SHIPSHAPE_IT_GREP || '').split(',').map((s) => s.trim()).filter(Boolean);
  return runAll({ suitesDir: SUITES_DIR, filter, log });
}

function activate(context) {
  const resultsFile = process.env.SHIPSHAPE_IT_RESULTS;
  if (!resultsFile || process.env.SHIPSHAPE_IT_MODE === 'electron') return;
  const lines = [];
  const log = (line) => {
    lines.push(line);
    // The runner tails this file so a hung test is visible before the timeout.
    fs.appendFileSync(`${resultsFile}.log`, `${line}\n`);
  };
  writeJson(`${resultsFile}.started`, {
    pid: process.pid,
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    remoteName: vscode.env.remoteName || null,
    workspace: (vscode.workspace.workspaceFolders || []).map((f) => f.uri.toString()),
    suitesDir: SUITES_DIR,
  });
  const started = Date.now();
  runSuites({ log })
    .then(
      (summary) => ({ ...summary, durationMs: Date.now() - started, vscodeVersion: vscode.version }),
      (error) => ({ passed: 0, failed: 1, skipped: 0, tests: [{ suite: 'harness', test: 'run suites', status: 'failed', durationMs: 0, error: { message: String(error && error.stack || error) } }] }),
    )
    .then(async (summary) => {
      // Leave the main Dockerfile open so the runner's Problems-panel screenshot shows its findings.
      try {
        const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
        if (folder) await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, 'Dockerfile'), { preview: false });
      } catch {
        // not essential
      }
      writeJson(resultsFile, summary);
    });
  context.subscriptions.push({ dispose() {} });
}

function deactivate() {}

module.exports = { activate, deactivate, runSuites };
