/**
 * scripts/prepare.mjs (npm's `prepare`, and `npm test`'s build step) on a stand-in checkout: the real
 * script beside stub build and schema generators that log their calls, so what it decides is visible
 * without building anything: which schema source, one line saying so, nothing redone when up to date,
 * one sentence (and a failed `npm pack`) when the schemas cannot be had.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../shared-data';

function standIn() {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-prepare-'));
  const repo = join(root, 'repo');
  const files: Record<string, string> = {
    'repo/package.json': '{"name": "x", "version": "0.0.0"}\n',
    'repo/src/a.ts': 'export {};\n',
    'repo/scripts/build-schemas.ts': '// stand-in\n',
    'repo/node_modules/esbuild/package.json': '{}\n',
    // The stand-ins log their calls and write what the real ones would.
    'repo/scripts/build.mjs': "import fs from 'node:fs'; fs.mkdirSync('dist', { recursive: true }); fs.writeFileSync('dist/cli.js', ''); fs.appendFileSync('calls.log', 'build\\n');\n",
    'repo/node_modules/tsx/dist/cli.mjs':
      "import fs from 'node:fs'; fs.mkdirSync('schemas/generated/kubernetes/v1.34', { recursive: true }); fs.writeFileSync('schemas/generated/kubernetes/v1.34/index.json', '{}'); fs.appendFileSync('calls.log', 'schemas ' + process.argv.slice(2).map((a) => a.replace(/^.*compose-spec\\.json$/, 'COMPOSE')).join(' ') + '\\n');\n",
    'shared/schemas/kubernetes/v1.34.0/openapi-v2/swagger.json': '{}\n',
    'shared/schemas/compose/compose-go/compose-spec.json': '{}\n',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  copyFileSync(join(REPO_ROOT, 'scripts/prepare.mjs'), join(repo, 'scripts/prepare.mjs'));
  for (const module of ['helm-oracle.mjs', 'unzip.mjs']) copyFileSync(join(REPO_ROOT, 'scripts', module), join(repo, 'scripts', module));
  const run = (env: Record<string, string> = {}) => {
    // Not CI: the stand-in must not fetch the helm oracle.
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'SHIPSHAPE_SHARED' && k !== 'CI'));
    const result = spawnSync(process.execPath, [join(repo, 'scripts/prepare.mjs')], { cwd: repo, env: { ...clean, ...env }, encoding: 'utf8' });
    const log = existsSync(join(repo, 'calls.log')) ? readFileSync(join(repo, 'calls.log'), 'utf8') : '';
    writeFileSync(join(repo, 'calls.log'), '');
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, calls: log.split('\n').filter(Boolean) };
  };
  return { root, repo, run };
}

test('with ../shared: builds and generates once, says which source, redoes only what changed', () => {
  const { root, repo, run } = standIn();
  const first = run({ SHIPSHAPE_SHARED: join(root, 'shared') });
  assert.equal(first.code, 0, first.stderr);
  assert.deepEqual(first.calls, ['build', `schemas ${join(repo, 'scripts/build-schemas.ts')}`]);
  assert.match(first.stderr, new RegExp(`^shipshape prepare: schemas from ${join(root, 'shared')} \\(the shared data beside the checkout\\)$`, 'm'));
  assert.equal(first.stdout, '', 'npm pack reads the tarball name from stdout');

  const again = run({ SHIPSHAPE_SHARED: join(root, 'shared') });
  assert.deepEqual(again.calls, []);
  assert.match(again.stderr, /dist\/ is up to date/);
  assert.match(again.stderr, /schemas\/generated\/ is up to date/);

  // A source newer than the bundle: only the build is redone.
  const earlier = new Date(Date.now() - 60_000);
  utimesSync(join(repo, 'dist/cli.js'), earlier, earlier);
  assert.deepEqual(run({ SHIPSHAPE_SHARED: join(root, 'shared') }).calls, ['build']);
  // A changed schema input: only the schemas are.
  utimesSync(join(root, 'shared/schemas/compose/compose-go/compose-spec.json'), earlier, earlier);
  assert.deepEqual(run({ SHIPSHAPE_SHARED: join(root, 'shared') }).calls, [`schemas ${join(repo, 'scripts/build-schemas.ts')}`]);
});

test('without ../shared: the upstream tags, or one sentence saying what to do (and npm pack fails)', () => {
  const { root, run } = standIn();
  const missing = join(root, 'no-shared');
  const result = run({ SHIPSHAPE_SHARED: missing });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, new RegExp(`schemas from upstream \\(${missing} is absent\\): Kubernetes v1\\.31\\.0, v1\\.32\\.0, v1\\.33\\.0, v1\\.34\\.0 and compose-go v2\\.14\\.0`));
  const schemaCalls = result.calls.filter((c) => c.startsWith('schemas'));
  if (schemaCalls.length) {
    // Online: the generator gets the release tags and the downloaded Compose schema.
    assert.match(schemaCalls[0], / --tag v1\.31\.0 --tag v1\.32\.0 --tag v1\.33\.0 --tag v1\.34\.0 --compose COMPOSE$/);
  } else {
    const sentences = result.stderr.split('\n').filter((l) => /cannot download the schemas/.test(l));
    assert.equal(sentences.length, 1, result.stderr);
    assert.match(sentences[0], /put the shared data beside the checkout as \.\.\/shared \(or set SHIPSHAPE_SHARED=DIR\) and run `npm run schemas`/);
    const packing = run({ SHIPSHAPE_SHARED: missing, npm_command: 'pack' });
    assert.equal(packing.code, 1, 'a package without schemas must not be packed');
  }
});
