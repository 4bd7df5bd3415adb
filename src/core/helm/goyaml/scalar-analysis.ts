/**
 * libyaml's scalar analysis (yaml_emitter_analyze_scalar): which styles can represent a value. A
 * leading indicator or ": " rules out plain style, a space before a line break rules out block style,
 * characters go-yaml does not count as printable force double quotes.
 */
import * as chars from './chars';

// Bound once: called per character, and module-transpiled imports are property getters.
const { codePoints, isBlank, isBlankZ, isBreak, isPrintable, isSpace } = chars;

export interface ScalarAnalysis {
  value: number[];
  /** UTF-8 length, which go-yaml compares with its 128-byte simple-key limit. */
  byteLength: number;
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** Double-quoted escapes with a one-letter form; others use \x, \u or \U with hex digits. */
export const SHORT_ESCAPES = new Map<number, string>([
  [0x00, '0'],
  [0x07, 'a'],
  [0x08, 'b'],
  [0x09, 't'],
  [0x0a, 'n'],
  [0x0b, 'v'],
  [0x0c, 'f'],
  [0x0d, 'r'],
  [0x1b, 'e'],
  [0x22, '"'],
  [0x5c, '\\'],
  [0x85, 'N'],
  [0xa0, '_'],
  [0x2028, 'L'],
  [0x2029, 'P'],
]);

const codes = (chars: string) => new Set(Array.from(chars, (c) => c.codePointAt(0)!));
const FIRST_CHAR_INDICATORS = codes('#,[]{}&*!|>\'"%@`');
const FLOW_INDICATORS = codes(',?[]{}');
const [QUESTION, COLON, DASH, HASH] = [0x3f, 0x3a, 0x2d, 0x23];
const SIMPLE_SCALAR = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;

/** `tabsInBlocks`: yaml.v3 no longer counts tabs as special, so tabbed text may still be a literal block. */
export function analyzeScalar(text: string, tabsInBlocks = false): ScalarAnalysis {
  // Most scalars of a chart (names, numbers, images, paths) start with a word character and hold no
  // indicator, space or special character: every style is allowed, as the loop below would find.
  if (SIMPLE_SCALAR.test(text)) {
    return { value: codePoints(text), byteLength: text.length, multiline: false, flowPlainAllowed: true, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  }
  return analyzeEveryCharacter(text, tabsInBlocks);
}

/** The analysis character by character (exported to check the shortcut against it). */
export function analyzeEveryCharacter(text: string, tabsInBlocks = false): ScalarAnalysis {
  const value = codePoints(text);
  const byteLength = Buffer.byteLength(text, 'utf8');
  if (value.length === 0) {
    return {
      value,
      byteLength,
      multiline: false,
      flowPlainAllowed: false,
      blockPlainAllowed: true,
      singleQuotedAllowed: true,
      blockAllowed: false,
    };
  }
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let tabCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;

  if (text.startsWith('---') || text.startsWith('...')) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  for (let i = 0; i < value.length; i++) {
    const cp = value[i];
    const followedByWhitespace = i + 1 >= value.length || isBlank(value[i + 1]);
    if (cp < 0x80) {
      if (i === 0) {
        if (FIRST_CHAR_INDICATORS.has(cp)) {
          flowIndicators = true;
          blockIndicators = true;
        } else if (cp === QUESTION || cp === COLON) {
          flowIndicators = true;
          if (followedByWhitespace) blockIndicators = true;
        } else if (cp === DASH && followedByWhitespace) {
          flowIndicators = true;
          blockIndicators = true;
        }
      } else if (FLOW_INDICATORS.has(cp)) {
        flowIndicators = true;
      } else if (cp === COLON) {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (cp === HASH && precededByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    }

    if (tabsInBlocks && cp === 0x09) tabCharacters = true;
    else if (!isPrintable(cp)) specialCharacters = true;
    if (isSpace(cp)) {
      if (i === 0) leadingSpace = true;
      if (i === value.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(cp)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === value.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankZ(cp);
  }

  const result: ScalarAnalysis = {
    value,
    byteLength,
    multiline: lineBreaks,
    flowPlainAllowed: true,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
  }
  if (trailingSpace) result.blockAllowed = false;
  if (breakSpace) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
    result.singleQuotedAllowed = false;
  }
  if (tabCharacters) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
    result.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
    result.singleQuotedAllowed = false;
    result.blockAllowed = false;
  }
  if (lineBreaks) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
  }
  if (flowIndicators) result.flowPlainAllowed = false;
  if (blockIndicators) result.blockPlainAllowed = false;
  return result;
}
