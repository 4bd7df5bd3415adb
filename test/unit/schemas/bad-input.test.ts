/** Hostile input: every case must end with a clear diagnostic, in bounded time, never a throw. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateYamlFile } from '../../../src/core/schemas';
import { testSchemaDir } from './schema-dir';

function check(text: string, kind: 'kubernetes' | 'compose' = 'kubernetes') {
  const started = Date.now();
  const diagnostics = validateYamlFile(text, 'x.yaml', { schemaDir: testSchemaDir(), kind });
  return { diagnostics, ms: Date.now() - started };
}

test('alias bomb (billion laughs)', () => {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: x}', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
  const { diagnostics, ms } = check(lines.join('\n'));
  assert.ok(ms < 5000, `${ms} ms`);
  assert.equal(diagnostics[0].rule, 'yaml-syntax');
  assert.match(diagnostics[0].message, /Aliases expand this document/);
});

test('100-level nesting and 10,000-level flow nesting', () => {
  let deep = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n';
  for (let i = 1; i <= 100; i++) deep += `${'  '.repeat(i)}k${i}:\n`;
  const nested = check(deep);
  assert.ok(nested.diagnostics.some((d) => d.rule === 'k8s-schema' && /Expected a string/.test(d.message)));
  const flow = check('apiVersion: v1\nkind: ConfigMap\ndata: ' + '['.repeat(10000) + ']'.repeat(10000) + '\n');
  assert.ok(flow.ms < 10000);
  assert.ok(flow.diagnostics.length >= 1);
});

test('binary data, invalid UTF-8 and oversized files', () => {
  const binary = check(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]).toString('latin1'));
  assert.match(binary.diagnostics[0].message, /looks binary/);
  // Invalid UTF-8 decodes to U+FFFD: still text, so the schema decides (a string where a string is meant).
  const invalid = Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: "'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}\n')]);
  assert.deepEqual(check(invalid.toString('utf8')).diagnostics, []);
  const huge = check('a: b\n'.repeat(10 * 1024 * 1024));
  assert.match(huge.diagnostics[0].message, /too large to check \(50\.0 MB; the limit is 24\.0 MB\)/);
  assert.ok(huge.ms < 3000, `${huge.ms} ms`);
});

test('documents that are not mappings, and missing identity', () => {
  const cases: [string, RegExp][] = [
    ['- a\n- b\n', /Expected a Kubernetes object/],
    ['kind:\n', /Missing "apiVersion" and "kind"/],
    ['apiVersion: v1\nkind: 5\n', /Missing "kind"/],
  ];
  for (const [text, message] of cases) assert.match(check(text).diagnostics[0]?.message ?? '', message, text);
  assert.match(check('- a\n', 'compose').diagnostics[0].message, /must be a mapping/);
});
