import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYamlFile, rangeOfPath } from '../../../src/core/yaml/parse';

const manifest = [
  '# leading comment',
  '---',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  '  namespace: prod',
  'spec:',
  '  contianers: []',
  '---',
  'list: [1, 2]',
  '',
].join('\n');

test('splits documents and reads their identity', () => {
  const file = parseYamlFile(manifest);
  assert.equal(file.documents.length, 2);
  const [pod, other] = file.documents;
  assert.deepEqual([pod.apiVersion, pod.kind, pod.name, pod.namespace], ['v1', 'Pod', 'web', 'prod']);
  assert.deepEqual(other.value, { list: [1, 2] });
  assert.equal(file.text.slice(other.startOffset, other.endOffset), '---\nlist: [1, 2]\n');
});

test('rangeOfPath points at keys, values, and the parent of a missing path', () => {
  const file = parseYamlFile(manifest);
  const cases: { path: (string | number)[]; target?: 'key' | 'value'; doc?: number; expect: [number, number, number, number] }[] = [
    { path: ['spec', 'contianers'], target: 'key', expect: [8, 2, 8, 12] },
    { path: ['metadata', 'name'], expect: [5, 8, 5, 11] },
    { path: ['spec', 'containers'], expect: [7, 0, 7, 4] }, // missing: the parent key
    { path: ['list', 1], doc: 1, expect: [10, 10, 10, 11] },
  ];
  for (const c of cases) {
    const r = rangeOfPath(file, c.doc ?? 0, c.path, c.target);
    assert.deepEqual([r.start.line, r.start.character, r.end.line, r.end.character], c.expect, c.path.join('.'));
  }
});

test('YAML 1.1 by default (as kubectl), 1.2 on request (as docker compose)', () => {
  assert.deepEqual(parseYamlFile('a: yes\nb: 0755\n').documents[0].value, { a: true, b: 493 });
  assert.deepEqual(parseYamlFile('a: yes\n', { version: '1.2' }).documents[0].value, { a: 'yes' });
});

test('duplicate keys are parse errors, and the later value wins', () => {
  const doc = parseYamlFile('a: 1\na: 2\n').documents[0];
  assert.equal(doc.doc.errors[0]?.code, 'DUPLICATE_KEY');
  assert.deepEqual(doc.value, { a: 2 });
});

test('bad input gives a clear error, never a throw', () => {
  const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]'];
  for (const n of ['b', 'c', 'd', 'e', 'f', 'g']) {
    const prev = bomb.length === 1 ? 'a' : String.fromCharCode(n.charCodeAt(0) - 1);
    bomb.push(`${n}: &${n} [${Array(9).fill('*' + prev).join(',')}]`);
  }
  const bombed = parseYamlFile(bomb.join('\n')).documents[0];
  assert.equal(bombed.value, undefined);
  assert.deepEqual(bombed.doc.errors.map((e) => e.code), ['RESOURCE_EXHAUSTION']);
  assert.equal(parseYamlFile('x\u0000y').fileError?.code, 'binary');
  const deep = parseYamlFile('a: ' + '['.repeat(20000) + ']'.repeat(20000));
  assert.ok(deep.documents.length === 1);
  assert.deepEqual(parseYamlFile('').documents, []);
  assert.deepEqual(parseYamlFile('# only a comment\n').documents, []);
});

test('compose merge tags are not reported as unresolved', () => {
  const doc = parseYamlFile('services:\n  a:\n    ports: !reset []\n').documents[0];
  assert.deepEqual(doc.doc.warnings, []);
});

test('re-parsing with the previous parse gives the same documents as a fresh parse', () => {
  const docs = ['# header\n', 'a: 1\n', '---\nb: [1,\n  2]\n', '---\n', '---\nc: |\n  text\n', '--- \nd: 4'];
  const base = docs.join('');
  const edits: [at: (s: string) => number, insert: string, remove: number][] = [
    [(s) => s.indexOf('b:'), 'x: 0\n', 0], // inside a middle document
    [(s) => s.indexOf('---\nc'), 'new: doc\n---\n', 0], // a new document
    [(s) => s.indexOf('---\n---'), '', 4], // remove an empty document
    [(s) => s.length, '\nmore: 5\n', 0], // append to the last document
    [(s) => s.length, '\n---\ne: 5\n', 0], // append a document
    [() => 0, '---\n', 0], // a marker before everything
    [(s) => s.indexOf('  text'), '---\n', 0], // a marker inside a block scalar ends the document
    [(s) => s.indexOf('a: 1'), '', 5], // delete the first document's content
  ];
  const summary = (text: string, previous?: ReturnType<typeof parseYamlFile>) =>
    parseYamlFile(text, { previous }).documents.map((d) => [d.startOffset, d.source, JSON.stringify(d.value), d.doc.errors.length]);
  for (const [at, insert, remove] of edits) {
    const previous = parseYamlFile(base);
    const i = at(base);
    const edited = base.slice(0, i) + insert + base.slice(i + remove);
    assert.deepEqual(summary(edited, previous), summary(edited), JSON.stringify(edited));
  }
});
