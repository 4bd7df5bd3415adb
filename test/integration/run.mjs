#!/usr/bin/env node
// Integration tests in a real VS Code: code-server (VS Code 1.100 served to a browser) + headless
// Chromium driven by playwright-core. Installs the built Shipshape extension and the test harness
// extension (test/integration/harness) into a throwaway extensions dir, opens a temp copy of
// test/integration/fixtures/workspace, waits for the harness to run test/integration/suites/*.test.js
// against the real `vscode` API, screenshots the Problems panel, and prints `N passed, N failed`.
//
// Environment:
//   SHIPSHAPE_IT_GREP=text[,text]   run only tests whose "suite › test" title contains one of them
//   SHIPSHAPE_IT_TIMEOUT_MS=300000  overall bound (code-server start + all suites + screenshot)
//   SHIPSHAPE_IT_TIMEOUT_SCALE=2    multiply every in-test wait (slow machines)
//   SHIPSHAPE_IT_EXTENSION=dir      extension under test (default: the repository root)
//   SHIPSHAPE_IT_KEEP=1             keep the temp dir (workspace, user data, logs) for debugging
//   SHIPSHAPE_IT_HEADED=1           show the browser (needs a display)
//   SHIPSHAPE_IT_SUITES=dir         run the *.test.js files of another directory
//   CHROMIUM_PATH=/usr/bin/chromium the browser playwright-core drives
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { copyFixtureWorkspace, harnessDir, integrationDir as here, repoRoot, writeUserSettings } from './setup.mjs';

const resultsDir = path.join(repoRoot, 'test-results');
// code-server is cached per machine (a fresh clone, as in CI, reuses it), or in .vscode-test/ of this checkout
// when one is installed there; SHIPSHAPE_CODE_SERVER_DIR overrides both.
const localCodeServer = path.join(repoRoot, '.vscode-test', 'code-server');
const machineCache = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'shipshape', 'code-server-4.100.3');
const codeServerDir =
  process.env.SHIPSHAPE_CODE_SERVER_DIR || (fs.existsSync(path.join(localCodeServer, 'node_modules')) ? localCodeServer : machineCache);
const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
// The tested recipe lives in the shared folder beside the repository (CI has it too); it is not copied here.
const sharedDir = path.resolve(process.env.SHIPSHAPE_SHARED || path.join(repoRoot, '..', 'shared'));
const installer = path.join(sharedDir, 'tools', 'install-code-server.sh');
const extensionRoot = path.resolve(process.env.SHIPSHAPE_IT_EXTENSION || repoRoot);
const overallTimeoutMs = Number(process.env.SHIPSHAPE_IT_TIMEOUT_MS) || 5 * 60_000;
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const t0 = Date.now();
let tRun = t0; // start of the bounded part (after a first-time code-server install)
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const say = (line) => console.log(`[integration ${elapsed()}] ${line}`);

/** Everything to undo, newest first; run on success, failure, timeout and signals. */
const cleanups = [];
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (error) {
        console.error(`cleanup: ${error.message}`);
      }
    }
  })();
  return cleaning;
}

class SetupError extends Error {}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function poll(probe, { timeoutMs, intervalMs = 200, message }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new SetupError(typeof message === 'function' ? message() : message);
    await sleep(intervalMs);
  }
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// ---------------------------------------------------------------------------------------------------
// code-server installation and the extensions to load

