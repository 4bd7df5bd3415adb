/**
 * A lazy DFA over an RE2 program (re2prog.ts), as in RE2's dfa.cc: each DFA state is the ordered list
 * of NFA threads (instruction numbers) alive before a character, plus what the previous character was
 * (start of text, \n, word character, other) so that ^ $ \b \B resolve when the next character is
 * seen. States and their transitions (one per character class) are built on first use and cached, so
 * a search costs one table lookup per character once warm, and O(program size) per character at worst
 * (when every step needs a new state): linear in the input in all cases, with no backtracking.
 *
 * Two kinds of search:
 * - leftmost-first (forward program, `.*?` entry): threads after a Match in priority order are cut, as
 *   Go's Pike VM does, so the last match position seen is the end of Go's leftmost-first match;
 * - longest (reverse program, anchored at that end): the furthest position back at which a match is
 *   seen is the leftmost start, which gives the match's bounds without tracking submatches.
 * The cache is bounded; when it fills it is flushed and rebuilt from the current state (RE2 does
 * the same), so memory stays bounded whatever the pattern and input; and the work spent building
 * states in one search is bounded too (MAX_WORK), past which the search stops with an error.
 */
import { Empty } from './re2syntax';
import { classOf, Op, type Classes, type Prog } from './re2prog';

// Module constants: an imported binding is a property read (a getter under CommonJS) at every use.
const ALT = Op.Alt, NOP = Op.Nop, CAPTURE = Op.Capture, EMPTY = Op.Empty, RUNE = Op.Rune, MATCH = Op.Match;
const BEGIN_LINE = Empty.BeginLine, END_LINE = Empty.EndLine, BEGIN_TEXT = Empty.BeginText, END_TEXT = Empty.EndText;
const WORD_BOUNDARY = Empty.WordBoundary, NO_WORD_BOUNDARY = Empty.NoWordBoundary;
const classOfCp = classOf;

interface DState {
  readonly insts: Int32Array;
  /** 0: start of text, 1: after \n, 2: after a word character, 3: after another character. */
  readonly ctx: number;
  /** A match ended right before the character whose transition led here. */
  readonly match: boolean;
  readonly dead: boolean;
  /** Only the `.*?` entry is alive: the search may skip ahead to the program's literal prefix. */
  readonly idle: boolean;
  next: (DState | undefined)[];
}

const MAX_STATES = 10_000;
/** Cached instruction numbers plus transition slots, across one DFA's states. */
const MAX_CACHE_WORDS = 2_000_000;
/**
 * The same across every DFA alive (compiled patterns are cached, each with up to two DFAs): past it,
 * the DFA that is growing flushes its own cache, so memory stays bounded however many patterns a
 * chart uses. Collected DFAs give their share back through the finalization registry.
 */
const MAX_TOTAL_WORDS = 16_000_000;
/**
 * Instructions one search may visit while building states (a few seconds). Cached states cost
 * nothing, so only a pattern whose automaton keeps growing with its input (like [ab]*a[ab]{999},
 * a new state per character, each as large as the program) reaches it: Go takes seconds there too,
 * we stop with an error instead of freezing the editor.
 */
export const MAX_WORK = 8 * 1024 * 1024;
export class SearchBudgetError extends Error {}
let totalWords = 0;
const released = new FinalizationRegistry<{ words: number }>((stats) => {
  totalWords -= stats.words;
});

export class LazyDFA {
  private readonly cache = new Map<string, DState>();
  private starts: (DState | undefined)[] = [];
  private readonly stats = { words: 0 };
  private readonly seen: Uint32Array;
  private gen = 0;
  private readonly stack: Int32Array;
  /** Scratch: the next state's instructions, their membership stamps, the cache key's units. */
  private readonly nextBuf: Int32Array;
  private readonly inNext: Uint32Array;
  private readonly keyUnits: Uint16Array;
  /** Times the cache was flushed (for tests and benchmarks). */
  flushes = 0;
  /** Instructions visited building states in the current search. */
  private work = 0;

