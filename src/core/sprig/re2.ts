/**
 * Go regexp (RE2 syntax) on top of JavaScript's RegExp: a translator for the syntax that differs
 * (named groups, \A \z \Q..\E, \s without \v, '.' excluding only \n, POSIX classes, octal escapes,
 * leading (?i) flags) that rejects what RE2 rejects (lookaround, backreferences) or what we cannot
 * express (mid-pattern flag groups, ungreedy mode) with Go-style "error parsing regexp" messages,
 * and Go's iteration rules for FindAll/ReplaceAll/Split (empty matches next to a match are skipped).
 */

export interface GoRegexp {
  readonly expr: string;
  /** Global + unicode JS regex; always used via exec() from an explicit lastIndex. */
  readonly re: RegExp;
  /** Capture group names by group index (index 0 unused), "" for unnamed groups. */
  readonly names: string[];
  /** Set for patterns where backtracking could take exponential time (nested repetition). */
  readonly vm?: PikeVM;
}

import { needsLinearEngine, PikeVM } from './re2vm';

const JS_SYNTAX = new Set('^$\\.*+?()[]{}|/');
const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\\x00-\\x7f', blank: '\\t ', cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9', graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`{-~', space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z', word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
};
const RE2_SPACE = '\\t\\n\\f\\r ';

function syntaxError(code: string, arg: string): Error {
  return new Error(`error parsing regexp: ${code}: \`${arg}\``);
}

function literal(ch: string, inClass: boolean): string {
  if (inClass) return ch === '\\' || ch === ']' || ch === '[' || ch === '^' || ch === '-' ? '\\' + ch : ch;
  return JS_SYNTAX.has(ch) ? '\\' + ch : ch;
}

