/** Go's fmt edge cases the template engine's differential run surfaced (fmt/print.go printValue, badVerb). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sprintf } from '../../../src/core/gotemplate/fmt';

const cases: [string, unknown[], string][] = [
  // A nil element of a slice or map is written as <nil> whatever the verb; only a top-level nil is a bad verb.
  ['%s', [[null, 'a']], '[<nil> a]'],
  ['%q', [[null]], '[<nil>]'],
  ['%d', [[1n, null]], '[1 <nil>]'],
  ['%s', [{ a: null }], 'map[a:<nil>]'],
  ['%s', [null], '%!s(<nil>)'],
  // badVerb prints the argument with %v under the directive's own width and precision.
  ['%.1f', ['hello'], '%!f(string=h)'],
  ['%5.1f', ['h'], '%!f(string=    h)'],
  ['%d', ['hi'], '%!d(string=hi)'],
];

for (const [format, args, expected] of cases) {
  test(`sprintf(${JSON.stringify(format)}, ${JSON.stringify(args, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))})`, () => {
    assert.equal(sprintf(format, args as never[]), expected);
  });
}