async function ensureCodeServer() {
  if (fs.existsSync(codeServerEntry)) return;
  // One installer at a time when several runs start on a fresh checkout; a lock older than 30 min is stale.
  const lock = `${codeServerDir}.install-lock`;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (Date.now() - fs.statSync(lock).mtimeMs > 30 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      else {
        say('another run is installing code-server; waiting');
        await sleep(5000);
      }
      if (fs.existsSync(codeServerEntry)) return;
    }
  }
  try {
    if (fs.existsSync(codeServerEntry)) return;
    say(`code-server missing; installing into ${path.relative(repoRoot, codeServerDir)} (takes minutes, cached afterwards)`);
    const result = spawnSync('bash', [installer, codeServerDir], { stdio: 'inherit', cwd: repoRoot, timeout: 30 * 60_000 });
    if (result.status !== 0 || !fs.existsSync(codeServerEntry)) {
      throw new SetupError(`installing code-server failed (bash ${path.relative(repoRoot, installer)} ${path.relative(repoRoot, codeServerDir)} exited ${result.status})`);
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Links the extension under test into the extensions dir the way a VSIX would lay it out: its own
 * package.json plus the runtime folders (no node_modules: the bundle must be self-contained, as in the
 * published `vsce package --no-dependencies`).
 */
function linkExtensionUnderTest(extensionsDir) {
  const manifest = readJson(path.join(extensionRoot, 'package.json'));
  const main = path.join(extensionRoot, manifest.main || './dist/extension.js');
  if (!fs.existsSync(main) && fs.existsSync(path.join(extensionRoot, 'scripts', 'build.mjs'))) {
    say(`${path.relative(repoRoot, main)} missing; running npm run build`);
    const result = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit', cwd: extensionRoot });
    if (result.status !== 0) throw new SetupError(`npm run build failed (exit ${result.status})`);
  }
  if (!fs.existsSync(main)) throw new SetupError(`the extension's main ${main} does not exist: run \`npm run build\` first`);
  const dir = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  fs.mkdirSync(dir);
  fs.copyFileSync(path.join(extensionRoot, 'package.json'), path.join(dir, 'package.json'));
  const runtime = ['dist', 'schemas', 'snippets', 'syntaxes', 'media', 'images', 'docs', 'language-configuration.json', 'package.nls.json', 'README.md', 'CHANGELOG.md', 'LICENSE'];
  for (const name of runtime) {
    const from = path.join(extensionRoot, name);
    if (fs.existsSync(from)) fs.symlinkSync(from, path.join(dir, name));
  }
  return { id: `${manifest.publisher}.${manifest.name}`, dir, manifest };
}

function linkHarness(extensionsDir) {
  const manifest = readJson(path.join(harnessDir, 'package.json'));
  const dir = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  fs.symlinkSync(harnessDir, dir); // a symlink: suites require('../harness/...') resolves to the same modules
  return { id: `${manifest.publisher}.${manifest.name}`, dir, manifest };
}

/**
 * VS Code reads the installed extensions from extensions.json (the profile manifest); folders not listed
 * there are treated as leftovers. Write it ourselves instead of packaging VSIXes.
 */
function writeExtensionsManifest(extensionsDir, extensions) {
  const entries = extensions.map(({ id, dir, manifest }) => ({
    identifier: { id: id.toLowerCase() },
    version: manifest.version,
    location: { $mid: 1, path: dir, scheme: 'file' },
    relativeLocation: path.basename(dir),
    metadata: { installedTimestamp: Date.now(), source: 'vsix', pinned: true },
  }));
  fs.writeFileSync(path.join(extensionsDir, 'extensions.json'), JSON.stringify(entries));
}

// ---------------------------------------------------------------------------------------------------
// code-server

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

async function startCodeServer({ tmp, extensionsDir, userDataDir, workspace, resultsFile }) {
  const port = await freePort();
  const configFile = path.join(tmp, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const logFile = path.join(resultsDir, 'code-server.log');
  const log = fs.openSync(logFile, 'w');
  const env = { ...process.env };
  for (const name of ['PASSWORD', 'HASHED_PASSWORD', 'PORT', 'VSCODE_PROXY_URI', 'CODE_SERVER_CONFIG']) delete env[name];
  Object.assign(env, {
    SHIPSHAPE_IT_MODE: 'code-server',
    SHIPSHAPE_IT_RESULTS: resultsFile,
    SHIPSHAPE_IT_GREP: process.env.SHIPSHAPE_IT_GREP || '',
    // Nothing may reach out: no gallery queries, no update checks.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '', itemUrl: '', resourceUrlTemplate: '' }),
  });
  const args = [
    codeServerEntry,
    '--config', configFile,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    workspace,
  ];
  const child = spawn(process.execPath, args, { env, cwd: tmp, stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  let exited;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  cleanups.push(async () => {
    if (exited) {
      killGroup(child, 'SIGKILL'); // orphaned helpers of a crashed server
      return;
    }
    killGroup(child, 'SIGTERM');
    await Promise.race([new Promise((r) => child.once('exit', r)), sleep(5000)]);
    // The extension host and other helpers share the group: whatever survived SIGTERM goes now.
    killGroup(child, 'SIGKILL');
  });
  const url = `http://127.0.0.1:${port}`;
  await poll(
    async () => {
      if (exited) throw new SetupError(`code-server exited (${exited.code ?? exited.signal}) before listening:\n${tail(logFile)}`);
      try {
        const res = await fetch(`${url}/healthz`);
        return res.ok;
      } catch {
        return false;
      }
    },
    { timeoutMs: 60_000, message: () => `code-server did not answer on ${url}/healthz after 60 s:\n${tail(logFile)}` },
  );
  return { url, child, logFile, hasExited: () => exited };
}

// ---------------------------------------------------------------------------------------------------
// browser

async function openBrowser() {
  const { chromium } = await import('playwright-core');
  if (!fs.existsSync(chromiumPath)) throw new SetupError(`no Chromium at ${chromiumPath} (install-code-server.sh installs Debian's chromium; or set CHROMIUM_PATH)`);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: !process.env.SHIPSHAPE_IT_HEADED,
    // Our own handlers stop code-server and the browser; Playwright's would exit before code-server is stopped.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  cleanups.push(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const consoleLog = fs.createWriteStream(path.join(resultsDir, 'browser-console.log'));
  cleanups.push(() => new Promise((r) => consoleLog.end(r)));
  page.on('console', (msg) => consoleLog.write(`[${msg.type()}] ${msg.text()}\n`));
  page.on('pageerror', (error) => consoleLog.write(`[pageerror] ${error.stack || error.message}\n`));
  return { browser, page };
}

/** Opens the Problems panel with Ctrl+Shift+M (falling back to the command palette) and screenshots it. */
async function screenshotProblems(page, file) {
  const panel = page.locator('.markers-panel');
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => undefined);
  await page.keyboard.press('Control+Shift+M');
  try {
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
  } catch {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('>Problems: Focus on Problems View');
    await page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
  }
  // The server lists the whole workspace's findings: narrow the panel to Dockerfiles, as a user would.
  const filter = page.locator('.markers-panel-container .viewpane-filter input, .pane-header .viewpane-filter input, .viewpane-filter textarea, .viewpane-filter input').first();
  if (await filter.count()) await filter.fill('Dockerfile').catch(() => undefined);
  else {
    await page.keyboard.press('Control+f'); // problems.action.focusFilter
    await page.keyboard.type('Dockerfile');
  }
  await page.waitForTimeout(500); // the panel filters after a short debounce
  // Wait until the panel has rendered its rows, then let the layout settle one frame.
  await page.locator('.markers-panel .monaco-list-row').first().waitFor({ state: 'visible', timeout: 15_000 }).catch(() => undefined);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: file });
  return (await panel.innerText()).replace(/\s+/g, ' ');
}

// ---------------------------------------------------------------------------------------------------

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-it-'));
  cleanups.push(() => {
    if (process.env.SHIPSHAPE_IT_KEEP) say(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  });
  const extensionsDir = path.join(tmp, 'extensions');
  const userDataDir = path.join(tmp, 'user-data');
  const workspace = path.join(tmp, 'workspace');
  const resultsFile = path.join(tmp, 'results', 'results.json');
  fs.mkdirSync(extensionsDir);
  fs.mkdirSync(path.dirname(resultsFile));
  copyFixtureWorkspace(workspace);
  writeUserSettings(userDataDir);
  const extensions = [linkExtensionUnderTest(extensionsDir), linkHarness(extensionsDir)];
  writeExtensionsManifest(extensionsDir, extensions);
  cleanups.push(() => copyLogs(userDataDir));

  say(`starting code-server (extensions: ${extensions.map((e) => e.id).join(', ')})`);
  let server;
  for (let attempt = 1; !server; attempt++) {
    try {
      server = await startCodeServer({ tmp, extensionsDir, userDataDir, workspace, resultsFile });
    } catch (error) {
      // Another process may take the free port between our probe and code-server's listen.
      if (attempt >= 3 || !/EADDRINUSE/.test(error.message)) throw error;
      say('port taken meanwhile; retrying on another one');
    }
  }
  say(`code-server listening on ${server.url}; opening the workspace in Chromium`);
  const { page } = await openBrowser();
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ state: 'attached', timeout: 60_000 }).catch(() => {
    throw new SetupError(`the workbench did not load in Chromium within 60 s (see test-results/browser-console.log)`);
  });

  const started = await poll(() => fs.existsSync(`${resultsFile}.started`) && readJson(`${resultsFile}.started`), {
    timeoutMs: 90_000,
    message: () =>
      `the harness extension did not start within 90 s: the extension host did not come up or did not load ${path.relative(repoRoot, harnessDir)} (see test-results/code-server.log, test-results/logs/, test-results/browser-console.log)`,
  });
  say(`harness running in ${started.appName} ${started.vscodeVersion} (remote: ${started.remoteName})`);

  // Stream the harness's progress lines while waiting for the results.
  let printed = 0;
  const progress = () => {
    try {
      const text = fs.readFileSync(`${resultsFile}.log`, 'utf8');
      if (text.length > printed) {
        process.stdout.write(text.slice(printed));
        printed = text.length;
      }
    } catch {
      // no line yet
    }
  };
  const summary = await poll(
    () => {
      progress();
      if (server.hasExited()) throw new SetupError(`code-server exited while the tests ran:\n${tail(server.logFile)}`);
      return fs.existsSync(resultsFile) && readJson(resultsFile);
    },
    {
      timeoutMs: Math.max(0, overallTimeoutMs - (Date.now() - tRun) - 20_000),
      intervalMs: 250,
      message: () => `the suites did not finish within the overall ${overallTimeoutMs / 1000} s bound (less 20 s kept for the screenshot); last lines:\n${tail(`${resultsFile}.log`, 10)}`,
    },
  ).catch((error) => {
    partial = partialResults(`${resultsFile}.log`);
    throw error;
  });
  progress();

  // What a user sees: the Problems panel lists the findings of the open Dockerfile.
  const shot = path.join(resultsDir, 'problems-panel.png');
  const uiStarted = Date.now();
  let uiResult;
  try {
    const text = await screenshotProblems(page, shot);
    const missing = ['no-latest-tag', 'exec-form-cmd'].filter((rule) => !text.includes(rule));
    uiResult = missing.length
      ? { status: 'failed', error: { message: `the Problems panel does not show ${missing.join(', ')}; it shows: ${text.slice(0, 400)}` } }
      : { status: 'passed' };
  } catch (error) {
    await page.screenshot({ path: shot }).catch(() => undefined);
    uiResult = { status: 'failed', error: { message: `opening the Problems panel failed: ${error.message.split('\n')[0]}` } };
  }
  summary.tests.push({ suite: 'Workbench UI', test: 'Problems panel (Ctrl+Shift+M) lists the Dockerfile findings', durationMs: Date.now() - uiStarted, ...uiResult });
  summary[uiResult.status === 'passed' ? 'passed' : 'failed'] += 1;
  console.log(`Workbench UI\n  ${uiResult.status === 'passed' ? '✓' : '✗'} Problems panel (Ctrl+Shift+M) lists the Dockerfile findings -> test-results/problems-panel.png${uiResult.error ? `\n      ${uiResult.error.message}` : ''}`);
  return summary;
}

