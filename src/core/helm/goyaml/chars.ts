/**
 * libyaml's character classes as go-yaml (yamlprivateh.go) defines them, on code points instead of UTF-8
 * bytes. They decide quoting: go-yaml's "printable" excludes tabs, CR, DEL, C1 controls and every
 * character outside the Basic Multilingual Plane, so such strings are double-quoted with escapes.
 */

export const isPrintable = (cp: number): boolean =>
  cp === 0x0a ||
  (cp >= 0x20 && cp <= 0x7e) ||
  (cp >= 0xa0 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);

export const isSpace = (cp: number | undefined): boolean => cp === 0x20;
export const isBlank = (cp: number | undefined): boolean => cp === 0x20 || cp === 0x09;
export const isBreak = (cp: number | undefined): boolean =>
  cp === 0x0d || cp === 0x0a || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
/** Blank, break or NUL: go-yaml's is_blankz. */
export const isBlankZ = (cp: number | undefined): boolean => isBlank(cp) || isBreak(cp) || cp === 0;
export const isBom = (cp: number): boolean => cp === 0xfeff;

/** The string as code points; lone surrogates become U+FFFD, as Go's UTF-8 conversion would make them. */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out.push(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp);
  }
  return out;
}
