/**
 * The conversions Sprig applies to `interface{}` arguments: spf13/cast's ToInt64/ToFloat64 (strings
 * are parsed, failures become 0), Sprig's strval/strslice, its notion of "empty", and reflect's kind
 * names. Shared by every Sprig family so `add "2" 3` and `default` behave the same everywhere.
 */
import { GoStruct, GoTime, GoValue, GoMap } from '../gotemplate/values';
import { formatValue, goTypeName } from '../gotemplate/fmt';
import { goStringFromBytes } from '../gotemplate/bytes';


/** Go's strconv.ParseInt(s, 0, 64) syntax: sign, 0x/0o/0b prefixes, legacy octal, underscores. */
function parseGoInt(s: string): bigint | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(s);
  if (!m) return undefined;
  let body = m[2];
  // Underscores must separate digits (Go's underscoreOK): not doubled, not trailing.
  if (body.includes('_')) {
    if (/__|_$/.test(body)) return undefined;
    body = body.replace(/_/g, '');
  }
  let v: bigint;
  // Legacy octal "017" = 15; BigInt itself understands 0x/0o/0b.
  if (/^0[0-7]+$/.test(body)) v = BigInt('0o' + body.slice(1));
  else v = BigInt(body.toLowerCase());
  if (m[1] === '-') v = -v;
  if (v > 0x7fffffffffffffffn || v < -0x8000000000000000n) return undefined;
  return v;
}

/** cast's trimZeroDecimal: "12.000" parses as an int, "12.5" does not. */
function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === '.') return foundZero ? s.slice(0, i - 1) : s;
    if (c !== '0') return s;
    foundZero = true;
  }
  return s;
}

/** Go's int64(f): truncation toward zero; NaN and out-of-range give the minimum, as on amd64. */
export function floatToInt64(f: number): bigint {
  if (!Number.isFinite(f) || f >= 9223372036854775808 || f < -9223372036854775808) return -0x8000000000000000n;
  return BigInt(Math.trunc(f));
}

/** cast.ToInt64 (and cast.ToInt: int is 64-bit). */
export function toInt64(v: GoValue): bigint {
  switch (typeof v) {
    case 'bigint':
      return BigInt.asIntN(64, v);
    case 'number':
      return floatToInt64(v);
    case 'boolean':
      return v ? 1n : 0n;
    case 'string':
      return parseGoInt(trimZeroDecimal(v)) ?? 0n;
  }
  return 0n;
}

/** Go's strconv.ParseFloat(s, 64) syntax (decimal, hex floats, Inf/NaN, underscores). */
export function parseGoFloat(s: string): number | undefined {
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  if (/^[+-]?([0-9]+(_[0-9]+)*\.?([0-9]+(_[0-9]+)*)?|\.[0-9]+(_[0-9]+)*)([eE][+-]?[0-9]+)?$/.test(s)) {
    return Number(s.replace(/_/g, ''));
  }
  const hex = /^([+-]?)0[xX]([0-9a-fA-F_]*)\.?([0-9a-fA-F_]*)[pP]([+-]?[0-9]+)$/.exec(s);
  if (hex && (hex[2] || hex[3])) {
    const mant = parseInt((hex[2] + hex[3]).replace(/_/g, '') || '0', 16);
    const v = mant * 2 ** (Number(hex[4]) - 4 * hex[3].replace(/_/g, '').length);
    return hex[1] === '-' ? -v : v;
  }
  return undefined;
}

/** cast.ToFloat64. */
export function toFloat64(v: GoValue): number {
  switch (typeof v) {
    case 'number':
      return v;
    case 'bigint':
      return Number(v);
    case 'boolean':
      return v ? 1 : 0;
    case 'string': {
      const f = parseGoFloat(v);
      return f === undefined ? 0 : f;
    }
  }
  return 0;
}

/** A Go value's String() method result, if it has one (fmt.Stringer). */
export function stringerOf(v: GoValue): string | undefined {
  if (v instanceof GoStruct) {
    const method = (v as unknown as { String?: unknown }).String;
    if (typeof method === 'function') return String(method.call(v));
  }
  return undefined;
}

/** Sprig's strval: strings as-is, []byte decoded, Stringers, else %v. */
export function strval(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return goStringFromBytes(v);
  return stringerOf(v) ?? formatValue(v);
}

