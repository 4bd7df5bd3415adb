/**
 * Conformance with Sprig's own tests (../shared/gotemplate-vectors/sprig.json, transcribed from
 * Masterminds/sprig v3.3.0): every template vector runs through our text/template engine with the
 * Sprig function map, and every direct function assertion calls our function. Deliberate skips are
 * listed with their reason; everything else must pass.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedPath } from '../shared-data';
import { executeTemplate } from '../../../src/core/gotemplate';
import { GoStruct, GoTime, GoValue } from '../../../src/core/gotemplate/values';
import { sprigFunctions } from '../../../src/core/sprig';

interface TemplateVector {
  name: string;
  template: string;
  data: unknown;
  expected?: string;
  expectedContains?: string;
  expectError?: boolean;
  source: string;
}

interface FuncVector {
  name: string;
  templateFuncs: string[];
  args: unknown[];
  expected?: unknown;
  expectedLen?: number;
}

const file = JSON.parse(readFileSync(sharedPath('gotemplate-vectors/sprig.json'), 'utf8')) as {
  vectors: TemplateVector[];
  funcVectors: FuncVector[];
};

/** Vectors we do not run, and why. Keyed by vector name (+ template where the name is shared). */
const SKIP: { match: (v: TemplateVector) => boolean; reason: string }[] = [
  { match: (v) => v.name === 'TestEnv' || v.name === 'TestExpandEnv', reason: 'env/expandenv are removed by Helm (parse error there)' },
  { match: (v) => v.name === 'TestShuffle', reason: 'random: expects the output of Go math/rand with a fixed seed' },
  { match: (v) => v.source === 'functions_windows_test.go', reason: 'Windows filepath semantics; Helm renders with Linux/macOS filepath' },
];

class VectorStruct extends GoStruct {
  get goTypeName(): string {
    return 'sprig.fixture';
  }
}

/** The vector file's JSON encoding → Go values (see its `encoding` header). */
function toGo(v: unknown): GoValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(toGo);
  const o = v as Record<string, unknown>;
  if ('$goType' in o) return toGo(o.value);
  if ('$float' in o) return o.$float as number;
  if ('$time' in o) return new GoTime(Date.parse(o.$time as string), 0, (o.zone as string | undefined) ?? 'UTC');
  if ('$struct' in o) return Object.assign(new VectorStruct(), Object.fromEntries(Object.entries(o.$struct as object).map(([k, x]) => [k, toGo(x)])));
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, toGo(x)]));
}

const funcs = sprigFunctions();
let passed = 0;
let skipped = 0;

for (const [i, v] of file.vectors.entries()) {
  const skip = SKIP.find((s) => s.match(v));
  if (skip) {
    skipped++;
    test(`${v.name} #${i}: ${v.template}`, { skip: skip.reason }, () => {});
    continue;
  }
  test(`${v.name} #${i}: ${v.template}`, () => {
    const run = (): string => executeTemplate(v.template, toGo(v.data), { funcs });
    if (v.expectError) {
      assert.throws(run);
    } else if (v.expectedContains !== undefined) {
      assert.ok(run().includes(v.expectedContains));
    } else {
      assert.equal(run(), v.expected);
    }
    passed++;
  });
}

for (const [i, v] of file.funcVectors.entries()) {
  test(`${v.name} (direct) #${i}: ${v.templateFuncs[0]}(${JSON.stringify(v.args)})`, () => {
    const fn = funcs[v.templateFuncs[0]];
    assert.ok(fn, `${v.templateFuncs[0]} is registered`);
    const result = fn.call(...v.args.map(toGo));
    if (v.expectedLen !== undefined) {
      assert.ok(Array.isArray(result));
      assert.equal(result.length, v.expectedLen);
    } else {
      const expected = toGo(v.expected);
      if (typeof expected === 'bigint' || typeof expected === 'number') assert.equal(Number(result), Number(expected));
      else assert.deepEqual(result, expected);
    }
    passed++;
  });
}

test('summary', () => {
  // Reported for the lead; the count of deliberate skips must stay small and explained above.
  console.log(`sprig vectors: ${file.vectors.length} template + ${file.funcVectors.length} direct; skipped ${skipped}`);
  assert.ok(skipped <= 12);
});
