/**
 * A Pike VM (Thompson NFA simulation with capture slots, as Go's regexp/exec.go runs it) over an RE2
 * program (re2prog.ts). It is only used for submatch extraction, once the lazy DFA (re2dfa.ts) has
 * found a match's bounds: it runs anchored at the match start and stops at the match end, so its
 * O(span × program size) cost is paid on the span only, never on a failed search. Threads are kept
 * in priority order and a thread reaching Match cuts the lower-priority ones, as in Go, so the
 * captures are Go's (the last iteration's value for a repeated group, leftmost-first alternatives).
 *
 * Only the groups a caller asks for are tracked (ReplaceAll with `$1` tracks group 1 alone), and all
 * state lives in typed arrays allocated once per VM: a step allocates nothing. The work is O(span ×
 * program size), which for a 1 MiB match under a 1,000-instruction pattern is seconds (in Go too);
 * past MAX_STEPS thread steps it stops with an error instead of freezing its caller.
 */
import { Empty } from './re2syntax';
import { captureSlots, classOf, Op, type Classes, type Prog } from './re2prog';

// Module constants: an imported binding is a property read (a getter under CommonJS) at every use.
const ALT = Op.Alt, NOP = Op.Nop, CAPTURE = Op.Capture, EMPTY = Op.Empty, RUNE = Op.Rune, MATCH = Op.Match;
const BEGIN_LINE = Empty.BeginLine, END_LINE = Empty.EndLine, BEGIN_TEXT = Empty.BeginText, END_TEXT = Empty.EndText;
const WORD_BOUNDARY = Empty.WordBoundary, NO_WORD_BOUNDARY = Empty.NoWordBoundary;
const classOfCp = classOf;

const isWordCode = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || (c >= 0x61 && c <= 0x7a);

/** ^ $ \A \z \b \B flags that hold at position i of s. */
export function emptyFlagsAt(s: string, i: number): number {
  let flags = 0;
  const before = i > 0 ? s.charCodeAt(i - 1) : -1;
  const after = i < s.length ? s.charCodeAt(i) : -1;
  if (i === 0) flags |= BEGIN_TEXT | BEGIN_LINE;
  else if (before === 10) flags |= BEGIN_LINE;
  if (i === s.length) flags |= END_TEXT | END_LINE;
  else if (after === 10) flags |= END_LINE;
  const wb = (before >= 0 && isWordCode(before)) !== (after >= 0 && isWordCode(after));
  return flags | (wb ? WORD_BOUNDARY : NO_WORD_BOUNDARY);
}

/** A thread list: pcs in priority order, each with its tracked capture slots. */
class Queue {
  readonly pc: Int32Array;
  readonly caps: Int32Array;
  n = 0;
  constructor(size: number, readonly k: number) {
    this.pc = new Int32Array(size);
    this.caps = new Int32Array(Math.max(1, size * k));
  }
}

/** Thread steps one captures() call may take (a few seconds) before it gives up. */
export const MAX_STEPS = 16 * 1024 * 1024;

export class SubmatchBudgetError extends Error {}

export class PikeVM {
  private readonly seen: Uint32Array;
  private gen = 0;
  /** Program slot → tracked index, -1 for a slot nobody asked for. */
  private readonly slotIndex: Int32Array;
  private readonly k: number;
  private readonly cap: Int32Array;
  private readonly stack: Int32Array;
  private readonly saved: Int32Array;
  private q0: Queue;
  private q1: Queue;

  /** `groups`: the group numbers (≥ 1) whose bounds captures() reports. */
  constructor(private readonly prog: Prog, private readonly classes: Classes, nslots: number, groups: number[], private readonly maxSteps = MAX_STEPS) {
    this.seen = new Uint32Array(prog.length);
    this.slotIndex = captureSlots(nslots, groups);
    this.k = groups.length * 2;
    this.cap = new Int32Array(Math.max(1, this.k));
    // One push per edge (at most two per instruction) plus one restore entry per capture.
    this.stack = new Int32Array(prog.length * 3 + 4);
    this.saved = new Int32Array(prog.length * 3 + 4);
    this.q0 = new Queue(prog.length, this.k);
    this.q1 = new Queue(prog.length, this.k);
  }

