/**
 * toYaml must print what Helm prints (sigs.k8s.io/yaml: encoding/json, then go-yaml v2). Expected texts
 * follow go-yaml v2's documented emitter rules; each row names the rule it checks.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { GoValue } from '../../../src/core/gotemplate/values';
import { ownFunctions, toYaml, toYamlPretty } from '../../../src/core/helm/functions';

const cases: Array<[string, GoValue, string]> = [
  ['simple map', { foo: 'bar' }, 'foo: bar'],
  ['sequence not indented under its key', { list: ['a', 'b'] }, 'list:\n- a\n- b'],
  ['nested maps indent by two', { a: { b: { c: 'd' } } }, 'a:\n  b:\n    c: d'],
  ['map inside a sequence', { l: [{ x: 1n, y2: 'z' }] }, 'l:\n- x: 1\n  y2: z'],
  ['sequence inside a sequence', [['a', 'b'], 'c'], '- - a\n  - b\n- c'],
  ['natural key order: non-letters first, digit runs by value', { a10: 1n, b: 1n, a2: 1n, B: 1n, _x: 1n }, '_x: 1\nB: 1\na2: 1\na10: 1\nb: 1'],
  ['empty collections in flow style', { m: {}, l: [], n: null }, 'l: []\nm: {}\n"n": null'],
  ['YAML 1.1 bool-like strings are double-quoted', { a: 'yes', b: 'on', c: 'true', d: 'N' }, 'a: "yes"\nb: "on"\nc: "true"\nd: "N"'],
  ['number-like and null-like strings are double-quoted', { a: '1.0', b: '0x1F', c: '', d: '~', e: '1e3', f: '1_000' }, 'a: "1.0"\nb: "0x1F"\nc: ""\nd: "~"\ne: "1e3"\nf: "1_000"'],
  ['timestamp-like and sexagesimal strings are double-quoted', { a: '2024-01-31', b: '1:20', c: '2024-02-30' }, 'a: "2024-01-31"\nb: "1:20"\nc: 2024-02-30'],
  ['indicators force single quotes', { a: '*', b: 'x: y', c: '#c', d: 'x #y', e: ' lead', f: 'trail ', g: '- item', h: '@v' }, "a: '*'\nb: 'x: y'\nc: '#c'\nd: 'x #y'\ne: ' lead'\nf: 'trail '\ng: '- item'\nh: '@v'"],
  ['quotes inside single-quoted text are doubled', { a: "'q'" }, "a: '''q'''"],
  ['plain is fine for inner indicators', { a: "it's", b: 'a:b', c: 'x-y', d: 'http://h:8080/p?q=1' }, "a: it's\nb: a:b\nc: x-y\nd: http://h:8080/p?q=1"],
  ['keys that read as bools are quoted too', { y: 1n, n: 2n, on: 3n }, '"n": 2\n"on": 3\n"y": 1'],
  // The document ends "x\n\n"; Helm's TrimSuffix drops one of the two line breaks.
  ['multi-line text as a literal block, clipped or kept', { a: 'x\ny', b: 'x\n', c: 'x\n\n' }, 'a: |-\n  x\n  y\nb: |\n  x\nc: |+\n  x\n'],
  ['literal block with a leading space gets an indentation hint', { a: ' x\ny' }, 'a: |2-\n   x\n  y'],
  ['a space before a line break rules out the block style', { a: 'x \ny' }, 'a: "x \\ny"'],
  ['control and non-BMP characters are escaped in double quotes', { a: 'a\tb', b: 'hi 😀', c: 'é' }, 'a: "a\\tb"\nb: "hi \\U0001F600"\nc: é'],
  ['integers and integral floats print as integers', { a: 10n, b: 1234567, c: -0 }, 'a: 10\nb: 1234567\nc: 0'],
  ['fractional floats use Go %g shortest form', { a: 0.5, b: 1234567.5, c: 0.00001, d: 1e21 }, 'a: 0.5\nb: 1.2345675e+06\nc: 1e-05\nd: 1e+21'],
  ['[]byte marshals as base64 text', { b: new Uint8Array([104, 105]) }, 'b: aGk='],
  ['a scalar document', 'hello', 'hello'],
  ['nil document', null, 'null'],
  ['booleans', { t: true, f: false }, 'f: false\nt: true'],
];

for (const [name, value, expected] of cases) {
  test(`toYaml: ${name}`, () => assert.equal(toYaml(value), expected));
}

test('toYaml folds long plain text at the first space past column 80', () => {
  const words = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore';
  const out = toYaml({ description: words });
  const [first, second] = out.split('\n');
  assert.ok(first.length > 80 && !first.slice(0, -1).slice(81).includes(' '), first);
  assert.ok(second.startsWith('  ') && !second.startsWith('   '));
  // Folding is only presentation: a YAML reader joins the lines again with one space.
  assert.equal(`${first.slice('description: '.length)} ${second.trim()}`, words);
});

test('toYaml folds long single-quoted text and keeps the quoting', () => {
  const text = `# ${'word '.repeat(30)}end`;
  const out = toYaml({ k: text });
  assert.ok(out.startsWith("k: '# word"));
  assert.ok(out.includes("\n  word"));
  assert.ok(out.endsWith("end'"));
});

test('toYaml keeps very long words on one line', () => {
  const token = 'x'.repeat(200);
  assert.equal(toYaml({ token }), `token: ${token}`);
});

test('toYaml writes keys longer than 128 bytes as complex keys', () => {
  const key = 'k'.repeat(130);
  assert.equal(toYaml({ [key]: 'v' }), `? ${key}\n: v`);
});

test('toYaml of a value JSON cannot hold: Helm prints "", mustToYaml fails', () => {
  const f = ownFunctions();
  assert.equal(f.toYaml.call({ x: NaN }), '');
  assert.throws(() => f.mustToYaml.call({ x: NaN }), /unsupported value: NaN/);
  const cyclic: Record<string, GoValue> = {};
  cyclic.self = cyclic;
  assert.equal(f.toYaml.call(cyclic), '');
});

test('toYamlPretty indents sequences and keeps float64 as Go prints it', () => {
  assert.equal(toYamlPretty({ baz: [1n, 2n, 3n] }), 'baz:\n  - 1\n  - 2\n  - 3');
  assert.equal(toYamlPretty({ num: 1000000, m: { l: [{ a: 1n, b: 2n }] } }), 'm:\n  l:\n    - a: 1\n      b: 2\nnum: 1e+06');
  // yaml.v3 reads only true/false as booleans but still quotes YAML 1.1 ones when writing.
  assert.equal(toYamlPretty({ n: 'yes' }), '"n": "yes"');
});

// Found by the helm oracle: go-yaml's reader rejects the JSON text sigs.k8s.io/yaml re-reads when a
// string holds a character encoding/json leaves raw (DEL, C1 controls but NEL, U+FFFE/FFFF).
test('toYaml of a string holding DEL or a C1 control prints "" (mustToYaml fails), as Helm does', () => {
  const f = ownFunctions();
  for (const v of ['a\x7fb', { 'k\u0080': 1n }, ['\uffff']] as GoValue[]) {
    assert.equal(f.toYaml.call(v), '');
    assert.throws(() => f.mustToYaml.call(v), { message: 'yaml: control characters are not allowed' });
  }
  // NEL is a YAML 1.1 line break: go-yaml folds it (and the blanks around it) in the JSON it re-reads.
  assert.equal(f.toYaml.call('\u0085'), "' '");
  assert.equal(f.toYaml.call({ k: 'a \u0085 b' }), 'k: a b');
  assert.equal(f.toYaml.call('b\u0085\u0085\u0085c'), '|-\n  b\n\n  c');
  assert.equal(f.toYaml.call('b\u0085 \u0085c'), '|-\n  b\n  c');
  assert.equal(f.toYaml.call('b\u0085'), "'b '");
  // ... and a key cannot span lines.
  assert.equal(f.toYaml.call({ 'k\u0085': 'v' }), '');
  assert.throws(() => f.mustToYaml.call({ a: 'x\u0085y', 'k\u0085': 'v' }), { message: "yaml: line 2: did not find expected ',' or '}'" });
  assert.equal(f.toYaml.call('a\u0001b'), '"a\\x01b"');
});
