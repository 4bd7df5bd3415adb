/**
 * Sprig's string functions (strings.go, plus the goutils and xstrings helpers it wraps). Argument order
 * follows Sprig (the subject last, so `"x" | trunc 3` works).
 */
import { randomInt } from 'node:crypto';
import { FuncMap, GoValue, goFunc } from '../gotemplate/values';
import { compareGoStrings, formatValue } from '../gotemplate/fmt';
import { quote as goQuote } from '../gotemplate/strconv';
import { strslice, strval } from './convert';
import {
  byteLength, byteSlice, isAscii, isLetter, isDigit, isLower, isSpace, isUpper, lowerRune, repeat, replaceAll, splitN,
  toLower, toUpper, trimCutset, trimSpace, upperRune, MAX_OUTPUT_LENGTH,
} from './text';
import { camelCaseToLowerCase, toPascalCase } from './case';

const num = (v: GoValue): number => Number(v as bigint);

/** goutils.AbbreviateFull (byte offsets, as in Go). */
function abbreviateFull(str: string, offset: number, maxWidth: number): string {
  if (str === '') return '';
  const len = byteLength(str);
  if (len <= maxWidth) return str;
  if (offset > len) offset = len;
  if (len - offset < maxWidth - 3) offset = len - (maxWidth - 3);
  if (offset <= 4) return byteSlice(str, 0, maxWidth - 3) + '...';
  if (maxWidth < 7) return '';
  if (offset + maxWidth - 3 < len) return '...' + abbreviateFull(byteSlice(str, offset), 0, maxWidth - 3);
  return '...' + byteSlice(str, len - (maxWidth - 3));
}

function trunc(c: number, s: string): string {
  const len = byteLength(s);
  if (c < 0 && len + c > 0) return byteSlice(s, len + c);
  if (c >= 0 && len > c) return byteSlice(s, 0, c);
  return s;
}

function substring(start: number, end: number, s: string): string {
  if (start < 0) return byteSlice(s, 0, end);
  if (end < 0 || end > byteLength(s)) return byteSlice(s, start);
  return byteSlice(s, start, end);
}

/** strings.Title: upper-case the first letter of each word (Go's isSeparator rules). */
function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    out += isSeparator(prev) ? upperRune(ch) : ch;
    prev = ch;
  }
  return out;
}

function isSeparator(ch: string): boolean {
  if (ch <= '\x7f') return !/[0-9A-Za-z_]/.test(ch);
  if (isLetter(ch) || isDigit(ch)) return false;
  return isSpace(ch);
}

/** goutils.Uncapitalize: lower-case the first letter of each whitespace-separated word. */
function untitle(s: string): string {
  let next = true;
  let out = '';
  for (const ch of s) {
    if (isSpace(ch)) {
      next = true;
      out += ch;
    } else if (next) {
      out += lowerRune(ch);
      next = false;
    } else out += ch;
  }
  return out;
}

function initials(s: string): string {
  let gap = true;
  let out = '';
  for (const ch of s) {
    if (isSpace(ch)) gap = true;
    else if (gap) {
      out += ch;
      gap = false;
    }
  }
  return out;
}

function swapCase(s: string): string {
  if (isAscii(s)) return s.replace(/[A-Za-z]/g, (c) => (c <= 'Z' ? c.toLowerCase() : c.toUpperCase()));
  let out = '';
  for (const ch of s) out += isUpper(ch) ? lowerRune(ch) : isLower(ch) ? upperRune(ch) : ch;
  return out;
}

function shuffle(s: string): string {
  const runes = [...s];
  for (let i = runes.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [runes[i], runes[j]] = [runes[j], runes[i]];
  }
  return runes.join('');
}

/** goutils.WrapCustom (Apache WordUtils.wrap): break at spaces; long words optionally split. */
function wrapCustom(str: string, wrapLength: number, newLine: string, wrapLongWords: boolean): string {
  if (str === '') return '';
  if (newLine === '') newLine = '\n';
  if (wrapLength < 1) wrapLength = 1;
  const len = str.length;
  let offset = 0;
  let out = '';
  while (len - offset > wrapLength) {
    if (str[offset] === ' ') {
      offset++;
      continue;
    }
    const end = wrapLength + offset + 1;
    const space = str.slice(offset, end).lastIndexOf(' ') + offset;
    if (space >= offset) {
      out += str.slice(offset, space) + newLine;
      offset = space + 1;
    } else if (wrapLongWords) {
      out += str.slice(offset, wrapLength + offset) + newLine;
      offset += wrapLength;
    } else {
      const next = str.indexOf(' ', wrapLength + offset);
      if (next < 0) {
        out += str.slice(offset);
        offset = len;
      } else {
        out += str.slice(offset, next) + newLine;
        offset = next + 1;
      }
    }
  }
  return out + str.slice(offset);
}

const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ASCII_PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

function randomFrom(count: number, chars: string): string {
  if (count < 0) throw new Error(`Requested random string length ${count} is less than 0.`);
  if (count > MAX_OUTPUT_LENGTH) throw new Error(`Requested random string length ${count} is too large`);
  let out = '';
  for (let i = 0; i < count; i++) out += chars[randomInt(chars.length)];
  return out;
}

function indent(spaces: number, v: string): string {
  const pad = repeat(' ', spaces);
  return pad + replaceAll(v, '\n', '\n' + pad);
}

function toStringMap(parts: string[]): GoValue {
  const res: Record<string, GoValue> = {};
  parts.forEach((p, i) => (res['_' + i] = p));
  return res;
}

function nonNil(args: GoValue[]): GoValue[] {
  return args.filter((a) => a !== null && a !== undefined);
}