function codePointEscape(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

/** \p{Greek} and \pL → JS property escapes (categories as-is, other names are scripts). */
function propertyEscape(name: string, negated: boolean): string {
  if (name.startsWith('^')) {
    negated = !negated;
    name = name.slice(1);
  }
  if (name === 'Any') return negated ? '[^\\s\\S]' : '[\\s\\S]';
  const body = name.length <= 2 ? name : `Script=${name}`;
  return `\\${negated ? 'P' : 'p'}{${body}}`;
}

class Translator {
  private i = 0;
  private out = '';
  readonly names: string[] = [''];
  dotAll = false;
  flags = '';

  constructor(private readonly src: string) {}

  run(): string {
    this.leadingFlags();
    let canRepeat = false;
    let lastWasRepeat = false;
    const s = this.src;
    while (this.i < s.length) {
      const ch = String.fromCodePoint(s.codePointAt(this.i)!);
      if ('*+?'.includes(ch) || (ch === '{' && /^\{\d+(,\d*)?\}/.test(s.slice(this.i)))) {
        const op = ch === '{' ? /^\{\d+(,\d*)?\}/.exec(s.slice(this.i))![0] : ch;
        if (!canRepeat) {
          if (lastWasRepeat) throw syntaxError('invalid nested repetition operator', s.slice(this.i - 1, this.i + op.length));
          throw syntaxError('missing argument to repetition operator', op);
        }
        if (ch === '{') this.checkRepeatCount(op);
        this.i += op.length;
        this.out += op;
        if (s[this.i] === '?') {
          this.out += '?';
          this.i++;
        }
        canRepeat = false;
        lastWasRepeat = true;
        continue;
      }
      lastWasRepeat = false;
      canRepeat = true;
      switch (ch) {
        case '\\':
          this.escape(false);
          break;
        case '(':
          this.group();
          canRepeat = false;
          break;
        case ')':
          this.out += ')';
          this.i++;
          break;
        case '|':
          this.out += '|';
          this.i++;
          canRepeat = false;
          break;
        case '[':
          this.charClass();
          break;
        case '.':
          this.out += this.dotAll ? '[\\s\\S]' : '[^\\n]';
          this.i++;
          break;
        case '^':
        case '$':
          this.out += ch;
          this.i++;
          break;
        default:
          this.out += literal(ch, false);
          this.i += ch.length;
      }
    }
    return this.out;
  }

  private checkRepeatCount(op: string): void {
    const m = /^\{(\d+)(?:,(\d*))?\}$/.exec(op)!;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[2] === '' ? -1 : Number(m[2]);
    if (min > 1000 || max > 1000 || (max >= 0 && min > max)) throw syntaxError('invalid repeat count', op);
  }

  private leadingFlags(): void {
    for (;;) {
      const m = /^\(\?([a-zA-Z]+)\)/.exec(this.src.slice(this.i));
      if (!m) return;
      for (const f of m[1]) {
        if (f === 'i' || f === 'm') {
          if (!this.flags.includes(f)) this.flags += f;
        } else if (f === 's') this.dotAll = true;
        else if (f === 'U') throw new Error('error parsing regexp: ungreedy mode (?U) is not supported');
        else throw syntaxError('invalid or unsupported Perl syntax', m[0].slice(0, 3));
      }
      this.i += m[0].length;
    }
  }

  private group(): void {
    const rest = this.src.slice(this.i);
    const named = /^\(\?P?<([^>]*)>/.exec(rest);
    if (named) {
      if (!/^[A-Za-z0-9_]+$/.test(named[1]) || this.names.includes(named[1])) {
        throw syntaxError(this.names.includes(named[1]) ? 'duplicate capture group name' : 'invalid named capture', named[0]);
      }
      this.names.push(named[1]);
      this.out += '(';
      this.i += named[0].length;
      return;
    }
    if (rest.startsWith('(?:')) {
      this.out += '(?:';
      this.i += 3;
      return;
    }
    if (rest.startsWith('(?')) {
      if (/^\(\?[imsU-]+[:)]/.test(rest)) {
        throw new Error(`error parsing regexp: flag groups inside the pattern are not supported: \`${/^\(\?[^:)]*[:)]/.exec(rest)![0]}\``);
      }
      throw syntaxError('invalid or unsupported Perl syntax', rest.slice(0, 3));
    }
    this.names.push('');
    this.out += '(';
    this.i++;
  }

  /** An escape at this.i (the backslash); appends its translation. */
  private escape(inClass: boolean): void {
    const s = this.src;
    const c = s[this.i + 1];
    if (c === undefined) throw syntaxError('trailing backslash at end of expression', '');
    this.i += 2;
    const octal = /^[0-7]{0,2}/;
    switch (c) {
      case '0': {
        const digits = octal.exec(s.slice(this.i))![0];
        this.i += digits.length;
        this.out += codePointEscape(parseInt('0' + digits, 8));
        return;
      }
      case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        // A lone digit is a backreference, which RE2 does not support.
        const digits = /^[0-7]{1,2}/.exec(s.slice(this.i))?.[0];
        if (!digits) throw syntaxError('invalid escape sequence', '\\' + c);
        this.i += digits.length;
        this.out += codePointEscape(parseInt(c + digits, 8));
        return;
      }
      case 'A':
      case 'z':
        if (inClass) throw syntaxError('invalid escape sequence', '\\' + c);
        this.out += c === 'A' ? '(?<![\\s\\S])' : '(?![\\s\\S])';
        return;
      case 'b':
      case 'B':
        if (inClass) throw syntaxError('invalid escape sequence', '\\' + c);
        this.out += '\\' + c;
        return;
      case 'd': case 'D': case 'w': case 'W':
        this.out += '\\' + c;
        return;
      case 's':
        this.out += inClass ? RE2_SPACE : `[${RE2_SPACE}]`;
        return;
      case 'S':
        if (inClass) throw new Error('error parsing regexp: \\S inside a character class is not supported');
        this.out += `[^${RE2_SPACE}]`;
        return;
      case 'p':
      case 'P': {
        const m = /^(\{([^}]*)\}|[A-Za-z])/.exec(s.slice(this.i));
        if (!m) throw syntaxError('invalid character class range', '\\' + c);
        this.i += m[0].length;
        this.out += propertyEscape(m[2] ?? m[1], c === 'P');
        return;
      }
      case 'Q': {
        const end = s.indexOf('\\E', this.i);
        const text = end < 0 ? s.slice(this.i) : s.slice(this.i, end);
        this.i = end < 0 ? s.length : end + 2;
        for (const ch of text) this.out += literal(ch, inClass);
        return;
      }
      case 'x': {
        const m = /^(\{([0-9A-Fa-f]+)\}|[0-9A-Fa-f]{2})/.exec(s.slice(this.i));
        if (!m) throw syntaxError('invalid escape sequence', '\\x' + s.slice(this.i, this.i + 2));
        const cp = parseInt(m[2] ?? m[1], 16);
        if (cp > 0x10ffff) throw syntaxError('invalid escape sequence', '\\x' + m[0]);
        this.i += m[0].length;
        this.out += codePointEscape(cp);
        return;
      }
      case 'a':
        this.out += '\\x07';
        return;
      case 'f': case 'n': case 'r': case 't': case 'v':
        this.out += '\\' + c;
        return;
    }
    if (c < '\x80' && !/[0-9A-Za-z]/.test(c)) {
      this.out += literal(c, inClass);
      return;
    }
    throw syntaxError('invalid escape sequence', '\\' + c);
  }

  private charClass(): void {
    const s = this.src;
    const start = this.i;
    this.i++;
    this.out += '[';
    if (s[this.i] === '^') {
      this.out += '^';
      this.i++;
    }
    let first = true;
    for (;;) {
      if (this.i >= s.length) throw syntaxError('missing closing ]', s.slice(start));
      const ch = String.fromCodePoint(s.codePointAt(this.i)!);
      if (ch === ']' && !first) {
        this.out += ']';
        this.i++;
        return;
      }
      first = false;
      if (ch === '[' && s[this.i + 1] === ':') {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(s.slice(this.i));
        if (m) {
          if (!POSIX[m[2]]) throw syntaxError('invalid character class range', m[0]);
          if (m[1]) throw new Error(`error parsing regexp: negated POSIX class ${m[0]} is not supported`);
          this.out += POSIX[m[2]];
          this.i += m[0].length;
          continue;
        }
      }
      if (ch === '\\') {
        this.escape(true);
        continue;
      }
      this.out += ch === '-' ? '-' : literal(ch, true);
      this.i += ch.length;
    }
  }
}

