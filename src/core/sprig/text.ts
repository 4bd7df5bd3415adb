/**
 * Go string semantics that differ from JavaScript's: byte-indexed slicing (len, substr and trunc count
 * UTF-8 bytes), rune-wise case mapping (Go maps 'ß' to itself, not "SS"), unicode.IsSpace, and the
 * panics Go raises for bad slice bounds. Shared by the Sprig string, list and regex families.
 */
import { goBytes, goStringFromBytes, isEscapedByte } from '../gotemplate/bytes';

const ASCII = /^[\x00-\x7f]*$/;

export function isAscii(s: string): boolean {
  return ASCII.test(s);
}

/** len(s) in Go: UTF-8 bytes. */
export function byteLength(s: string): number {
  return isAscii(s) ? s.length : goBytes(s).length;
}

/** Go's s[start:end] on bytes (a cut through a character keeps its bytes, see gotemplate/bytes.ts). */
export function byteSlice(s: string, start: number, end?: number): string {
  const len = byteLength(s);
  const e = end ?? len;
  if (e > len) throw new Error(`runtime error: slice bounds out of range [:${e}] with length ${len}`);
  if (e < 0) throw new Error(`runtime error: slice bounds out of range [:${e}]`);
  if (start < 0 || start > e) throw new Error(`runtime error: slice bounds out of range [${start}:${e}]`);
  if (isAscii(s)) return s.slice(start, e);
  return goStringFromBytes(goBytes(s).subarray(start, e));
}

/** unicode.IsSpace. */
export function isSpace(ch: string): boolean {
  switch (ch) {
    case ' ':
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case '\u0085':
    case '\u00a0':
      return true;
  }
  return ch > '\u00ff' && /^\p{White_Space}$/u.test(ch);
}

/** strings.TrimSpace. */
export function trimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isSpace(s[start])) start++;
  while (end > start && isSpace(s[end - 1])) end--;
  return s.slice(start, end);
}

/** One rune to upper/lower case the way Go's unicode package does: never grows to several runes. */
function mapRune(ch: string, upper: boolean): string {
  // Go's strings.Map decodes a byte that is not UTF-8 as utf8.RuneError and writes that.
  if (isEscapedByte(ch)) return '\ufffd';
  const mapped = upper ? ch.toUpperCase() : ch.toLowerCase();
  return [...mapped].length === 1 ? mapped : ch;
}

export function toUpper(s: string): string {
  if (isAscii(s)) return s.toUpperCase();
  let out = '';
  for (const ch of s) out += mapRune(ch, true);
  return out;
}

export function toLower(s: string): string {
  if (isAscii(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) out += mapRune(ch, false);
  return out;
}

export const upperRune = (ch: string): string => mapRune(ch, true);
export const lowerRune = (ch: string): string => mapRune(ch, false);

export function isUpper(ch: string): boolean {
  return /^\p{Lu}$/u.test(ch);
}

export function isLower(ch: string): boolean {
  return /^\p{Ll}$/u.test(ch);
}

export function isLetter(ch: string): boolean {
  return /^\p{L}$/u.test(ch);
}

export function isDigit(ch: string): boolean {
  return /^\p{Nd}$/u.test(ch);
}

/** strings.Trim(s, cutset): drop leading and trailing runes contained in cutset. */
export function trimCutset(s: string, cutset: string): string {
  if (s === '' || cutset === '') return s;
  const set = new Set(cutset);
  const chars = [...s];
  let start = 0;
  let end = chars.length;
  while (start < end && set.has(chars[start])) start++;
  while (end > start && set.has(chars[end - 1])) end--;
  return chars.slice(start, end).join('');
}

/** strings.Replace(s, old, new, -1): an empty old inserts new around every rune, as Go does. */
export function replaceAll(s: string, old: string, replacement: string): string {
  // A function replacement keeps `$&` and friends literal, as in Go.
  if (old !== '') return s.replaceAll(old, () => replacement);
  return replacement + [...s].join(replacement) + (s === '' ? '' : replacement);
}

/** strings.SplitN(s, sep, n): n < 0 all, n == 0 none, otherwise at most n parts; "" splits into runes. */
export function splitN(s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const runes = [...s];
    if (n < 0 || n >= runes.length) return runes;
    return [...runes.slice(0, n - 1), runes.slice(n - 1).join('')];
  }
  const parts = s.split(sep);
  if (n < 0 || parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

/** Guards against output that would exhaust memory (Go would panic or run out of memory). */
export const MAX_OUTPUT_LENGTH = 64 * 1024 * 1024;

/** strings.Repeat with Go's panic for a negative count and a clear error for runaway sizes. */
export function repeat(s: string, count: number): string {
  if (count < 0) throw new Error('strings: negative Repeat count');
  if (s.length * count > MAX_OUTPUT_LENGTH) {
    throw new Error(`strings: Repeat output of ${s.length * count} characters exceeds the ${MAX_OUTPUT_LENGTH} limit`);
  }
  return s.repeat(count);
}
