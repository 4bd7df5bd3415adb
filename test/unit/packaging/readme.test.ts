/**
 * The README's first screen, as a new user reads it: what the tool is, one screenshot that exists, the
 * two set-up commands (which `.ci/run` runs exactly, on a fresh clone, in CI) and the main job's
 * command, which works on this checkout as written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../shared-data';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const firstScreen = readme.split('\n').slice(0, 40).join('\n');

test('the first screen shows a screenshot that is shipped in the repository', () => {
  const image = /!\[[^\]]+\]\(([^)]+\.png)\)/.exec(firstScreen);
  assert.ok(image, 'no screenshot on the first screen');
  assert.ok(existsSync(join(REPO_ROOT, image[1])), `${image[1]} is missing`);
});

test('the set-up commands on the first screen are exactly what .ci/run runs', () => {
  const setup = /Set up with `([^`]+)`, test with `([^`]+)`/.exec(firstScreen);
  assert.ok(setup, 'the first screen names no set-up commands');
  const ci = readFileSync(join(REPO_ROOT, '.ci/run'), 'utf8')
    .split('\n')
    .filter((line) => /^npm /.test(line))
    .map((line) => line.replace(/ --no-audit --no-fund$/, ''));
  assert.deepStrictEqual(ci, [setup[1], setup[2]]);
});

test("the main job's command works as written (npx shipshape check .) and finds a problem", { skip: existsSync(join(REPO_ROOT, 'dist/cli.js')) ? false : 'dist/ is missing: run `npm run build`' }, () => {
  const main = /the main job is `([^`]+)`/.exec(firstScreen);
  assert.ok(main, 'the first screen names no main command');
  assert.equal(main[1], 'npx shipshape check .');
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-readme-'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM node:latest\nCMD node server.js\n');
  // `npx shipshape` resolves to this package's bin; run the same bin directly (no network, no install).
  const bin = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).bin.shipshape as string;
  const run = spawnSync(process.execPath, [join(REPO_ROOT, bin), 'check', '.'], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr); // a warning does not reach the default failure threshold (error)
  assert.match(run.stdout, /no-latest-tag/);
  assert.match(run.stdout, /1 file\(s\) checked/);
});
