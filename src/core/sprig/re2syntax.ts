/**
 * Go's regexp/syntax parser, in TypeScript: the same grammar (Perl flags: (?i) (?m) (?s) (?U) anywhere
 * and in (?flags:...) groups, (?P<name>) and (?<name>), \pL \p{Greek} \PL \p{^L}, [[:alpha:]] and
 * [[:^alpha:]], \Q...\E, \A \z \b \B, octal and \x{...} escapes, non-greedy x*? x+? x?? x{n,m}?) and
 * the same errors with the same text ("error parsing regexp: <code>: `<expr>`"), including Go's limits:
 * a repeat count above 1000 (also as a product of nested counts) and nesting deeper than 1000.
 * It is a port of the stack machine in parse.go, so error precedence and quirks match (a** is an
 * error, ^* is not, x{,2} is a literal). Character classes are flat sorted range arrays over code
 * points; case folding follows Go's SimpleFold orbits (re2unicode.ts).
 */
import { appendFoldedRange, cleanClass, foldClass, negateClass, PERL, POSIX_BASE } from './re2classes';
import { foldOrbit, MAX_RUNE, unicodeTable } from './re2unicode';

/** Empty-width assertion flags (Go's EmptyOp). */
export const Empty = { BeginLine: 1, EndLine: 2, BeginText: 4, EndText: 8, WordBoundary: 16, NoWordBoundary: 32 } as const;

export type Node =
  | { op: 'class'; ranges: number[]; h: number }
  | { op: 'empty'; kind: number; h: number }
  | { op: 'emptyMatch'; h: number }
  | { op: 'noMatch'; h: number }
  | { op: 'capture'; cap: number; name: string; sub: Node; h: number }
  | { op: 'star' | 'plus' | 'quest'; sub: Node; greedy: boolean; h: number }
  | { op: 'repeat'; min: number; max: number; sub: Node; greedy: boolean; h: number }
  | { op: 'concat' | 'alt'; subs: Node[]; h: number };

type Pseudo = { op: 'lparen'; cap: number; name: string; flags: number; h: number } | { op: 'vbar'; h: number };
type StackItem = Node | Pseudo;

const FOLD = 1;
const DOTNL = 2;
const ONELINE = 4;
const NONGREEDY = 8;

const MAX_HEIGHT = 1000;
const MAX_REPEAT = 1000;

export class SyntaxError extends Error {}

function err(code: string, expr: string): SyntaxError {
  return new SyntaxError(`error parsing regexp: ${code}: \`${expr}\``);
}

function isAlnum(c: string): boolean {
  return /^[0-9A-Za-z]$/.test(c);
}

function unhex(c: string | undefined): number {
  if (c === undefined) return -1;
  const v = parseInt(c, 16);
  return /^[0-9A-Fa-f]$/.test(c) ? v : -1;
}

function height(subs: Node[]): number {
  let h = 0;
  for (const s of subs) if (s.h > h) h = s.h;
  return h + 1;
}

/** Go's repeatIsValid: nested counted repetitions may not multiply past n copies. */
function repeatIsValid(re: Node, n: number): boolean {
  if (re.op === 'repeat') {
    let m = re.max;
    if (m === 0) return true;
    if (m < 0) m = re.min;
    if (m > n) return false;
    if (m > 0) n = Math.floor(n / m);
  }
  if ('sub' in re) return repeatIsValid(re.sub, n);
  if ('subs' in re) return re.subs.every((s) => repeatIsValid(s, n));
  return true;
}

export interface Parsed {
  root: Node;
  /** Capture group names by index (index 0 is the whole match): "" for unnamed groups. */
  names: string[];
}

/** regexp/syntax.Parse(expr, syntax.Perl): the tree, or a thrown SyntaxError with Go's message. */
export function parse(expr: string): Parsed {
  return new Parser(expr).parse();
}

class Parser {
  private flags = ONELINE;
  private stack: StackItem[] = [];
  private numCap = 0;
  private readonly names: string[] = [''];

  constructor(private readonly s: string) {}

