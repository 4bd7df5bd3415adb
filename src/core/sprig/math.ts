/**
 * Sprig's numeric functions (numeric.go and the arithmetic in functions.go). Integer arithmetic is
 * int64 with Go's wrap-around; the float variants (addf, divf, ...) go through shopspring/decimal as
 * Sprig does, so `addf 1.5 2.2 3` is exactly 6.7 rather than 6.700000000000001.
 */
import { randomInt } from 'node:crypto';
import { FuncMap, GoValue, goFunc } from '../gotemplate/values';
import { formatValue } from '../gotemplate/fmt';
import { toFloat64, toInt64 } from './convert';

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);
const MAX_LIST = 1_000_000;

/** A decimal number coef × 10^exp (shopspring/decimal's representation). */
interface Decimal {
  coef: bigint;
  exp: number;
}

function decimalFromFloat(f: number): Decimal {
  if (!Number.isFinite(f)) throw new Error(`Cannot create a Decimal from ${formatValue(f)}`);
  if (f === 0) return { coef: 0n, exp: 0 };
  const [mantissa, exponent] = Math.abs(f).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const coef = BigInt(digits) * (f < 0 ? -1n : 1n);
  return { coef, exp: Number(exponent) - (digits.length - 1) };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const exp = Math.min(a.exp, b.exp);
  return [a.coef * 10n ** BigInt(a.exp - exp), b.coef * 10n ** BigInt(b.exp - exp), exp];
}

const DIVISION_PRECISION = 16;

const decimalOps: Record<string, (a: Decimal, b: Decimal) => Decimal> = {
  add: (a, b) => {
    const [x, y, exp] = align(a, b);
    return { coef: x + y, exp };
  },
  sub: (a, b) => {
    const [x, y, exp] = align(a, b);
    return { coef: x - y, exp };
  },
  mul: (a, b) => ({ coef: a.coef * b.coef, exp: a.exp + b.exp }),
  // DivRound(b, 16): truncated quotient at 16 decimals, then rounded half away from zero.
  div: (a, b) => {
    if (b.coef === 0n) throw new Error('decimal division by zero');
    const k = a.exp + DIVISION_PRECISION - b.exp;
    const n = k >= 0 ? a.coef * 10n ** BigInt(k) : a.coef;
    const d = k >= 0 ? b.coef : b.coef * 10n ** BigInt(-k);
    let q = n / d;
    const r = n % d;
    const abs = (x: bigint): bigint => (x < 0n ? -x : x);
    if (2n * abs(r) >= abs(d)) q += (n < 0n) !== (d < 0n) ? -1n : 1n;
    return { coef: q, exp: -DIVISION_PRECISION };
  },
};

function decimalToFloat(d: Decimal): number {
  return Number(`${d.coef}e${d.exp}`);
}

/** Sprig's execDecimalOp: fold the operands with exact decimal arithmetic, then back to float64. */
function decimalFold(first: GoValue, rest: GoValue[], op: string): number {
  let acc = decimalFromFloat(toFloat64(first));
  for (const x of rest) acc = decimalOps[op](acc, decimalFromFloat(toFloat64(x)));
  return decimalToFloat(acc);
}

/** Sprig's untilStep: a half-open range; a step pointing away from stop gives []. */
export function untilStep(start: bigint, stop: bigint, step: bigint): bigint[] {
  const out: bigint[] = [];
  if (stop < start ? step >= 0n : step <= 0n) return out;
  const count = (stop - start + step + (step > 0n ? -1n : 1n)) / step;
  if (count > BigInt(MAX_LIST)) throw new Error(`untilStep: ${count} elements is more than the ${MAX_LIST} limit`);
  for (let i = start; stop < start ? i > stop : i < stop; i += step) out.push(i);
  return out;
}

function seq(params: bigint[]): string {
  let list: bigint[];
  switch (params.length) {
    case 1: {
      const end = params[0];
      const inc = end < 1n ? -1n : 1n;
      list = untilStep(1n, end + inc, inc);
      break;
    }
    case 2: {
      const [start, end] = params;
      const step = end < start ? -1n : 1n;
      list = untilStep(start, end + step, step);
      break;
    }
    case 3: {
      const [start, step, end] = params;
      let inc = 1n;
      if (end < start) {
        inc = -1n;
        if (step > 0n) return '';
      }
      list = untilStep(start, end + inc, step);
      break;
    }
    default:
      return '';
  }
  return list.join(' ');
}

/** strconv.Atoi: base 10; syntax errors give 0, out-of-range values clamp (Sprig drops the error). */
function atoi(s: string): bigint {
  if (!/^[+-]?[0-9]+$/.test(s)) return 0n;
  const v = BigInt(s);
  if (v > 0x7fffffffffffffffn) return 0x7fffffffffffffffn;
  if (v < -0x8000000000000000n) return -0x8000000000000000n;
  return v;
}

