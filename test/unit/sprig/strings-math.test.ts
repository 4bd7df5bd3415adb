/**
 * Sprig string and number functions called directly. Expected values come from Go/Sprig semantics
 * (spf13/cast parsing, int64 wrap-around, shopspring/decimal float ops, byte-indexed Go strings,
 * xstrings' documented examples).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GoValue } from '../../../src/core/gotemplate/values';
import { call } from './helpers';

const table = (name: string, rows: [GoValue[], GoValue][]): void => {
  test(name, () => {
    for (const [args, expected] of rows) assert.deepEqual(call(name, ...args), expected, `${name}(${args.map(String).join(', ')})`);
  });
};

table('int64', [
  [['0x1F'], 31n], [['010'], 8n], [['1_000'], 1000n], [['12.000'], 12n], [['12.5'], 0n], [[' 12'], 0n],
  [[true], 1n], [[3.9], 3n], [[-3.9], -3n], [[null], 0n], [['9223372036854775808'], 0n], [['-42'], -42n],
]);
table('float64', [[['1e3'], 1000], [['abc'], 0], [['0x1p-2'], 0.25], [[true], 1], [[7n], 7]]);
table('atoi', [[['42'], 42n], [['4.2'], 0n], [['0x10'], 0n], [['99999999999999999999'], 9223372036854775807n]]);
table('toDecimal', [[['777'], 511n], [[10n], 8n], [['89'], 0n]]);
table('add', [[[1n, '2', 3.7], 6n], [[], 0n]]);
table('mul', [[[9223372036854775807n, 2n], -2n], [[2n, '3', true], 6n]]);
table('div', [[[7n, 2n], 3n], [[-7n, 2n], -3n]]);
table('mod', [[[-7n, 2n], -1n]]);
table('addf', [[[0.1, 0.2], 0.3], [[1.5, 2.2, 3n], 6.7]]);
table('subf', [[[0.3, 0.1], 0.2]]);
table('mulf', [[[1.1, 3n], 3.3]]);
table('divf', [[[1n, 3n], 0.3333333333333333], [[10n, 4n], 2.5]]);
table('round', [[[2.5, 0n], 3], [[-2.5, 0n], -3], [[1.2345, 2n], 1.23]]);
table('max', [[[1n, '7', 3.5], 7n]]);
table('minf', [[[2n, '1.5', 3n], 1.5]]);

test('integer division by zero is Go\'s runtime error, not Infinity', () => {
  assert.throws(() => call('div', 1n, 0n), /integer divide by zero/);
  assert.throws(() => call('mod', 1n, '0'), /integer divide by zero/);
  assert.throws(() => call('divf', 1n, 0n), /division by zero/);
});

test('runaway sizes are errors, not hangs', () => {
  assert.throws(() => call('until', 100_000_000_000n), /more than/);
  assert.throws(() => call('repeat', 1_000_000_000n, 'abc'), /exceeds/);
  assert.throws(() => call('repeat', -1n, 'abc'), /negative Repeat count/);
});

table('trunc', [[[3n, 'héllo'], 'hé'], [[-2n, 'abc'], 'bc'], [[10n, 'abc'], 'abc']]);
table('substr', [[[0n, 3n, 'héllo'], 'hé'], [[-1n, 2n, 'abc'], 'ab'], [[1n, 99n, 'abc'], 'bc']]);
test('substr with start past end is Go\'s slice-bounds error', () => {
  assert.throws(() => call('substr', 5n, 3n, 'abc'), /slice bounds out of range \[5:3\]/);
});
table('title', [[['hello world-foo_bar'], 'Hello World-Foo_bar']]);
table('upper', [[['straße'], 'STRAßE']]);
table('lower', [[['ÀB'], 'àb']]);
table('snakecase', [[['HTTP20xOK'], 'http_20x_ok'], [['Bld4Floor3rd'], 'bld4_floor_3rd'], [['Duration2m3s'], 'duration_2m3s']]);
table('kebabcase', [[['http2xx'], 'http-2xx'], [['FirstName'], 'first-name']]);
table('camelcase', [[['some words'], 'SomeWords'], [['GOLANG_IS_GREAT'], 'GolangIsGreat'], [['http_server'], 'HttpServer']]);
table('swapcase', [[['Hello World'], 'hELLO wORLD']]);
table('trimAll', [[['$-', '$-5.00-$'], '5.00']]);
table('trim', [[['\u00a0 x \t\n'], 'x']]);
table('nospace', [[['a b\tc\u00a0d'], 'abcd']]);
table('replace', [[['', '-', 'ab'], '-a-b-']]);
table('wrapWith', [[[3n, '|', 'abcdefgh'], 'abc|def|gh']]);
table('wrap', [[[3n, 'abcdefgh ij'], 'abcdefgh\nij']]);
table('indent', [[[2n, 'a\n\nb'], '  a\n  \n  b']]);
table('nindent', [[[1n, 'a'], '\n a']]);
table('quote', [[['a', null, 1n, 1e6], '"a" "1" "1e+06"']]);
table('squote', [[['a', 2n], "'a' '2'"]]);
table('cat', [[['a', null, [1n, 2n]], 'a [1 2]']]);
table('toString', [[[1e6], '1e+06'], [[new Uint8Array([104, 105])], 'hi'], [[null], '<nil>']]);
table('join', [[['-', ['a', null, 1n]], 'a-1'], [[',', 'abc'], 'abc'], [[',', null], '']]);
table('sortAlpha', [[[['b', 10n, 'a', 2n]], ['10', '2', 'a', 'b']], [[42n], ['42']]]);
table('splitList', [[['', 'ab'], ['a', 'b']], [[',', ''], ['']]]);
table('split', [[['.', 'a.b'], { _0: 'a', _1: 'b' }]]);
table('splitn', [[['.', 2n, 'a.b.c'], { _0: 'a', _1: 'b.c' }], [['.', 0n, 'a.b'], {}]]);
table('plural', [[['one', 'many', 1n], 'one'], [['one', 'many', 0n], 'many']]);
table('abbrev', [[[5n, 'hello world'], 'he...'], [[3n, 'hello'], 'hello']]);
table('initials', [[['first  second third'], 'fst']]);
table('untitle', [[['Hello World'], 'hello world']]);

test('random strings have the requested length and alphabet', () => {
  for (const [name, re] of [['randAlphaNum', /^[A-Za-z0-9]{40}$/], ['randAlpha', /^[A-Za-z]{40}$/], ['randNumeric', /^[0-9]{40}$/], ['randAscii', /^[ -~]{40}$/]] as const) {
    assert.match(call(name, 40n) as string, re);
  }
  const shuffled = call('shuffle', 'hello world') as string;
  assert.deepEqual([...shuffled].sort(), [...'hello world'].sort());
  assert.match(call('uuidv4') as string, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const n = call('randInt', 5n, 8n) as bigint;
  assert.ok(n >= 5n && n < 8n);
});
