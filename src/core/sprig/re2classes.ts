/**
 * Character classes for the RE2 parser (re2syntax.ts): flat sorted arrays of code point ranges
 * `[lo0, hi0, lo1, hi1, ...]` and Go's operations on them (cleanClass, negateClass,
 * appendFoldedRange), with the Perl (`\d \s \w`) and POSIX (`[:alpha:]`) tables.
 */
import { ASCII_FOLDABLE, foldableCodePoints, foldOrbit, MAX_RUNE } from './re2unicode';

export function cleanClass(r: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < r.length; i += 2) pairs.push([r[i], r[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    if (out.length && lo <= out[out.length - 1] + 1) {
      if (hi > out[out.length - 1]) out[out.length - 1] = hi;
    } else out.push(lo, hi);
  }
  return out;
}

export function negateClass(r: number[]): number[] {
  const out: number[] = [];
  let nextLo = 0;
  for (let i = 0; i < r.length; i += 2) {
    if (nextLo <= r[i] - 1) out.push(nextLo, r[i] - 1);
    nextLo = r[i + 1] + 1;
  }
  if (nextLo <= MAX_RUNE) out.push(nextLo, MAX_RUNE);
  return out;
}

export function appendFoldedRange(r: number[], lo: number, hi: number): void {
  r.push(lo, hi);
  // An ASCII range folds within ASCII plus K and ſ (the orbits carry those): no table to load.
  const f = hi < 0x80 ? ASCII_FOLDABLE : foldableCodePoints();
  // First foldable code point >= lo.
  let a = 0;
  let b = f.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (f[m] < lo) a = m + 1;
    else b = m;
  }
  for (let k = a; k < f.length && f[k] <= hi; k++) for (const c of foldOrbit(f[k])!) r.push(c, c);
}

export function foldClass(r: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < r.length; i += 2) appendFoldedRange(out, r[i], r[i + 1]);
  return cleanClass(out);
}

export const PERL: Record<string, [number, number[]]> = {
  '\\d': [1, [0x30, 0x39]],
  '\\D': [-1, [0x30, 0x39]],
  '\\s': [1, [0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x20]],
  '\\S': [-1, [0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x20]],
  '\\w': [1, [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a]],
  '\\W': [-1, [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a]],
};

export const POSIX_BASE: Record<string, number[]> = {
  alnum: [0x30, 0x39, 0x41, 0x5a, 0x61, 0x7a],
  alpha: [0x41, 0x5a, 0x61, 0x7a],
  ascii: [0x00, 0x7f],
  blank: [0x09, 0x09, 0x20, 0x20],
  cntrl: [0x00, 0x1f, 0x7f, 0x7f],
  digit: [0x30, 0x39],
  graph: [0x21, 0x7e],
  lower: [0x61, 0x7a],
  print: [0x20, 0x7e],
  punct: [0x21, 0x2f, 0x3a, 0x40, 0x5b, 0x60, 0x7b, 0x7e],
  space: [0x09, 0x0d, 0x20, 0x20],
  upper: [0x41, 0x5a],
  word: [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a],
  xdigit: [0x30, 0x39, 0x41, 0x46, 0x61, 0x66],
};
