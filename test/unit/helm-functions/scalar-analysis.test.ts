/**
 * The emitter's scalar analysis: its shortcut for word-like scalars gives exactly what the analysis
 * character by character gives, on every scalar of the real charts' values files and on the edges of
 * the shortcut (indicators, document markers, dashes, dots, spaces, non-ASCII).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeEveryCharacter, analyzeScalar } from '../../../src/core/helm/goyaml/scalar-analysis';
import { readValuesFile } from '../../../src/core/helm/values/yaml';

const CHARTS = join(__dirname, '../../../../shared/charts');

function scalarsOf(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) scalarsOf(v, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) (out.push(k), scalarsOf(v, out));
}

function valuesFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return valuesFiles(path);
    return /^values.*\.ya?ml$/.test(name) ? [path] : [];
  });
}

test('the shortcut agrees with the full analysis on every scalar of the real charts and on its edges', () => {
  const scalars = ['a', 'nginx', '8080', 'a/b-c.d_e', 'x-', 'x.', 'x:', 'x:y', 'x y', 'x#', '-x', '- x', '-', '.', '..', '...x', '---', '---x', '_', '0', 'é', 'aé', 'a\tb', 'a\n', ' a', 'a ', 'true', '~', 'null', '@x', '`x'];
  for (const file of valuesFiles(CHARTS)) {
    try {
      scalarsOf(readValuesFile(readFileSync(file, 'utf8')).values, scalars);
    } catch {
      /* a values file the tests elsewhere cover */
    }
  }
  assert.ok(scalars.length > 2000, `found ${scalars.length} scalars`);
  for (const text of scalars) {
    for (const tabs of [false, true]) assert.deepStrictEqual(analyzeScalar(text, tabs), analyzeEveryCharacter(text, tabs), JSON.stringify(text));
  }
});
