/**
 * Reads the cases out of hadolint's own test suite (`../shared/corpus/hadolint-spec/test/Hadolint/
 * Rule/DLxxxxSpec.hs`) without running Haskell: a small tokenizer plus an evaluator for the few
 * expression shapes the specs use (string literals, `[..]` lists, `Text.unlines`, `<>`/`++`, `$`,
 * `let name = ...` bindings and `let ?config = def { allowedRegistries = [...] }`).
 *
 * A shape the evaluator does not know throws, naming the file and line: a case is never dropped
 * silently.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type CaseKind = 'ruleCatches' | 'ruleCatchesNot' | 'onBuildRuleCatches' | 'onBuildRuleCatchesNot';

export interface SpecCase {
  code: string;
  kind: CaseKind;
  /** The Dockerfile as hadolint's helper lints it (the helper appends a newline). */
  dockerfile: string;
  file: string;
  /** 1-based line of the call in the spec file. */
  line: number;
  /** The `it "..."` description the case sits under. */
  title: string;
  /** hadolint's configuration for the case, as far as it maps onto ours. */
  config: { allowedRegistries?: string[]; other?: string };
}

type Tok = { t: 'str'; v: string; line: number } | { t: 'id'; v: string; line: number } | { t: 'sym'; v: string; line: number };
type Value = string | Value[];

/** Haskell string literal escapes, including `\&` and string gaps (`\` whitespace `\`). */
const NAMED_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0' };