  constructor(private readonly prog: Prog, private readonly classes: Classes, private readonly longest: boolean, private readonly maxWork = MAX_WORK) {
    released.register(this, this.stats);
    this.seen = new Uint32Array(prog.length);
    this.nextBuf = new Int32Array(prog.length);
    // One push per edge: at most two per instruction.
    this.stack = new Int32Array(2 * prog.length + 2);
    this.inNext = new Uint32Array(prog.length);
    this.keyUnits = new Uint16Array(2 + 2 * prog.length);
  }

  private ctxOf(cls: number): number {
    return this.classes.isNL[cls] ? 1 : this.classes.isWord[cls] ? 2 : 3;
  }

  private intern(insts: Int32Array, n: number, ctx: number, match: boolean): DState {
    // The key: context and match flag, then each instruction number as two UTF-16 units.
    const units = this.keyUnits;
    units[0] = ctx;
    units[1] = match ? 1 : 0;
    for (let k = 0; k < n; k++) {
      units[2 + 2 * k] = insts[k] & 0xffff;
      units[3 + 2 * k] = insts[k] >>> 16;
    }
    let key = '';
    for (let k = 0; k < 2 + 2 * n; k += 4096) key += String.fromCharCode.apply(null, units.subarray(k, Math.min(k + 4096, 2 + 2 * n)) as unknown as number[]);
    let st = this.cache.get(key);
    if (st === undefined) {
      if (this.cache.size >= MAX_STATES || this.stats.words > MAX_CACHE_WORDS || totalWords > MAX_TOTAL_WORDS) this.flush();
      const idle = n === 1 && insts[0] === this.prog.unanchored && this.prog.unanchored !== this.prog.start;
      st = { insts: insts.slice(0, n), ctx, match, dead: n === 0, idle, next: new Array(this.classes.count + 1) };
      this.cache.set(key, st);
      const words = n + this.classes.count + 1;
      this.stats.words += words;
      totalWords += words;
    }
    return st;
  }

  private flush(): void {
    this.cache.clear();
    this.starts = [];
    totalWords -= this.stats.words;
    this.stats.words = 0;
    this.flushes++;
  }

  private start(ctx: number): DState {
    let st = this.starts[ctx];
    if (st === undefined) {
      st = this.intern(Int32Array.of(this.prog.unanchored), 1, ctx, false);
      this.starts[ctx] = st;
    }
    return st;
  }

  /** The state after `from` reads class `cls` (this.classes.count = end of text). */
  private step(from: DState, cls: number): DState {
    const { op, out, arg } = this.prog;
    const { setHas, isNL, isWord, count } = this.classes;
    let flags = 0;
    if (from.ctx === 0) flags |= BEGIN_TEXT | BEGIN_LINE;
    else if (from.ctx === 1) flags |= BEGIN_LINE;
    if (cls === count) flags |= END_TEXT | END_LINE;
    else if (isNL[cls]) flags |= END_LINE;
    flags |= (from.ctx === 2) !== (isWord[cls] === 1) ? WORD_BOUNDARY : NO_WORD_BOUNDARY;

    if (++this.gen === 0xffffffff) {
      this.seen.fill(0);
      this.inNext.fill(0);
      this.gen = 1;
    }
    const gen = this.gen;
    const seen = this.seen;
    const stack = this.stack;
    const next = this.nextBuf;
    const inNext = this.inNext;
    let n = 0;
    let match = false;
    let visited = 0;
    outer: for (let k = 0; k < from.insts.length; k++) {
      let sp = 0;
      stack[sp++] = from.insts[k];
      while (sp > 0) {
        const pc = stack[--sp];
        if (seen[pc] === gen) continue;
        seen[pc] = gen;
        visited++;
        switch (op[pc]) {
          case ALT:
            stack[sp++] = arg[pc];
            stack[sp++] = out[pc];
            break;
          case NOP:
          case CAPTURE:
            stack[sp++] = out[pc];
            break;
          case EMPTY:
            if ((arg[pc] & ~flags) === 0) stack[sp++] = out[pc];
            break;
          case RUNE:
            if (setHas[arg[pc]][cls] && inNext[out[pc]] !== gen) {
              inNext[out[pc]] = gen;
              next[n++] = out[pc];
            }
            break;
          case MATCH:
            match = true;
            // Leftmost-first: lower-priority threads (later starts included) lose to this match.
            if (!this.longest) break outer;
            break;
        }
      }
    }
    this.work += visited;
    if (this.work > this.maxWork) {
      throw new SearchBudgetError(`more than ${this.maxWork} steps building the automaton for a ${this.prog.length}-instruction program`);
    }
    const flushes = this.flushes;
    const st = this.intern(next, n, cls === count ? 0 : this.ctxOf(cls), match);
    // After a flush, `from` (still the caller's current state) must not keep the old states alive.
    if (this.flushes !== flushes) from.next = new Array(count + 1);
    from.next[cls] = st;
    return st;
  }

