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
import { FAST_MAX_DEPTH, readDocumentValues } from '../../../src/core/helm/goyaml';
import { MAX_YAML_NESTING } from '../../../src/core/yaml/nesting';
import { readHeadFast, readHeadFull, splitManifests } from '../../../src/core/helm/sort';
import { readValuesFile } from '../../../src/core/helm/values/yaml';
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

/** Text the fast path must read, and the documents it must give (equal to the full path's). */
const READS: [name: string, yaml: string, docs: GoValue[]][] = [
  ['block mapping, nested, key order', 'b: 1\na:\n  z: x\n  x: z\n', [{ b: 1, a: { z: 'x', x: 'z' } }]],
  ['integer-like keys order as in any object', 'b: 1\n"2": x\n1: w\n', [{ b: 1, 2: 'x', 1: 'w' }]],
  ['sequence at its key\'s indentation, then a key', 'a:\n- x\n- w\nb: 2\n', [{ a: ['x', 'w'], b: 2 }]],
  ['indented sequence of compact mappings', 'a:\n  - name: x\n    port: 80\n  -   name: w\n', [{ a: [{ name: 'x', port: 80 }, { name: 'w' }] }]],
  ['empty values and items', 'a:\nb: \nc:\n  -\n  - # c\n', [{ a: null, b: null, c: [null, null] }]],
  ['item on the lines below its dash', '-\n  a: 1\n- x\n', [[{ a: 1 }, 'x']]],
  ['comments, a hash inside a word', '# top\na: b#c # trailing\n  # indented comment\nb: "x" # after quotes\n', [{ a: 'b#c', b: 'x' }]],
  ['YAML 1.1 booleans', 'a: yes\nb: on\nc: Off\nd: n\ne: "yes"\n', [{ a: true, b: true, c: false, d: false, e: 'yes' }]],
  ['numbers as float64', 'a: 0x1F\nb: 1e3\nc: 010\nd: 1_000\ne: -0.5\nf: 0o17\ng: 12345678901234567890\n', [{ a: 31, b: 1000, c: 8, d: 1000, e: -0.5, f: 15, g: 12345678901234567000 }]],
  ['nulls, timestamps stay strings', 'a: ~\nb: null\nc: 2001-12-14\nd: 2001-12-14T21:59:43.10-05:00\n', [{ a: null, b: null, c: '2001-12-14', d: '2001-12-14T21:59:43.10-05:00' }]],
  ['non-string keys stringified', '1: a\ntrue: b\n0x10: d\n', [{ 1: 'a', true: 'b', 16: 'd' }]],
  ['quoted scalars and escapes', 'a: \'it\'\'s\'\nb: "t\\tn\\n\\"q\\" \\\\ \\x41\\u00e9\\U0001F600 \\/"\nc: ""\nd: \'\'\n"e f": 1\n', [{ a: "it's", b: 't\tn\n"q" \\ Aé😀 /', c: '', d: '', 'e f': 1 }]],
  ['plain scalars keep inner blanks and non-ASCII', 'a: b c  d\nb: b\u00a0\nc: héllo\n', [{ a: 'b c  d', b: 'b\u00a0', c: 'héllo' }]],
  ['colons and flow characters inside block plain scalars', 'url: http://x:80/a\nk:v: w\nexpr: a[0]{1},2\n', [{ url: 'http://x:80/a', 'k:v': 'w', expr: 'a[0]{1},2' }]],
  ['literal block scalars: clip, strip, keep', 'a: |\n  x\n\n   y\n  # no comment\nb: |-\n  x\nc: |+\n  x\n\nd: 1\n', [{ a: 'x\n\n y\n# no comment\n', b: 'x', c: 'x\n\n', d: 1 }]],
  ['folded block scalar', 'a: >\n  x\n  y\n\n  z\nb: >-\n\n  w\n', [{ a: 'x y\nz\n', b: '\nw' }]],
  ['block scalar in a sequence, at the end without a line break', '- |\n  x\n- k: |\n    z', [['x\n', { k: 'z\n' }]]],
  ['flow collections', 'a: []\nb: {}\nc: [x, "y", 1, -2]\nd:\n  {}\ne: [ ]\n', [{ a: [], b: {}, c: ['x', 'y', 1, -2], d: {}, e: [] }]],
  ['multi-line plain scalars fold', 'a: b\n  c\n\n   d  \ne: 1\nf: x # c\ng:\n  h\n  i # c\n', [{ a: 'b c\nd', e: 1, f: 'x', g: 'h i' }]],
  ['multi-line plain sequence item and compact mapping value', '- x\n  y\n- k: v\n    w\n', [['x y', { k: 'v w' }]]],
  ['plain continuation lines may start with indicators', 'a: foo\n  - bar\n  "q" *x [y]\n', [{ a: 'foo - bar "q" *x [y]' }]],
  ['quoted scalars over lines fold', "a: 'it''s  \n  a\n\n    b'\nb: \"x\n   y\" # c\n", [{ a: "it's a\nb", b: 'x y' }]],
  ['indented root mapping', '  a: 1\n  b: 2\n', [{ a: 1, b: 2 }]],
  ['documents', 'a: 1\n---\nb: 2\n--- # c\n', [{ a: 1 }, { b: 2 }, null]],
  ['comment before the first document marker: one document', '# c\n---\na: 1\n', [{ a: 1 }]],
  ['an empty document before the second marker', '---\n---\na: 1\n', [null, { a: 1 }]],
  ['nothing but comments', '# a\n\n  # b\n', []],
  ['root flow collection', '[a, b]\n', [['a', 'b']]],
  ['anchored scalars and their aliases', 'a: &x 1\nb: *x\nc:\n  - &q "v w" # c\n  - *q\n  - *x # c\nd: &m b\n  c\ne: *m\n', [{ a: 1, b: 1, c: ['v w', 'v w', 1], d: 'b c', e: 'b c' }]],
  ['an anchor defined again: later aliases take the new value', 'a: &x 1\nb: *x\nc: &x two\nd: *x\n', [{ a: 1, b: 1, c: 'two', d: 'two' }]],
];

