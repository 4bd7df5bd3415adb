/** Bad input gets one clear diagnostic or nothing, in bounded time, and never an exception. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintDockerfileDetailed } from '../../../src/core/dockerfile';

function lint(text: string) {
  const result = lintDockerfileDetailed(text);
  assert.deepEqual(result.ruleErrors.map((e) => `${e.rule}: ${e.error.message}`), [], 'a rule threw');
  return result.diagnostics;
}

test('an empty file has no findings', () => assert.deepEqual(lint(''), []));
test('whitespace and comments only', () => assert.deepEqual(lint('\n\n# just a comment\n   \n'), []));

test('a binary file is reported once as binary', () => {
  const binary = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x3e, 0x00]).toString('latin1').repeat(200);
  const found = lint(binary);
  assert.deepEqual(found.map((d) => d.rule), ['binary-file']);
});

test('NUL bytes inside an otherwise valid Dockerfile are reported as binary', () => {
  assert.deepEqual(lint('FROM node:22\u0000\nCMD ["node"]').map((d) => d.rule), ['binary-file']);
});

test('invalid UTF-8 (decoded to replacement characters) does not crash', () => {
  const text = Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xc3, 0x28, 0x0a, 0x52, 0x55, 0x4e, 0x20, 0xff, 0xfe]).toString('utf8');
  assert.ok(Array.isArray(lint(text)));
});

test('a 10 MB file is declined with one diagnostic', () => {
  const big = 'RUN echo hello world\n'.repeat(500_000);
  const found = lint(`FROM alpine:3.20\n${big}`);
  assert.deepEqual(found.map((d) => d.rule), ['file-too-large']);
});

test('an unterminated heredoc is linted without throwing', () => {
  const found = lint('FROM debian:12\nRUN <<EOF\napt-get update\n');
  assert.ok(Array.isArray(found));
});

test('unterminated quotes and brackets give a syntax finding, not an exception', () => {
  const found = lint('FROM debian:12\nRUN echo "oops\nCMD ["node", "a.js"\nENV A="b\n');
  assert.ok(found.some((d) => d.rule === 'shell-syntax-error'));
});

test('a huge single RUN line stays bounded', () => {
  const run = `FROM debian:12\nRUN ${Array.from({ length: 20_000 }, (_, i) => `echo ${i}`).join(' && ')}\n`;
  assert.ok(Array.isArray(lint(run)));
});

test('deeply nested shell constructs do not overflow the stack', () => {
  const nested = `FROM debian:12\nRUN ${'('.repeat(2000)}true${')'.repeat(2000)}\n`;
  assert.ok(Array.isArray(lint(nested)));
});
