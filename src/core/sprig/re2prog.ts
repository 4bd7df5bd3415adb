/**
 * Go's regexp/syntax Simplify + Compile, in TypeScript: the parse tree (re2syntax.ts) becomes a
 * Thompson-NFA program with the same instruction order as Go's, so that thread priorities, hence
 * leftmost-first matches and submatches, are Go's: x{2,5} is xx(x(x(x)?)?)?, x* of a nullable x is
 * (x+)? (golang.org/issue/46123), (?:x*)* is x*. Two programs are built from one tree: the forward one
 * (with captures and an unanchored `.*?` entry) and a reversed one without captures (used to find
 * where a match starts once its end is known, as RE2 does).
 *
 * Characters are grouped into classes: code points that every character set of the program treats
 * alike (and that agree on being `\n` or a word character, for ^ $ \b) share a class, so the DFA's
 * transition tables are indexed by a small class number instead of a code point.
 *
 * Program size is bounded: Go parses x{1000} and rejects counts above 1000; on top of that we refuse
 * programs above MAX_INSTS instructions ("expression too large", Go's ErrLarge text), far below Go's
 * own limit (3.3 million), because every engine here costs O(program size) per input character at
 * worst, and a pattern from a chart must not be able to freeze the editor.
 */
import { Empty, SyntaxError, type Node } from './re2syntax';
import { MAX_RUNE } from './re2unicode';

/** Instruction opcodes (a plain object: hot loops copy them into module constants, see re2dfa.ts). */
export const Op = { Fail: 0, Rune: 1, Alt: 2, Nop: 3, Capture: 4, Empty: 5, Match: 6 } as const;
type OpCode = (typeof Op)[keyof typeof Op];

export const MAX_INSTS = 100_000;

export interface Prog {
  readonly op: Uint8Array;
  /** Next instruction (Alt: the preferred branch). */
  readonly out: Int32Array;
  /** Alt: the other branch; Rune: set id; Capture: slot; Empty: Empty flags. */
  readonly arg: Int32Array;
  /** Anchored entry. */
  readonly start: number;
  /** Entry of the `.*?` loop before start (forward program of an unanchored pattern; = start otherwise). */
  readonly unanchored: number;
  /** Text every match starts with ("" if none): a search may skip to its next occurrence. */
  readonly prefix: string;
  readonly length: number;
}

export interface Classes {
  /** Class of each ASCII code point. */
  readonly ascii: Int32Array;
  /** Sorted segment starts (code points) and each segment's class. */
  readonly bounds: Int32Array;
  readonly segClass: Int32Array;
  /** Number of character classes; class `count` is the end of text. */
  readonly count: number;
  /** setHas[set][class]: 1 when the set contains the class's characters. */
  readonly setHas: Uint8Array[];
  /** Per class (end of text included): 1 for a word character [0-9A-Za-z_]. */
  readonly isWord: Uint8Array;
  /** Per class: 1 for \n. */
  readonly isNL: Uint8Array;
}

export function classOf(c: Classes, cp: number): number {
  if (cp < 128) return c.ascii[cp];
  const b = c.bounds;
  let lo = 0;
  let hi = b.length - 1;
  while (lo < hi) {
    const m = (lo + hi + 1) >> 1;
    if (b[m] <= cp) lo = m;
    else hi = m - 1;
  }
  return c.segClass[lo];
}

// ---- Simplify (regexp/syntax/simplify.go) ----

function simplify1(op: 'star' | 'plus' | 'quest', greedy: boolean, sub: Node): Node {
  if (sub.op === 'emptyMatch') return sub;
  if (sub.op === op && sub.greedy === greedy) return sub;
  return { op, sub, greedy, h: sub.h + 1 };
}

