/**
 * Go strings are byte sequences, JS strings UTF-16. A Go string that is not valid UTF-8 (a binary file
 * read with `.Files.Get`, `b64dec` of binary data, a byte slice through a rune) keeps its bytes here by
 * carrying each byte that is not part of a valid UTF-8 sequence as a lone low surrogate U+DC80..U+DCFF
 * (Python's "surrogateescape"). Valid UTF-8 never decodes to a lone surrogate, so the mapping is
 * lossless both ways; functions that see bytes (len, b64enc, sha256sum, printf %x, ...) convert with
 * `goBytes`, and text that reaches the output unconverted prints U+FFFD's bytes, as Go's rune
 * functions (upper, toYaml, ...) turn invalid bytes into utf8.RuneError.
 */

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();
/** A byte carried as a lone surrogate: not preceded by a high surrogate. */
const ESCAPED = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/;

/** Go's string(b): the bytes as a string, bytes that are not UTF-8 kept (see the module header). */
export function goStringFromBytes(bytes: Uint8Array): string {
  try {
    return fatal.decode(bytes);
  } catch {
    return decodeEscaping(bytes);
  }
}

/** Go's []byte(s): UTF-8, with escaped bytes restored. */
export function goBytes(s: string): Uint8Array {
  if (!ESCAPED.test(s)) return encoder.encode(s);
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xdc80 && c <= 0xdcff) out.push(c - 0xdc00);
    else for (const b of encoder.encode(ch)) out.push(b);
  }
  return Uint8Array.from(out);
}

/** Whether `s` holds bytes that are not UTF-8 (Go's !utf8.ValidString). */
export function hasInvalidUtf8(s: string): boolean {
  return ESCAPED.test(s);
}

/** Whether the 1-char string `ch` is an escaped byte. */
export function isEscapedByte(ch: string): boolean {
  if (ch.length !== 1) return false;
  const c = ch.charCodeAt(0);
  return c >= 0xdc80 && c <= 0xdcff;
}

/** Go's utf8.DecodeRune rules: the longest valid sequence at `i`, or 0 when the byte there is invalid. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < b.length && b[i + k] >= lo && b[i + k] <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

function decodeEscaping(bytes: Uint8Array): string {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let out = '';
  let start = 0;
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += decoder.decode(bytes.subarray(start, i)) + String.fromCharCode(0xdc00 + bytes[i]);
    i++;
    start = i;
  }
  return out + decoder.decode(bytes.subarray(start));
}
