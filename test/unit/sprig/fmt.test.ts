/**
 * Go's fmt as templates print values: expectations are Go's documented/observed output (fmt_test.go
 * style), in particular the %v float rule Helm users hit (1000000.0 → 1e+06).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatValue, goTypeName, sprint, sprintf, sprintln } from '../../../src/core/gotemplate/fmt';
import { GoStruct, GoTime, GoValue } from '../../../src/core/gotemplate/values';

class Pair extends GoStruct {
  readonly goTypeName = 'main.Pair';
  constructor(public A: GoValue, public B: GoValue) {
    super();
    Object.defineProperty(this, 'goTypeName', { enumerable: false });
  }
}

class Version extends GoStruct {
  readonly goTypeName = '*version.Info';
  String(): string {
    return 'v1.20.0';
  }
}

const cases: [string, GoValue[], string][] = [
  // integers
  ['%d', [12345n], '12345'],
  ['%+d', [12345n], '+12345'],
  ['%x|%X|%o|%#o|%O|%b', [255n, 255n, 8n, 8n, 8n, 5n], 'ff|FF|10|010|0o10|101'],
  ['%#x', [255n], '0xff'],
  ['%08d', [-12n], '-0000012'],
  ['%-5d|%5d', [3n, 3n], '3    |    3'],
  ['%.3d|%.0d|', [7n, 0n], '007||'],
  ['%c|%q|%U|%#U', [65n, 65n, 0x1f600n, 0x78n], "A|'A'|U+1F600|U+0078 'x'"],
  // floats: %v is %g with the shortest digits and exponent when exp < -4 || exp >= 21 is NOT the rule
  ['%v', [1000000], '1e+06'],
  ['%v', [123456], '123456'],
  ['%v', [1234567], '1.234567e+06'],
  ['%v|%v|%v', [3.14, 0.00001, 0.0001], '3.14|1e-05|0.0001'],
  ['%v|%v', [1e21, -0], '1e+21|-0'],
  ['%f|%.2f|%.0f|%.0f', [3.14159, 2.675, 2.5, 3.5], '3.141590|2.67|2|4'],
  ['%e|%E', [1234.5678, 1234.5678], '1.234568e+03|1.234568E+03'],
  ['%g|%G|%.3g', [0.000001, 1e-7, 1234.0], '1e-06|1E-07|1.23e+03'],
  ['%8.3f|%-8.3f|', [3.14159, 3.14159], '   3.142|3.142   |'],
  ['%+.1f|% .1f|%08.3f', [2.0, 2.0, -3.14159], '+2.0| 2.0|-003.142'],
  ['%v|%v|%v', [NaN, Infinity, -Infinity], 'NaN|+Inf|-Inf'],
  ['%x|%b', [1.0, 1.0], '0x1p+00|4503599627370496p-52'],
  ['%#g', [1.0], '1.00000'],
  ['%f', [1e21], '1000000000000000000000.000000'],
  // strings and bytes
  ['%s|%q|%#q', ['abc', 'a"b\n', 'abc'], 'abc|"a\\"b\\n"|`abc`'],
  ['%+q', ['日本'], '"\\u65e5\\u672c"'],
  ['%q', ['\x00\u00a0😀'], '"\\x00\\u00a0😀"'],
  ['%x|% x|%X', ['hi', 'hi', '\xff'], '6869|68 69|C3BF'],
  ['%.2s|%5s|%-5s|', ['abcdef', 'ab', 'ab'], 'ab|   ab|ab   |'],
  ['%s|%x|%v', [new Uint8Array([104, 105]), new Uint8Array([1, 0xab]), new Uint8Array([1, 2])], 'hi|01ab|[1 2]'],
  // wrong verbs, missing and extra arguments
  ['%d|%s|%t|%d', ['x', 5n, 1n, null], '%!d(string=x)|%!s(int=5)|%!t(int=1)|%!d(<nil>)'],
  ['%d %d', [1n], '1 %!d(MISSING)'],
  ['%d', [1n, 'a'], '1%!(EXTRA string=a)'],
  ['hi', [1n, 2.5], 'hi%!(EXTRA int=1, float64=2.5)'],
  ['%', [], '%!(NOVERB)'],
  ['%z', [5n], '%!z(int=5)'],
  ['%[2]d %[1]d|%[3]d', [1n, 2n], '2 1|%!d(BADINDEX)'],
  ['%*d|%-*d|%.*f', [5n, 3n, 5n, 3n, 2n, 3.14159], '    3|3    |3.14'],
  ['%*d', ['x', 3n], '%!(BADWIDTH)3'],
  ['%%|%5.1f%%', [99.44], '%| 99.4%'],
  // composites
  ['%v', [[1n, 'a', null]], '[1 a <nil>]'],
  ['%v', [{ b: [2n, 3n], a: 1n }], 'map[a:1 b:[2 3]]'],
  ['%d|%q', [[1n, 2n], ['a', 'b']], '[1 2]|["a" "b"]'],
  ['%v|%+v', [new Pair(1n, 'x'), new Pair(1n, 'x')], '{1 x}|{A:1 B:x}'],
  ['%#v|%#v|%#v', [{ a: 1n }, 'x', [1n, null]], 'map[string]interface {}{"a":1}|"x"|[]interface {}{1, interface {}(nil)}'],
  ['%v|%s', [new Version(), new Version()], 'v1.20.0|v1.20.0'],
  ['%T|%T|%T|%T|%T|%T|%T', [1n, 1.5, 's', true, [], {}, null], 'int|float64|string|bool|[]interface {}|map[string]interface {}|<nil>'],
];

for (const [format, args, expected] of cases) {
  test(`sprintf ${JSON.stringify(format)}`, () => assert.equal(sprintf(format, args), expected));
}

test('formatValue prints as {{ . }} does', () => {
  const rows: [GoValue, string][] = [
    [null, '<nil>'],
    [true, 'true'],
    [42n, '42'],
    [1e6, '1e+06'],
    [{}, 'map[]'],
    [[], '[]'],
    [{ z: { y: null }, a: 'x' }, 'map[a:x z:map[y:<nil>]]'],
    [new GoTime(Date.UTC(2019, 5, 13, 20, 39, 39)), '2019-06-13 20:39:39 +0000 UTC'],
    [new GoTime(Date.UTC(2019, 5, 13, 20, 39, 39) + 5, 120, 'CEST'), '2019-06-13 22:39:39.005 +0200 CEST'],
  ];
  for (const [v, s] of rows) assert.equal(formatValue(v), s);
});

test('goTypeName names structs by their Go type', () => {
  assert.equal(goTypeName(new Pair(1n, 2n)), 'main.Pair');
  assert.equal(goTypeName(new Uint8Array()), '[]uint8');
});

test('Sprint adds spaces only between non-string operands; Sprintln always', () => {
  assert.equal(sprint(['a', 1n, 2n, 'b']), 'a1 2b');
  assert.equal(sprintln(['a', 1n]), 'a 1\n');
});

test('a value that contains itself is a clear error, not a hang', () => {
  const cyclic: Record<string, GoValue> = {};
  cyclic.a = cyclic;
  cyclic.b = [cyclic];
  assert.throws(() => formatValue(cyclic), /contains itself/);
  // Shared (non-cyclic) references print normally.
  const shared = { k: 1n };
  assert.equal(formatValue({ x: shared, y: shared }), 'map[x:map[k:1] y:map[k:1]]');
});