function simplify(re: Node, memo: Map<Node, Node>): Node {
  const hit = memo.get(re);
  if (hit) return hit;
  let out: Node;
  switch (re.op) {
    case 'capture':
      out = { ...re, sub: simplify(re.sub, memo) };
      break;
    case 'concat':
    case 'alt':
      out = { ...re, subs: re.subs.map((s) => simplify(s, memo)) };
      break;
    case 'star':
    case 'plus':
    case 'quest':
      out = simplify1(re.op, re.greedy, simplify(re.sub, memo));
      break;
    case 'repeat': {
      if (re.min === 0 && re.max === 0) {
        out = { op: 'emptyMatch', h: 1 };
        break;
      }
      const sub = simplify(re.sub, memo);
      const cat = (subs: Node[]): Node => ({ op: 'concat', subs, h: 0 });
      if (re.max === -1) {
        if (re.min === 0) out = simplify1('star', re.greedy, sub);
        else if (re.min === 1) out = simplify1('plus', re.greedy, sub);
        else out = cat([...Array<Node>(re.min - 1).fill(sub), simplify1('plus', re.greedy, sub)]);
        break;
      }
      if (re.min === 1 && re.max === 1) {
        out = sub;
        break;
      }
      const prefix: Node[] = Array<Node>(re.min).fill(sub);
      if (re.max > re.min) {
        let suffix = simplify1('quest', re.greedy, sub);
        for (let i = re.min + 1; i < re.max; i++) suffix = simplify1('quest', re.greedy, cat([sub, suffix]));
        prefix.push(suffix);
      }
      out = prefix.length === 1 ? prefix[0] : prefix.length ? cat(prefix) : { op: 'noMatch', h: 1 };
      break;
    }
    default:
      out = re;
  }
  memo.set(re, out);
  return out;
}

// ---- Compile (regexp/syntax/compile.go) ----

interface Frag {
  i: number;
  /** Holes to patch: pc*2 for out, pc*2+1 for arg. */
  out: number[];
  nullable: boolean;
}

class Compiler {
  readonly op: number[] = [Op.Fail];
  readonly out: number[] = [0];
  readonly arg: number[] = [0];

  constructor(private readonly sets: SetTable, private readonly reverse: boolean, private readonly expr: string) {}

  inst(op: OpCode, arg = 0): number {
    if (this.op.length >= MAX_INSTS) throw new SyntaxError(`error parsing regexp: expression too large: \`${this.expr}\``);
    this.op.push(op);
    this.out.push(0);
    this.arg.push(arg);
    return this.op.length - 1;
  }

  patch(holes: number[], to: number): void {
    for (const h of holes) {
      if (h & 1) this.arg[h >> 1] = to;
      else this.out[h >> 1] = to;
    }
  }

  compile(re: Node): Frag {
    switch (re.op) {
      case 'noMatch':
        return { i: 0, out: [], nullable: false };
      case 'emptyMatch': {
        const i = this.inst(Op.Nop);
        return { i, out: [i * 2], nullable: true };
      }
      case 'class': {
        const i = this.inst(Op.Rune, this.sets.id(re.ranges));
        return { i, out: [i * 2], nullable: false };
      }
      case 'empty': {
        let kind = re.kind;
        if (this.reverse) {
          const swap: Record<number, number> = {
            [Empty.BeginLine]: Empty.EndLine, [Empty.EndLine]: Empty.BeginLine,
            [Empty.BeginText]: Empty.EndText, [Empty.EndText]: Empty.BeginText,
          };
          kind = swap[kind] ?? kind;
        }
        const i = this.inst(Op.Empty, kind);
        return { i, out: [i * 2], nullable: true };
      }
      case 'capture': {
        if (this.reverse) return this.compile(re.sub);
        const bra = this.inst(Op.Capture, re.cap * 2);
        const f = this.cat({ i: bra, out: [bra * 2], nullable: true }, this.compile(re.sub));
        const ket = this.inst(Op.Capture, re.cap * 2 + 1);
        return this.cat(f, { i: ket, out: [ket * 2], nullable: true });
      }
      case 'star':
        return this.star(this.compile(re.sub), !re.greedy);
      case 'plus':
        return this.plus(this.compile(re.sub), !re.greedy);
      case 'quest':
        return this.quest(this.compile(re.sub), !re.greedy);
      case 'concat': {
        const subs = this.reverse ? [...re.subs].reverse() : re.subs;
        if (subs.length === 0) return this.compile({ op: 'emptyMatch', h: 1 });
        let f = this.compile(subs[0]);
        for (let k = 1; k < subs.length; k++) f = this.cat(f, this.compile(subs[k]));
        return f;
      }
      case 'alt': {
        let f: Frag = { i: 0, out: [], nullable: false };
        for (const sub of re.subs) f = this.alt(f, this.compile(sub));
        return f;
      }
      case 'repeat':
        throw new Error('re2: repeat left after simplify');
    }
  }