test('the fast path reads each construct as the full path does', () => {
  for (const [name, yaml, expected] of READS) {
    const fast = fastChecked(yaml, name);
    assert.ok(fast, `${name}: declined`);
    assert.equal(fast.map(canonical).join('\n'), expected.map(canonical).join('\n'), name);
  }
});

test('`__proto__` is an own key, not the prototype', () => {
  const [doc] = fastChecked('__proto__:\n  polluted: 1\n', '__proto__')!;
  assert.ok(Object.hasOwn(doc as object, '__proto__'));
  assert.equal(Object.getPrototypeOf(doc), Object.prototype);
});

/** Text the fast path must leave to the full path (outside its subset, doubtful, or an error). */
const DECLINES: [reason: string, yaml: string][] = [
  ['anchored mapping', 'a: &x\n  b: 1\nc: *x\n'],
  ['anchored sequence item mapping', '- &x k: v\n- *x\n'],
  ['anchored flow sequence', 'a: &x [1]\nb: *x\n'],
  ['anchored block scalar', 'a: &x |\n  t\nb: *x\n'],
  ['empty anchored value', 'key: &a\nb: 1\n'],
  ['unknown alias', 'b: *x\n'],
  ['alias before its anchor', 'b: *x\na: &x 1\n'],
  ['alias to another document\'s anchor', 'a: &x 1\n---\nb: *x\n'],
  ['anchor on a key', '&k a: 1\n'],
  ['alias as a key', 'a: &k x\n*k : 1\n'],
  ['alias in a flow sequence', 'a: &x 1\nb: [*x]\n'],
  ['anchor name with other characters', 'a: &x.y 1\nb: *x.y\n'],
  ['text after an alias', 'a: &x 1\nb: *x y\n'],
  ['anchored alias', 'a: &x 1\nb: &y *x\n'],
  ['merge key of an anchored scalar', 'a: &x 1\nb:\n  <<: *x\n'],
  ['many aliases', `a: &x 1\n${Array.from({ length: 101 }, (_, i) => `k${i}: *x`).join('\n')}\n`],
  ['tag', 'a: !!str 1\n'],
  ['complex key', '? complex\n: v\n'],
  ['merge key', 'a:\n  x: 1\nb:\n  <<: {}\n'],
  ['tab in indentation', 'a:\n\tb: 1\n'],
  ['tab after a key', 'a:\tb\n'],
  ['duplicate key', 'a: 1\na: 2\n'],
  ['duplicate key, once quoted', 'a: 1\n"a": 2\n'],
  ['infinity (JSON cannot hold it)', 'a: .inf\n'],
  ['NaN', 'a: .nan\n'],
  ['null key', '~: x\n'],
  ['float key (float32 printing)', '1.5: x\n'],
  ['plain continuation line with a value indicator', 'a: b\n  c: d\n'],
  ['deeper line after a plain scalar\'s comment', 'a: b\n  # c\n  d\n'],
  ['tab in a plain continuation line', 'a: b\n  c\td\n'],
  ['escape in a double-quoted scalar over lines', 'a: "x\\t\n  y"\n'],
  ['quoted continuation line not indented (the full path re-indents it)', "a: 'x\ny'\n"],
  ['quoted scalar over lines as a key', '"a\n  b": c\n'],
  ['quoted scalar over lines, empty first line', "a: '\n  x'\n"],
  ['escaped line break', 'a: "x\\\n  y"\n'],
  ['unknown escape', 'a: "\\q"\n'],
  ['lone surrogate escape', 'a: "\\ud800"\n'],
  ['explicit indentation indicator', 'a: |2\n   x\n'],
  ['keep chomping at the end of the text', 'a: |+\n  x\n'],
  ['folded more-indented line', 'a: >\n  x\n    y\n'],
  ['leading blank line deeper than the content', 'a: |\n     \n  x\n'],
  ['comment between a block scalar and its parent', 'a:\n  b: |\n      x\n    # c\n'],
  ['flow sequence trailing comma', 'a: [a, b, ]\n'],
  ['flow sequence over lines', 'a: [a,\n  b]\n'],
  ['flow mapping with content', 'a: {b: 1}\n'],
  ['nested flow', 'a: [[1]]\n'],
  ['directive', '%YAML 1.1\n---\na: 1\n'],
  ['document end marker', 'a: 1\n...\n'],
  ['content on the document marker line', '--- a\n'],
  ['mapping in a value', 'a: b: c\n'],
  ['key at a sequence\'s indentation', 'a:\n  - x\n  b: y\n'],
  ['item after a scalar value', 'a: 1\n- b\n'],
  ['text after a quoted scalar', 'a: "x" y\n'],
  ['comment glued to a quoted scalar', 'a: "x"#c\n'],
  ['compact nested sequence', '- - x\n'],
  ['dash value', 'a: - b\n'],
  ['reserved indicator', 'a: @x\n'],
  ['carriage return', 'a: 1\r\nb: 2\r\n'],
  ['control character', 'a: \x07\n'],
  ['byte order mark inside', 'a: \ufeffx\n'],
  ['line separator', 'a: x\u2028y\n'],
  ['over-long implicit key', `${'k'.repeat(1100)}: 1\n`],
  ['root scalar', 'hello\n'],
  ['deeper line after a complete mapping', 'a:\n    b: 1\n  c: 2\n'],
  ['key without a value indicator', 'a: 1\nb\n'],
];

