/**
 * A Pike VM (Thompson NFA with capture tracking, as RE2 runs it) for the patterns where a JavaScript
 * backtracking regex can take exponential time: nested repetition like `(a+)+` or `(a|aa)*`. It runs
 * over the JavaScript source that re2.ts produced (a small, known subset), matches leftmost-first like
 * Go, and takes time linear in the input for a given pattern.
 */

type CharTest = (ch: string) => boolean;

type Node =
  | { k: 'char'; test: CharTest }
  | { k: 'assert'; kind: 'bot' | 'eot' | 'bol' | 'eol' | 'word' | 'nonword' }
  | { k: 'group'; index: number | undefined; body: Node }
  | { k: 'cat'; items: Node[] }
  | { k: 'alt'; items: Node[] }
  | { k: 'repeat'; body: Node; min: number; max: number; lazy: boolean };

const testCache = new Map<string, CharTest>();

function charTest(source: string, flags: string): CharTest {
  const key = flags + source;
  let t = testCache.get(key);
  if (!t) {
    const re = new RegExp(`^(?:${source})$`, 'u' + (flags.includes('i') ? 'i' : ''));
    t = (ch) => re.test(ch);
    if (testCache.size > 5000) testCache.clear();
    testCache.set(key, t);
  }
  return t;
}

class Parser {
  private i = 0;
  groups = 0;
  constructor(private readonly src: string, private readonly flags: string) {}

  parse(): Node {
    const n = this.alt();
    if (this.i < this.src.length) throw new Error(`re2vm: unexpected ${this.src[this.i]}`);
    return n;
  }

  private alt(): Node {
    const items = [this.cat()];
    while (this.src[this.i] === '|') {
      this.i++;
      items.push(this.cat());
    }
    return items.length === 1 ? items[0] : { k: 'alt', items };
  }

  private cat(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') items.push(this.repeat());
    return { k: 'cat', items };
  }

  private repeat(): Node {
    let node = this.atom();
    for (;;) {
      const c = this.src[this.i];
      let min: number;
      let max: number;
      if (c === '*') [min, max] = [0, -1];
      else if (c === '+') [min, max] = [1, -1];
      else if (c === '?') [min, max] = [0, 1];
      else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i))!;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3]);
        this.i += m[0].length - 1;
      } else return node;
      this.i++;
      const lazy = this.src[this.i] === '?';
      if (lazy) this.i++;
      node = { k: 'repeat', body: node, min, max, lazy };
    }
  }

  private atom(): Node {
    const s = this.src;
    const rest = s.slice(this.i);
    if (rest.startsWith('(?<![\\s\\S])')) {
      this.i += 12;
      return { k: 'assert', kind: 'bot' };
    }
    if (rest.startsWith('(?![\\s\\S])')) {
      this.i += 11;
      return { k: 'assert', kind: 'eot' };
    }
    const c = s[this.i];
    if (c === '(') {
      let index: number | undefined;
      if (rest.startsWith('(?:')) this.i += 3;
      else {
        this.i++;
        index = ++this.groups;
      }
      const body = this.alt();
      if (s[this.i] !== ')') throw new Error('re2vm: missing )');
      this.i++;
      return { k: 'group', index, body };
    }
    if (c === '[') {
      let j = this.i + 1;
      while (j < s.length && s[j] !== ']') j += s[j] === '\\' ? 2 : 1;
      const src = s.slice(this.i, j + 1);
      this.i = j + 1;
      return { k: 'char', test: charTest(src, this.flags) };
    }
    if (c === '^' || c === '$') {
      this.i++;
      const multiline = this.flags.includes('m');
      return { k: 'assert', kind: c === '^' ? (multiline ? 'bol' : 'bot') : multiline ? 'eol' : 'eot' };
    }
    if (c === '\\') {
      const m = /^\\(u\{[0-9a-f]+\}|x[0-9a-fA-F]{2}|[pP]\{[^}]*\}|.)/u.exec(rest)!;
      this.i += m[0].length;
      if (m[1] === 'b' || m[1] === 'B') return { k: 'assert', kind: m[1] === 'b' ? 'word' : 'nonword' };
      return { k: 'char', test: charTest(m[0], this.flags) };
    }
    const ch = String.fromCodePoint(s.codePointAt(this.i)!);
    this.i += ch.length;
    if (ch === '.') return { k: 'char', test: charTest('[^\\n]', this.flags) };
    return { k: 'char', test: this.flags.includes('i') ? charTest(ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'), this.flags) : (x) => x === ch };
  }
}

