/**
 * BurntSushi/toml's Encoder output (what Helm's toToml prints): per table, plain keys first then
 * sub-tables, each group sorted; tables as `[a.b]` headers indented two spaces per level, a blank line
 * before each top-level table; nil map values skipped; float64 always with a decimal point (or an
 * exponent). A value that is not a table encodes bare (`toToml 1` is `1`).
 */
import { formatFloat } from '../../gotemplate/strconv';
import { GoStruct, GoTime, type GoMap, type GoValue } from '../../gotemplate/values';
import { formatRfc3339Nano } from '../goyaml';

export class TomlEncodeError extends Error {}

const INDENT = '  ';

export interface TomlEncodeOptions {
  /** How float64 prints: Helm 3's encoder writes every digit (`1000000.0`), Helm 4's the shortest
   * %g form (`1e+06`); both add `.0` to a bare integer. Default 4. */
  compat?: 3 | 4;
}

export function encodeToml(value: GoValue, options: TomlEncodeOptions = {}): string {
  // reflect on a nil interface panics inside the encoder; Helm's toToml does not recover that.
  if (value === null || value === undefined) throw new Error('reflect: call of reflect.Value.Type on zero Value');
  const root = asTable(value);
  if (root === undefined) {
    // A bare value encodes as itself (as an array element would); an array of tables needs a key.
    if (isArrayOfTables(value)) throw new TomlEncodeError('toml: top-level values must be Go maps or structs');
    return element(value, options);
  }
  const enc = new TomlEncoder(options);
  enc.table([], root);
  return enc.out.join('');
}

/** The map a value encodes as a TOML table, or undefined when it is not a table. */
function asTable(value: GoValue): GoMap | undefined {
  if (value instanceof GoStruct) {
    return Object.fromEntries(Object.entries(value).filter(([k, v]) => k !== 'goTypeName' && typeof v !== 'function'));
  }
  if (value === null || value === undefined || typeof value !== 'object') return undefined;
  if (Array.isArray(value) || value instanceof Uint8Array || value instanceof GoTime) return undefined;
  return value as GoMap;
}

function isArrayOfTables(value: GoValue): value is GoValue[] {
  if (!Array.isArray(value) || value.length === 0) return false;
  let all = true;
  for (const item of value) {
    if (item === null || item === undefined) throw new TomlEncodeError('toml: cannot encode array with nil element');
    if (asTable(item) === undefined) all = false;
  }
  return all;
}

const isTableLike = (value: GoValue): boolean =>
  value !== null && value !== undefined && (asTable(value) !== undefined || isArrayOfTables(value));

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

function quoteKey(key: string): string {
  return BARE_KEY.test(key) ? key : quoteTomlString(key);
}

function keyText(key: readonly string[]): string {
  return key.map(quoteKey).join('.');
}

export function quoteTomlString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

class TomlEncoder {
  readonly out: string[] = [];
  constructor(readonly options: TomlEncodeOptions) {}

  private write(s: string): void {
    this.out.push(s);
  }

  private newline(): void {
    if (this.out.length > 0) this.write('\n');
  }

  private indent(key: readonly string[]): string {
    return INDENT.repeat(Math.max(key.length - 1, 0));
  }

  table(key: readonly string[], map: GoMap): void {
    if (key.length === 1) this.newline();
    if (key.length > 0) {
      this.write(`${this.indent(key)}[${keyText(key)}]`);
      this.newline();
    }
    this.mapBody(key, map);
  }

  private mapBody(key: readonly string[], map: GoMap): void {
    const direct: string[] = [];
    const sub: string[] = [];
    for (const k of Object.keys(map)) (isTableLike(map[k]) ? sub : direct).push(k);
    const byBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    for (const k of [...direct.sort(byBytes), ...sub.sort(byBytes)]) {
      const value = map[k];
      if (value === null || value === undefined) continue;
      this.encode([...key, k], value);
    }
  }

  private encode(key: readonly string[], value: GoValue): void {
    if (isArrayOfTables(value)) {
      for (const item of value) {
        this.newline();
        this.write(`${this.indent(key)}[[${keyText(key)}]]`);
        this.newline();
        this.mapBody(key, asTable(item)!);
      }
      return;
    }
    const table = asTable(value);
    if (table) return this.table(key, table);
    this.write(`${this.indent(key)}${quoteKey(key[key.length - 1])} = `);
    this.write(element(value, this.options));
    this.newline();
  }
}

function element(value: GoValue, options: TomlEncodeOptions): string {
  if (value === null || value === undefined) throw new TomlEncodeError('toml: cannot encode a nil value');
  switch (typeof value) {
    case 'string':
      return quoteTomlString(value);
    case 'boolean':
      return String(value);
    case 'bigint':
      return BigInt.asIntN(64, value).toString();
    case 'number': {
      if (Number.isNaN(value)) return 'nan';
      if (!Number.isFinite(value)) return value < 0 ? '-inf' : 'inf';
      const text = formatFloat(value, options.compat === 3 ? 'f' : 'g', -1);
      return /[.e]/.test(text) ? text : text + '.0';
    }
  }
  if (value instanceof GoTime) return formatRfc3339Nano(value);
  if (Array.isArray(value) || value instanceof Uint8Array) {
    return '[' + Array.from(value as ArrayLike<GoValue>, (item) => element(typeof item === 'number' && value instanceof Uint8Array ? BigInt(item) : item, options)).join(', ') + ']';
  }
  const table = asTable(value)!;
  const keys = Object.keys(table);
  const direct = keys.filter((k) => !isTableLike(table[k])).sort();
  const sub = keys.filter((k) => isTableLike(table[k])).sort();
  const parts = [...direct, ...sub]
    .filter((k) => table[k] !== null && table[k] !== undefined)
    .map((k) => `${quoteKey(k)} = ${element(table[k], options)}`);
  return `{${parts.join(', ')}}`;
}
