/**
 * Helm's own funcs_test.go table (shared/gotemplate-vectors/helm-funcs.json) run through our template
 * engine with Sprig + Helm's functions, as Helm's engine does.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { executeTemplate } from '../../../src/core/gotemplate';
import type { FuncMap, GoValue } from '../../../src/core/gotemplate/values';
import { helmFunctions } from '../../../src/core/helm/functions';
import { sharedPath } from '../shared-data';

interface Vector {
  template: string;
  data: unknown;
  name?: string;
  expected?: string;
  expectError?: boolean;
  expectedDstAfter?: unknown;
}

/** The vectors' JSON encoding of Go values: integers are Go ints, {"$float": n} an integral float64. */
function goValue(json: unknown): GoValue {
  if (json === null) return null;
  if (typeof json === 'number') return Number.isInteger(json) ? BigInt(json) : json;
  if (typeof json === 'string' || typeof json === 'boolean') return json;
  if (Array.isArray(json)) return json.map(goValue);
  const obj = json as Record<string, unknown>;
  if ('$float' in obj) return Number(obj.$float);
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, goValue(v)]));
}

const file = JSON.parse(readFileSync(sharedPath('gotemplate-vectors/helm-funcs.json'), 'utf8')) as { vectors: Vector[] };
const funcs: FuncMap = helmFunctions();

for (const [i, vector] of file.vectors.entries()) {
  const label = `${i} ${vector.name ?? vector.template} ${JSON.stringify(vector.data).slice(0, 40)}`;
  test(label, () => {
    const data = goValue(vector.data);
    const run = () => executeTemplate(vector.template, data, { funcs });
    if (vector.expectError) {
      assert.throws(run);
      return;
    }
    const out = run();
    if (vector.expectedDstAfter !== undefined) {
      assert.deepEqual((data as Record<string, GoValue>).dst, goValue(vector.expectedDstAfter));
    } else {
      assert.equal(out, vector.expected);
    }
  });
}