type Inst =
  | { op: 'char'; test: CharTest }
  | { op: 'assert'; kind: 'bot' | 'eot' | 'bol' | 'eol' | 'word' | 'nonword' }
  | { op: 'split'; x: number; y: number }
  | { op: 'jmp'; x: number }
  | { op: 'save'; n: number }
  | { op: 'match' };

const MAX_PROGRAM = 100_000;

function compile(node: Node, prog: Inst[]): void {
  if (prog.length > MAX_PROGRAM) throw new Error('error parsing regexp: expression too large');
  switch (node.k) {
    case 'char':
      prog.push({ op: 'char', test: node.test });
      return;
    case 'assert':
      prog.push({ op: 'assert', kind: node.kind });
      return;
    case 'group':
      if (node.index !== undefined) prog.push({ op: 'save', n: node.index * 2 });
      compile(node.body, prog);
      if (node.index !== undefined) prog.push({ op: 'save', n: node.index * 2 + 1 });
      return;
    case 'cat':
      for (const item of node.items) compile(item, prog);
      return;
    case 'alt': {
      const jumps: { op: 'jmp'; x: number }[] = [];
      node.items.forEach((item, k) => {
        if (k < node.items.length - 1) {
          const split: Inst = { op: 'split', x: prog.length + 1, y: 0 };
          prog.push(split);
          compile(item, prog);
          const j = { op: 'jmp' as const, x: 0 };
          prog.push(j);
          jumps.push(j);
          split.y = prog.length;
        } else compile(item, prog);
      });
      for (const j of jumps) j.x = prog.length;
      return;
    }
    case 'repeat': {
      for (let k = 0; k < node.min; k++) compile(node.body, prog);
      if (node.max < 0) {
        // x* : L1: split L2, L3; L2: body; jmp L1; L3:
        const split: Inst & { op: 'split' } = { op: 'split', x: 0, y: 0 };
        const loop = prog.length;
        prog.push(split);
        const bodyStart = prog.length;
        compile(node.body, prog);
        prog.push({ op: 'jmp', x: loop });
        const after = prog.length;
        [split.x, split.y] = node.lazy ? [after, bodyStart] : [bodyStart, after];
        return;
      }
      const splits: (Inst & { op: 'split' })[] = [];
      for (let k = node.min; k < node.max; k++) {
        const split: Inst & { op: 'split' } = { op: 'split', x: 0, y: 0 };
        prog.push(split);
        const bodyStart = prog.length;
        compile(node.body, prog);
        splits.push(split);
        (split as { bodyStart?: number }).bodyStart = bodyStart;
      }
      const after = prog.length;
      for (const split of splits) {
        const bodyStart = (split as { bodyStart?: number }).bodyStart!;
        [split.x, split.y] = node.lazy ? [after, bodyStart] : [bodyStart, after];
      }
    }
  }
}

/**
 * Star height ≥ 2 or a repeated alternation (where backtracking can blow up), or a capture group
 * inside a repetition (JavaScript resets such captures on each iteration; Go keeps the last value).
 */
