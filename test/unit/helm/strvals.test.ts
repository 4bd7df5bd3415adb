import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedPath } from '../shared-data';
import { parseSetInto, type SetFlagMode } from '../../../src/core/helm/strvals';
import type { GoMap, GoValue } from '../../../src/core/gotemplate/values';

interface Vector {
  mode: SetFlagMode;
  input: string;
  input2?: string;
  initial?: GoMap | null;
  expected?: unknown;
  expectedToYAML?: string;
  expectError?: boolean;
  errorEquals?: string;
  fileContents?: Record<string, string>;
  source: string;
}

const vectors = (JSON.parse(readFileSync(sharedPath('gotemplate-vectors/helm-strvals.json'), 'utf8')) as { vectors: Vector[] })
  .vectors;

/** The vectors compare after a YAML round trip upstream: int64 and float64 both become plain numbers. */
function plain(value: GoValue): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as GoMap).map(([k, v]) => [k, plain(v)]));
  }
  return value ?? null;
}

for (const [n, v] of vectors.entries()) {
  test(`strvals #${n} ${v.mode} ${JSON.stringify(v.input)}`, () => {
    const into: GoMap = structuredClone(v.initial ?? {}) as GoMap;
    const run = (): void => {
      const read = (path: string): string => {
        const content = v.fileContents?.[path];
        if (content === undefined) throw new Error(`no such file ${path}`);
        return content;
      };
      parseSetInto(v.mode, v.input, into, read);
      if (v.input2 !== undefined) parseSetInto(v.mode, v.input2, into, read);
    };
    if (v.expectError) {
      if (v.errorEquals) assert.throws(run, { message: v.errorEquals });
      else assert.throws(run);
      return;
    }
    run();
    if (v.expectedToYAML !== undefined) {
      // The single toYAML vector is `name: value`: one string key.
      const [key, value] = v.expectedToYAML.split(': ');
      assert.deepEqual(plain(into), { [key]: value });
      return;
    }
    assert.deepEqual(plain(into), v.expected);
  });
}

test('--set types: ints are int64, floats and leading zeros stay strings', () => {
  const into: GoMap = {};
  parseSetInto('set', 'a=5,b=1.5,c=007,d=-3,e=9223372036854775808,f=TRUE', into);
  assert.deepEqual(into, { a: 5n, b: '1.5', c: '007', d: -3n, e: '9223372036854775808', f: true });
});

test('--set escapes: a dotted key stays one key', () => {
  const into: GoMap = {};
  parseSetInto('set', 'nodeSelector.kubernetes\\.io/role=master', into);
  assert.deepEqual(into, { nodeSelector: { 'kubernetes.io/role': 'master' } });
});

test('--set-json numbers are float64', () => {
  const into: GoMap = {};
  parseSetInto('set-json', 'a=5,b=[1,{"c":true}]', into);
  assert.deepEqual(into, { a: 5, b: [1, { c: true }] });
});

test('malformed --set input gives a clear error, not a crash', () => {
  for (const bad of ['a', 'a[x]=1', 'a={1,2', 'a[70000]=1']) {
    assert.throws(() => parseSetInto('set', bad, {}), (e: Error) => e.message.length > 0, bad);
  }
});

// Found by the helm oracle (test/unit/helm/oracle.test.ts): helm 4.1.4 renders with these, 3.17.3 fails.
test('an index cut off by the end: Helm 4 keeps what was set before, Helm 3 fails', () => {
  const cases: [SetFlagMode, string, GoMap][] = [
    ['set', 'a[', {}],
    ['set', 'x=1,a[0', { x: 1n }],
    ['set', 'a[0][1', { a: [] }],
    ['set', 'a[0][1][2', { a: [] }],
    ['set', 'a[1]=2,a[0][1', { a: [null, 2n] }],
    ['set', 'a[0]=1,a[1].b[', { a: [1n] }],
    ['set', 'x.a[0][1', { x: { a: [] } }],
    ['set', 'b.a[0', {}],
    ['set-string', 'a[0][1', { a: [] }],
    ['set-json', 'x.a[0][1', { x: { a: [] } }],
    ['set-literal', 'a[0][1', { a: [] }],
    ['set-literal', 'x.a[0][1', { x: { a: [] } }],
  ];
  for (const [mode, input, expected] of cases) {
    const into: GoMap = {};
    parseSetInto(mode, input, into, undefined, 4);
    assert.deepEqual(into, expected, `${mode} ${input}`);
    assert.throws(() => parseSetInto(mode, input, {}, undefined, 3), { message: 'error parsing index: EOF' }, `${mode} ${input}`);
  }
});
