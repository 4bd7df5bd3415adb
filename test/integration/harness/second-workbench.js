'use strict';
// A second code-server of this install, for suites that must see what a user sees (colours painted,
// screenshots, clicks): the window the harness runs in belongs to run.mjs and cannot be driven from the
// extension host. The second one shares this window's extensions dir and drops the harness variables,
// so the harness stays idle there. Each suite keeps its own Workbench and calls close() in after().
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { vscode, assert, SCALE } = require('./helpers');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a truthy value; the timeout scales with the harness's SCALE. */
async function until(probe, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs * SCALE;
  let lastError;
  for (;;) {
    const value = await probe().catch((error) => ((lastError = error), undefined));
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} (after ${Math.round((timeoutMs * SCALE) / 1000)} s)${lastError ? `; last error: ${lastError.message.split('\n')[0]}` : ''}`);
    await sleep(250);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A quiet profile: no welcome page, tips, updates, chat or trust prompts in the screenshots. */
const QUIET_SETTINGS = {
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
};

/** Whatever a test started (processes, browsers, folders), undone last-first by close(). */
class Workbench {
  constructor() {
    this.cleanups = [];
  }

  /** Runs `undo` at close(). */
  onClose(undo) {
    this.cleanups.push(undo);
  }

  async close() {
    while (this.cleanups.length) {
      try {
        await this.cleanups.pop()();
      } catch {
        // best effort: the process may be gone already
      }
    }
  }

  /** Starts code-server on `folder` with the given settings over the quiet ones; returns its URL. */
  async start(folder, settings = {}) {
    const extension = vscode.extensions.all.find((e) => e.packageJSON && e.packageJSON.name === 'shipshape' && e.packageJSON.publisher === 'shipshape');
    assert.ok(extension, 'the Shipshape extension is not installed');
    // appRoot is <code-server>/lib/vscode; the server's entry point sits beside it.
    const entry = path.join(vscode.env.appRoot, '..', '..', 'out', 'node', 'entry.js');
    assert.ok(fs.existsSync(entry), `no code-server entry point at ${entry}`);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-workbench-'));
    this.onClose(() => fs.rmSync(tmp, { recursive: true, force: true }));
    const userData = path.join(tmp, 'user-data');
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }));
    // The extension host's variables would make the new server think it is a child of this one, and the
    // harness run the suites there too.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VSCODE_|CODE_SERVER_|SHIPSHAPE_IT_|ELECTRON_)/.test(k)));
    const port = await freePort();
    const log = path.join(tmp, 'code-server.log');
    const fd = fs.openSync(log, 'w');
    const config = path.join(tmp, 'config.yaml');
    fs.writeFileSync(config, 'auth: none\ncert: false\n');
    const args = [entry, '--config', config, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override', '--disable-proxy', '--ignore-last-opened', '--user-data-dir', userData, '--extensions-dir', path.dirname(extension.extensionPath), folder];
    const child = spawn(process.execPath, args, { env, cwd: tmp, stdio: ['ignore', fd, fd], detached: true });
    fs.closeSync(fd);
    let exited = false;
    child.on('exit', () => (exited = true));
    this.onClose(async () => {
      // Its extension host and helpers share its process group.
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      for (let i = 0; i < 20 && !exited; i++) await sleep(250);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    });
    const url = `http://127.0.0.1:${port}`;
    const tail = () => fs.readFileSync(log, 'utf8').split('\n').slice(-15).join('\n');
    await until(async () => {
      if (exited) throw new Error(`the second code-server exited:\n${tail()}`);
      return (await fetch(`${url}/healthz`)).ok;
    }, 30_000, `the second code-server did not answer on ${url}`).catch((error) => {
      throw new Error(`${error.message}\n${tail()}`);
    });
    return url;
  }
}

module.exports = { Workbench, until, sleep };