/** Tests the harness finished before a timeout, from its progress log (suite headers, ✓/✗ lines). */
let partial = [];
function partialResults(logFile) {
  const tests = [];
  let suite = '';
  for (const line of tail(logFile, 100000).split('\n')) {
    const header = /^(\S.*?)  \(.*\.test\.js\)$/.exec(line);
    if (header) suite = header[1];
    const result = /^  ([✓✗]) (.*) \(\d+ ms\)$/.exec(line);
    if (result) tests.push({ suite, test: result[2], status: result[1] === '✓' ? 'passed' : 'failed', error: result[1] === '✗' ? { message: '(see the log above)' } : undefined });
  }
  return tests;
}

function copyLogs(userDataDir) {
  const logs = path.join(userDataDir, 'logs');
  if (fs.existsSync(logs)) fs.cpSync(logs, path.join(resultsDir, 'logs'), { recursive: true });
}

function printSummary(summary) {
  const failed = summary.tests.filter((t) => t.status === 'failed');
  if (failed.length) {
    console.log('\nFailures:');
    for (const t of failed) console.log(`  ${t.suite} › ${t.test}\n      ${t.error?.message ?? ''}`);
  }
  fs.writeFileSync(path.join(resultsDir, 'results.json'), JSON.stringify(summary, null, 2));
  console.log(`\nintegration tests took ${elapsed()}; artifacts in test-results/`);
  console.log(`${summary.passed} passed, ${summary.failed} failed`);
}

