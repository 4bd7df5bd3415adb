/** The CLI's formats and exit codes, run in-process on temporary folders. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

function run(args: string[]) {
  let out = '';
  let err = '';
  const code = main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

test('finds Dockerfiles by name, skips node_modules, exits 1 on an error finding', () => {
  const root = project({
    'Dockerfile': 'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=biuld /a /a\n',
    'api.Dockerfile': 'FROM node:22\n',
    'Dockerfile.prod': 'FROM node:22\n',
    'node_modules/x/Dockerfile': 'FROM node:latest\n',
    'README.md': 'FROM node:latest\n',
  });
  const { code, out } = run(['check', root, '--format', 'json']);
  const findings = JSON.parse(out) as { file: string; rule: string; line: number; column: number; endColumn: number; severity: string }[];
  assert.equal(code, 1);
  assert.ok(findings.every((f) => !f.file.includes('node_modules') && !f.file.endsWith('README.md')));
  const copy = findings.find((f) => f.rule === 'copy-from-unknown-stage');
  assert.deepEqual(copy && [copy.line, copy.column, copy.endColumn, copy.severity], [3, 13, 18, 'error']);
});

test('exit code 0 when only warnings remain, 1 with --failure-threshold warning', () => {
  const root = project({ Dockerfile: 'FROM node:latest\nUSER node\nCMD ["node", "a.js"]\n' });
  assert.equal(run(['check', root]).code, 0);
  assert.equal(run(['check', root, '--failure-threshold', 'warning']).code, 1);
});

test('json findings carry the hadolint code', () => {
  const root = project({ Dockerfile: 'FROM node:latest\nUSER node\n' });
  const findings = JSON.parse(run(['check', root, '-f', 'json']).out) as { rule: string; hadolint?: string }[];
  assert.equal(findings.find((f) => f.rule === 'no-latest-tag')?.hadolint, 'DL3007');
});

test('sarif output is SARIF 2.1.0 with rules and 1-based regions', () => {
  const root = project({ Dockerfile: 'FROM node:latest\nUSER node\n' });
  const sarif = JSON.parse(run(['check', root, '--format', 'sarif']).out);
  assert.equal(sarif.version, '2.1.0');
  const [runInfo] = sarif.runs;
  assert.equal(runInfo.tool.driver.name, 'shipshape');
  const result = runInfo.results.find((r: { ruleId: string }) => r.ruleId === 'no-latest-tag');
  assert.equal(runInfo.tool.driver.rules[result.ruleIndex].id, 'no-latest-tag');
  assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 1, startColumn: 11, endLine: 1, endColumn: 17 });
  assert.equal(result.level, 'warning');
});

test('a .shipshape.yaml next to the files is honoured', () => {
  const root = project({ Dockerfile: 'FROM node:latest\nUSER node\n', '.shipshape.yaml': 'rules:\n  no-latest-tag: error\n' });
  assert.equal(run(['check', root]).code, 1);
});

test('usage errors exit 2', () => {
  assert.equal(run(['check', '--format', 'xml']).code, 2);
  assert.equal(run(['bogus']).code, 2);
  assert.equal(run(['check', '/definitely/not/here']).code, 2);
});

test('rules lists every rule with its hadolint alias', () => {
  const { code, out } = run(['rules', '--json']);
  assert.equal(code, 0);
  const rules = JSON.parse(out) as { id: string; aliases?: string[] }[];
  assert.ok(rules.length >= 40);
  assert.deepEqual(rules.find((r) => r.id === 'no-latest-tag')?.aliases, ['DL3007']);
});
