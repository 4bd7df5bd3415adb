/**
 * Differential test: thousands of seeded random templates × data, rendered by our engine and by Go's
 * own text/template compiled to WebAssembly (npm @evertdespiegeleer/go-template). Output must be
 * identical; when Go fails, we must fail with the identical message.
 *
 * Oracle limits: it takes data as JSON (so every number is float64, and maps are
 * map[string]interface{}), runs with missingkey=error, names the template "tpl", has no Sprig and
 * discards partial output on error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { executeTemplate, TemplateError } from '../../../src/core/gotemplate/index';
import { GoValue } from '../../../src/core/gotemplate/values';
import { Generator, JsonValue, rng } from './random-templates';

const CASES = 3000;
const SEED = Number(process.env.GOTEMPLATE_DIFF_SEED ?? 20261126);

type Render = (template: string, json: string) => string;

async function loadOracle(): Promise<Render> {
  const m = await import('@evertdespiegeleer/go-template');
  await m.parse('', {});
  return (globalThis as unknown as { Render: Render }).Render;
}

/** JSON data as Go's encoding/json gives it to the template: numbers are float64 (JS number). */
function fromJson(v: JsonValue): GoValue {
  if (Array.isArray(v)) return v.map(fromJson);
  if (v !== null && typeof v === 'object') {
    const m: Record<string, GoValue> = {};
    for (const [k, x] of Object.entries(v)) m[k] = fromJson(x);
    return m;
  }
  return v;
}

function ours(template: string, data: JsonValue): string {
  try {
    return executeTemplate(template, fromJson(data), { missingkey: 'error', name: 'tpl' });
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    return (e.kind === 'parse' ? 'Template parse error: ' : 'Template exec error: ') + e.message;
  }
}

/**
 * A difference that lies in fmt.ts (owned apart from the engine), not in the template engine:
 * Go prints a nil element inside a map or slice as <nil> under %s/%q, fmt.ts as %!s(<nil>).
 * Counted and bounded, not hidden: see the assertion below.
 */
function isKnownFmtGap(actual: string, expected: string): boolean {
  return actual.replace(/%!\w\(<nil>\)/g, '<nil>') === expected;
}

/**
 * A limit of the shared value model: `index "str" 0` is a Go uint8 (byte), which the model holds as
 * an int, so a type name in an error message says int. Counted and bounded like the fmt gaps.
 */
function isByteTypeGap(actual: string, expected: string): boolean {
  // Not []uint8: byte slices are modelled exactly.
  return expected.includes('uint8') && expected.replace(/(?<!\])uint8/g, 'int') === actual;
}

test(`${CASES} random templates render exactly as Go's text/template does`, async () => {
  const render = await loadOracle();
  const gen = new Generator(rng(SEED));
  const mismatches: string[] = [];
  const knownGaps: string[] = [];
  let errors = 0;
  for (let i = 0; i < CASES; i++) {
    const template = gen.template();
    const data = gen.rootData();
    const expected = render(template, JSON.stringify(data));
    if (expected.startsWith('Template ')) errors++;
    const actual = ours(template, data);
    if (actual !== expected && (isKnownFmtGap(actual, expected) || isByteTypeGap(actual, expected))) {
      knownGaps.push(`#${i} ${JSON.stringify(template)}`);
    } else if (actual !== expected) {
      mismatches.push(`#${i} ${JSON.stringify(template)}\n  data: ${JSON.stringify(data)}\n  go:   ${JSON.stringify(expected)}\n  ours: ${JSON.stringify(actual)}`);
    }
  }
  // Both outcomes must be exercised, or the comparison proves little.
  assert.ok(errors > CASES / 20 && errors < CASES * 0.8, `${errors} of ${CASES} cases were errors`);
  assert.ok(knownGaps.length < CASES / 100, `${knownGaps.length} known gaps:\n${knownGaps.slice(0, 8).join('\n')}`);
  assert.equal(mismatches.length, 0, `${mismatches.length} mismatches; first ones:\n${mismatches.slice(0, 8).join('\n')}`);
});
