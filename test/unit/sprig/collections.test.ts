/**
 * Sprig's list, dict and default functions: Go reflection semantics (type-strict equality, error
 * messages for non-lists) and mergo's merge rules as Helm users rely on them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GoStruct, GoValue } from '../../../src/core/gotemplate/values';
import { call } from './helpers';

class Obj extends GoStruct {
  readonly goTypeName = '*chart.Metadata';
}

test('list functions reject non-lists with Sprig\'s message', () => {
  const rows: [string, GoValue[], RegExp][] = [
    ['first', ['abc'], /Cannot find first on type string/],
    ['append', [{}, 1n], /Cannot push on type map/],
    ['mustPrepend', [1n, 1n], /Cannot prepend on type int/],
    ['slice', ['abc', 1n], /list should be type of slice or array but string/],
    ['concat', [[1n], 'x'], /Cannot concat type string as list/],
    ['append', [null, 1n], /nil pointer dereference/],
  ];
  for (const [name, args, re] of rows) assert.throws(() => call(name, ...args), re, name);
});

test('list functions copy instead of mutating their input', () => {
  const l: GoValue[] = [1n, 2n];
  assert.deepEqual(call('append', l, 3n), [1n, 2n, 3n]);
  assert.deepEqual(call('reverse', l), [2n, 1n]);
  assert.deepEqual(l, [1n, 2n]);
});

test('equality in has/uniq/without is Go\'s DeepEqual: int 1 is not float 1', () => {
  assert.equal(call('has', 1n, [1.0]), false);
  assert.equal(call('has', { a: [1n] }, [{ a: [1n] }]), true);
  assert.deepEqual(call('uniq', [1n, 1.0, 1n, { a: 1n }, { a: 1n }]), [1n, 1.0, { a: 1n }]);
  assert.deepEqual(call('without', [1n, 2n, 3n, 2n], 2n, 3n), [1n]);
});

test('slice, chunk and concat', () => {
  assert.deepEqual(call('slice', [1n, 2n, 3n], 1n), [2n, 3n]);
  assert.throws(() => call('slice', [1n, 2n, 3n], 2n, 5n), /slice index out of range/);
  assert.deepEqual(call('chunk', 2n, [1n, 2n, 3n]), [[1n, 2n], [3n]]);
  assert.throws(() => call('chunk', 0n, [1n]), /len out of range/);
  assert.deepEqual(call('concat', [1n], new Uint8Array([7])), [1n, 7n]);
  assert.deepEqual(call('compact', [0n, '', null, false, 'x', [], {}]), ['x']);
});

test('dict builds from pairs; an odd count gives the last key ""', () => {
  assert.deepEqual(call('dict', 'a', 1n, 2n, 'b', 'c'), { a: 1n, 2: 'b', c: '' });
  const d = call('dict', 'k', 'v');
  assert.equal(call('set', d, 'x', 1n), d);
  assert.deepEqual(call('unset', d, 'k'), { x: 1n });
  assert.equal(call('get', d, 'missing'), '');
  assert.deepEqual(call('pluck', 'x', { x: 1n }, { y: 2n }, { x: 3n }), [1n, 3n]);
  assert.deepEqual(call('pick', { a: 1n, b: 2n }, 'b', 'z'), { b: 2n });
  assert.deepEqual(call('omit', { a: 1n, b: 2n }, 'b'), { a: 1n });
  assert.deepEqual((call('keys', { a: 1n }, { b: 2n }) as string[]).sort(), ['a', 'b']);
});

test('dig walks nested maps and falls back to the default', () => {
  const d = { a: { b: { c: 1n } } };
  assert.equal(call('dig', 'a', 'b', 'c', 'def', d), 1n);
  assert.equal(call('dig', 'a', 'x', 'c', 'def', d), 'def');
  assert.throws(() => call('dig', 'a', 'b', 'c', 'd', 'def', d), /interface conversion/);
  assert.throws(() => call('dig', 'a', d), /at least three/);
});

test('merge: earlier maps win, nested maps merge, lists are not merged, the destination is mutated', () => {
  const dst = { a: 1n, b: { x: 1n }, l: [1n] };
  const out = call('merge', dst, { a: 2n, b: { y: 2n }, c: 3n, l: [2n] });
  assert.equal(out, dst);
  assert.deepEqual(dst, { a: 1n, b: { x: 1n, y: 2n }, l: [1n], c: 3n });
});

test('mergeOverwrite: later maps win, including false and empty values; nil overwrites too', () => {
  const dst = { a: 1n, b: { x: 1n }, t: true, l: [1n], n: 'keep' };
  call('mergeOverwrite', dst, { a: 2n, b: { y: 2n }, t: false, l: [2n], n: null });
  assert.deepEqual(dst, { a: 2n, b: { x: 1n, y: 2n }, t: false, l: [2n], n: null });
});

test('merge replaces "empty" destination values (mergo semantics)', () => {
  assert.deepEqual(call('merge', { a: '', b: 0n, c: false }, { a: 'x', b: 5n, c: true }), { a: 'x', b: 5n, c: true });
  // A map missing from the destination is taken by reference, as in Go.
  const inner = { k: 1n };
  const merged = call('merge', {}, { m: inner }) as Record<string, GoValue>;
  assert.equal(merged.m, inner);
});

test('deepCopy copies containers but not scalars', () => {
  const src = { a: [1n, { b: 'x' }] };
  const copy = call('deepCopy', src) as typeof src;
  assert.deepEqual(copy, src);
  assert.notEqual(copy.a, src.a);
});

test('default/empty/coalesce/ternary follow Sprig\'s emptiness', () => {
  const s = new Obj();
  const rows: [GoValue, boolean][] = [[null, true], [0n, true], [0.0, true], ['', true], [false, true], [[], true], [{}, true],
    [new Uint8Array(), true], [s, false], [' ', false], [[0n], false], [-1n, false]];
  for (const [v, empty] of rows) assert.equal(call('empty', v), empty, String(v));
  assert.equal(call('default', 'd', {}), 'd');
  assert.equal(call('default', 'd'), 'd');
  assert.deepEqual(call('default', 'd', [0n]), [0n]);
  assert.equal(call('coalesce', null, '', 0n, 'x', 'y'), 'x');
  assert.equal(call('coalesce'), null);
  assert.equal(call('ternary', 'a', 'b', false), 'b');
});

test('reflection names Go kinds and types', () => {
  assert.equal(call('kindOf', [1n]), 'slice');
  assert.equal(call('kindOf', null), 'invalid');
  assert.equal(call('kindOf', new Obj()), 'ptr');
  assert.equal(call('typeOf', 1.5), 'float64');
  assert.equal(call('typeIsLike', 'chart.Metadata', new Obj()), true);
  assert.equal(call('kindIs', 'map', {}), true);
  assert.equal(call('deepEqual', { a: [1n] }, { a: [1n] }), true);
  assert.equal(call('deepEqual', 1n, 1.0), false);
});

test('merge and mustMergeOverwrite take a missing value (nil) as an empty map, as Go passes it', () => {
  assert.deepEqual(call('mustMergeOverwrite', { y: 2n }, undefined), { y: 2n });
  assert.deepEqual(call('merge', { z: 3n }, null, { x: 1n }), { x: 1n, z: 3n });
  assert.deepEqual(call('merge', undefined, { w: 1n }), { w: 1n });
  assert.deepEqual(call('mergeOverwrite', null, null), {});
});

// Found by the helm oracle: copystructure reflects on nil and panics; helm reports it as the call's error.
test('deepCopy/mustDeepCopy of nil fail as copystructure does', () => {
  for (const name of ['deepCopy', 'mustDeepCopy']) {
    assert.throws(() => call(name, null), { message: 'reflect: call of reflect.Value.Type on zero Value' }, name);
  }
});
