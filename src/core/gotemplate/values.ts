/**
 * How Go values are represented in JavaScript, shared by the template engine, Sprig, Helm's functions
 * and the chart renderer. The distinctions matter because Go's output and errors depend on them:
 * `{{ 1000000.0 }}` prints `1e+06` but `{{ 1000000 }}` prints `1000000`, and `eq 1 1.0` is an error.
 *
 * | Go                         | JavaScript                                                     |
 * |----------------------------|----------------------------------------------------------------|
 * | int, int64 (and other ints)| `bigint` (wrapped to 64 bits with BigInt.asIntN where Go wraps) |
 * | float64                    | `number`  (values from YAML/JSON are float64, as in Helm)       |
 * | string                     | `string`                                                       |
 * | bool                       | `boolean`                                                      |
 * | nil                        | `null` (`undefined` is never a Go value; treat it as nil)      |
 * | []interface{}              | `Array`                                                        |
 * | map[string]interface{}     | a plain object (prototype Object.prototype or null)            |
 * | []byte                     | `Uint8Array`                                                   |
 * | a struct (or pointer to it)| an instance of a class extending `GoStruct`: own enumerable    |
 * |                            | properties are fields, prototype functions are methods         |
 * | time.Time                  | `GoTime`                                                       |
 * | error returned by a func   | a thrown `Error`                                               |
 */

export type GoValue =
  | bigint
  | number
  | string
  | boolean
  | null
  | undefined
  | GoValue[]
  | GoMap
  | Uint8Array
  | GoStruct
  | GoTime;

export interface GoMap {
  [key: string]: GoValue;
}

/** Base class of values that Go would hold as structs: field access on a missing name is an error. */
export abstract class GoStruct {
  /** The Go type name used in error messages and `%T`, e.g. `*chart.Metadata`. */
  abstract readonly goTypeName: string;
}

/** time.Time; kept apart from Date so `%v` and Sprig's date functions can follow Go. */
export class GoTime {
  constructor(
    readonly epochMillis: number,
    /** Offset east of UTC in minutes, and the zone's name as Go prints it. */
    readonly offsetMinutes = 0,
    readonly zoneName = 'UTC',
    /** Sub-millisecond part, so nanosecond-precision times round-trip. */
    readonly extraNanos = 0,
  ) {}
}

export type GoKind = 'int' | 'float' | 'string' | 'bool' | 'nil' | 'slice' | 'map' | 'bytes' | 'struct' | 'time';

export function kindOf(value: GoValue): GoKind {
  if (value === null || value === undefined) return 'nil';
  switch (typeof value) {
    case 'bigint':
      return 'int';
    case 'number':
      return 'float';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
  }
  if (Array.isArray(value)) return 'slice';
  if (value instanceof Uint8Array) return 'bytes';
  if (value instanceof GoTime) return 'time';
  if (value instanceof GoStruct) return 'struct';
  return 'map';
}

export function isGoMap(value: GoValue): value is GoMap {
  return kindOf(value) === 'map';
}

/**
 * A function callable from templates. Go checks argument types by reflection; a GoFunction says what
 * it accepts so the engine can produce Go's errors (`wrong type for value; expected string; got int`)
 * and convert untyped constants (an integer literal passed where float64 is wanted). A parameter type
 * of 'any' accepts everything unchanged.
 */
export type GoParamType = 'any' | 'string' | 'int' | 'int64' | 'float64' | 'bool' | 'slice' | 'map' | 'bytes';

export interface GoFunction {
  readonly name: string;
  readonly params: readonly GoParamType[];
  /** Type of the trailing `...T` parameter, if the Go function is variadic. */
  readonly variadic?: GoParamType;
  readonly call: (...args: GoValue[]) => GoValue;
}

export type FuncMap = Record<string, GoFunction>;

export function goFunc(
  name: string,
  params: readonly GoParamType[],
  call: (...args: GoValue[]) => GoValue,
  variadic?: GoParamType,
): GoFunction {
  return { name, params, call, variadic };
}