const cache = new Map<string, GoRegexp | Error>();
const CACHE_LIMIT = 1000;

/** regexp.Compile: the compiled expression, or a thrown Error with Go's wording. Results are cached. */
export function compileGoRegexp(expr: string): GoRegexp {
  let hit = cache.get(expr);
  if (hit === undefined) {
    try {
      const t = new Translator(expr);
      const source = t.run();
      const re = new RegExp(source, 'gu' + t.flags);
      // Go guarantees linear time; for nested repetition JavaScript's backtracking does not.
      const vm = needsLinearEngine(source, t.flags) ? new PikeVM(source, t.flags) : undefined;
      hit = { expr, re, names: t.names, vm };
    } catch (e) {
      const msg = (e as Error).message;
      hit = new Error(msg.startsWith('error parsing regexp') ? msg : `error parsing regexp: ${msg}`);
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(expr, hit);
  }
  if (hit instanceof Error) throw hit;
  return hit;
}

/** The match at or after pos, as JS exec gives it. */
function execAt(re: GoRegexp, s: string, pos: number): RegExpExecArray | null {
  if (re.vm) return re.vm.exec(s, pos);
  re.re.lastIndex = pos;
  return re.re.exec(s);
}

/** regexp.MatchString. */
export function matchGoRegexp(re: GoRegexp, s: string): boolean {
  return execAt(re, s, 0) !== null;
}

function runeWidth(s: string, pos: number): number {
  const c = s.charCodeAt(pos);
  return c >= 0xd800 && c <= 0xdbff && pos + 1 < s.length ? 2 : 1;
}

/** Go's allMatches: successive non-overlapping matches; an empty match touching the previous one is skipped. */
export function findAll(re: GoRegexp, s: string, n: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  if (n === 0) return out;
  let pos = 0;
  let prevEnd = -1;
  while ((n < 0 || out.length < n) && pos <= s.length) {
    const m = execAt(re, s, pos);
    if (!m) break;
    const end = m.index + m[0].length;
    let accept = true;
    if (end === pos) {
      if (m.index === prevEnd) accept = false;
      pos += pos < s.length ? runeWidth(s, pos) : 1;
    } else pos = end;
    prevEnd = end;
    if (accept) out.push(m);
  }
  return out;
}

/** Go's Regexp.Expand template syntax: $1, ${1}, $name, ${name}, $$. */
function expand(re: GoRegexp, template: string, m: RegExpExecArray): string {
  let out = '';
  let rest = template;
  for (;;) {
    const dollar = rest.indexOf('$');
    if (dollar < 0) break;
    out += rest.slice(0, dollar);
    rest = rest.slice(dollar + 1);
    if (rest[0] === '$') {
      out += '$';
      rest = rest.slice(1);
      continue;
    }
    const ref = /^(?:\{([\p{L}\p{Nd}_]+)\}|([\p{L}\p{Nd}_]+))/u.exec(rest);
    if (!ref) {
      out += '$';
      continue;
    }
    rest = rest.slice(ref[0].length);
    const name = ref[1] ?? ref[2];
    let index = -1;
    if (/^[0-9]+$/.test(name) && !(name[0] === '0' && name.length > 1) && name.length < 9) index = Number(name);
    else index = re.names.indexOf(name, 1);
    if (index >= 0 && index < m.length && m[index] !== undefined) out += m[index];
  }
  return out + rest;
}

/** Go's ReplaceAllString (expand = true) or ReplaceAllLiteralString. */
export function replaceAll(re: GoRegexp, s: string, repl: string, expandTemplate: boolean): string {
  let out = '';
  let lastEnd = 0;
  let searchPos = 0;
  while (searchPos <= s.length) {
    const m = execAt(re, s, searchPos);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    out += s.slice(lastEnd, start);
    // No replacement for an empty match right after the previous match.
    if (end > lastEnd || start === 0) out += expandTemplate ? expand(re, repl, m) : repl;
    lastEnd = end;
    const width = searchPos < s.length ? runeWidth(s, searchPos) : 1;
    if (searchPos + width > end) searchPos += width;
    else if (searchPos + 1 > end) searchPos++;
    else searchPos = end;
  }
  return out + s.slice(lastEnd);
}

/** Go's Regexp.Split. */
export function split(re: GoRegexp, s: string, n: number): string[] {
  if (n === 0) return [];
  if (re.expr.length > 0 && s.length === 0) return [''];
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of findAll(re, s, n)) {
    if (n > 0 && out.length === n - 1) break;
    end = m.index;
    if (m.index + m[0].length !== 0) out.push(s.slice(beg, end));
    beg = m.index + m[0].length;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

/** regexp.QuoteMeta. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}
