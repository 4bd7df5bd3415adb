/** toJson as Go's encoding/json prints, and values files read as Helm (sigs.k8s.io/yaml) reads them. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { GoValue } from '../../../src/core/gotemplate/values';
import { GoTime } from '../../../src/core/gotemplate/values';
import { ownFunctions, parseYamlValues, toJson } from '../../../src/core/helm/functions';
import { sharedPath } from '../shared-data';

const jsonCases: Array<[string, GoValue, string]> = [
  ['keys sorted by bytes', { b: 1n, a: 2n, B: 3n }, '{"B":3,"a":2,"b":1}'],
  ['HTML characters escaped', { s: '<a href="x">&</a>' }, '{"s":"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"}'],
  ['control characters and line separators', { s: 'a\nb\t\u0001\u2028' }, '{"s":"a\\nb\\t\\u0001\\u2028"}'],
  ['float64 without exponent below 1e21', [1234567, 0.5, 1e20, 1e21, 0.000001, 1e-7], '[1234567,0.5,100000000000000000000,1e+21,0.000001,1e-7]'],
  ['ints, bools, nil', [10n, true, null], '[10,true,null]'],
  ['[]byte as base64', { b: new Uint8Array([0, 255]) }, '{"b":"AP8="}'],
  ['empty map and list', { m: {}, l: [] }, '{"l":[],"m":{}}'],
  ['time.Time as RFC 3339', [new GoTime(Date.UTC(2024, 0, 2, 3, 4, 5, 600))], '["2024-01-02T03:04:05.6Z"]'],
];

for (const [name, value, expected] of jsonCases) {
  test(`toJson: ${name}`, () => assert.equal(toJson(value), expected));
}

test('toJson of NaN: Helm prints "", mustToJson fails with Go\'s message', () => {
  const f = ownFunctions();
  assert.equal(f.toJson.call({ x: NaN }), '');
  assert.throws(() => f.mustToJson.call({ x: Infinity }), /json: unsupported value: \+Inf/);
});

test('fromJson: objects, errors as {Error}, top-level null as an empty map', () => {
  const f = ownFunctions();
  assert.deepEqual(f.fromJson.call('{"a":[1,"x",{"b":null}]}'), { a: [1, 'x', { b: null }] });
  assert.deepEqual(f.fromJson.call('null'), {});
  assert.deepEqual(f.fromJson.call('{"a":'), { Error: 'unexpected end of JSON input' });
  assert.deepEqual(f.fromJson.call('x'), { Error: "invalid character 'x' looking for beginning of value" });
  assert.deepEqual(f.fromJsonArray.call('[1]'), [1]);
});

const valuesCases: Array<[string, string, GoValue]> = [
  ['YAML 1.1 booleans', 'a: yes\nb: Off\nc: y\nd: "yes"\ne: True', { a: true, b: false, c: true, d: 'yes', e: true }],
  ['every number is float64', 'a: 1\nb: 0x10\nc: 012\nd: 0o17\ne: 1_000\nf: 1.5\ng: 1e3\nh: -0b11', { a: 1, b: 16, c: 10, d: 15, e: 1000, f: 1.5, g: 1000, h: -3 }],
  ['nulls and timestamps', 'a: ~\nb: null\nc:\nd: 2024-01-02\ne: 2024-01-02T10:00:00Z', { a: null, b: null, c: null, d: '2024-01-02', e: '2024-01-02T10:00:00Z' }],
  ['non-string keys are stringified', '1: a\ntrue: b\n1.5: c\nn: d\n0x10: e', { '1': 'a', true: 'b', '1.5': 'c', false: 'd', '16': 'e' }],
  ['strings that only look special when quoted', "a: '1'\nb: \"true\"\nc: 1.2.3\nd: v1\ne: 0.1.0", { a: '1', b: 'true', c: '1.2.3', d: 'v1', e: '0.1.0' }],
  ['anchors, aliases and merge keys', 'base: &b {p: 1, q: 2}\nuse: *b\nmerged:\n  <<: *b\n  q: 3', { base: { p: 1, q: 2 }, use: { p: 1, q: 2 }, merged: { p: 1, q: 3 } }],
  ['the YAML 1.1 trap: key y is the boolean true', 'x: 1\ny: 2', { x: 1, true: 2 }],
  ['block scalars', 'a: |\n  l1\n  l2\nb: >-\n  f1\n  f2', { a: 'l1\nl2\n', b: 'f1 f2' }],
  ['documents merge in order (Helm 4)', 'a: {p: 1}\n---\na: {q: 2}\nb: 1', { a: { p: 1, q: 2 }, b: 1 }],
  ['empty file', '', {}],
  ['comment only', '# nothing\n', {}],
  ['later duplicate key wins', 'a: 1\na: 2', { a: 2 }],
];

for (const [name, text, expected] of valuesCases) {
  test(`parseYamlValues: ${name}`, () => assert.deepEqual(parseYamlValues(text), expected));
}

test('parseYamlValues: first document only for Helm 3', () => {
  assert.deepEqual(parseYamlValues('a: 1\n---\nb: 2', { firstDocumentOnly: true }), { a: 1 });
});

test('parseYamlValues: a __proto__ key stays data', () => {
  const v = parseYamlValues('__proto__: {polluted: 1}');
  assert.deepEqual(Object.keys(v), ['__proto__']);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

const errorCases: Array<[string, string, RegExp]> = [
  ['a list at the top', '- a\n- b', /cannot unmarshal array into Go value of type map\[string\]interface \{\}/],
  ['a scalar at the top', 'just text', /cannot unmarshal string into Go value/],
  ['broken syntax with a line number', 'a: [1, 2\nb: 3', /^error converting YAML to JSON: yaml: line 2: /],
  ['NaN has no JSON form', 'x: .nan', /unsupported value: NaN/],
  ['undefined alias', 'a: *nope', /yaml: /],
  ['an alias inside its own anchor', 'a: &x [1, *x]', /yaml: /],
];

for (const [name, text, message] of errorCases) {
  test(`parseYamlValues error: ${name}`, () => assert.throws(() => parseYamlValues(text), { message }));
}

test('parseYamlValues refuses an alias bomb quickly', () => {
  let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i < 9; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
  const started = Date.now();
  assert.throws(() => parseYamlValues(text), /excessive aliasing/);
  assert.ok(Date.now() - started < 5000);
});

test('fromYaml and fromYamlArray report errors in the value, not as failures', () => {
  const f = ownFunctions();
  assert.deepEqual(f.fromYaml.call('a: 1'), { a: 1 });
  assert.match((f.fromYaml.call('- 1') as { Error: string }).Error, /cannot unmarshal array/);
  assert.deepEqual(f.fromYamlArray.call('- 1\n- b'), [1, 'b']);
  assert.match((f.fromYamlArray.call('a: 1') as string[])[0], /cannot unmarshal object/);
});

test('bad input gives a clear error, not a crash', () => {
  assert.throws(() => parseYamlValues(`a: ${'['.repeat(20000)}${']'.repeat(20000)}`), { message: /exceeded max depth/ });
  assert.throws(() => parseYamlValues('a: b\u0000c'), { message: /control characters/ });
  let deep: Record<string, GoValue> = {};
  const root = deep;
  for (let i = 0; i < 5000; i++) {
    const next: Record<string, GoValue> = {};
    deep.a = next;
    deep = next;
  }
  assert.throws(() => toJson(root), { message: /nested deeper than 1000 levels/ });
  assert.equal(ownFunctions().toYaml.call(root), '');
});

test('YAML syntax errors read like go-yaml, as in Helm goldens', () => {
  const testdata = sharedPath('helm-golden/helm-v4/pkg/cmd/testdata');
  // Golden template-with-invalid-yaml.txt and lint-quiet-with-error.txt show these exact texts.
  const pod = readFileSync(`${testdata}/testcharts/chart-with-template-with-invalid-yaml/templates/alpine-pod.yaml`, 'utf8');
  assert.throws(() => parseYamlValues(pod), { message: "error converting YAML to JSON: yaml: line 11: could not find expected ':'" });
  const chart = readFileSync(`${testdata}/testcharts/chart-bad-requirements/Chart.yaml`, 'utf8');
  assert.throws(() => parseYamlValues(chart), { message: "error converting YAML to JSON: yaml: line 6: did not find expected '-' indicator" });
  assert.match(readFileSync(`${testdata}/output/template-with-invalid-yaml.txt`, 'utf8'), /yaml: line 11: could not find expected ':'/);
  assert.throws(() => parseYamlValues('a:\n  b: x\n    c: d\n'), { message: /yaml: line 3: mapping values are not allowed in this context$/ });
  assert.throws(() => parseYamlValues('a: b: c'), { message: /yaml: line 1: mapping values are not allowed in this context$/ });
  assert.throws(() => parseYamlValues('a:\n\tb: 1\n'), { message: /yaml: line 2: found character that cannot start any token$/ });
});

// Found by the helm oracle: go-yaml reads a quoted scalar's continuation lines at any indentation.
test('parseYamlValues: quoted scalars continue on less indented lines, as go-yaml reads them', () => {
  const cases: Array<[string, GoValue]> = [
    ['a: "x\ny"\n', { a: 'x y' }],
    ["m:\n  a: 'x\ny'\n  b: 1\n", { m: { a: 'x y', b: 1 } }],
    ['a: "x\n"\nb: "y\nz"\n', { a: 'x ', b: 'y z' }],
    ['a: it\'s\nb: "q\nr"\n', { a: "it's", b: 'q r' }],
    ['l:\n- "x\ny"\n- 2\n', { l: ['x y', 2] }],
    ['a: [ "x\ny" ]\n', { a: ['x y'] }],
    ['a: &k "x\ny"\nb: *k\n', { a: 'x y', b: 'x y' }],
    ['text: "line1\nline2\n"\n', { text: 'line1 line2 ' }],
    // Not quoted scalars: a block scalar's quote, a comment's quote.
    ['s: |\n  "x\n  y\nb: 1\n', { s: '"x\ny\n', b: 1 }],
    ['# "x\na: 1\n', { a: 1 }],
  ];
  for (const [text, expected] of cases) assert.deepEqual(parseYamlValues(text), expected, text);
  // A plain scalar cannot continue at the key's indentation, and a document marker ends the scalar.
  assert.throws(() => parseYamlValues('a: x\ny\n'));
  assert.throws(() => parseYamlValues('a: "x\n---\ny"\n'));
});