let timer;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping code-server and Chromium`);
    cleanup().finally(() => process.exit(130));
  });
}

let summary;
try {
  // Overwrite only our own artifacts: test-results/ may hold other runners' output.
  fs.mkdirSync(resultsDir, { recursive: true });
  for (const name of ['logs', 'problems-panel.png', 'results.json', 'browser-console.log', 'code-server.log']) {
    fs.rmSync(path.join(resultsDir, name), { recursive: true, force: true });
  }
  await ensureCodeServer();
  tRun = Date.now();
  const timedOut = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new SetupError(`integration tests exceeded the overall ${overallTimeoutMs / 1000} s bound`)), overallTimeoutMs);
  });
  summary = await Promise.race([main(), timedOut]);
} catch (error) {
  console.error(`\nintegration setup failed: ${error instanceof SetupError ? error.message : error.stack}`);
  const tests = [...partial, { suite: 'integration runner', test: 'setup and completion', status: 'failed', error: { message: error.message } }];
  summary = { passed: tests.filter((t) => t.status === 'passed').length, failed: tests.filter((t) => t.status === 'failed').length, tests };
} finally {
  clearTimeout(timer);
  await cleanup();
}
printSummary(summary);
process.exit(summary.failed > 0 || summary.passed === 0 ? 1 : 0);