function tokenize(source: string, file: string): Tok[] {
  const out: Tok[] = [];
  let line = 1;
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${file}:${line}: ${why}`);
  };
  while (i < source.length) {
    const c = source[i];
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (source.startsWith('--', i) && !/[!#$%&*+./<=>?@\\^|~:]/.test(source[i + 2] ?? ' ')) {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (source.startsWith('{-', i)) {
      const end = source.indexOf('-}', i + 2);
      if (end === -1) fail('unterminated block comment');
      for (let j = i; j < end; j++) if (source[j] === '\n') line++;
      i = end + 2;
    } else if (c === '"') {
      const startLine = line;
      let value = '';
      i++;
      for (;;) {
        const d = source[i];
        if (d === undefined || d === '\n') fail('unterminated string');
        if (d === '"') {
          i++;
          break;
        }
        if (d !== '\\') {
          value += d;
          i++;
          continue;
        }
        const e = source[i + 1];
        if (e === '&') i += 2;
        else if (/\s/.test(e)) {
          // A string gap: backslash, whitespace (newlines too), backslash.
          let j = i + 1;
          while (/\s/.test(source[j])) {
            if (source[j] === '\n') line++;
            j++;
          }
          if (source[j] !== '\\') fail('bad string gap');
          i = j + 1;
        } else if (/\d/.test(e)) {
          const digits = /^\d+/.exec(source.slice(i + 1))![0];
          value += String.fromCodePoint(Number(digits));
          i += 1 + digits.length;
        } else if (e === 'x') {
          const hex = /^[0-9a-fA-F]+/.exec(source.slice(i + 2))![0];
          value += String.fromCodePoint(parseInt(hex, 16));
          i += 2 + hex.length;
        } else if (NAMED_ESCAPES[e] !== undefined) {
          value += NAMED_ESCAPES[e];
          i += 2;
        } else fail(`unknown escape \\${e}`);
      }
      out.push({ t: 'str', v: value, line: startLine });
    } else if (/[A-Za-z_?]/.test(c)) {
      const m = /^[?]?[A-Za-z_][A-Za-z0-9_'.]*/.exec(source.slice(i))!;
      out.push({ t: 'id', v: m[0].replace(/\.$/, ''), line });
      i += m[0].replace(/\.$/, '').length || 1;
    } else if (/\d/.test(c)) {
      const m = /^\d+/.exec(source.slice(i))!;
      out.push({ t: 'id', v: m[0], line });
      i += m[0].length;
    } else {
      const m = /^(<>|\+\+|[-!#$%&*+./<=>?@\\^|~:]+|.)/.exec(source.slice(i))!;
      out.push({ t: 'sym', v: m[0], line });
      i += m[0].length;
    }
  }
  return out;
}

const CALLS = new Set<string>(['ruleCatches', 'ruleCatchesNot', 'onBuildRuleCatches', 'onBuildRuleCatchesNot']);
const UNLINES = new Set(['Text.unlines', 'unlines']);
/** Tokens that end an expression: the next statement or keyword. */
const STOPS = new Set(['in', 'do', 'it', 'describe', 'let', 'where', ...CALLS]);

class Evaluator {
  private pos = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly file: string,
    private readonly bindings: Map<string, Value>,
  ) {}

  private fail(why: string): never {
    throw new Error(`${this.file}:${this.toks[this.pos]?.line ?? '?'}: ${why}`);
  }

  at(pos: number): Evaluator {
    this.pos = pos;
    return this;
  }

  get position(): number {
    return this.pos;
  }

  /** expr := app (('<>' | '++') app)* */
  expr(): Value {
    let value = this.app();
    while (this.toks[this.pos]?.t === 'sym' && (this.toks[this.pos].v === '<>' || this.toks[this.pos].v === '++')) {
      this.pos++;
      const right = this.app();
      value = Array.isArray(value) && Array.isArray(right) ? [...value, ...right] : asString(value) + asString(right);
    }
    return value;
  }

  /** app := 'Text.unlines' ('$')? app | primary */
  private app(): Value {
    const tok = this.toks[this.pos];
    if (tok?.t === 'id' && UNLINES.has(tok.v)) {
      this.pos++;
      if (this.toks[this.pos]?.v === '$') this.pos++;
      const lines = this.app();
      if (!Array.isArray(lines)) this.fail('unlines of a non-list');
      return lines.map((l) => asString(l) + '\n').join('');
    }
    if (tok?.t === 'id' && (tok.v === 'Text.pack' || tok.v === 'pack')) {
      this.pos++;
      return this.app();
    }
    return this.primary();
  }

  private primary(): Value {
    const tok = this.toks[this.pos];
    if (!tok) this.fail('unexpected end of file');
    if (tok.t === 'str') {
      this.pos++;
      return tok.v;
    }
    if (tok.t === 'sym' && tok.v === '[') {
      this.pos++;
      const items: Value[] = [];
      if (this.toks[this.pos]?.v === ']') {
        this.pos++;
        return items;
      }
      for (;;) {
        items.push(this.expr());
        const sep = this.toks[this.pos++];
        if (sep?.v === ']') return items;
        if (sep?.v !== ',') this.fail(`expected , or ] in list, got ${sep?.v}`);
      }
    }
    if (tok.t === 'sym' && tok.v === '(') {
      this.pos++;
      const value = this.expr();
      if (this.toks[this.pos++]?.v !== ')') this.fail('expected )');
      return value;
    }
    if (tok.t === 'id' && this.bindings.has(tok.v)) {
      this.pos++;
      return this.bindings.get(tok.v)!;
    }
    this.fail(`cannot evaluate ${tok.v}`);
  }
}

function asString(value: Value): string {
  if (typeof value === 'string') return value;
  throw new Error('expected a string, got a list');
}

/** `def { allowedRegistries = ["a", "b"] }` and friends, from the tokens after `let ?config =`. */
function readConfig(toks: Tok[], start: number, file: string, bindings: Map<string, Value>): { config: SpecCase['config']; end: number } {
  let i = start;
  if (toks[i]?.v !== 'def') throw new Error(`${file}:${toks[i]?.line}: ?config is not def {...}`);
  i++;
  if (toks[i]?.v !== '{') return { config: {}, end: i };
  let depth = 0;
  const config: SpecCase['config'] = {};
  const other: string[] = [];
  for (; i < toks.length; i++) {
    const v = toks[i].v;
    if (v === '{') depth++;
    if (v === '}' && --depth === 0) break;
    if (depth === 1 && toks[i].t === 'id' && toks[i + 1]?.v === '=') {
      if (v === 'allowedRegistries') {
        const ev = new Evaluator(toks, file, bindings).at(i + 2);
        const value = ev.expr();
        if (!Array.isArray(value)) throw new Error(`${file}:${toks[i].line}: allowedRegistries is not a list`);
        config.allowedRegistries = value.map((x) => asString(x));
        i = ev.position - 1;
      } else other.push(v);
    }
  }
  if (other.length) config.other = other.join(', ');
  return { config, end: i + 1 };
}

export function readSpecFile(path: string, file: string): SpecCase[] {
  const toks = tokenize(readFileSync(path, 'utf8'), file);
  const bindings = new Map<string, Value>();
  const cases: SpecCase[] = [];
  let config: SpecCase['config'] = {};
  let title = '';
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i];
    if (tok.t !== 'id') continue;
    if (tok.v === 'it' && toks[i + 1]?.t === 'str') title = toks[i + 1].v;
    if (tok.v === 'let' && toks[i + 1]?.v === '?config' && toks[i + 2]?.v === '=') {
      const read = readConfig(toks, i + 3, file, bindings);
      config = read.config;
      i = read.end - 1;
      continue;
    }
    // `let a = expr` and layout blocks of several bindings (`let` newline `a = ...` newline `b = ...`).
    if (tok.v === 'let' && toks[i + 1]?.t === 'id' && toks[i + 2]?.v === '=') {
      let j = i + 1;
      while (toks[j]?.t === 'id' && toks[j + 1]?.v === '=' && !STOPS.has(toks[j].v)) {
        const ev = new Evaluator(toks, file, bindings).at(j + 2);
        bindings.set(toks[j].v, ev.expr());
        j = ev.position;
      }
      i = j - 1;
      continue;
    }
    if (!CALLS.has(tok.v)) continue;
    const prev = toks[i - 1];
    if (prev?.t === 'sym' && prev.v === '::') continue; // a type signature in a local helper
    const ev = new Evaluator(toks, file, bindings).at(i + 1);
    const code = ev.expr();
    if (typeof code !== 'string') throw new Error(`${file}:${tok.line}: rule code is not a string`);
    if (toks[ev.position]?.v === '$') ev.at(ev.position + 1);
    const dockerfile = ev.expr();
    if (typeof dockerfile !== 'string') throw new Error(`${file}:${tok.line}: Dockerfile is a list`);
    const next = toks[ev.position];
    if (next && !(next.t === 'id' && STOPS.has(next.v)) && next.line === toks[ev.position - 1].line)
      throw new Error(`${file}:${tok.line}: unread tokens after the case (${next.v})`);
    cases.push({ code, kind: tok.v as CaseKind, dockerfile: dockerfile + '\n', file, line: tok.line, title, config });
    i = ev.position - 1;
  }
  return cases;
}

/** Every case of every `DLxxxxSpec.hs`, in file order. */
export function readHadolintSpec(root: string): SpecCase[] {
  const dir = join(root, 'test/Hadolint/Rule');
  return readdirSync(dir)
    .filter((f) => /^DL\d{4}Spec\.hs$/.test(f))
    .sort()
    .flatMap((f) => readSpecFile(join(dir, f), f));
}

/**
 * hadolint's `onBuildRuleCatches` wraps every RUN of the parsed Dockerfile in ONBUILD; the same on
 * text: `ONBUILD ` before each line that starts a RUN instruction (not a continuation line).
 */
export function wrapRunsInOnbuild(dockerfile: string): string {
  const lines = dockerfile.split('\n');
  let continued = false;
  let heredoc: string | undefined;
  return lines
    .map((line) => {
      if (heredoc !== undefined) {
        if (line.trim() === heredoc) heredoc = undefined;
        return line;
      }
      const starts = !continued && /^\s*run(\s|$)/i.test(line);
      continued = /\\\s*$/.test(line);
      const marker = /<<-?["']?([A-Za-z_][A-Za-z0-9_]*)/.exec(line);
      if (marker) heredoc = marker[1];
      return starts ? line.replace(/^(\s*)/, '$1ONBUILD ') : line;
    })
    .join('\n');
}
