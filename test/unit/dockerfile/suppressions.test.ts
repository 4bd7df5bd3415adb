/** Inline suppressions in our syntax and in hadolint's, BuildKit's and dockerfile-utils' syntaxes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintDockerfile } from '../../../src/core/dockerfile';

const rulesOf = (text: string, options = {}) => lintDockerfile(text, options).map((d) => `${d.rule}@${d.range.start.line + 1}`);

const cases: { name: string; text: string; absent: string[]; present?: string[]; options?: object }[] = [
  { name: 'shipshape next-instruction', text: '# shipshape ignore=no-latest-tag\nFROM node:latest\nFROM node:latest', absent: ['no-latest-tag@2'], present: ['no-latest-tag@3'] },
  { name: 'hadolint code through the alias', text: '# hadolint ignore=DL3007\nFROM node:latest', absent: ['no-latest-tag@2'] },
  { name: 'a comment after the ids', text: 'FROM ubuntu:24.04\n# hadolint ignore=DL3002 # the base needs root\nUSER root', absent: ['final-user-root@3'] },
  { name: 'several ids, spaces after commas', text: '# hadolint ignore=DL3007, DL3002\nFROM node:latest\nUSER root', absent: ['no-latest-tag@2'], present: ['final-user-root@3'] },
  { name: 'comment lines between pragma and instruction', text: '# shipshape ignore=no-latest-tag\n# the base image\nFROM node:latest', absent: ['no-latest-tag@3'] },
  { name: 'pragma applies to the whole continued instruction', text: 'FROM debian:12\n# shipshape ignore=apt-no-install-recommends\nRUN apt-get update && \\\n  apt-get install -y curl', absent: ['apt-no-install-recommends@4'] },
  { name: 'stage scope', text: 'FROM node:latest AS a\n# shipshape stage ignore=exec-form-cmd\nCMD node a\nCMD node b\nFROM node:22\nCMD node c', absent: ['exec-form-cmd@3', 'exec-form-cmd@4'], present: ['exec-form-cmd@6'] },
  { name: 'global scope', text: 'FROM node:latest\n# shipshape global ignore=no-latest-tag\nFROM node:latest', absent: ['no-latest-tag@1', 'no-latest-tag@3'] },
  { name: 'hadolint global', text: '# hadolint global ignore=DL3025\nFROM node:22\nCMD node a', absent: ['exec-form-cmd@3'] },
  { name: 'BuildKit check=skip directive', text: '# check=skip=JSONArgsRecommended\nFROM node:22\nCMD node a', absent: ['exec-form-cmd@3'] },
  { name: 'dockerfile-utils ignore', text: 'FROM node:22\n# dockerfile-utils: ignore\nCMD node a', absent: ['exec-form-cmd@3'] },
  { name: 'all', text: '# shipshape ignore=all\nFROM node:latest', absent: ['no-latest-tag@2'] },
  { name: 'pragmas disabled by policy', text: '# shipshape ignore=no-latest-tag\nFROM node:latest', absent: [], present: ['no-latest-tag@2'], options: { allowInlineIgnores: false } },
  { name: 'a pragma inside a RUN continuation does not leak to the next instruction', text: '# shipshape ignore=exec-form-cmd\nFROM node:22\nCMD node a', absent: [], present: ['exec-form-cmd@3'] },
];

for (const c of cases) {
  test(`suppression: ${c.name}`, () => {
    const found = rulesOf(c.text, c.options);
    for (const a of c.absent) assert.ok(!found.includes(a), `${a} should be suppressed; got ${found.join(', ')}`);
    for (const p of c.present ?? []) assert.ok(found.includes(p), `${p} should be reported; got ${found.join(', ')}`);
  });
}

test('severity overrides by id and by alias, and off', () => {
  const text = 'FROM node:latest\nCMD node a';
  const byId = lintDockerfile(text, { severity: { 'no-latest-tag': 'error' } }).find((d) => d.rule === 'no-latest-tag');
  assert.equal(byId?.severity, 'error');
  const byAlias = lintDockerfile(text, { severity: { dl3025: 'info' } }).find((d) => d.rule === 'exec-form-cmd');
  assert.equal(byAlias?.severity, 'info');
  assert.equal(lintDockerfile(text, { severity: { DL3007: 'off' } }).filter((d) => d.rule === 'no-latest-tag').length, 0);
});

test('minimum severity hides lower findings', () => {
  const found = lintDockerfile('FROM debian:12\nRUN apt-get install -y curl', { minimumSeverity: 'warning' });
  assert.ok(!found.some((d) => d.severity === 'info' || d.severity === 'style'));
});
