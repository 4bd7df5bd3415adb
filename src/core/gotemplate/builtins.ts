/**
 * Go's predefined template functions (text/template funcs.go builtins()). Most take Go's
 * reflect.Value, i.e. they see a missing value as such: those are listed in RAW_ARGUMENTS, and the
 * executor passes them `undefined` for "no value" instead of converting it to nil.
 * `and`, `or` and `call` also need the executor (short-circuit, callee name); see exec.ts.
 */
import { FuncMap, goFunc, GoFunction, GoStruct, GoTime, GoValue } from './values';
import { goTypeName, sprint, sprintf, sprintln } from './fmt';
import { eq, ge, gt, le, lt, ne } from './compare';
import { htmlEscape, jsEscape, urlQueryEscape } from './escape';
import { goBytes, goStringFromBytes } from './bytes';

const hasOwn = Object.prototype.hasOwnProperty;

/** A plain map in the value model (not a struct, time, slice, bytes or function). */
export function isPlainMap(v: GoValue): v is Record<string, GoValue> {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof Uint8Array) &&
    !(v instanceof GoStruct) &&
    !(v instanceof GoTime) &&
    !isGoFunction(v)
  );
}

/** A GoFunction stored as data (for `call`). */
export function isGoFunction(v: unknown): v is GoFunction {
  return typeof v === 'object' && v !== null && typeof (v as GoFunction).call === 'function' && Array.isArray((v as GoFunction).params);
}

function mapIsEmpty(m: object): boolean {
  for (const k in m) if (hasOwn.call(m, k)) return false;
  return true;
}

/** Go's isTrue: zero values (false, 0, "", nil, empty slice/map) are false; structs are true. */
export function isTrue(v: GoValue): boolean {
  if (v === null || v === undefined) return false;
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'bigint':
      return v !== 0n;
    case 'number':
      return v !== 0;
    case 'string':
      return v.length > 0;
  }
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length > 0;
  if (v instanceof GoStruct || v instanceof GoTime || isGoFunction(v)) return true;
  return !mapIsEmpty(v);
}

const isAscii = (s: string): boolean => !/[^\x00-\x7f]/.test(s);

/** Length in bytes, as Go's len of a string. */
export function byteLength(s: string): number {
  return isAscii(s) ? s.length : goBytes(s).length;
}

function indexArg(index: GoValue, cap: number): number {
  if (index === null || index === undefined) throw new Error('cannot index slice/array with nil');
  if (typeof index !== 'bigint') throw new Error(`cannot index slice/array with type ${goTypeName(index)}`);
  if (index < 0n || index > BigInt(cap)) throw new Error(`index out of range: ${index}`);
  return Number(index);
}

function index(item: GoValue, ...indexes: GoValue[]): GoValue {
  if (item === null || item === undefined) throw new Error('index of untyped nil');
  for (let key of indexes) {
    if (key === null) key = undefined;
    if (item === null || item === undefined) throw new Error('index of nil pointer');
    if (typeof item === 'string' || Array.isArray(item) || item instanceof Uint8Array) {
      const bytes: Uint8Array | undefined = typeof item === 'string' && !isAscii(item) ? goBytes(item) : undefined;
      const length: number = bytes ? bytes.length : item.length;
      const x = indexArg(key, length);
      // Go lets x == len through to reflect, which panics with its own message.
      if (x === length) throw new Error(`reflect: ${typeof item === 'string' ? 'string' : 'slice'} index out of range`);
      if (bytes) item = BigInt(bytes[x]);
      else if (typeof item === 'string') item = BigInt(item.charCodeAt(x));
      else if (item instanceof Uint8Array) item = BigInt(item[x]);
      else item = item[x] ?? null;
    } else if (isPlainMap(item)) {
      if (key === undefined) throw new Error('value is nil; should be of type string');
      if (typeof key !== 'string') throw new Error(`value has type ${goTypeName(key)}; should be string`);
      // A missing key yields the element type's zero value: nil for map[string]interface{}.
      item = hasOwn.call(item, key) ? (item[key] ?? null) : null;
    } else {
      throw new Error(`can't index item of type ${goTypeName(item)}`);
    }
  }
  return item;
}

