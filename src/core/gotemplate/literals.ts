/**
 * Constants in template actions, read the way Go's parser reads them: strconv.Unquote for strings,
 * strconv.UnquoteChar for 'c' constants, and parse.(*Tree).newNumber's classification of numbers
 * (a constant can be int, uint and float at once: `1e3` is all three, `1.5` only float).
 */

import { quote } from './strconv';

export class SyntaxError extends Error {
  constructor(message = 'invalid syntax') {
    super(message);
  }
}

const utf8 = new TextDecoder('utf-8');

function unhex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

interface UnquotedChar {
  /** The code point, or for \x and octal escapes the byte value. */
  value: number;
  /** True when `value` is a single byte that may be part of a UTF-8 sequence (\x, octal). */
  isByte: boolean;
  /** Offset just after the escape. */
  end: number;
}

/** strconv.UnquoteChar on s starting at `at`. Throws SyntaxError on a bad escape. */
function unquoteChar(s: string, at: number, quote: number): UnquotedChar {
  if (at >= s.length) throw new SyntaxError();
  const c = s.codePointAt(at)!;
  if (c === quote && (quote === 0x27 || quote === 0x22)) throw new SyntaxError();
  if (c !== 0x5c) return { value: c, isByte: false, end: at + (c > 0xffff ? 2 : 1) };
  if (at + 1 >= s.length) throw new SyntaxError();
  const e = s.charCodeAt(at + 1);
  let i = at + 2;
  const simple: Record<number, number> = { 0x61: 7, 0x62: 8, 0x66: 12, 0x6e: 10, 0x72: 13, 0x74: 9, 0x76: 11, 0x5c: 0x5c };
  if (simple[e] !== undefined) return { value: simple[e], isByte: false, end: i };
  if (e === 0x78 || e === 0x75 || e === 0x55) {
    const n = e === 0x78 ? 2 : e === 0x75 ? 4 : 8;
    if (s.length - i < n) throw new SyntaxError();
    let v = 0;
    for (let j = 0; j < n; j++) {
      const x = unhex(s.charCodeAt(i + j));
      if (x < 0) throw new SyntaxError();
      v = v * 16 + x;
    }
    i += n;
    if (e === 0x78) return { value: v, isByte: true, end: i };
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new SyntaxError();
    return { value: v, isByte: false, end: i };
  }
  if (e >= 0x30 && e <= 0x37) {
    let v = e - 0x30;
    if (s.length - i < 2) throw new SyntaxError();
    for (let j = 0; j < 2; j++) {
      const x = s.charCodeAt(i + j) - 0x30;
      if (x < 0 || x > 7) throw new SyntaxError();
      v = v * 8 + x;
    }
    i += 2;
    if (v > 255) throw new SyntaxError();
    return { value: v, isByte: true, end: i };
  }
  if ((e === 0x27 || e === 0x22) && e === quote) return { value: e, isByte: false, end: i };
  throw new SyntaxError();
}

/** strconv.Unquote for "…" and `…` literals (raw strings lose their carriage returns, as in Go). */
export function unquote(quoted: string): string {
  const q = quoted.charCodeAt(0);
  if (quoted.length < 2 || quoted.charCodeAt(quoted.length - 1) !== q) throw new SyntaxError();
  const body = quoted.slice(1, -1);
  if (q === 0x60) {
    if (body.includes('`')) throw new SyntaxError();
    return body.includes('\r') ? body.replace(/\r/g, '') : body;
  }
  if (q !== 0x22) throw new SyntaxError();
  if (body.includes('\n')) throw new SyntaxError();
  if (!body.includes('\\') && !body.includes('"')) return body;
  let out = '';
  let bytes: number[] = [];
  const flushBytes = (): void => {
    if (bytes.length > 0) out += utf8.decode(Uint8Array.from(bytes));
    bytes = [];
  };
  for (let i = 0; i < body.length; ) {
    const r = unquoteChar(body, i, q);
    i = r.end;
    if (r.isByte) {
      bytes.push(r.value);
      continue;
    }
    flushBytes();
    out += String.fromCodePoint(r.value);
  }
  flushBytes();
  return out;
}

/** The value of a character constant such as 'a', '\n' or '\u263a'. */
export function unquoteCharConstant(text: string): number {
  const r = unquoteChar(text, 1, 0x27);
  if (text.slice(r.end) !== "'") throw new SyntaxError(`malformed character constant: ${text}`);
  return r.value;
}