function toDecimal(v: GoValue): bigint {
  const s = formatValue(v);
  if (!/^[+-]?[0-7]+$/.test(s)) return 0n;
  const n = BigInt((s.startsWith('-') ? '-' : '') + '0o' + s.replace(/^[+-]/, ''));
  return n > 0x7fffffffffffffffn || n < -0x8000000000000000n ? 0n : n;
}

/** Go's math.Round-free rounding used by Sprig's round(): ceil when the fraction reaches roundOn. */
function round(a: GoValue, places: bigint, roundOn = 0.5): number {
  const pow = Math.pow(10, Number(places));
  const digit = pow * toFloat64(a);
  const frac = digit - Math.trunc(digit);
  return (frac >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow;
}

function intDiv(a: bigint, b: bigint, op: 'div' | 'mod'): bigint {
  if (b === 0n) throw new Error('runtime error: integer divide by zero');
  return wrap(op === 'div' ? a / b : a % b);
}

export function mathFunctions(): FuncMap {
  const maxOf = (name: string) =>
    goFunc(name, ['any'], (a, ...rest) => rest.reduce<bigint>((m, b) => (toInt64(b) > m ? toInt64(b) : m), toInt64(a)), 'any');
  return {
    atoi: goFunc('atoi', ['string'], (s) => atoi(s as string)),
    int64: goFunc('int64', ['any'], (v) => toInt64(v)),
    int: goFunc('int', ['any'], (v) => toInt64(v)),
    float64: goFunc('float64', ['any'], (v) => toFloat64(v)),
    seq: goFunc('seq', [], (...params) => seq(params as bigint[]), 'int'),
    toDecimal: goFunc('toDecimal', ['any'], (v) => toDecimal(v)),
    until: goFunc('until', ['int'], (c) => {
      const count = c as bigint;
      return untilStep(0n, count, count < 0n ? -1n : 1n);
    }),
    untilStep: goFunc('untilStep', ['int', 'int', 'int'], (a, b, c) => untilStep(a as bigint, b as bigint, c as bigint)),
    add1: goFunc('add1', ['any'], (v) => wrap(toInt64(v) + 1n)),
    add: goFunc('add', [], (...args) => args.reduce<bigint>((s, b) => wrap(s + toInt64(b)), 0n), 'any'),
    sub: goFunc('sub', ['any', 'any'], (a, b) => wrap(toInt64(a) - toInt64(b))),
    div: goFunc('div', ['any', 'any'], (a, b) => intDiv(toInt64(a), toInt64(b), 'div')),
    mod: goFunc('mod', ['any', 'any'], (a, b) => intDiv(toInt64(a), toInt64(b), 'mod')),
    mul: goFunc('mul', ['any'], (a, ...rest) => rest.reduce<bigint>((p, b) => wrap(p * toInt64(b)), toInt64(a)), 'any'),
    randInt: goFunc('randInt', ['int', 'int'], (lo, hi) => {
      const n = (hi as bigint) - (lo as bigint);
      if (n <= 0n) throw new Error('invalid argument to Intn');
      const r = n <= 281474976710655n ? BigInt(randomInt(Number(n))) : BigInt(Math.floor(Math.random() * Number(n)));
      return r + (lo as bigint);
    }),
    add1f: goFunc('add1f', ['any'], (v) => decimalFold(v, [1n], 'add')),
    addf: goFunc('addf', [], (...args) => decimalFold(0, args, 'add'), 'any'),
    subf: goFunc('subf', ['any'], (a, ...rest) => decimalFold(a, rest, 'sub'), 'any'),
    divf: goFunc('divf', ['any'], (a, ...rest) => decimalFold(a, rest, 'div'), 'any'),
    mulf: goFunc('mulf', ['any'], (a, ...rest) => decimalFold(a, rest, 'mul'), 'any'),
    biggest: maxOf('biggest'),
    max: maxOf('max'),
    min: goFunc('min', ['any'], (a, ...rest) => rest.reduce<bigint>((m, b) => (toInt64(b) < m ? toInt64(b) : m), toInt64(a)), 'any'),
    maxf: goFunc('maxf', ['any'], (a, ...rest) => rest.reduce<number>((m, b) => Math.max(m, toFloat64(b)), toFloat64(a)), 'any'),
    minf: goFunc('minf', ['any'], (a, ...rest) => rest.reduce<number>((m, b) => Math.min(m, toFloat64(b)), toFloat64(a)), 'any'),
    ceil: goFunc('ceil', ['any'], (a) => Math.ceil(toFloat64(a))),
    floor: goFunc('floor', ['any'], (a) => Math.floor(toFloat64(a))),
    round: goFunc('round', ['any', 'int'], (a, p, ...opt) => round(a, p as bigint, opt.length ? (opt[0] as number) : 0.5), 'float64'),
  };
}