export function stringFunctions(): FuncMap {
  return {
    hello: goFunc('hello', [], () => 'Hello!'),
    abbrev: goFunc('abbrev', ['int', 'string'], (w, s) => (num(w) < 4 ? (s as string) : abbreviateFull(s as string, 0, num(w)))),
    abbrevboth: goFunc('abbrevboth', ['int', 'int', 'string'], (l, r, s) => {
      const left = num(l);
      const right = num(r);
      if (right < 4 || (left > 0 && right < 7)) return s;
      return abbreviateFull(s as string, left, right);
    }),
    trunc: goFunc('trunc', ['int', 'string'], (c, s) => trunc(num(c), s as string)),
    trim: goFunc('trim', ['string'], (s) => trimSpace(s as string)),
    upper: goFunc('upper', ['string'], (s) => toUpper(s as string)),
    lower: goFunc('lower', ['string'], (s) => toLower(s as string)),
    title: goFunc('title', ['string'], (s) => title(s as string)),
    untitle: goFunc('untitle', ['string'], (s) => untitle(s as string)),
    substr: goFunc('substr', ['int', 'int', 'string'], (a, b, s) => substring(num(a), num(b), s as string)),
    repeat: goFunc('repeat', ['int', 'string'], (c, s) => repeat(s as string, num(c))),
    trimall: goFunc('trimall', ['string', 'string'], (a, b) => trimCutset(b as string, a as string)),
    trimAll: goFunc('trimAll', ['string', 'string'], (a, b) => trimCutset(b as string, a as string)),
    trimSuffix: goFunc('trimSuffix', ['string', 'string'], (a, b) => {
      const [suffix, s] = [a as string, b as string];
      return suffix !== '' && s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s;
    }),
    trimPrefix: goFunc('trimPrefix', ['string', 'string'], (a, b) => {
      const [prefix, s] = [a as string, b as string];
      return s.startsWith(prefix) ? s.slice(prefix.length) : s;
    }),
    nospace: goFunc('nospace', ['string'], (s) => [...(s as string)].filter((ch) => !isSpace(ch)).join('')),
    initials: goFunc('initials', ['string'], (s) => initials(s as string)),
    randAlphaNum: goFunc('randAlphaNum', ['int'], (c) => randomFrom(num(c), ALPHA + DIGITS)),
    randAlpha: goFunc('randAlpha', ['int'], (c) => randomFrom(num(c), ALPHA)),
    randAscii: goFunc('randAscii', ['int'], (c) => randomFrom(num(c), ASCII_PRINTABLE)),
    randNumeric: goFunc('randNumeric', ['int'], (c) => randomFrom(num(c), DIGITS)),
    swapcase: goFunc('swapcase', ['string'], (s) => swapCase(s as string)),
    shuffle: goFunc('shuffle', ['string'], (s) => shuffle(s as string)),
    snakecase: goFunc('snakecase', ['string'], (s) => camelCaseToLowerCase(s as string, '_')),
    camelcase: goFunc('camelcase', ['string'], (s) => toPascalCase(s as string)),
    kebabcase: goFunc('kebabcase', ['string'], (s) => camelCaseToLowerCase(s as string, '-')),
    wrap: goFunc('wrap', ['int', 'string'], (l, s) => wrapCustom(s as string, num(l), '', false)),
    wrapWith: goFunc('wrapWith', ['int', 'string', 'string'], (l, sep, s) => wrapCustom(s as string, num(l), sep as string, true)),
    contains: goFunc('contains', ['string', 'string'], (sub, s) => (s as string).includes(sub as string)),
    hasPrefix: goFunc('hasPrefix', ['string', 'string'], (p, s) => (s as string).startsWith(p as string)),
    hasSuffix: goFunc('hasSuffix', ['string', 'string'], (p, s) => (s as string).endsWith(p as string)),
    quote: goFunc('quote', [], (...args) => nonNil(args).map((a) => goQuote(strval(a))).join(' '), 'any'),
    squote: goFunc('squote', [], (...args) => nonNil(args).map((a) => `'${formatValue(a)}'`).join(' '), 'any'),
    cat: goFunc('cat', [], (...args) => nonNil(args).map((a) => formatValue(a)).join(' '), 'any'),
    indent: goFunc('indent', ['int', 'string'], (n, s) => indent(num(n), s as string)),
    nindent: goFunc('nindent', ['int', 'string'], (n, s) => '\n' + indent(num(n), s as string)),
    replace: goFunc('replace', ['string', 'string', 'string'], (o, n, s) => replaceAll(s as string, o as string, n as string)),
    plural: goFunc('plural', ['string', 'string', 'int'], (one, many, count) => (count === 1n ? one : many)),
    toString: goFunc('toString', ['any'], (v) => strval(v)),
    toStrings: goFunc('toStrings', ['any'], (v) => strslice(v)),
    join: goFunc('join', ['string', 'any'], (sep, v) => strslice(v).join(sep as string)),
    split: goFunc('split', ['string', 'string'], (sep, s) => toStringMap(splitN(s as string, sep as string, -1))),
    splitList: goFunc('splitList', ['string', 'string'], (sep, s) => splitN(s as string, sep as string, -1)),
    splitn: goFunc('splitn', ['string', 'int', 'string'], (sep, n, s) => toStringMap(splitN(s as string, sep as string, num(n)))),
    sortAlpha: goFunc('sortAlpha', ['any'], (v) => {
      if (Array.isArray(v) || v instanceof Uint8Array) return strslice(v).sort(compareGoStrings);
      return [strval(v)];
    }),
  };
}