function slice(item: GoValue, ...indexes: GoValue[]): GoValue {
  if (item === null || item === undefined) throw new Error('slice of untyped nil');
  if (indexes.length > 3) throw new Error(`too many slice indexes: ${indexes.length}`);
  let cap: number;
  let bytes: Uint8Array | undefined;
  if (typeof item === 'string') {
    if (indexes.length === 3) throw new Error('cannot 3-index slice a string');
    if (!isAscii(item)) bytes = goBytes(item);
    cap = bytes ? bytes.length : item.length;
  } else if (Array.isArray(item) || item instanceof Uint8Array) {
    cap = item.length;
  } else {
    throw new Error(`can't slice item of type ${goTypeName(item)}`);
  }
  const idx = [0, cap, cap];
  indexes.forEach((x, i) => (idx[i] = indexArg(x ?? undefined, cap)));
  if (idx[0] > idx[1]) throw new Error(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) throw new Error(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (bytes) return goStringFromBytes(bytes.subarray(idx[0], idx[1]));
  return item.slice(idx[0], idx[1]);
}

function length(item: GoValue): GoValue {
  if (item === undefined) throw new Error('reflect: call of reflect.Value.Type on zero Value');
  if (item === null) throw new Error('len of nil pointer');
  if (typeof item === 'string') return BigInt(byteLength(item));
  if (Array.isArray(item) || item instanceof Uint8Array) return BigInt(item.length);
  if (isPlainMap(item)) {
    let n = 0;
    for (const k in item) if (hasOwn.call(item, k)) n++;
    return BigInt(n);
  }
  throw new Error(`len of type ${goTypeName(item)}`);
}

/** html/js/urlquery's evalArgs: one string as is, otherwise fmt.Sprint with missing values as <no value>. */
function evalArgs(args: GoValue[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === null || a === undefined ? '<no value>' : a)));
}

const nilToNull = (args: GoValue[]): GoValue[] => args.map((a) => (a === undefined ? null : a));

/** and/or as plain functions (the executor short-circuits them itself). */
function and(...args: GoValue[]): GoValue {
  for (const a of args) if (!isTrue(a)) return a;
  return args[args.length - 1];
}

function or(...args: GoValue[]): GoValue {
  for (const a of args) if (isTrue(a)) return a;
  return args[args.length - 1];
}

export const goBuiltins: FuncMap = {
  and: goFunc('and', ['any'], and, 'any'),
  call: goFunc('call', ['any'], () => null, 'any'),
  html: goFunc('html', [], (...args) => htmlEscape(evalArgs(args)), 'any'),
  index: goFunc('index', ['any'], index, 'any'),
  slice: goFunc('slice', ['any'], slice, 'any'),
  js: goFunc('js', [], (...args) => jsEscape(evalArgs(args)), 'any'),
  len: goFunc('len', ['any'], length),
  not: goFunc('not', ['any'], (arg) => !isTrue(arg)),
  or: goFunc('or', ['any'], or, 'any'),
  print: goFunc('print', [], (...args) => sprint(nilToNull(args)), 'any'),
  printf: goFunc('printf', ['string'], (format, ...args) => sprintf(format as string, nilToNull(args)), 'any'),
  println: goFunc('println', [], (...args) => sprintln(nilToNull(args)), 'any'),
  urlquery: goFunc('urlquery', [], (...args) => urlQueryEscape(evalArgs(args)), 'any'),
  eq: goFunc('eq', ['any'], (a, ...b) => eq(a, ...b), 'any'),
  ge: goFunc('ge', ['any', 'any'], ge),
  gt: goFunc('gt', ['any', 'any'], gt),
  le: goFunc('le', ['any', 'any'], le),
  lt: goFunc('lt', ['any', 'any'], lt),
  ne: goFunc('ne', ['any', 'any'], ne),
};

/** Builtins whose parameters are reflect.Value in Go: they receive `undefined` for a missing value. */
export const RAW_ARGUMENTS: ReadonlySet<GoFunction> = new Set(
  ['and', 'call', 'index', 'slice', 'len', 'not', 'or', 'eq', 'ge', 'gt', 'le', 'lt', 'ne'].map((n) => goBuiltins[n]),
);
