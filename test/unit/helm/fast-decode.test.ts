/**
 * The one-pass YAML reader (goyaml/fast-decode.ts) against the full path (`yaml` + decode.ts), and the
 * fast manifest head against the `yaml` one: wherever the fast path answers, its answer must be the
 * full path's (same values, key order, number types). Every YAML file and golden output in ../shared,
 * then inline cases for each construct it reads and each reason it declines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readDocumentValues } from '../../../src/core/helm/goyaml';
import { readHeadFast, readHeadFull, splitManifests } from '../../../src/core/helm/sort';
import type { GoValue } from '../../../src/core/gotemplate/values';

const SHARED = join(__dirname, '../../../../shared');

function collect(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return collect(path, keep);
    return keep(name) ? [path] : [];
  });
}

/** Values with their types and key order spelled out, so equal strings mean equal values. */
function canonical(value: GoValue): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return `num(${Object.is(value, -0) ? '-0' : String(value)})`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value}(${String(value)})`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return `{${Object.keys(value).map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, GoValue>)[k])}`).join(',')}}`;
  }
  throw new Error(`unexpected value ${String(value)}`);
}

/** The fast path's documents, checked against the full path's; undefined when it declined. */
function fastChecked(text: string, where: string): GoValue[] | undefined {
  let fast: GoValue[] | undefined;
  try {
    fast = readDocumentValues(text, 'fast');
  } catch {
    return undefined; // a pre-check (nesting, NUL) refused it before either path
  }
  if (fast === undefined) return undefined;
  let full: GoValue[];
  try {
    full = readDocumentValues(text, 'full')!;
  } catch (error) {
    assert.fail(`${where}: the fast path read what the full path rejects (${(error as Error).message})`);
  }
  assert.equal(fast.map(canonical).join('\n---\n'), full.map(canonical).join('\n---\n'), where);
  return fast;
}

function headChecked(doc: string, where: string): boolean {
  const fast = readHeadFast(doc);
  if (fast === undefined) return false;
  let full;
  try {
    full = readHeadFull(doc, where);
  } catch (error) {
    assert.fail(`${where}: the fast head read what the full path rejects (${(error as Error).message})`);
  }
  assert.deepEqual(fast, full, where);
  return true;
}

test('every YAML file in ../shared: the fast path declines or agrees with the full path', (t) => {
  const files = collect(SHARED, (name) => /\.ya?ml$/.test(name));
  assert.ok(files.length > 1000, `expected the shared corpora, found ${files.length} files`);
  let taken = 0;
  let docs = 0;
  let heads = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (fastChecked(text, file)) taken++;
    for (const doc of splitManifests(text, true)) {
      docs++;
      if (headChecked(doc, file)) heads++;
    }
  }
  t.diagnostic(`fast path took ${taken} of ${files.length} files; fast head took ${heads} of ${docs} documents`);
  // Most real files are within the subset; far fewer would mean the reader broke.
  assert.ok(taken > files.length * 0.7, `fast path took only ${taken} of ${files.length}`);
});

test("every golden `helm template` output, split into documents: values and heads agree", (t) => {
  const files = collect(join(SHARED, 'helm-golden'), (name) => name.endsWith('.txt'));
  let docs = 0;
  let taken = 0;
  let heads = 0;
  for (const file of files) {
    for (const doc of splitManifests(readFileSync(file, 'utf8'), true)) {
      docs++;
      if (fastChecked(doc, file)) taken++;
      if (headChecked(doc, file)) heads++;
    }
  }
  t.diagnostic(`fast path took ${taken} of ${docs} golden documents; fast head took ${heads}`);
  assert.ok(heads > docs * 0.5, `fast head took only ${heads} of ${docs}`);
});
