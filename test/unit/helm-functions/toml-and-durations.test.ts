/** toToml/fromToml as BurntSushi/toml behaves, and Helm's duration helpers. */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { formatValue } from '../../../src/core/gotemplate/fmt';
import type { GoValue } from '../../../src/core/gotemplate/values';
import { GoTime } from '../../../src/core/gotemplate/values';
import { decodeToml, encodeToml, ownFunctions } from '../../../src/core/helm/functions';

const encodeCases: Array<[string, GoValue, string]> = [
  ['plain keys', { foo: 'bar', n: 2n, on: true }, 'foo = "bar"\nn = 2\non = true\n'],
  ['float64 always has a decimal point or an exponent', { a: 1, b: 2.5 }, 'a = 1.0\nb = 2.5\n'],
  ['sub-tables after plain keys, indented, blank line before top-level tables', { t: { x: 1n, u: { y: 2n } }, a: 'z' }, 'a = "z"\n\n[t]\n  x = 1\n  [t.u]\n    y = 2\n'],
  ['arrays of tables', { arr: [{ n: 'a' }, { n: 'b' }] }, '[[arr]]\n  n = "a"\n\n[[arr]]\n  n = "b"\n'],
  ['inline arrays and quoted keys', { 'a.b': [1n, 'x'], 'ok-key_1': [] }, '"a.b" = [1, "x"]\nok-key_1 = []\n'],
  ['nil values are skipped', { a: null, b: 1n }, 'b = 1\n'],
  ['string escapes', { s: 'q"\\\n\t\u0001' }, 's = "q\\"\\\\\\n\\t\\u0001"\n'],
];

for (const [name, value, expected] of encodeCases) {
  test(`toToml: ${name}`, () => assert.equal(encodeToml(value), expected));
}

// Checked against helm 3.17.3 and 4.1.4 (test/unit/helm/oracle.test.ts).
test('toToml of a bare value encodes it; an array of tables or nil cannot be; mustToToml fails', () => {
  const f = ownFunctions();
  assert.equal(f.toToml.call(false), 'false');
  assert.equal(f.toToml.call('s'), '"s"');
  assert.equal(f.toToml.call(1n), '1');
  assert.equal(f.toToml.call([1n, 'a', [2n]]), '[1, "a", [2]]');
  assert.equal(f.toToml.call([]), '[]');
  assert.equal(f.toToml.call([{ a: 1n }]), 'toml: top-level values must be Go maps or structs');
  assert.equal(f.toToml.call({ a: [1n, null] }), 'toml: cannot encode array with nil element');
  assert.throws(() => f.toToml.call(null), { message: 'reflect: call of reflect.Value.Type on zero Value' });
  assert.throws(() => f.mustToToml.call([{ a: 1n }]), /toml: /);
});

test('toToml floats: Helm 3 writes every digit, Helm 4 the shortest %g form; both add .0 to integers', () => {
  const value = { a: 1e21, b: 1e6, c: 0.000001, d: 100, e: 1e-7, f: 123456789, g: 0.1 };
  assert.equal(encodeToml(value, { compat: 3 }), 'a = 1000000000000000000000.0\nb = 1000000.0\nc = 0.000001\nd = 100.0\ne = 0.0000001\nf = 123456789.0\ng = 0.1\n');
  assert.equal(encodeToml(value), 'a = 1e+21\nb = 1e+06\nc = 1e-06\nd = 100.0\ne = 1e-07\nf = 1.23456789e+08\ng = 0.1\n');
  assert.equal(ownFunctions({ compat: 3 }).toToml.call(2.5e6), '2500000.0');
});

test('fromToml decodes TOML types to Go values', () => {
  const m = decodeToml(`
# comment
title = "TOML" # trailing
int = 1_000
hex = 0xff
neg = -3
flt = 6.5e-1
yes = true
arr = [1, [2, "x"], ]
inline = { a = 1, b.c = "d" }
lit = 'C:\\path'
ml = """
one \\
  two"""
when = 1979-05-27T07:32:00Z

[server.http]
port = 8080

[[items]]
name = "a"
[[items]]
name = "b"
`);
  assert.equal(
    formatValue(m),
    'map[arr:[1 [2 x]] flt:0.65 hex:255 inline:map[a:1 b:map[c:d]] int:1000 items:[map[name:a] map[name:b]] lit:C:\\path ml:one two neg:-3 server:map[http:map[port:8080]] title:TOML when:1979-05-27 07:32:00 +0000 UTC yes:true]',
  );
  assert.equal(typeof m.int, 'bigint');
  assert.ok(m.when instanceof GoTime);
});

const tomlErrors: Array<[string, RegExp]> = [
  ['one', /^toml: line 1: unexpected EOF; expected key separator '='$/],
  ['a = 1\na = 2', /^toml: line 2: .*already been defined/],
  ['[t]\n[t]', /^toml: line 2: .*already been defined/],
  ['a = "open', /^toml: line 1: /],
  ['a = 1 b = 2', /^toml: line 1: /],
  ['a = [1, 2', /^toml: line 1: /],
];

for (const [text, message] of tomlErrors) {
  test(`fromToml error: ${JSON.stringify(text)}`, () => {
    assert.throws(() => decodeToml(text), { message });
    assert.match(String((ownFunctions().fromToml.call(text) as { Error: string }).Error), message);
  });
}

test('fromToml: deep nesting is refused instead of overflowing the stack', () => {
  assert.throws(() => decodeToml(`a = ${'['.repeat(5000)}${']'.repeat(5000)}`), /too deeply nested/);
});

test('durations: Go formatting and unit conversions', () => {
  const f = ownFunctions();
  const show = (v: GoValue) => formatValue(v);
  assert.equal(show(f.mustToDuration.call('1h2m3.5s')), '1h2m3.5s');
  assert.equal(show(f.mustToDuration.call('1500ms')), '1.5s');
  assert.equal(show(f.mustToDuration.call('0.5ms')), '500µs');
  assert.equal(show(f.mustToDuration.call(0n)), '0s');
  assert.equal(show(f.mustToDuration.call('-90s')), '-1m30s');
  assert.equal(show(f.durationHours.call('90m')), '1.5');
  assert.equal(show(f.durationMilliseconds.call('1.5s')), '1500');
  assert.equal(show(f.durationSeconds.call('bogus')), '0');
  assert.throws(() => f.mustToDuration.call('bogus'), /invalid duration/);
  assert.throws(() => f.mustToDuration.call(1e300), /out of range/);
  assert.equal(show(f.durationRoundTo.call('1m29s', '1m')), '1m0s');
  assert.equal(show(f.durationRoundTo.call('1m30s', '1m')), '2m0s');
});

test('a Duration serializes as Go does: nanoseconds in JSON/toYaml, its String() in toYamlPretty', () => {
  const f = ownFunctions();
  const d = f.mustToDuration.call('1m30s');
  assert.equal(f.toJson.call({ d }), '{"d":90000000000}');
  assert.equal(f.toYaml.call({ d }), 'd: 90000000000');
  assert.equal(f.toYamlPretty.call({ d }), 'd: 1m30s');
});
