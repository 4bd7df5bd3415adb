/**
 * Rows of go-yaml v2's own encode_test.go (the copy sigs.k8s.io/yaml vendors) that apply to the values
 * toYaml sees: key order, quoting, wrapping. Expected texts are go-yaml's, with the final "\n" that Helm
 * trims removed.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { GoValue } from '../../../src/core/gotemplate/values';
import { toYaml } from '../../../src/core/helm/functions';

const rows: Array<[GoValue, string]> = [
  [null, 'null'],
  [{ v: 'hi' }, 'v: hi'],
  [{ v: 'true' }, 'v: "true"'],
  [{ v: 'false' }, 'v: "false"'],
  [{ v: true }, 'v: true'],
  [{ v: 10n }, 'v: 10'],
  [{ v: -10n }, 'v: -10'],
  [{ v: 4294967296n }, 'v: 4294967296'],
  [{ v: '10' }, 'v: "10"'],
  [{ v: 0.1 }, 'v: 0.1'],
  [{ v: -0.1 }, 'v: -0.1'],
  [{ v: null }, 'v: null'],
  [{ v: '' }, 'v: ""'],
  [{ v: ['A', 'B'] }, 'v:\n- A\n- B'],
  [{ v: ['A', 'B\nC'] }, 'v:\n- A\n- |-\n  B\n  C'],
  [{ v: ['A', 1n, { B: [2n, 3n] }] }, 'v:\n- A\n- 1\n- B:\n  - 2\n  - 3'],
  [{ a: { b: 'c' } }, 'a:\n  b: c'],
  [{ a: '-' }, "a: '-'"],
  [{ a: '<foo>' }, 'a: <foo>'],
  [{ a: '1:1' }, 'a: "1:1"'],
  [{ a: '\u0000' }, 'a: "\\0"'],
  [{ a: '你好' }, 'a: 你好'],
  [{ a: '2015-02-24T18:19:39Z' }, 'a: "2015-02-24T18:19:39Z"'],
  [{ a: 'b: c' }, "a: 'b: c'"],
  [{ a: 'Hello #comment' }, "a: 'Hello #comment'"],
  [{ a: '你好 #comment' }, "a: '你好 #comment'"],
];

for (const [value, expected] of rows) {
  test(`go-yaml marshal table: ${JSON.stringify(expected)}`, () => assert.equal(toYaml(value), expected));
}

test('go-yaml TestLineWrapping: single-quoted text folds after column 80', () => {
  const a = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 ';
  assert.equal(
    toYaml({ a }),
    "a: 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n  ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 '",
  );
});

test('go-yaml TestSortedOutput: the string keys come out in go-yaml order', () => {
  const order = [
    '', '.1', '.2', '.a', '1', '2', 'a!10', 'a/0001', 'a/002', 'a/3', 'a/10', 'a/11', 'a/0012', 'a/100', 'a~10',
    'ab/1', 'b/1', 'b/01', 'b/2', 'b/02', 'b/3', 'b/03', 'b1', 'b01', 'b3', 'c2.10', 'c10.2', 'd1', 'd7', 'd7abc',
    'd12', 'd12a',
  ];
  const shuffled = [...order].reverse();
  const map = Object.fromEntries(shuffled.map((k) => [k, 1n]));
  const keys = toYaml(map)
    .split('\n')
    .map((line) => line.slice(0, line.lastIndexOf(':')).replace(/^"(.*)"$/, '$1'));
  assert.deepEqual(keys, order);
});