  cat(f1: Frag, f2: Frag): Frag {
    if (f1.i === 0 || f2.i === 0) return { i: 0, out: [], nullable: false };
    this.patch(f1.out, f2.i);
    return { i: f1.i, out: f2.out, nullable: f1.nullable && f2.nullable };
  }

  alt(f1: Frag, f2: Frag): Frag {
    if (f1.i === 0) return f2;
    if (f2.i === 0) return f1;
    const i = this.inst(Op.Alt);
    this.out[i] = f1.i;
    this.arg[i] = f2.i;
    const out = f1.out;
    for (const h of f2.out) out.push(h);
    return { i, out, nullable: f1.nullable || f2.nullable };
  }

  /** An Alt that tries `f1` first (greedy) or last (non-greedy); its other branch is the hole returned. */
  private preferring(f1: Frag, nongreedy: boolean): { i: number; out: number[] } {
    const i = this.inst(Op.Alt);
    if (nongreedy) {
      this.arg[i] = f1.i;
      return { i, out: [i * 2] };
    }
    this.out[i] = f1.i;
    return { i, out: [i * 2 + 1] };
  }

  quest(f1: Frag, nongreedy: boolean): Frag {
    const { i, out } = this.preferring(f1, nongreedy);
    for (const h of f1.out) out.push(h);
    return { i, out, nullable: true };
  }

  loop(f1: Frag, nongreedy: boolean): Frag {
    const { i, out } = this.preferring(f1, nongreedy);
    this.patch(f1.out, i);
    return { i, out, nullable: true };
  }

  star(f1: Frag, nongreedy: boolean): Frag {
    if (f1.nullable) return this.quest(this.plus(f1, nongreedy), nongreedy);
    return this.loop(f1, nongreedy);
  }

  plus(f1: Frag, nongreedy: boolean): Frag {
    return { i: f1.i, out: this.loop(f1, nongreedy).out, nullable: f1.nullable };
  }

  finish(f: Frag, unanchoredEntry: boolean, prefix = ''): Prog {
    const match = this.inst(Op.Match);
    this.patch(f.out, match);
    const start = f.i;
    let unanchored = start;
    if (unanchoredEntry) {
      // .*? before the pattern: prefer starting here, else consume a character and retry.
      unanchored = this.inst(Op.Alt);
      const any = this.inst(Op.Rune, this.sets.id([0, MAX_RUNE]));
      this.out[unanchored] = start;
      this.arg[unanchored] = any;
      this.out[any] = unanchored;
    }
    return {
      op: Uint8Array.from(this.op), out: Int32Array.from(this.out), arg: Int32Array.from(this.arg),
      start, unanchored, length: this.op.length, prefix: unanchoredEntry ? prefix : '',
    };
  }
}

class SetTable {
  readonly sets: number[][] = [];
  private readonly ids = new Map<string, number>();

  id(ranges: number[]): number {
    const key = ranges.join(',');
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.sets.length;
      this.sets.push(ranges);
      this.ids.set(key, id);
    }
    return id;
  }
}

const WORD = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];

function inRanges(r: number[], c: number): boolean {
  for (let i = 0; i < r.length; i += 2) if (r[i] <= c && c <= r[i + 1]) return true;
  return false;
}

