/**
 * A bit-state backtracker (Go's regexp/backtrack.go) for submatch extraction on a span whose bounds
 * the DFAs already found. It explores threads depth-first in priority order and never visits an
 * (instruction, position) pair twice, so it is O(span × program size) at worst, like the Pike VM,
 * but usually far less: it follows the winning path and only backs up where the pattern makes it.
 * The first path to reach Match exactly at the known end is Go's leftmost-first match (it is the
 * highest-priority matching path), hence Go's captures.
 *
 * The visited bitmap costs span × program bits, so callers use it within MAX_BITS and fall back to
 * the Pike VM (re2vm.ts) beyond.
 */
import { captureSlots, classOf, Op, type Classes, type Prog } from './re2prog';
import { emptyFlagsAt } from './re2vm';

// Module constants: an imported binding is a property read (a getter under CommonJS) at every use.
const ALT = Op.Alt, NOP = Op.Nop, CAPTURE = Op.Capture, EMPTY = Op.Empty, RUNE = Op.Rune, MATCH = Op.Match;
const classOfCp = classOf;
const flagsAt = emptyFlagsAt;

/** 128 Mbit (16 MB): a 1 MiB span under a 128-instruction program. */
export const MAX_BITS = 128 * 1024 * 1024;

export class Backtracker {
  private readonly slotIndex: Int32Array;
  private readonly k: number;
  // Reused across calls (a ReplaceAll calls once per match): the bitmap and the job stack.
  private visited = new Uint32Array(0);
  private jobPc = new Int32Array(256);
  private jobPos = new Int32Array(256);
  private readonly cap: Int32Array;

  /** `groups`: the group numbers (≥ 1) whose bounds captures() reports. */
  constructor(private readonly prog: Prog, private readonly classes: Classes, nslots: number, groups: number[]) {
    this.slotIndex = captureSlots(nslots, groups);
    this.k = groups.length * 2;
    this.cap = new Int32Array(Math.max(1, this.k));
  }

  /** Whether a span of this many UTF-16 units fits the bitmap budget. */
  fits(span: number): boolean {
    return (span + 1) * this.prog.length <= MAX_BITS;
  }

  /** Like PikeVM.captures: the asked-for groups' bounds in the match [start, end), or null. */
  captures(s: string, start: number, end: number): number[] | null {
    const { op, out, arg, length } = this.prog;
    const { setHas } = this.classes;
    const slotIndex = this.slotIndex;
    const words = Math.ceil(((end - start + 1) * length) / 32);
    if (this.visited.length < words) this.visited = new Uint32Array(Math.max(words, 2 * this.visited.length));
    const visited = this.visited;
    visited.fill(0, 0, words);
    const cap = this.cap;
    cap.fill(-1);
    // Jobs: pc >= 0 explores (pc, pos); pc < 0 restores capture slot -pc-1 to pos.
    let jobPc = this.jobPc;
    let jobPos = this.jobPos;
    let sp = 0;
    jobPc[sp] = this.prog.start;
    jobPos[sp++] = start;
    while (sp > 0) {
      let pc = jobPc[--sp];
      let pos = jobPos[sp];
      if (pc < 0) {
        cap[-pc - 1] = pos;
        continue;
      }
      for (;;) {
        const bit = (pos - start) * length + pc;
        if (visited[bit >>> 5] & (1 << (bit & 31))) break;
        visited[bit >>> 5] |= 1 << (bit & 31);
        const o = op[pc];
        // Room for the one job this instruction may push.
        if (sp === jobPc.length) {
          [jobPc, jobPos] = [new Int32Array(sp * 2), new Int32Array(sp * 2)];
          jobPc.set(this.jobPc);
          jobPos.set(this.jobPos);
          [this.jobPc, this.jobPos] = [jobPc, jobPos];
        }
        if (o === ALT) {
          jobPc[sp] = arg[pc];
          jobPos[sp++] = pos;
          pc = out[pc];
        } else if (o === RUNE) {
          if (pos >= end) break;
          let c = s.codePointAt(pos)!;
          const w = c > 0xffff ? 2 : 1;
          if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
          if (!setHas[arg[pc]][classOfCp(this.classes, c)]) break;
          pos += w;
          pc = out[pc];
        } else if (o === CAPTURE) {
          const j = slotIndex[arg[pc]];
          if (j >= 0) {
            jobPc[sp] = -j - 1;
            jobPos[sp++] = cap[j];
            cap[j] = pos;
          }
          pc = out[pc];
        } else if (o === EMPTY) {
          if ((arg[pc] & ~flagsAt(s, pos)) !== 0) break;
          pc = out[pc];
        } else if (o === NOP) {
          pc = out[pc];
        } else if (o === MATCH) {
          if (pos === end) {
            const found: number[] = [];
            for (let x = 0; x < this.k; x++) found.push(cap[x]);
            return found;
          }
          break;
        } else break;
      }
    }
    return null;
  }
}
