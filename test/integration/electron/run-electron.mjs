#!/usr/bin/env node
// The same suites in VS Code desktop through @vscode/test-electron, for machines that can download VS
// Code (or have one: VSCODE_EXECUTABLE=/path/to/code). The Shipshape extension is loaded from the
// repository root as the extension under development (build it first: `npm run build`); the harness's
// electron-entry.js runs test/integration/suites/*.test.js and fails runTests when a test fails.
// On a headless Linux box run it under a display server: `xvfb-run -a node test/integration/electron/run-electron.mjs`.
//
// Environment: VSCODE_EXECUTABLE, VSCODE_VERSION (default 1.100.3, the version run.mjs tests through
// code-server), SHIPSHAPE_IT_GREP, SHIPSHAPE_IT_TIMEOUT_SCALE, SHIPSHAPE_IT_KEEP.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { copyFixtureWorkspace, harnessDir, repoRoot, suitesDir, writeUserSettings } from '../setup.mjs';

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const main = path.join(repoRoot, manifest.main);
if (!fs.existsSync(main)) {
  console.error(`${path.relative(repoRoot, main)} does not exist: run \`npm run build\` first`);
  process.exit(1);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-it-electron-'));
const workspace = copyFixtureWorkspace(path.join(tmp, 'workspace'));
const userDataDir = path.join(tmp, 'user-data');
const extensionsDir = path.join(tmp, 'extensions'); // empty: no user extensions interfere
fs.mkdirSync(extensionsDir);
writeUserSettings(userDataDir);
const resultsDir = path.join(repoRoot, 'test-results');
fs.mkdirSync(resultsDir, { recursive: true });

let exitCode = 1;
try {
  exitCode = await runTests({
    ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : { version: process.env.VSCODE_VERSION || '1.100.3' }),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(harnessDir, 'electron-entry.js'),
    extensionTestsEnv: {
      SHIPSHAPE_IT_MODE: 'electron',
      SHIPSHAPE_IT_SUITES: suitesDir,
      SHIPSHAPE_IT_RESULTS: path.join(resultsDir, 'results-electron.json'),
      SHIPSHAPE_IT_GREP: process.env.SHIPSHAPE_IT_GREP || '',
      SHIPSHAPE_IT_TIMEOUT_SCALE: process.env.SHIPSHAPE_IT_TIMEOUT_SCALE || '',
    },
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions; built-ins (the Docker language) stay on
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-gpu',
      `--user-data-dir=${userDataDir}`,
      `--extensions-dir=${extensionsDir}`,
    ],
  });
} catch (error) {
  console.error(`VS Code (test-electron) run failed: ${error && error.message ? error.message : error}`);
} finally {
  if (process.env.SHIPSHAPE_IT_KEEP) console.log(`kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);
