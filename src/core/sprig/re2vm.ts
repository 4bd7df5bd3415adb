/**
 * A Pike VM (Thompson NFA simulation with capture slots, as Go's regexp/exec.go runs it) over an RE2
 * program (re2prog.ts). It is only used for submatch extraction, once the lazy DFA (re2dfa.ts) has
 * found a match's bounds: it runs anchored at the match start and stops at the match end, so its
 * O(span × program size) cost is paid on the span only, never on a failed search. Threads are kept
 * in priority order and a thread reaching Match cuts the lower-priority ones, as in Go, so the
 * captures are Go's (the last iteration's value for a repeated group, leftmost-first alternatives).
 */
import { Empty } from './re2syntax';
import { classOf, Op, type Classes, type Prog } from './re2prog';

const isWordCode = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || (c >= 0x61 && c <= 0x7a);

/** ^ $ \A \z \b \B flags that hold at position i of s. */
export function emptyFlagsAt(s: string, i: number): number {
  let flags = 0;
  const before = i > 0 ? s.charCodeAt(i - 1) : -1;
  const after = i < s.length ? s.charCodeAt(i) : -1;
  if (i === 0) flags |= Empty.BeginText | Empty.BeginLine;
  else if (before === 10) flags |= Empty.BeginLine;
  if (i === s.length) flags |= Empty.EndText | Empty.EndLine;
  else if (after === 10) flags |= Empty.EndLine;
  const wb = (before >= 0 && isWordCode(before)) !== (after >= 0 && isWordCode(after));
  return flags | (wb ? Empty.WordBoundary : Empty.NoWordBoundary);
}

interface Thread {
  pc: number;
  caps: number[];
}

export class PikeVM {
  private readonly seen: Uint32Array;
  private gen = 0;

  constructor(private readonly prog: Prog, private readonly classes: Classes, private readonly nslots: number) {
    this.seen = new Uint32Array(prog.length);
  }

  private nextGen(): number {
    if (++this.gen === 0xffffffff) {
      this.seen.fill(0);
      this.gen = 1;
    }
    return this.gen;
  }

  /** Adds pc's closure at position pos to list, in priority order (Go's m.add). */
  private add(list: Thread[], pc0: number, caps0: number[], pos: number, flags: number, gen: number): void {
    const { op, out, arg } = this.prog;
    const stack: Thread[] = [{ pc: pc0, caps: caps0 }];
    while (stack.length) {
      const { pc, caps } = stack.pop()!;
      if (this.seen[pc] === gen) continue;
      this.seen[pc] = gen;
      switch (op[pc]) {
        case Op.Alt:
          stack.push({ pc: arg[pc], caps }, { pc: out[pc], caps });
          break;
        case Op.Nop:
          stack.push({ pc: out[pc], caps });
          break;
        case Op.Capture: {
          const copy = caps.slice();
          if (arg[pc] < copy.length) copy[arg[pc]] = pos;
          stack.push({ pc: out[pc], caps: copy });
          break;
        }
        case Op.Empty:
          if ((arg[pc] & ~flags) === 0) stack.push({ pc: out[pc], caps });
          break;
        case Op.Rune:
        case Op.Match:
          list.push({ pc, caps });
          break;
      }
    }
  }

  /**
   * Submatch slots (2 per group, -1 when a group did not take part) of the leftmost-first match of
   * s that starts at `start` and ends at `end`, or null if there is none.
   */
  captures(s: string, start: number, end: number): number[] | null {
    const { op, out, arg } = this.prog;
    const init = new Array<number>(this.nslots).fill(-1);
    init[0] = start;
    let clist: Thread[] = [];
    this.add(clist, this.prog.start, init, start, emptyFlagsAt(s, start), this.nextGen());
    let pos = start;
    for (;;) {
      if (pos >= end) {
        for (const t of clist) {
          if (op[t.pc] === Op.Match) {
            const caps = t.caps.slice();
            caps[1] = end;
            return caps;
          }
        }
        return null;
      }
      let c = s.codePointAt(pos)!;
      const w = c > 0xffff ? 2 : 1;
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      const cls = classOf(this.classes, c);
      const nextPos = pos + w;
      const flags = emptyFlagsAt(s, nextPos);
      const gen = this.nextGen();
      const nlist: Thread[] = [];
      for (const t of clist) {
        if (op[t.pc] === Op.Match) break; // lower-priority threads lose to this (earlier) match
        if (this.classes.setHas[arg[t.pc]][cls]) this.add(nlist, out[t.pc], t.caps, nextPos, flags, gen);
      }
      if (nlist.length === 0) return null;
      clist = nlist;
      pos = nextPos;
    }
  }
}
