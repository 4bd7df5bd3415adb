#!/usr/bin/env node
// The extension as users install it: packs shipshape.vsix (vsce, no network), unpacks it into a
// throwaway folder the way VS Code installs a VSIX, and runs the activation and validation suites in
// code-server against that copy (run.mjs with SHIPSHAPE_IT_EXTENSION), with no network and no ../shared
// needed at run time. Anything the package forgot (a bundle, the schemas, a grammar) fails here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzip } from '../../scripts/unzip.mjs';
import { repoRoot } from './setup.mjs';

const SUITES = process.env.SHIPSHAPE_IT_GREP || 'Extension activation,a misspelt key,Helm template authoring';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-vsix-'));
const vsix = path.join(tmp, 'shipshape.vsix');
const pack = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '-o', vsix], { cwd: repoRoot, stdio: 'inherit' });
if (pack.status !== 0) process.exit(pack.status ?? 1);
const installed = path.join(tmp, 'extension');
unzip(fs.readFileSync(vsix), installed, { prefix: 'extension/', label: 'shipshape.vsix' });
console.log(`[vsix] ${path.relative(repoRoot, vsix) || vsix}: ${(fs.statSync(vsix).size / 1048576).toFixed(1)} MB, unpacked into ${installed}; running: ${SUITES}`);
const run = spawnSync(process.execPath, [path.join(repoRoot, 'test/integration/run.mjs')], {
  stdio: 'inherit',
  env: { ...process.env, SHIPSHAPE_IT_EXTENSION: installed, SHIPSHAPE_IT_GREP: SUITES },
});
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(run.status ?? 1);
