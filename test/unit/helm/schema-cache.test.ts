/**
 * values.schema.json validators kept between runs (helm/schema-cache.ts): the second run loads what
 * the first compiled and reports exactly the same; a damaged entry is compiled again; a folder that
 * cannot be written is no cache, not an error. Patterns run in RE2, so a backtracking pattern on a
 * long value finishes (it would not finish in a backtracking engine).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { AnySchema } from 'ajv';
import { cachedValidator } from '../../../src/core/helm/schema-cache';
import { schemaRegExp } from '../../../src/core/schemas/ajv';
import { validateAgainstSingleSchema } from '../../../src/core/helm/schema';

const SCHEMA = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', pattern: '^[a-z]+$' }, replicas: { type: 'integer', minimum: 1 }, tags: { type: 'array', items: { type: 'string' } } },
  additionalProperties: false,
} as AnySchema;
const BAD = { name: 'Web', replicas: 0, tags: [1], extra: true };

function withCacheDir<T>(dir: string | undefined, run: () => T): T {
  const saved = process.env.SHIPSHAPE_CACHE_DIR;
  if (dir === undefined) delete process.env.SHIPSHAPE_CACHE_DIR;
  else process.env.SHIPSHAPE_CACHE_DIR = dir;
  try {
    return run();
  } finally {
    if (saved === undefined) delete process.env.SHIPSHAPE_CACHE_DIR;
    else process.env.SHIPSHAPE_CACHE_DIR = saved;
  }
}

function compileCounting(dir: string) {
  let compiles = 0;
  const make = () => {
    compiles++;
    return new Ajv2020({ strict: false, allErrors: true, validateFormats: false, logger: false, validateSchema: false, code: { source: true, regExp: schemaRegExp } });
  };
  const validator = withCacheDir(dir, () => cachedValidator(structuredClone(SCHEMA), '2020-12', make));
  validator(structuredClone(BAD));
  return { compiles, errors: JSON.stringify(validator.errors), valid: validator({ name: 'web', replicas: 2 }) };
}

test('a schema compiled once is loaded from the cache after, with the same findings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-schema-cache-'));
  const first = compileCounting(dir);
  assert.equal(first.compiles, 1);
  assert.ok(readdirSync(join(dir, 'values-schema')).some((f) => f.endsWith('.js')), 'the generated code is kept');
  const second = compileCounting(dir);
  assert.equal(second.compiles, 0, 'the second run compiles nothing');
  assert.equal(second.errors, first.errors);
  assert.equal(second.valid, true);
  assert.ok(JSON.parse(second.errors).length >= 4, second.errors);
  // The third run also has V8's code for it.
  const third = compileCounting(dir);
  assert.equal(third.compiles, 0);
  assert.ok(readdirSync(join(dir, 'values-schema')).some((f) => f.endsWith('.js.v8')), "V8's code is kept beside");
});

test('a damaged cache entry is compiled again; an unwritable folder is no cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-schema-cache-'));
  const first = compileCounting(dir);
  for (const f of readdirSync(join(dir, 'values-schema'))) writeFileSync(join(dir, 'values-schema', f), 'module.exports = ((');
  const again = compileCounting(dir);
  assert.equal(again.compiles, 1);
  assert.equal(again.errors, first.errors);
  const file = join(dir, 'a-file');
  writeFileSync(file, '');
  const nowhere = compileCounting(join(file, 'below'));
  assert.equal(nowhere.compiles, 1);
  assert.equal(nowhere.errors, first.errors);
  assert.equal(compileCounting(join(file, 'below')).compiles, 1);
});

test('values.schema.json patterns run in RE2: a nested quantifier on a long value finishes, Go syntax works', () => {
  const schema = JSON.stringify({ properties: { a: { pattern: '^(a+)+$' }, b: { pattern: '^\\pL+$' } } });
  assert.equal(validateAgainstSingleSchema({ a: `${'a'.repeat(5000)}b`, b: 'héllo' }, schema), `- at '/a': '${'a'.repeat(5000)}b' does not match pattern '^(a+)+$'\n`);
});