export interface NumberClass {
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int64: bigint;
  uint64: bigint;
  float64: number;
}

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** strconv's underscoreOK: underscores only between digits (or after a base prefix). */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1])) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseInt(s, 0, 64) / ParseUint: the value, or undefined on a syntax or range error. */
function parseInteger(s: string, signed: boolean): bigint | undefined {
  let body = s;
  let negative = false;
  if (body[0] === '+' || body[0] === '-') {
    if (!signed) return undefined;
    negative = body[0] === '-';
    body = body.slice(1);
  }
  let base = 10;
  let digits = body;
  if (body[0] === '0' && body.length > 1) {
    const p = body[1].toLowerCase();
    if (p === 'x' || p === 'o' || p === 'b') {
      base = p === 'x' ? 16 : p === 'o' ? 8 : 2;
      digits = body.slice(2);
    } else {
      base = 8;
      digits = body.slice(1);
    }
  }
  if (digits.includes('_')) {
    if (!underscoreOK(s)) return undefined;
    digits = digits.replace(/_/g, '');
  }
  if (digits.length === 0) return undefined;
  const valid = base === 16 ? /^[0-9a-fA-F]+$/ : base === 10 ? /^[0-9]+$/ : base === 8 ? /^[0-7]+$/ : /^[01]+$/;
  if (!valid.test(digits)) return undefined;
  let value = 0n;
  const b = BigInt(base);
  for (const d of digits) value = value * b + BigInt(parseInt(d, 16));
  if (negative) value = -value;
  if (signed ? value < INT64_MIN || value > INT64_MAX : value > UINT64_MAX) return undefined;
  return value;
}

/** strconv.ParseFloat(s, 64) for Go's float syntax (decimal and hexadecimal); undefined on error. */
function parseFloat64(s: string): number | undefined {
  if (s.includes('_')) {
    if (!underscoreOK(s)) return undefined;
    s = s.replace(/_/g, '');
  }
  let value: number;
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(s);
  if (hex) {
    const [, sign, whole, frac = '', exp] = hex;
    if (whole.length + frac.length === 0) return undefined;
    const mantissa = Number(BigInt('0x' + (whole + frac || '0')));
    value = mantissa * Math.pow(2, Number(exp) - 4 * frac.length);
    if (sign === '-') value = -value;
  } else {
    if (!/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(s)) return undefined;
    value = Number(s);
  }
  return Number.isFinite(value) ? value : undefined;
}

function parseComplexPart(s: string): number | undefined {
  return parseFloat64(s);
}

/** Go's parse.(*Tree).newNumber for number and complex items. Throws SyntaxError with Go's message. */
export function classifyNumber(text: string, complex: boolean): NumberClass {
  const n: NumberClass = { isInt: false, isUint: false, isFloat: false, isComplex: false, int64: 0n, uint64: 0n, float64: 0 };
  if (complex || text.endsWith('i')) {
    // Only "simple" complex constants (zero imaginary part) can be used as numbers; we keep the real part.
    const m = /^(.*?)([+-][^+-]*i)$/.exec(text) ?? /^()(.*i)$/.exec(text);
    const real = m && m[1] !== '' ? parseComplexPart(m[1]) : 0;
    const imag = m ? parseComplexPart(m[2].slice(0, -1)) : undefined;
    if (real === undefined || imag === undefined) {
      if (complex) throw new SyntaxError(`illegal number syntax: ${quote(text)}`);
    } else {
      n.isComplex = true;
      if (imag === 0) {
        n.isFloat = true;
        n.float64 = real;
        if (Number.isInteger(real) && Math.abs(real) < 2 ** 63) {
          n.isInt = true;
          n.int64 = BigInt(real);
        }
        if (Number.isInteger(real) && real >= 0 && real < 2 ** 64) {
          n.isUint = true;
          n.uint64 = BigInt(real);
        }
      }
      return n;
    }
  }
  const u = parseInteger(text, false);
  if (u !== undefined) {
    n.isUint = true;
    n.uint64 = u;
  }
  const i = parseInteger(text, true);
  if (i !== undefined) {
    n.isInt = true;
    n.int64 = i;
    if (i === 0n) {
      n.isUint = true; // in case of -0
      n.uint64 = 0n;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float64 = Number(n.int64);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float64 = Number(n.uint64);
  } else {
    const f = parseFloat64(text);
    if (f !== undefined) {
      // Parsed as a float but looks like an integer: a huge number too large for an int.
      if (!/[.eEpP]/.test(text)) throw new SyntaxError(`integer overflow: ${quote(text)}`);
      n.isFloat = true;
      n.float64 = f;
      if (Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63) {
        n.isInt = true;
        n.int64 = BigInt(f);
      }
      if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
        n.isUint = true;
        n.uint64 = BigInt(f);
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw new SyntaxError(`illegal number syntax: ${quote(text)}`);
  return n;
}