  /**
   * Leftmost-first search from `from`: the end of the match, or -1. With `any`, stops at the first
   * match seen (enough to answer "is there a match").
   */
  searchForward(s: string, from: number, any: boolean): number {
    const { ascii, count } = this.classes;
    const n = s.length;
    this.work = 0;
    const prefix = this.prog.prefix;
    let st = this.start(from === 0 ? 0 : this.ctxOf(this.classAt(s, from, false)));
    let last = -1;
    let i = from;
    for (;;) {
      if (st.idle && prefix !== '') {
        // No thread alive: skip to where a match can start (no match was seen: it would have cut the entry).
        const j = s.indexOf(prefix, i);
        if (j < 0) return last;
        if (j > i) {
          i = j;
          st = this.start(this.ctxOf(this.classAt(s, j, false)));
        }
      }
      if (i >= n) {
        const t = st.next[count] ?? this.step(st, count);
        if (t.match) last = i;
        return last;
      }
      let c = s.charCodeAt(i);
      let w = 1;
      let cls: number;
      if (c < 128) cls = ascii[c];
      else {
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
          const d = s.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            w = 2;
          } else c = 0xfffd;
        } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
        cls = classOfCp(this.classes, c);
      }
      const t = st.next[cls] ?? this.step(st, cls);
      if (t.match) {
        last = i;
        if (any) return last;
      }
      if (t.dead) return last;
      st = t;
      i += w;
    }
  }

  /** Longest reverse search from `end` down to `limit` (reverse program): the match start, or -1. */
  searchReverse(s: string, end: number, limit: number): number {
    const count = this.classes.count;
    this.work = 0;
    let st = this.start(end === s.length ? 0 : this.ctxOf(this.classAt(s, end, true)));
    let last = -1;
    let i = end;
    for (;;) {
      if (i <= limit) {
        const cls = limit === 0 ? count : this.classAt(s, limit, false);
        const t = st.next[cls] ?? this.step(st, cls);
        if (t.match) last = i;
        return last;
      }
      let w = 1;
      let c = s.charCodeAt(i - 1);
      if (c >= 0xdc00 && c <= 0xdfff) {
        const h = i >= 2 ? s.charCodeAt(i - 2) : 0;
        if (h >= 0xd800 && h <= 0xdbff && i - 2 >= limit) {
          c = 0x10000 + ((h - 0xd800) << 10) + (c - 0xdc00);
          w = 2;
        } else c = 0xfffd;
      } else if (c >= 0xd800 && c <= 0xdbff) c = 0xfffd;
      const cls = classOfCp(this.classes, c);
      const t = st.next[cls] ?? this.step(st, cls);
      if (t.match) last = i;
      if (t.dead) return last;
      st = t;
      i -= w;
    }
  }

  /** Class of the code point starting at i (forward) or ending at i (backward, i = its end). */
  private classAt(s: string, i: number, forward: boolean): number {
    let c: number;
    if (forward) {
      c = s.codePointAt(i)!;
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    } else {
      c = s.charCodeAt(i - 1);
      if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
        const h = s.charCodeAt(i - 2);
        c = h >= 0xd800 && h <= 0xdbff ? 0x10000 + ((h - 0xd800) << 10) + (c - 0xdc00) : 0xfffd;
      } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    }
    return classOfCp(this.classes, c);
  }
}
