/**
 * The line-level pieces of the fast values reader (fast-decode.ts): the characters it looks at, where
 * scalars, anchors and indicators end on one line, and `decline()`, which hands the text to the full
 * path. Kept apart so that the reader itself is only its grammar.
 */

class Declined {}
export const DECLINED = new Declined();

/** Gives up on the fast path (caught by `readFastDocuments`). */
export function decline(): never {
  throw DECLINED;
}

export const TAB = 0x09;
export const SPACE = 0x20;
export const DQUOTE = 0x22;
export const HASH = 0x23;
export const AMPERSAND = 0x26;
export const STAR = 0x2a;
export const SQUOTE = 0x27;
export const PLUS = 0x2b;
export const COMMA = 0x2c;
export const DASH = 0x2d;
export const DOT = 0x2e;
export const COLON = 0x3a;
export const GT = 0x3e;
export const LBRACKET = 0x5b;
export const BACKSLASH = 0x5c;
export const RBRACKET = 0x5d;
export const LBRACE = 0x7b;
export const PIPE = 0x7c;
export const RBRACE = 0x7d;

/** A `-` block sequence indicator at `i`: followed by a space or the line's end. */
export function isDashAt(line: string, i: number): boolean {
  return line.charCodeAt(i) === DASH && (i + 1 === line.length || line.charCodeAt(i + 1) === SPACE);
}

/** `---` alone, or followed by blanks and a comment. */
export function isDocumentStart(line: string): boolean {
  if (line.length === 3) return true;
  if (line.charCodeAt(3) !== SPACE) return false;
  let i = 4;
  while (line.charCodeAt(i) === SPACE) i++;
  return i === line.length || line.charCodeAt(i) === HASH;
}

/** Whether a block plain scalar may start with `c` (then `next`); indicators and doubtful starts may not. */
export function plainStart(c: number, next: number, allowDash: boolean): boolean {
  switch (c) {
    case SPACE: case TAB: case COMMA: case LBRACKET: case RBRACKET: case LBRACE: case RBRACE: case HASH:
    case 0x26 /* & */: case 0x2a /* * */: case 0x21 /* ! */: case PIPE: case GT: case SQUOTE: case DQUOTE:
    case 0x25 /* % */: case 0x40 /* @ */: case 0x60 /* ` */: case 0x3f /* ? */: case COLON:
      return false;
    case DASH:
      // `-5`, `--flag`; a dash before a blank, a flow indicator or the end is doubtful.
      return allowDash && !Number.isNaN(next) && next !== SPACE && next !== TAB && next !== COMMA && next !== RBRACKET && next !== RBRACE;
    default:
      return true;
  }
}

/** Where an anchor or alias name starting at `from` ends: letters, digits, `_` and `-` only (other names decline). */
export function anchorNameEnd(line: string, from: number): number {
  let i = from;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === DASH)) break;
  }
  if (i === from) decline();
  return i;
}

/** The closing `'` at or after `from` (a doubled `''` is an escaped quote), or -1. */
export function closingSingleQuote(line: string, from: number): number {
  let close = line.indexOf("'", from);
  while (close >= 0 && line.charCodeAt(close + 1) === SQUOTE) close = line.indexOf("'", close + 2);
  return close;
}

/** Index of the first non-space at or after `i`. */
export function skipSpaces(line: string, i: number): number {
  while (line.charCodeAt(i) === SPACE) i++;
  return i;
}

/** After a scalar or flow collection ending at `end`: only blanks, then the line's end or a comment. */
export function expectLineEnd(line: string, end: number): void {
  const i = skipSpaces(line, end);
  if (i < line.length && !(line.charCodeAt(i) === HASH && i > end)) decline();
}

/** `end` moved back over trailing spaces (only U+0020: other blanks are content to `yaml`). */
export function trimSpacesEnd(line: string, from: number, end: number): number {
  while (end > from && line.charCodeAt(end - 1) === SPACE) end--;
  return end;
}

/** Where a block plain scalar starting at `i` ends (before ` #` or the line's end), declining on `: ` and tabs. */
export function plainEnd(line: string, i: number): number {
  const hash = line.indexOf(' #', i);
  const stop = hash < 0 ? line.length : hash;
  const colon = line.indexOf(': ', i);
  if ((colon >= 0 && colon < stop) || line.charCodeAt(stop - 1) === COLON) decline();
  const tab = line.indexOf('\t', i);
  if (tab >= 0 && tab < stop) decline();
  return trimSpacesEnd(line, i, stop);
}

export const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
export const HEX_ESCAPE_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };
