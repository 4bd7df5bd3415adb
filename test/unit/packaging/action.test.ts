/**
 * The GitHub Action: its entry script run as the runner runs a step (inputs in INPUT_* variables, the
 * workspace as working folder, outputs appended to the $GITHUB_OUTPUT file), and action.yml wired to it.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../shared-data';

const ENTRY = join(REPO_ROOT, 'scripts/action-entry.mjs');

before(() => {
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/prepare.mjs')], { cwd: REPO_ROOT, stdio: 'ignore' });
});

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-action-'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM node:latest\nUSER node\nCMD ["node", "a.js"]\n');
  return dir;
}

function runStep(inputs: Record<string, string>) {
  const dir = workspace();
  const outputFile = join(dir, 'github-output');
  writeFileSync(outputFile, '');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, GITHUB_WORKSPACE: dir, GITHUB_OUTPUT: outputFile };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const run = spawnSync(process.execPath, [ENTRY], { cwd: dir, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { dir, code: run.status, stdout: run.stdout, outputs };
}

// Input names as a node action receives them (`INPUT_FAILURE-THRESHOLD`).
const cases: { name: string; inputs: Record<string, string>; code: number }[] = [
  { name: 'warnings under the default threshold pass', inputs: { paths: 'Dockerfile' }, code: 0 },
  { name: 'failure-threshold warning fails on a warning', inputs: { paths: 'Dockerfile', 'failure-threshold': 'warning' }, code: 1 },
];

for (const c of cases) {
  test(`action step: ${c.name}`, () => {
    const { dir, code, stdout, outputs } = runStep(c.inputs);
    assert.equal(code, c.code);
    assert.equal(outputs['exit-code'], String(c.code));
    assert.equal(outputs['sarif-file'], join(dir, 'shipshape.sarif'));
    const sarif = JSON.parse(readFileSync(outputs['sarif-file'], 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    const rules = sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId);
    assert.ok(rules.includes('no-latest-tag'));
    assert.equal(outputs.findings, String(rules.length));
    // An annotation on the finding's exact place.
    assert.match(stdout, /^::warning file=Dockerfile,line=1,col=11,endLine=1,endColumn=17,title=shipshape no-latest-tag::/m);
  });
}

// As our composite step passes them (`INPUT_FAILURE_THRESHOLD`, see action.yml).
test('action step: composite-style names reach the CLI (threshold and SARIF path)', () => {
  const { dir, code, outputs } = runStep({ paths: 'Dockerfile', failure_threshold: 'warning', sarif_file: 'report.sarif' });
  assert.equal(code, 1);
  assert.equal(outputs['sarif-file'], join(dir, 'report.sarif'));
  assert.ok(existsSync(join(dir, 'report.sarif')));
});

test('action step: a missing path is a usage error with no SARIF output', () => {
  const { code, stdout, outputs } = runStep({ paths: 'Dockerfile nowhere.yaml' });
  assert.equal(code, 2);
  assert.equal(outputs['exit-code'], '2');
  assert.equal(outputs['sarif-file'], '');
  assert.match(stdout, /^::error title=shipshape::.*nowhere\.yaml/m);
});

test('action.yml passes every input to the entry script and exposes its outputs', () => {
  const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8'));
  const check = action.runs.steps.find((s: { id?: string }) => s.id === 'check');
  assert.match(check.run, /scripts\/action-entry\.mjs/);
  for (const name of Object.keys(action.inputs).filter((n) => n !== 'upload-sarif')) {
    const variable = `INPUT_${name.toUpperCase().replace(/-/g, '_')}`;
    assert.equal(check.env[variable], `\${{ inputs.${name} }}`, variable);
  }
  for (const name of Object.keys(action.outputs)) assert.equal(action.outputs[name].value, `\${{ steps.check.outputs.${name} }}`);
});
