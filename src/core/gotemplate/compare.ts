/**
 * The comparison builtins eq, ne, lt, le, gt, ge (text/template funcs.go). Go compares only basic
 * kinds, never converts int to float (`eq 1 1.0` is an error), and `eq` takes several right operands.
 * Operands arrive as raw values: `undefined` and `null` are both Go's invalid/nil here.
 */
import { GoValue } from './values';
import { compareGoStrings, goTypeName, sprintf } from './fmt';

const enum Kind {
  Invalid,
  Bool,
  Int,
  Float,
  String,
}

function basicKind(v: GoValue): Kind {
  switch (typeof v) {
    case 'boolean':
      return Kind.Bool;
    case 'bigint':
      return Kind.Int;
    case 'number':
      return Kind.Float;
    case 'string':
      return Kind.String;
  }
  return Kind.Invalid;
}

const isNil = (v: GoValue): boolean => v === null || v === undefined;

function incompatible(a: GoValue, b: GoValue): Error {
  return new Error(`incompatible types for comparison: ${goTypeName(a)} and ${goTypeName(b)}`);
}

/** eq a b c … : a == b || a == c || … */
export function eq(arg1: GoValue, ...arg2: GoValue[]): boolean {
  if (arg2.length === 0) throw new Error('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (const arg of arg2) {
    const k2 = basicKind(arg);
    let truth: boolean;
    if (k1 !== k2) {
      if (!isNil(arg1) && !isNil(arg)) throw incompatible(arg1, arg);
      truth = false;
    } else if (k1 !== Kind.Invalid) {
      truth = arg1 === arg;
    } else if (isNil(arg1) || isNil(arg)) {
      truth = isNil(arg1) === isNil(arg);
    } else {
      const a1 = arg1 as object;
      const a2 = arg as object;
      if (Array.isArray(a1) !== Array.isArray(a2) || Object.getPrototypeOf(a1) !== Object.getPrototypeOf(a2)) {
        throw new Error(`non-comparable types ${sprintf('%s', [arg1])}: ${goTypeName(arg1)}, ${goTypeName(arg)}: ${sprintf('%v', [arg])}`);
      }
      if (Array.isArray(a2) || a2 instanceof Uint8Array || Object.getPrototypeOf(a2) === Object.prototype || Object.getPrototypeOf(a2) === null) {
        throw new Error(`non-comparable type ${sprintf('%s', [arg])}: ${goTypeName(arg)}`);
      }
      // Structs and times: Go compares field by field; identity is the closest we can honestly do.
      truth = a1 === a2;
    }
    if (truth) return true;
  }
  return false;
}

export function ne(arg1: GoValue, arg2: GoValue): boolean {
  return !eq(arg1, arg2);
}

export function lt(arg1: GoValue, arg2: GoValue): boolean {
  const k1 = basicKind(arg1);
  if (k1 === Kind.Invalid) throw new Error('invalid type for comparison');
  const k2 = basicKind(arg2);
  if (k2 === Kind.Invalid) throw new Error('invalid type for comparison');
  if (k1 !== k2) throw incompatible(arg1, arg2);
  switch (k1) {
    case Kind.Bool:
      throw new Error('invalid type for comparison');
    case Kind.String:
      return compareGoStrings(arg1 as string, arg2 as string) < 0;
    default:
      return (arg1 as number) < (arg2 as number);
  }
}

export function le(arg1: GoValue, arg2: GoValue): boolean {
  return lt(arg1, arg2) || eq(arg1, arg2);
}

export function gt(arg1: GoValue, arg2: GoValue): boolean {
  return !le(arg1, arg2);
}

export function ge(arg1: GoValue, arg2: GoValue): boolean {
  return !lt(arg1, arg2);
}