function computeClasses(sets: number[][]): Classes {
  const cuts = new Set<number>([0, 10, 11]);
  for (const r of [...sets, WORD]) {
    for (let i = 0; i < r.length; i += 2) {
      cuts.add(r[i]);
      if (r[i + 1] < MAX_RUNE) cuts.add(r[i + 1] + 1);
    }
  }
  const bounds = Int32Array.from([...cuts].sort((a, b) => a - b));
  const sig: number[][] = Array.from({ length: bounds.length }, () => []);
  const lowerBound = (x: number) => {
    let lo = 0;
    let hi = bounds.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (bounds[m] < x) lo = m + 1;
      else hi = m;
    }
    return lo;
  };
  sets.forEach((r, id) => {
    for (let i = 0; i < r.length; i += 2) {
      for (let k = lowerBound(r[i]); k < bounds.length && bounds[k] <= r[i + 1]; k++) sig[k].push(id);
    }
  });
  const classIds = new Map<string, number>();
  const segClass = new Int32Array(bounds.length);
  const word: number[] = [];
  const nl: number[] = [];
  const members: number[][] = [];
  for (let k = 0; k < bounds.length; k++) {
    const w = inRanges(WORD, bounds[k]) ? 1 : 0;
    const n = bounds[k] === 10 ? 1 : 0;
    const key = `${sig[k].join(',')}|${w}${n}`;
    let id = classIds.get(key);
    if (id === undefined) {
      id = classIds.size;
      classIds.set(key, id);
      word.push(w);
      nl.push(n);
      members.push(sig[k]);
    }
    segClass[k] = id;
  }
  const count = classIds.size;
  const setHas = sets.map(() => new Uint8Array(count + 1));
  members.forEach((ids, cls) => {
    for (const id of ids) setHas[id][cls] = 1;
  });
  const ascii = new Int32Array(128);
  for (let c = 0; c < 128; c++) ascii[c] = segClass[lowerBound(c + 1) - 1];
  return {
    ascii, bounds, segClass, count, setHas,
    isWord: Uint8Array.from([...word, 0]), isNL: Uint8Array.from([...nl, 0]),
  };
}

export interface Compiled {
  forward: Prog;
  reverse: Prog;
  classes: Classes;
}

/** Every match must start at the beginning of the text (\A, or ^ without (?m), first on every path). */
function anchoredAtStart(re: Node): boolean {
  switch (re.op) {
    case 'empty':
      return re.kind === Empty.BeginText;
    case 'concat':
      return re.subs.length > 0 && anchoredAtStart(re.subs[0]);
    case 'capture':
      return anchoredAtStart(re.sub);
    case 'alt':
      return re.subs.every(anchoredAtStart);
    default:
      return false;
  }
}

/** The literal text every match of re starts with, and whether re is that text and nothing more. */
function literalPrefix(re: Node): [string, boolean] {
  switch (re.op) {
    case 'class':
      return re.ranges.length === 2 && re.ranges[0] === re.ranges[1] ? [String.fromCodePoint(re.ranges[0]), true] : ['', false];
    case 'empty': // zero-width: the match still starts with what follows
    case 'emptyMatch':
      return ['', true];
    case 'capture':
      return literalPrefix(re.sub);
    case 'concat': {
      let text = '';
      for (const sub of re.subs) {
        const [t, whole] = literalPrefix(sub);
        text += t;
        if (!whole) return [text, false];
      }
      return [text, true];
    }
    default:
      return ['', false];
  }
}

export function compileTree(root: Node, expr: string): Compiled {
  const simple = simplify(root, new Map());
  const sets = new SetTable();
  const fwd = new Compiler(sets, false, expr);
  // An anchored pattern needs no .*? entry: its search dies as soon as its threads do, instead of
  // scanning the rest of a long input that failed at its first characters.
  const forward = fwd.finish(fwd.compile(simple), !anchoredAtStart(simple), literalPrefix(simple)[0]);
  const rev = new Compiler(sets, true, expr);
  const reverse = rev.finish(rev.compile(simple), false);
  return { forward, reverse, classes: computeClasses(sets.sets) };
}

/** Where each group's bounds go among the slots a caller reports: `result[slot]` = index in its capture array, or -1. */
export function captureSlots(nslots: number, groups: readonly number[]): Int32Array {
  const index = new Int32Array(nslots).fill(-1);
  groups.forEach((g, j) => {
    if (2 * g + 1 < nslots) {
      index[2 * g] = 2 * j;
      index[2 * g + 1] = 2 * j + 1;
    }
  });
  return index;
}
