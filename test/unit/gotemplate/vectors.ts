/**
 * Reading ../shared/gotemplate-vectors/text-template.json into Go values (per its `encoding` header:
 * integers are Go ints, `$float` marks an integral float64, `$struct` a struct, `$ref` a fixture) and
 * the helper functions Go's exec_test.go registers for every vector.
 */
import { readFileSync } from 'node:fs';
import { sharedPath } from '../shared-data';
import { goTypeName, sprintln } from '../../../src/core/gotemplate/fmt';
import { FuncMap, goFunc, GoStruct, GoValue } from '../../../src/core/gotemplate/values';

/** A struct from the vectors; its fields are own properties in declaration order. */
export class VectorStruct extends GoStruct {
  get goTypeName(): string {
    return '*template.T';
  }
}

export interface Vectors {
  fixtures: Record<string, unknown>;
  exec: ExecVector[];
  multi: MultiVector[];
  parse: ParseVector[];
  numberLiterals: NumberVector[];
}

export interface ExecVector {
  name: string;
  template: string;
  data: unknown;
  expected?: string;
  expectError?: boolean;
  goType?: string;
  partialOutput?: string;
}

export interface MultiVector extends Partial<ExecVector> {
  name: string;
  data: unknown;
  setup?: string[];
  setupNames?: string[];
  setupNamed?: [string, string][];
  execute?: string;
  redefine?: string[];
  options?: string[];
  delims?: [string, string];
}

export interface ParseVector {
  name: string;
  template: string;
  parseOk: boolean;
  funcs: string[];
  treeString?: string;
  errorContains?: string;
  notes?: string;
  source: string;
}

export interface NumberVector {
  text: string;
  valid: boolean;
  isInt?: boolean;
  isUint?: boolean;
  isFloat?: boolean;
  isComplex?: boolean;
  int64?: number;
  uint64?: number;
  float64?: number;
}

/** The vector file (its data values are all well below 2^53, so JSON numbers are exact). */
export function loadVectors(): Vectors {
  return JSON.parse(readFileSync(sharedPath('gotemplate-vectors/text-template.json'), 'utf8')) as Vectors;
}

/** Converts vector data to the Go value model. */
export function toGo(data: unknown, fixtures: Record<string, unknown>): GoValue {
  if (data === null || data === undefined) return null;
  if (typeof data === 'bigint' || typeof data === 'string' || typeof data === 'boolean') return data;
  if (typeof data === 'number') return Number.isInteger(data) ? BigInt(data) : data;
  if (Array.isArray(data)) return data.map((d) => toGo(d, fixtures));
  const obj = data as Record<string, unknown>;
  if ('$float' in obj) return Number(obj.$float);
  if ('$ref' in obj) return toGo(fixtures[obj.$ref as string], fixtures);
  if ('$struct' in obj) {
    const s = new VectorStruct();
    for (const [k, v] of Object.entries(obj.$struct as Record<string, unknown>)) (s as unknown as Record<string, GoValue>)[k] = toGo(v, fixtures);
    return s;
  }
  const out: Record<string, GoValue> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = toGo(v, fixtures);
  return out;
}

/** exec_test.go's extra functions (see the file's harnessFuncs). */
export const harnessFuncs: FuncMap = {
  add: goFunc('add', [], (...args) => args.reduce<bigint>((a, b) => a + (b as bigint), 0n), 'int'),
  dddArg: goFunc('dddArg', ['int'], (a, ...b) => sprintln([a, b]), 'string'),
  die: goFunc('die', [], () => {
    throw new Error('die');
  }),
  echo: goFunc('echo', ['any'], (x) => x),
  makemap: goFunc(
    'makemap',
    [],
    (...kv) => {
      if (kv.length % 2 !== 0) throw new Error('bad makemap');
      const m: Record<string, GoValue> = {};
      for (let i = 0; i < kv.length; i += 2) m[kv[i] as string] = kv[i + 1];
      return m;
    },
    'string',
  ),
  mapOfThree: goFunc('mapOfThree', [], () => ({ three: 3n })),
  oneArg: goFunc('oneArg', ['string'], (a) => 'oneArg=' + (a as string)),
  twoArgs: goFunc('twoArgs', ['string', 'string'], (a, b) => 'twoArgs=' + (a as string) + (b as string)),
  returnInt: goFunc('returnInt', [], () => 7n),
  typeOf: goFunc('typeOf', ['any'], (x) => goTypeName(x)),
  valueString: goFunc('valueString', ['string'], () => 'value is ignored'),
  zeroArgs: goFunc('zeroArgs', [], () => 'zeroArgs'),
};