  parse(): Parsed {
    const s = this.s;
    let t = 0;
    let lastRepeat = -1;
    while (t < s.length) {
      let repeat = -1;
      const c = s[t];
      switch (c) {
        case '(':
          if (s[t + 1] === '?') {
            t = this.parsePerlFlags(t);
            break;
          }
          this.numCap++;
          this.names.push('');
          this.push({ op: 'lparen', cap: this.numCap, name: '', flags: this.flags, h: 0 });
          t++;
          break;
        case '|':
          this.parseVerticalBar();
          t++;
          break;
        case ')':
          this.parseRightParen();
          t++;
          break;
        case '^':
          this.push({ op: 'empty', kind: this.flags & ONELINE ? Empty.BeginText : Empty.BeginLine, h: 1 });
          t++;
          break;
        case '$':
          this.push({ op: 'empty', kind: this.flags & ONELINE ? Empty.EndText : Empty.EndLine, h: 1 });
          t++;
          break;
        case '.':
          this.push({ op: 'class', ranges: this.flags & DOTNL ? [0, MAX_RUNE] : [0, 9, 11, MAX_RUNE], h: 1 });
          t++;
          break;
        case '[':
          t = this.parseClass(t);
          break;
        case '*':
        case '+':
        case '?': {
          const op = c === '*' ? 'star' : c === '+' ? 'plus' : 'quest';
          const after = this.repeat(op, 0, 0, t, t + 1, lastRepeat);
          repeat = t;
          t = after;
          break;
        }
        case '{': {
          const r = this.parseRepeat(t);
          if (!r) {
            this.literal(0x7b);
            t++;
            break;
          }
          const [min, max, after] = r;
          if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) {
            throw err('invalid repeat count', s.slice(t, after));
          }
          const next = this.repeat('repeat', min, max, t, after, lastRepeat);
          repeat = t;
          t = next;
          break;
        }
        case '\\': {
          const d = s[t + 1];
          if (d === 'A' || d === 'z' || d === 'b' || d === 'B') {
            const kind = d === 'A' ? Empty.BeginText : d === 'z' ? Empty.EndText : d === 'b' ? Empty.WordBoundary : Empty.NoWordBoundary;
            this.push({ op: 'empty', kind, h: 1 });
            t += 2;
            break;
          }
          if (d === 'C') throw err('invalid escape sequence', '\\C');
          if (d === 'Q') {
            const end = s.indexOf('\\E', t + 2);
            const lit = end < 0 ? s.slice(t + 2) : s.slice(t + 2, end);
            t = end < 0 ? s.length : end + 2;
            for (const ch of lit) this.literal(this.rune(ch, lit));
            break;
          }
          if (d === 'p' || d === 'P') {
            const [r, rest] = this.parseUnicodeClass(t);
            this.push({ op: 'class', ranges: r, h: 1 });
            t = rest;
            break;
          }
          const perl = this.perlClass(t);
          if (perl) {
            this.push({ op: 'class', ranges: perl, h: 1 });
            t += 2;
            break;
          }
          const [r, rest] = this.parseEscape(t);
          this.literal(r);
          t = rest;
          break;
        }
        default: {
          const ch = String.fromCodePoint(s.codePointAt(t)!);
          this.literal(this.rune(ch, s.slice(t)));
          t += ch.length;
        }
      }
      lastRepeat = repeat;
    }
    this.concat();
    if (this.swapVerticalBar()) this.stack.pop();
    this.alternate();
    if (this.stack.length !== 1) throw err('missing closing )', s);
    return { root: this.stack[0] as Node, names: this.names };
  }

  /** A lone surrogate is Go's invalid UTF-8. */
  private rune(ch: string, rest: string): number {
    const c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) throw err('invalid UTF-8', rest);
    return c;
  }

  private push(re: StackItem): void {
    if (re.h > MAX_HEIGHT) throw err('expression nests too deeply', this.s);
    this.stack.push(re);
  }

  private literal(r: number): void {
    const orbit = this.flags & FOLD ? foldOrbit(r) : undefined;
    const ranges: number[] = [];
    if (orbit) for (const c of orbit) ranges.push(c, c);
    else ranges.push(r, r);
    this.push({ op: 'class', ranges: orbit ? cleanClass(ranges) : ranges, h: 1 });
  }

  private repeat(op: 'star' | 'plus' | 'quest' | 'repeat', min: number, max: number, before: number, after: number, lastRepeat: number): number {
    let flags = this.flags;
    if (this.s[after] === '?') {
      after++;
      flags ^= NONGREEDY;
    }
    if (lastRepeat >= 0) throw err('invalid nested repetition operator', this.s.slice(lastRepeat, after));
    const n = this.stack.length;
    const sub = this.stack[n - 1];
    if (sub === undefined || sub.op === 'lparen' || sub.op === 'vbar') throw err('missing argument to repetition operator', this.s.slice(before, after));
    const greedy = (flags & NONGREEDY) === 0;
    const re: Node = op === 'repeat' ? { op, min, max, sub, greedy, h: sub.h + 1 } : { op, sub, greedy, h: sub.h + 1 };
    if (re.h > MAX_HEIGHT) throw err('expression nests too deeply', this.s);
    this.stack[n - 1] = re;
    if (op === 'repeat' && (min >= 2 || max >= 2) && !repeatIsValid(re, MAX_REPEAT)) {
      throw err('invalid repeat count', this.s.slice(before, after));
    }
    return after;
  }

  /** Go's parseRepeat: {n}, {n,}, {n,m} → [min, max, index after], or null when not of that form. */
  private parseRepeat(t: number): [number, number, number] | null {
    const s = this.s;
    let i = t + 1;
    const int = (): number | null => {
      if (!/[0-9]/.test(s[i] ?? '')) return null;
      if (s[i] === '0' && /[0-9]/.test(s[i + 1] ?? '')) return null;
      let n = 0;
      let big = false;
      while (/[0-9]/.test(s[i] ?? '')) {
        if (n >= 1e8) big = true;
        else n = n * 10 + Number(s[i]);
        i++;
      }
      return big ? -1 : n;
    };
    let min = int();
    if (min === null || i >= s.length) return null;
    let max: number;
    if (s[i] !== ',') max = min;
    else {
      i++;
      if (i >= s.length) return null;
      if (s[i] === '}') max = -1;
      else {
        const m = int();
        if (m === null) return null;
        max = m;
        if (max < 0) min = -1;
      }
    }
    if (s[i] !== '}') return null;
    return [min, max, i + 1];
  }

  private parsePerlFlags(t: number): number {
    const s = this.s;
    const rest = s.slice(t);
    const startsWithP = rest.length > 4 && rest[2] === 'P' && rest[3] === '<';
    const startsWithName = rest.length > 3 && rest[2] === '<';
    if (startsWithP || startsWithName) {
      const end = rest.indexOf('>');
      if (end < 0) throw err('invalid named capture', rest);
      const capture = rest.slice(0, end + 1);
      const name = rest.slice(startsWithP ? 4 : 3, end);
      if (!/^[A-Za-z0-9_]+$/.test(name)) throw err('invalid named capture', capture);
      this.numCap++;
      this.names.push(name);
      this.push({ op: 'lparen', cap: this.numCap, name, flags: this.flags, h: 0 });
      return t + end + 1;
    }
    let i = t + 2;
    let flags = this.flags;
    let sign = 1;
    let sawFlag = false;
    while (i < s.length) {
      const c = String.fromCodePoint(s.codePointAt(i)!);
      i += c.length;
      switch (c) {
        case 'i':
          flags = sign > 0 ? flags | FOLD : flags & ~FOLD;
          sawFlag = true;
          continue;
        case 'm':
          flags = sign > 0 ? flags & ~ONELINE : flags | ONELINE;
          sawFlag = true;
          continue;
        case 's':
          flags = sign > 0 ? flags | DOTNL : flags & ~DOTNL;
          sawFlag = true;
          continue;
        case 'U':
          flags = sign > 0 ? flags | NONGREEDY : flags & ~NONGREEDY;
          sawFlag = true;
          continue;
        case '-':
          if (sign < 0) break;
          sign = -1;
          sawFlag = false;
          continue;
        case ':':
        case ')':
          if (sign < 0 && !sawFlag) break;
          if (c === ':') this.push({ op: 'lparen', cap: 0, name: '', flags: this.flags, h: 0 });
          this.flags = flags;
          return i;
      }
      break;
    }
    throw err('invalid or unsupported Perl syntax', s.slice(t, i));
  }

  private perlClass(t: number): number[] | null {
    const g = PERL[this.s.slice(t, t + 2)];
    return g ? this.group(g[0], g[1]) : null;
  }

  private group(sign: number, cls: number[]): number[] {
    const r = this.flags & FOLD ? foldClass(cls) : cls;
    return sign < 0 ? negateClass(r) : r;
  }

  /** \pX, \p{Name}, \PX, \p{^Name} at t → [ranges, index after]. */
  private parseUnicodeClass(t: number): [number[], number] {
    const s = this.s;
    let sign = s[t + 1] === 'P' ? -1 : 1;
    let seq: string;
    let name: string;
    let after: number;
    if (s[t + 2] !== '{') {
      const c = t + 2 < s.length ? String.fromCodePoint(s.codePointAt(t + 2)!) : '';
      after = t + 2 + c.length;
      seq = s.slice(t, after);
      name = c;
    } else {
      const end = s.indexOf('}', t);
      if (end < 0) throw err('invalid character class range', s.slice(t));
      after = end + 1;
      seq = s.slice(t, after);
      name = s.slice(t + 3, end);
    }
    if (name.startsWith('^')) {
      sign = -sign;
      name = name.slice(1);
    }
    const tab = unicodeTable(name);
    if (!tab) throw err('invalid character class range', seq);
    const r = this.flags & FOLD ? foldClass(tab) : tab;
    return [sign < 0 ? negateClass(r) : r, after];
  }

  /** A single-character escape at t (the backslash) → [code point, index after]. */
  private parseEscape(t: number): [number, number] {
    const s = this.s;
    let i = t + 1;
    if (i >= s.length) throw err('trailing backslash at end of expression', '');
    const c = String.fromCodePoint(s.codePointAt(i)!);
    i += c.length;
    const bad = () => err('invalid escape sequence', s.slice(t, i));
    const isOctal = (x: string | undefined) => x !== undefined && x >= '0' && x <= '7';
    switch (c) {
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        // A single non-zero digit is a backreference, which RE2 does not support.
        if (c !== '0' && !isOctal(s[i])) throw bad();
        let r = Number(c);
        for (let k = 1; k < 3 && isOctal(s[i]); k++) r = r * 8 + Number(s[i++]);
        return [r, i];
      }
      case 'x': {
        if (i >= s.length) throw bad();
        const d = s[i++];
        if (d === '{') {
          let n = 0;
          let r = 0;
          for (;;) {
            if (i >= s.length) throw bad();
            const h = s[i++];
            if (h === '}') break;
            const v = unhex(h);
            if (v < 0) throw bad();
            r = r * 16 + v;
            if (r > MAX_RUNE) throw bad();
            n++;
          }
          if (n === 0) throw bad();
          return [r, i];
        }
        const x = unhex(d);
        const y = unhex(s[i]);
        if (i < s.length) i++;
        if (x < 0 || y < 0) throw bad();
        return [x * 16 + y, i];
      }
      case 'a': return [7, i];
      case 'f': return [12, i];
      case 'n': return [10, i];
      case 'r': return [13, i];
      case 't': return [9, i];
      case 'v': return [11, i];
    }
    if (c.codePointAt(0)! < 0x80 && !isAlnum(c)) return [c.codePointAt(0)!, i];
    throw bad();
  }

  private parseClass(start: number): number {
    const s = this.s;
    let t = start + 1;
    let sign = 1;
    if (s[t] === '^') {
      sign = -1;
      t++;
    }
    let cls: number[] = [];
    let first = true;
    while (t >= s.length || s[t] !== ']' || first) {
      first = false;
      if (t + 2 < s.length && s[t] === '[' && s[t + 1] === ':') {
        const close = s.indexOf(':]', t + 2);
        if (close >= 0) {
          const name = s.slice(t, close + 2);
          const m = /^\[:(\^?)([a-z]+):\]$/.exec(name);
          const base = m ? POSIX_BASE[m[2]] : undefined;
          if (!base) throw err('invalid character class range', name);
          cls = cls.concat(this.group(m![1] ? -1 : 1, base));
          t = close + 2;
          continue;
        }
      }
      if (s[t] === '\\' && (s[t + 1] === 'p' || s[t + 1] === 'P')) {
        const [r, rest] = this.parseUnicodeClass(t);
        cls = cls.concat(r);
        t = rest;
        continue;
      }
      const perl = s[t] === '\\' ? this.perlClass(t) : null;
      if (perl) {
        cls = cls.concat(perl);
        t += 2;
        continue;
      }
      const rng = t;
      let lo: number;
      [lo, t] = this.classChar(t, start);
      let hi = lo;
      if (t + 1 < s.length && s[t] === '-' && s[t + 1] !== ']') {
        [hi, t] = this.classChar(t + 1, start);
        if (hi < lo) throw err('invalid character class range', s.slice(rng, t));
      }
      if (this.flags & FOLD) appendFoldedRange(cls, lo, hi);
      else cls.push(lo, hi);
    }
    t++;
    cls = cleanClass(cls);
    this.push({ op: 'class', ranges: sign < 0 ? negateClass(cls) : cls, h: 1 });
    return t;
  }

  private classChar(t: number, classStart: number): [number, number] {
    const s = this.s;
    if (t >= s.length) throw err('missing closing ]', s.slice(classStart));
    if (s[t] === '\\') return this.parseEscape(t);
    const ch = String.fromCodePoint(s.codePointAt(t)!);
    return [this.rune(ch, s.slice(t)), t + ch.length];
  }

  private parseVerticalBar(): void {
    this.concat();
    if (!this.swapVerticalBar()) this.push({ op: 'vbar', h: 0 });
  }

  private swapVerticalBar(): boolean {
    const n = this.stack.length;
    if (n >= 2 && this.stack[n - 2].op === 'vbar') {
      [this.stack[n - 2], this.stack[n - 1]] = [this.stack[n - 1], this.stack[n - 2]];
      return true;
    }
    return false;
  }

  private parseRightParen(): void {
    this.concat();
    if (this.swapVerticalBar()) this.stack.pop();
    this.alternate();
    const n = this.stack.length;
    if (n < 2) throw err('unexpected )', this.s);
    const re1 = this.stack.pop() as Node;
    const re2 = this.stack.pop()!;
    if (re2.op !== 'lparen') throw err('unexpected )', this.s);
    this.flags = re2.flags;
    if (re2.cap === 0) this.push(re1);
    else this.push({ op: 'capture', cap: re2.cap, name: re2.name, sub: re1, h: re1.h + 1 });
  }

  /** The items above the topmost ( or |. */
  private popRun(): Node[] {
    let i = this.stack.length;
    while (i > 0 && this.stack[i - 1].op !== 'lparen' && this.stack[i - 1].op !== 'vbar') i--;
    return this.stack.splice(i) as Node[];
  }

  private concat(): void {
    const subs = this.popRun();
    if (subs.length === 0) this.push({ op: 'emptyMatch', h: 1 });
    else this.push(this.collapse(subs, 'concat'));
  }

  private alternate(): void {
    const subs = this.popRun();
    if (subs.length === 0) this.push({ op: 'noMatch', h: 1 });
    else this.push(this.collapse(subs, 'alt'));
  }

  private collapse(subs: Node[], op: 'concat' | 'alt'): Node {
    if (subs.length === 1) return subs[0];
    const flat: Node[] = [];
    for (const sub of subs) {
      if (sub.op === op) flat.push(...sub.subs);
      else flat.push(sub);
    }
    return { op, subs: flat, h: height(flat) };
  }
}