/** Sprig's strslice: a list's non-nil elements as strings; a scalar becomes a one-element list. */
export function strslice(v: GoValue): string[] {
  if (Array.isArray(v)) {
    const out: string[] = [];
    for (const e of v) if (e !== null && e !== undefined) out.push(strval(e));
    return out;
  }
  if (v instanceof Uint8Array) return Array.from(v, (b) => String(b));
  if (v === null || v === undefined) return [];
  return [strval(v)];
}

/** Sprig's empty(): nil, false, 0, "", and empty collections are empty; structs never are. */
export function isEmpty(v: GoValue): boolean {
  if (v === null || v === undefined) return true;
  switch (typeof v) {
    case 'boolean':
      return !v;
    case 'bigint':
      return v === 0n;
    case 'number':
      return v === 0;
    case 'string':
      return v.length === 0;
  }
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length === 0;
  if (v instanceof GoStruct || v instanceof GoTime) return false;
  for (const _ in v as GoMap) return false;
  return true;
}

/** reflect.Kind's name for a value, as kindOf/kindIs and Sprig's error messages print it. */
export function goKindName(v: GoValue): string {
  if (v === null || v === undefined) return 'invalid';
  switch (typeof v) {
    case 'bigint':
      return 'int';
    case 'number':
      return 'float64';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
  }
  if (Array.isArray(v) || v instanceof Uint8Array) return 'slice';
  if (v instanceof GoTime) return 'struct';
  if (v instanceof GoStruct) return v.goTypeName.startsWith('*') ? 'ptr' : 'struct';
  return 'map';
}

/** Elements of a slice value (a []byte's bytes as ints), or undefined if v is not a slice. */
export function sliceElements(v: GoValue): GoValue[] | undefined {
  if (Array.isArray(v)) return v;
  if (v instanceof Uint8Array) return Array.from(v, (b) => BigInt(b));
  return undefined;
}

/**
 * The list argument of Sprig's list functions. Go's reflect.TypeOf(nil).Kind() dereferences a nil
 * Type, hence the nil-pointer error; other kinds give Sprig's own message.
 */
export function requireList(v: GoValue, message: (kind: string) => string): GoValue[] {
  const list = sliceElements(v);
  if (list) return list;
  if (v === null || v === undefined) throw new Error('runtime error: invalid memory address or nil pointer dereference');
  throw new Error(message(goKindName(v)));
}

/** reflect.DeepEqual over the value model: types must match (int 1 differs from float 1). */
export function deepEqual(a: GoValue, b: GoValue, depth = 0): boolean {
  if (a === b) return true;
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === null || b === null) return a === b;
  if (typeof a !== typeof b) return false;
  if (typeof a !== 'object') return false; // distinct scalars (NaN is unequal to itself in Go too)
  if (depth > 1000) throw new Error('deepEqual: value nested too deeply');
  const bo = b as object;
  if (Array.isArray(a)) {
    if (!Array.isArray(bo) || a.length !== bo.length) return false;
    return a.every((x, i) => deepEqual(x, (bo as GoValue[])[i], depth + 1));
  }
  if (a instanceof Uint8Array) {
    return bo instanceof Uint8Array && a.length === bo.length && a.every((x, i) => x === bo[i]);
  }
  if (a instanceof GoTime) {
    return bo instanceof GoTime && a.epochMillis === bo.epochMillis && a.extraNanos === bo.extraNanos &&
      a.offsetMinutes === bo.offsetMinutes && a.zoneName === bo.zoneName;
  }
  if (a instanceof GoStruct) {
    if (!(bo instanceof GoStruct) || a.goTypeName !== bo.goTypeName) return false;
  } else if (Array.isArray(bo) || bo instanceof Uint8Array || bo instanceof GoTime || bo instanceof GoStruct) return false;
  const ak = Object.keys(a);
  const bk = Object.keys(bo);
  if (ak.length !== bk.length) return false;
  const bm = bo as GoMap;
  const am = a as unknown as GoMap;
  return ak.every((k) => Object.prototype.hasOwnProperty.call(bm, k) && deepEqual(am[k], bm[k], depth + 1));
}

export { goTypeName };
