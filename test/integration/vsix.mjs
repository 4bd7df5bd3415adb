#!/usr/bin/env node
// The extension as users install it: packs shipshape.vsix (vsce, no network), unpacks it into a
// throwaway folder the way VS Code installs a VSIX, and runs the activation and validation suites in
// code-server against that copy (run.mjs with SHIPSHAPE_IT_EXTENSION), with no network and no ../shared
// needed at run time. Anything the package forgot (a bundle, the schemas, a grammar) fails here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { repoRoot } from './setup.mjs';

const SUITES = process.env.SHIPSHAPE_IT_GREP || 'Extension activation,a misspelt key,Helm template authoring';

/** Extracts a zip's entries under `prefix` into `dest` (stored and deflated entries: what vsce writes). */
function unzip(file, prefix, dest) {
  const zip = fs.readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error(`${file} is not a zip`);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(offset + 10);
    const size = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    offset += 46 + nameLength + extraLength + commentLength;
    if (!name.startsWith(prefix) || name.endsWith('/')) continue;
    const target = path.resolve(dest, name.slice(prefix.length));
    if (!target.startsWith(path.resolve(dest) + path.sep)) throw new Error(`zip entry leaves the folder: ${name}`);
    const data = zip.subarray(local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)).subarray(0, size);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, method === 8 ? zlib.inflateRawSync(data) : data);
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-vsix-'));
const vsix = path.join(tmp, 'shipshape.vsix');
const pack = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '-o', vsix], { cwd: repoRoot, stdio: 'inherit' });
if (pack.status !== 0) process.exit(pack.status ?? 1);
const installed = path.join(tmp, 'extension');
unzip(vsix, 'extension/', installed);
console.log(`[vsix] ${path.relative(repoRoot, vsix) || vsix}: ${(fs.statSync(vsix).size / 1048576).toFixed(1)} MB, unpacked into ${installed}; running: ${SUITES}`);
const run = spawnSync(process.execPath, [path.join(repoRoot, 'test/integration/run.mjs')], {
  stdio: 'inherit',
  env: { ...process.env, SHIPSHAPE_IT_EXTENSION: installed, SHIPSHAPE_IT_GREP: SUITES },
});
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(run.status ?? 1);
