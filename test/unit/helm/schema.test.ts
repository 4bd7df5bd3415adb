import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateAgainstSingleSchema, validateAgainstSchema } from '../../../src/core/helm/schema';
import { loadFiles } from '../../../src/core/helm/load/loader';
import type { GoMap } from '../../../src/core/gotemplate/values';

test('schema failures are reported in Helm\'s (jsonschema v6) words', () => {
  const cases: [object, GoMap, string][] = [
    [{ required: ['a'] }, {}, "- at '': missing property 'a'\n"],
    [{ required: ['a', 'b'] }, {}, "- at '': missing properties 'a', 'b'\n"],
    [{ properties: { a: { type: 'integer' } } }, { a: 'x' }, "- at '/a': got string, want integer\n"],
    [{ properties: { a: { type: 'integer' } } }, { a: 1.5 }, "- at '/a': got number, want integer\n"],
    [{ properties: { age: { minimum: 0 } } }, { age: -5n }, "- at '/age': minimum: got -5, want 0\n"],
    [{ properties: { s: { minLength: 2 } } }, { s: 'x' }, "- at '/s': minLength: got 1, want 2\n"],
    [{ properties: { s: { pattern: '^a' } } }, { s: 'b' }, "- at '/s': 'b' does not match pattern '^a'\n"],
    [{ additionalProperties: false, properties: { a: {} } }, { a: 1, x: 2 }, "- at '': additional properties 'x' not allowed\n"],
    [{ properties: { n: { type: 'object', required: ['k'] } } }, { n: {} }, "- at '/n': missing property 'k'\n"],
  ];
  for (const [schema, values, expected] of cases) {
    assert.equal(validateAgainstSingleSchema(values, JSON.stringify(schema)), expected, JSON.stringify(schema));
  }
});

test('valid values, formats and remote $refs do not fail (Helm does not assert formats; we never fetch)', () => {
  assert.equal(validateAgainstSingleSchema({ a: 1n }, JSON.stringify({ properties: { a: { type: 'integer' } } })), '');
  assert.equal(validateAgainstSingleSchema({ e: 'not-an-email' }, JSON.stringify({ properties: { e: { format: 'email' } } })), '');
  assert.equal(validateAgainstSingleSchema({ r: 5 }, JSON.stringify({ properties: { r: { $ref: 'https://example.com/s.json' } } })), '');
  assert.equal(
    validateAgainstSingleSchema({ a: 'x' }, JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', properties: { a: { type: 'string' } } })),
    '',
  );
});

test('a broken schema file is a clear error', () => {
  assert.throws(() => validateAgainstSingleSchema({}, '{ not json'), /values\.schema\.json/);
});

test('each subchart is checked against its own schema with its own values', () => {
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  const chart = loadFiles(
    [
      { name: 'Chart.yaml', data: enc('apiVersion: v2\nname: parent\nversion: 1.0.0\n') },
      { name: 'values.schema.json', data: enc(JSON.stringify({ required: ['name'] })) },
      { name: 'charts/sub/Chart.yaml', data: enc('apiVersion: v2\nname: sub\nversion: 0.1.0\n') },
      { name: 'charts/sub/values.schema.json', data: enc(JSON.stringify({ required: ['port'] })) },
    ],
    'inline',
  );
  assert.equal(validateAgainstSchema(chart, { sub: {} }), "parent:\n- at '': missing property 'name'\nsub:\n- at '': missing property 'port'\n");
  assert.equal(validateAgainstSchema(chart, { name: 'x', sub: { port: 1n } }), '');
  // No values for the subchart at all: nothing to validate, as in Helm.
  assert.equal(validateAgainstSchema(chart, { name: 'x' }), '');
});