  /** Adds pc's closure at pos to q in priority order, with this.cap as the captures (Go's m.add). */
  private add(q: Queue, pc0: number, pos: number, flags: number, gen: number): void {
    const { op, out, arg } = this.prog;
    const { seen, stack, saved, cap, slotIndex, k } = this;
    let sp = 0;
    stack[sp++] = pc0;
    while (sp > 0) {
      const pc = stack[--sp];
      if (pc < 0) {
        // Restore a capture slot on the way back from its subtree.
        cap[-pc - 1] = saved[sp];
        continue;
      }
      if (seen[pc] === gen) continue;
      seen[pc] = gen;
      switch (op[pc]) {
        case ALT:
          stack[sp++] = arg[pc];
          stack[sp++] = out[pc];
          break;
        case NOP:
          stack[sp++] = out[pc];
          break;
        case CAPTURE: {
          const j = slotIndex[arg[pc]];
          if (j >= 0) {
            saved[sp] = cap[j];
            stack[sp++] = -j - 1;
            cap[j] = pos;
          }
          stack[sp++] = out[pc];
          break;
        }
        case EMPTY:
          if ((arg[pc] & ~flags) === 0) stack[sp++] = out[pc];
          break;
        case RUNE:
        case MATCH: {
          const n = q.n++;
          q.pc[n] = pc;
          for (let x = 0; x < k; x++) q.caps[n * k + x] = cap[x];
          break;
        }
      }
    }
  }

  private nextGen(): number {
    if (++this.gen === 0xffffffff) {
      this.seen.fill(0);
      this.gen = 1;
    }
    return this.gen;
  }

  /**
   * The bounds of the asked-for groups ([start, end] per group, -1 when a group did not take part)
   * in the leftmost-first match of s that starts at `start` and ends at `end`, or null if none.
   */
  captures(s: string, start: number, end: number): number[] | null {
    const { op, out, arg } = this.prog;
    const { setHas } = this.classes;
    const k = this.k;
    let clist = this.q0;
    let nlist = this.q1;
    clist.n = 0;
    this.cap.fill(-1);
    this.add(clist, this.prog.start, start, emptyFlagsAt(s, start), this.nextGen());
    let pos = start;
    let steps = 0;
    for (;;) {
      if (pos >= end) {
        for (let t = 0; t < clist.n; t++) {
          if (op[clist.pc[t]] === MATCH) return Array.from(clist.caps.subarray(t * k, t * k + k));
        }
        return null;
      }
      let c = s.codePointAt(pos)!;
      const w = c > 0xffff ? 2 : 1;
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      const cls = classOfCp(this.classes, c);
      const nextPos = pos + w;
      const flags = emptyFlagsAt(s, nextPos);
      const gen = this.nextGen();
      nlist.n = 0;
      steps += clist.n;
      if (steps > this.maxSteps) {
        throw new SubmatchBudgetError(`more than ${this.maxSteps} steps to find the groups of a ${end - start}-character match under a ${this.prog.length}-instruction program`);
      }
      for (let t = 0; t < clist.n; t++) {
        const pc = clist.pc[t];
        if (op[pc] === MATCH) break; // lower-priority threads lose to this (earlier) match
        if (setHas[arg[pc]][cls]) {
          for (let x = 0; x < k; x++) this.cap[x] = clist.caps[t * k + x];
          this.add(nlist, out[pc], nextPos, flags, gen);
        }
      }
      if (nlist.n === 0) return null;
      [clist, nlist] = [nlist, clist];
      pos = nextPos;
    }
  }
}
