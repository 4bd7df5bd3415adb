/**
 * Every values file of the real charts in shared/charts reads as Go values, prints with toYaml, and
 * reads back to the same values: a quoting mistake (a plain `yes`, `1.0`, `on`, `~`) would change a type.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseYamlValues, toYaml } from '../../../src/core/helm/functions';
import { sharedPath } from '../shared-data';

function valuesFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'templates' || name === 'examples' ? [] : valuesFiles(path);
    const isValues = /^values.*\.ya?ml$/.test(name) || (dir.endsWith('/ci') && /\.ya?ml$/.test(name));
    return isValues ? [path] : [];
  });
}

const files = valuesFiles(sharedPath('charts'));

test('the shared charts provide values files', () => assert.ok(files.length > 50, `found ${files.length}`));

test('toYaml output of every chart values file reads back to the same Go values', () => {
  for (const file of files) {
    const values = parseYamlValues(readFileSync(file, 'utf8'));
    assert.deepStrictEqual(parseYamlValues(toYaml(values)), values, file);
  }
});
