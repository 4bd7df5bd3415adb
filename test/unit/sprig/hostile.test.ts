/**
 * Bad input must give a clear error or a sane result, never a crash or a hang: every Sprig function
 * is called with hostile arguments (binary text, huge strings, wrong types, huge counts) and must
 * return or throw an Error quickly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GoValue } from '../../../src/core/gotemplate/values';
import { sprigFunctions } from '../../../src/core/sprig';

const binary = String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i)) + '\ud800';
const huge = 'x'.repeat(200_000);
const hostile: GoValue[] = [null, '', binary, huge, -1n, 0n, 9223372036854775807n, -9223372036854775808n, NaN, -Infinity, 1e308,
  true, [], [null, binary], {}, { a: null }, new Uint8Array([0, 255])];
// Functions that are slow by design (key generation, bcrypt, scrypt) get one hostile call each.
const SLOW = new Set(['genPrivateKey', 'genCA', 'genSelfSignedCert', 'genSignedCert', 'genCAWithKey', 'genSelfSignedCertWithKey',
  'genSignedCertWithKey', 'bcrypt', 'htpasswd', 'derivePassword']);

test('every function survives hostile arguments', () => {
  const fns = sprigFunctions();
  for (const [name, fn] of Object.entries(fns)) {
    const arity = Math.max(fn.params.length, 1) + (fn.variadic ? 1 : 0);
    const values = SLOW.has(name) ? [binary] : hostile;
    for (const v of values) {
      const args = Array.from({ length: arity }, (_, i) => (i === arity - 1 ? v : fn.params[i] === 'int' ? 3n : fn.params[i] === 'string' ? 'a' : v));
      const started = Date.now();
      try {
        fn.call(...args);
      } catch (e) {
        assert.ok(e instanceof Error, `${name} threw a non-Error`);
        assert.ok(!(e instanceof RangeError && /call stack/.test(e.message)), `${name} overflowed the stack`);
      }
      assert.ok(Date.now() - started < 5000, `${name} took ${Date.now() - started} ms`);
    }
  }
});
