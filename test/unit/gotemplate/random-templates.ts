/**
 * A seeded generator of random templates and data for differential testing against Go's engine
 * (and for the benchmark). Data is JSON-shaped because the Go oracle receives JSON: every number is
 * a float64, as Go's encoding/json produces. Templates mix text, trim markers, comments, variables,
 * if/else if/with/else with/range (with break/continue), define/template, comparisons and builtins.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** mulberry32: small, fast, good enough for test generation. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['a', 'b', 'n', 's', 'l', 'm', 'x'];
const NUMBERS = [0, 1, 2, -3, 2.5, 1e6, 1e21, 0.1, 100];
const STRINGS = ['', 'x', 'hello', 'a b', 'ünï', '<&>', '0'];

export class Generator {
  private vars: string[] = [];
  private inRange = 0;
  private defines: string[] = [];

  constructor(private readonly random: () => number) {}

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  data(depth = 0): JsonValue {
    const r = this.random();
    if (depth < 3 && r < 0.35) {
      const m: { [key: string]: JsonValue } = {};
      for (const k of KEYS) if (this.chance(0.6)) m[k] = this.data(depth + 1);
      return m;
    }
    if (depth < 3 && r < 0.5) return Array.from({ length: Math.floor(this.random() * 4) }, () => this.data(depth + 1));
    if (r < 0.7) return this.pick(NUMBERS);
    if (r < 0.85) return this.pick(STRINGS);
    if (r < 0.95) return this.chance(0.5);
    return null;
  }

  /** A root map with every key present, so that most field accesses reach real values. */
  rootData(): JsonValue {
    const m: { [key: string]: JsonValue } = {};
    for (const k of KEYS) m[k] = this.data(1);
    m.n = this.pick(NUMBERS);
    m.s = this.pick(STRINGS);
    m.l = [this.pick(NUMBERS), this.pick(STRINGS), this.data(2)];
    m.m = { a: this.pick(STRINGS), b: this.pick(NUMBERS), c: this.data(2) };
    return m;
  }

  template(): string {
    this.vars = [];
    this.inRange = 0;
    this.defines = [];
    let prefix = '';
    if (this.chance(0.2)) {
      const name = 'd' + Math.floor(this.random() * 3);
      const saved = this.vars;
      this.vars = [];
      prefix = `{{define "${name}"}}${this.body(2)}{{end}}`;
      this.vars = saved;
      this.defines.push(name);
    }
    return prefix + this.body(3);
  }

  private body(depth: number): string {
    const n = 1 + Math.floor(this.random() * 4);
    const mark = this.vars.length;
    let out = '';
    for (let i = 0; i < n; i++) out += this.chance(0.3) ? this.text() : this.action(depth);
    this.vars.length = mark;
    return out;
  }

  private text(): string {
    return this.pick(['x', ' ', '\n', '  \n  ', 'a-b', '{', '}', ' | ']);
  }

  private open(): string {
    return this.chance(0.2) ? '{{- ' : this.chance(0.5) ? '{{ ' : '{{';
  }

  private close(): string {
    return this.chance(0.2) ? ' -}}' : this.chance(0.5) ? ' }}' : '}}';
  }

  private action(depth: number): string {
    const r = this.random();
    if (depth <= 0 || r < 0.4) return `${this.open()}${this.pipeline(2)}${this.close()}`;
    if (r < 0.5) {
      const v = '$v' + this.vars.length;
      const decl = `${this.open()}${v} := ${this.pipeline(2)}${this.close()}`;
      this.vars.push(v);
      if (this.chance(0.3)) return decl + `{{${v} = ${this.pipeline(1)}}}`;
      return decl;
    }
    if (r < 0.62) {
      let s = `${this.open()}if ${this.pipeline(2)}${this.close()}${this.body(depth - 1)}`;
      if (this.chance(0.3)) s += `{{else if ${this.pipeline(2)}}}${this.body(depth - 1)}`;
      if (this.chance(0.4)) s += `{{- else -}}${this.body(depth - 1)}`;
      return s + `${this.open()}end${this.close()}`;
    }
    if (r < 0.72) {
      let s = `{{with ${this.pipeline(2)}}}${this.body(depth - 1)}`;
      if (this.chance(0.2)) s += `{{else with ${this.pipeline(2)}}}${this.body(depth - 1)}`;
      if (this.chance(0.3)) s += `{{else}}${this.body(depth - 1)}`;
      return s + '{{end}}';
    }
    if (r < 0.86) {
      const mark = this.vars.length;
      let head = '';
      const kind = this.random();
      if (kind < 0.3) {
        head = `$i${mark}, $e${mark} := `;
        this.vars.push(`$i${mark}`, `$e${mark}`);
      } else if (kind < 0.5) {
        head = `$e${mark} := `;
        this.vars.push(`$e${mark}`);
      }
      const over = this.chance(0.15) ? String(Math.floor(this.random() * 4)) : this.pipeline(1);
      this.inRange++;
      let s = `{{range ${head}${over}}}${this.body(depth - 1)}`;
      if (this.chance(0.2)) s += `{{if ${this.pipeline(1)}}}{{${this.pick(['break', 'continue'])}}}{{end}}`;
      this.inRange--;
      this.vars.length = mark;
      if (this.chance(0.3)) s += `{{else}}${this.body(depth - 1)}`;
      return s + '{{end}}';
    }
    if (r < 0.9 && this.defines.length > 0) return `{{template "${this.pick(this.defines)}" ${this.pipeline(1)}}}`;
    if (r < 0.93) return this.pick(['{{/* comment */}}', '{{- /* c */ -}}', '{{- /* c */}}', '{{/* c */ -}}', '{{/*\n*/}}']);
    if (r < 0.96 && this.inRange > 0) return `{{${this.pick(['break', 'continue'])}}}`;
    return `${this.open()}${this.pipeline(2)}${this.close()}`;
  }

  private field(): string {
    const path = Array.from({ length: 1 + Math.floor(this.random() * 2) }, () => '.' + this.pick(KEYS)).join('');
    if (this.vars.length > 0 && this.chance(0.3)) return this.pick(this.vars) + (this.chance(0.5) ? path : '');
    if (this.chance(0.15)) return '$' + path;
    return path;
  }

  private literal(): string {
    return this.pick([
      '1', '0', '2', '-1', '2.5', '0x10', '1e3', "'a'", '"x"', '""', '`raw`', 'true', 'false', '1.0', '"hello"',
      '0b101', '0o17', '017', '1_000', '.5', '1e-3', '0x1p4', '-0', '+7', "'\\n'", "'\\x41'", "'é'", '"a\\tb\\u00e9"', '"\\"q\\""', '`a\nb`',
    ]);
  }

  private operand(depth: number): string {
    const r = this.random();
    if (r < 0.4) return this.field();
    if (r < 0.45 && depth > 0) return `(${this.pipeline(depth - 1)})${this.field().replace(/^\$\w*/, '') || '.a'}`;
    if (r < 0.75) return this.literal();
    if (r < 0.8) return '.';
    if (depth > 0) return `(${this.pipeline(depth - 1)})`;
    return this.literal();
  }

  private call(depth: number): string {
    const a = () => this.operand(depth - 1);
    switch (this.pick(['len', 'index', 'slice', 'print', 'printf', 'println', 'cmp', 'and', 'or', 'not', 'esc', 'eqn'])) {
      case 'len':
        return `len ${a()}`;
      case 'index':
        return `index ${a()}` + (this.chance(0.8) ? ` ${this.pick(['0', '1', '2', '"a"', '"b"', '"m"', a()])}` : '');
      case 'slice':
        return `slice ${a()} ${this.pick(['0', '1', '2'])}` + (this.chance(0.5) ? ` ${this.pick(['1', '2', '3'])}` : '');
      case 'print':
        return `print ${a()} ${a()}`;
      case 'printf':
        return `printf ${this.pick(['"%v"', '"%d"', '"%s"', '"%q"', '"%x"', '"%v-%v"', '"%T"'])} ${a()}`;
      case 'println':
        return `println ${a()}`;
      case 'cmp':
        return `${this.pick(['eq', 'ne', 'lt', 'le', 'gt', 'ge'])} ${a()} ${a()}`;
      case 'eqn':
        return `eq ${a()} ${a()} ${a()}`;
      case 'and':
        return `and ${a()} ${a()}`;
      case 'or':
        return `or ${a()} ${a()}`;
      case 'not':
        return `not ${a()}`;
      default:
        return `${this.pick(['html', 'js', 'urlquery'])} ${a()}`;
    }
  }

  private pipeline(depth: number): string {
    let s = this.chance(0.6) ? this.call(depth) : this.operand(depth);
    if (this.chance(0.2)) s += ` | ${this.pick(['print', 'printf "%v"', 'len', 'not', 'html', 'eq 1.0', 'and 1', 'or ""', 'index .m'])}`;
    return s;
  }
}
