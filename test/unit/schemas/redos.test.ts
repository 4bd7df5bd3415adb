/**
 * Schema patterns come from files (CRDs, compose and Kubernetes schemas) and run in RE2, linear in the
 * input as in the API server: patterns that make a backtracking engine take exponential (or high
 * polynomial) time on a 50 KB value finish quickly, and still report the mismatch.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateYamlFile } from '../../../src/core/schemas';
import { schemaRegExp } from '../../../src/core/schemas/ajv';
import { testSchemaDir } from './schema-dir';

/** Each a classic catastrophic-backtracking shape. */
const PATTERNS = [
  '^(a|aa)+$', // repeated alternation with overlapping branches
  '^(a|a?)+$', // an optional inside a repetition
  '^((a+)|b)+$', // nested quantifier behind a nested group
  '^(a|b|ab)*c$',
  '^(.*a){12}$', // bounded repetition of a star
  '^(?:(?:a|a)*)*$',
];
const VALUE = 'a'.repeat(50_000) + '!';

const crd = (properties: string) => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
${properties}
`;

test('ReDoS patterns in a CRD validate a 50 KB string in bounded time, and the mismatch is reported', () => {
  const properties = PATTERNS.map((p, i) => `              f${i}: {type: string, pattern: '${p}'}`).join('\n');
  const fields = PATTERNS.map((_, i) => `  f${i}: "${VALUE}"`).join('\n');
  const text = `${crd(properties)}---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n${fields}\n`;
  const started = performance.now();
  const diagnostics = validateYamlFile(text, 'redos.yaml', { schemaDir: testSchemaDir(), kind: 'kubernetes' });
  const ms = performance.now() - started;
  // A hang guard only (the speed claim is bench/regex.bench.ts); CRD compilation dominates this under load.
  assert.ok(ms < 10_000, `took ${ms.toFixed(0)} ms`);
  // One "does not match the pattern" finding per field, on its value: each pattern really ran.
  const lines = text.split('\n');
  const reported = diagnostics.map((d) => lines[d.range.start.line].trim().split(':')[0]).sort();
  assert.deepEqual(reported, PATTERNS.map((_, i) => `f${i}`).sort());
  for (const d of diagnostics) assert.match(d.message, /does not match the pattern/);
});

test('schema patterns use RE2 syntax and semantics', () => {
  const cases: [pattern: string, input: string, matches: boolean][] = [
    ['^(a|aa)+$', 'a'.repeat(40), true],
    ['^(a|aa)+$', 'a'.repeat(40) + 'b', false],
    ['^\\Aab\\z', 'ab', true], // RE2-only anchors
    ['^[[:alpha:]]+$', 'abc', true], // POSIX classes
    ['^[[:alpha:]]+$', 'ab1', false],
    ['^a.b$', 'a\rb', true], // RE2's . excludes only \n (JavaScript's also excludes \r)
    ['^a.b$', 'a\nb', false],
    ['(?=a)a', 'a', true], // lookahead is not RE2: the API server rejects such a CRD; not checked here
  ];
  for (const [pattern, input, matches] of cases) {
    assert.equal(schemaRegExp(pattern, 'u').test(input), matches, `${pattern} on ${JSON.stringify(input)}`);
  }
});
