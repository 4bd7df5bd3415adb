/**
 * bin/shipshape.js keeps V8's code cache of the dispatcher and of the command's bundle on Node < 22.1:
 * the cached run prints what the uncached one did, one cache file per bundle and command (a rebuild
 * replaces it), and a corrupt cache is ignored, never a crash.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../shared-data';

const BIN = join(REPO_ROOT, 'bin', 'shipshape.js');
const built = existsSync(join(REPO_ROOT, 'dist', 'cli-render.js'));
const ownCache = typeof (require('node:module') as { enableCompileCache?: unknown }).enableCompileCache !== 'function';
const skip = !built ? 'dist/ is missing: run `npm run build`' : !ownCache ? "this Node caches compiled code itself (module.enableCompileCache)" : false;

test('render through the code cache: same output, one file per bundle, a corrupt cache ignored', { skip }, () => {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-codecache-'));
  const chart = join(root, 'chart');
  mkdirSync(join(chart, 'templates'), { recursive: true });
  writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: demo\nversion: 0.1.0\n');
  writeFileSync(join(chart, 'values.yaml'), 'replicas: 2\n');
  writeFileSync(join(chart, 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  replicas: {{ .Values.replicas | quote }}\n');
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: join(root, 'cache') };
  delete env.NODE_DISABLE_COMPILE_CACHE;
  const run = () => spawnSync(process.execPath, [BIN, 'render', chart], { encoding: 'utf8', env });
  const cacheDir = join(root, 'cache', 'shipshape', 'v8-code-cache');

  const first = run();
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /replicas: "2"/);
  const files = readdirSync(cacheDir).filter((f) => f.endsWith('.bin'));
  assert.equal(files.length, 2, `the dispatcher's and cli-render's caches: ${files.join(', ')}`);

  const second = run();
  assert.equal(second.stdout, first.stdout);
  assert.deepEqual(readdirSync(cacheDir).filter((f) => f.endsWith('.bin')).sort(), files.sort(), 'a cached run writes no new cache');

  for (const file of files) writeFileSync(join(cacheDir, file), 'not a V8 code cache');
  const corrupt = run();
  assert.equal(corrupt.status, 0, corrupt.stderr);
  assert.equal(corrupt.stdout, first.stdout);
});
