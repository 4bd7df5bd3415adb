/** compareNames orders file names and rule ids as `localeCompare` did (its collator costs a short CLI run ~18 ms). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compareNames } from '../../../src/core/text/order';
import { allRules } from '../../../src/core/rules/registry';
import { sharedPath } from '../shared-data';

function namesBelow(dir: string, depth = 0): string[] {
  if (depth > 4) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => [e.name, ...(e.isDirectory() ? namesBelow(join(dir, e.name), depth + 1) : [])]);
}

test('the same order as localeCompare on every name in ../shared and every rule id', () => {
  const names = [...new Set([...namesBelow(sharedPath('.')), ...allRules().map((r) => r.id)])];
  assert.ok(names.length > 500, `${names.length} names`);
  assert.deepEqual([...names].sort(compareNames), [...names].sort((a, b) => a.localeCompare(b)));
});

test('case-insensitive first, lowercase first on a tie', () => {
  const cases: [string, string, number][] = [
    ['app.yaml', 'Dockerfile', -1],
    ['dockerfile', 'Dockerfile', -1],
    ['Dockerfile', 'Dockerfile', 0],
    ['a-b', 'ab', -1],
    ['a.yaml', 'a1.yaml', -1],
    ['_helpers.tpl', '01-values.yaml', -1],
    ['.helmignore', '_helpers.tpl', 1],
    ['k8s-schema', 'k8s-schema-removed-api', -1],
  ];
  for (const [a, b, sign] of cases) {
    assert.equal(Math.sign(compareNames(a, b)), sign, `${a} vs ${b}`);
    assert.equal(Math.sign(compareNames(b, a)), sign === 0 ? 0 : -sign, `${b} vs ${a}`);
  }
});