test('the fast path declines what is outside its subset or in doubt', () => {
  for (const [reason, yaml] of DECLINES) {
    assert.equal(readDocumentValues(yaml, 'fast'), undefined, reason);
  }
});

test('a values file is parsed once; its first document shares nothing with the merged values', () => {
  const read = readValuesFile('a:\n  x: 1\n---\na:\n  z: 2\n');
  assert.deepEqual(read.values, { a: { x: 1, z: 2 } });
  assert.deepEqual(read.firstDocument, { a: { x: 1 } });
  assert.notEqual(read.firstDocument!.a, read.values.a);
  assert.equal(readValuesFile('---\na: 1\n').firstDocument, undefined);
  // The full path (an alias) gives the same shape.
  const aliased = readValuesFile('a: &x\n  x: 1\nb: *x\n---\nc: 2\n');
  assert.deepEqual(aliased, { values: { a: { x: 1 }, b: { x: 1 }, c: 2 }, firstDocument: { a: { x: 1 }, b: { x: 1 } } });
  assert.notEqual(aliased.firstDocument!.a, aliased.values.a);
});

const MANIFEST = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  annotations:\n    helm.sh/hook: pre-install\n    "helm.sh/hook-weight": "5"\n    w: 10\n    empty:\ndata:\n  x: .inf\n';

test('the fast head reads kind, apiVersion, name and annotations as the yaml head does', () => {
  const head = readHeadFast(MANIFEST);
  assert.deepEqual(head, { kind: 'ConfigMap', apiVersion: 'v1', name: 'cm', annotations: { 'helm.sh/hook': 'pre-install', 'helm.sh/hook-weight': '5', w: '10', empty: '' } });
  assert.deepEqual(head, readHeadFull(MANIFEST, 'm.yaml'));
  const scalarMetadata = 'kind: A\nmetadata: m\n';
  assert.deepEqual(readHeadFast(scalarMetadata), readHeadFull(scalarMetadata, 'm.yaml'));
  assert.deepEqual(readHeadFast('# only a comment\n'), { kind: '', apiVersion: '', name: '', annotations: {} });
});

test('the fast head declines doubtful head fields and what the yaml head rejects', () => {
  const cases: [reason: string, doc: string][] = [
    ['octal-looking name (yaml 1.1 reads 0o17 differently)', 'kind: A\nmetadata:\n  name: 0o17\n'],
    ['sexagesimal kind', 'kind: 1:20\n'],
    ['timestamp name', 'metadata:\n  name: 2001-12-14\n'],
    ['doubtful annotation key', 'metadata:\n  annotations:\n    1:20: x\n'],
    ['float annotation value', 'metadata:\n  annotations:\n    w: 1.50\n'],
    ['root sequence (an error)', '- a\n'],
    ['invalid YAML', 'kind: A\n b: c\n'],
    ['two documents', 'kind: A\n---\nkind: B\n'],
    ['duplicate key', 'kind: A\nkind: B\n'],
  ];
  for (const [reason, doc] of cases) assert.equal(readHeadFast(doc), undefined, reason);
});

test('the fast path reads no deeper than the nesting bounds it runs before', () => {
  // Its callers check nesting only when it declines; a text it reads must be within their limits.
  assert.ok(FAST_MAX_DEPTH + 2 < MAX_YAML_NESTING);
  const deep = (levels: number) => Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n';
  assert.ok(readDocumentValues(deep(FAST_MAX_DEPTH - 10), 'fast'));
  assert.equal(readDocumentValues(deep(FAST_MAX_DEPTH + 10), 'fast'), undefined);
  assert.throws(() => readDocumentValues(deep(MAX_YAML_NESTING + 10), 'full'), /nested deeper than/);
});