export function needsLinearEngine(source: string, flags: string): boolean {
  let tree: Node;
  try {
    tree = new Parser(source, flags).parse();
  } catch {
    return false;
  }
  const walk = (n: Node, inRepeat: boolean): boolean => {
    switch (n.k) {
      case 'repeat':
        return inRepeat && n.max !== 1 ? true : walk(n.body, inRepeat || n.max !== 1);
      case 'group':
        return (inRepeat && n.index !== undefined) || walk(n.body, inRepeat);
      case 'cat':
        return n.items.some((x) => walk(x, inRepeat));
      case 'alt':
        return inRepeat || n.items.some((x) => walk(x, inRepeat));
      default:
        return false;
    }
  };
  return walk(tree, false);
}

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[0-9A-Za-z_]/.test(ch);

export class PikeVM {
  private readonly prog: Inst[] = [];
  readonly groups: number;

  constructor(source: string, private readonly flags: string) {
    const parser = new Parser(source, flags);
    compile(parser.parse(), this.prog);
    this.prog.push({ op: 'match' });
    this.groups = parser.groups;
  }

  private assertOk(kind: string, s: string, i: number): boolean {
    switch (kind) {
      case 'bot':
        return i === 0;
      case 'eot':
        return i === s.length;
      case 'bol':
        return i === 0 || s[i - 1] === '\n';
      case 'eol':
        return i === s.length || s[i] === '\n';
      case 'word':
        return isWordChar(s[i - 1]) !== isWordChar(s[i]);
      default:
        return isWordChar(s[i - 1]) === isWordChar(s[i]);
    }
  }

  /** Leftmost-first match starting the search at `from`, as a RegExpExecArray-shaped result. */
  exec(s: string, from: number): RegExpExecArray | null {
    const prog = this.prog;
    const nslots = (this.groups + 1) * 2;
    let clist: { pc: number; caps: number[] }[] = [];
    let matched: number[] | undefined;
    const add = (list: { pc: number; caps: number[] }[], seen: Uint8Array, pc: number, caps: number[], i: number): void => {
      // Iterative with an explicit stack to keep priority order without deep recursion.
      const stack: [number, number[]][] = [[pc, caps]];
      while (stack.length) {
        const [p, c] = stack.pop()!;
        if (seen[p]) continue;
        seen[p] = 1;
        const inst = prog[p];
        switch (inst.op) {
          case 'jmp':
            stack.push([inst.x, c]);
            break;
          case 'split':
            stack.push([inst.y, c], [inst.x, c]);
            break;
          case 'save': {
            const copy = c.slice();
            copy[inst.n] = i;
            stack.push([p + 1, copy]);
            break;
          }
          case 'assert':
            if (this.assertOk(inst.kind, s, i)) stack.push([p + 1, c]);
            break;
          default:
            list.push({ pc: p, caps: c });
        }
      }
    };
    let i = from;
    for (;;) {
      if (!matched) {
        const seen = new Uint8Array(prog.length);
        for (const t of clist) seen[t.pc] = 1;
        const start = new Array<number>(nslots).fill(-1);
        start[0] = i;
        add(clist, seen, 0, start, i);
      }
      if (clist.length === 0) break;
      const ch = i < s.length ? String.fromCodePoint(s.codePointAt(i)!) : '';
      const next = i + (ch.length || 1);
      const nlist: { pc: number; caps: number[] }[] = [];
      const seen = new Uint8Array(prog.length);
      for (const t of clist) {
        const inst = prog[t.pc];
        if (inst.op === 'match') {
          matched = t.caps.slice();
          matched[1] = i;
          break; // lower-priority threads lose (leftmost-first)
        }
        if (inst.op === 'char' && ch !== '' && inst.test(ch)) add(nlist, seen, t.pc + 1, t.caps, next);
      }
      clist = nlist;
      if (i >= s.length) break;
      i = next;
    }
    if (!matched) return null;
    const out: (string | undefined)[] = [];
    for (let g = 0; g <= this.groups; g++) {
      const a = matched[g * 2];
      const b = matched[g * 2 + 1];
      out.push(a >= 0 && b >= 0 ? s.slice(a, b) : undefined);
    }
    return Object.assign(out, { index: matched[0], input: s, groups: undefined }) as unknown as RegExpExecArray;
  }
}
