/**
 * BurntSushi/toml's Encoder output (what Helm's toToml prints): per table, plain keys first then
 * sub-tables, each group sorted; tables as `[a.b]` headers indented two spaces per level, a blank line
 * before each top-level table; nil map values skipped; float64 always with a decimal point.
 */
import { formatFloat } from '../../gotemplate/strconv';
import { GoStruct, GoTime, type GoMap, type GoValue } from '../../gotemplate/values';
import { formatRfc3339Nano } from '../goyaml';

export class TomlEncodeError extends Error {}

const INDENT = '  ';

export function encodeToml(value: GoValue): string {
  const enc = new TomlEncoder();
  const root = asTable(value);
  if (root === undefined) throw new TomlEncodeError('toml: top-level values must be Go maps or structs');
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
    this.write(element(value));
    this.newline();
  }
}

function element(value: GoValue): string {
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
      const text = formatFloat(value, 'f', -1);
      return text.includes('.') ? text : text + '.0';
    }
  }
  if (value instanceof GoTime) return formatRfc3339Nano(value);
  if (Array.isArray(value) || value instanceof Uint8Array) {
    return '[' + Array.from(value as ArrayLike<GoValue>, (item) => element(typeof item === 'number' && value instanceof Uint8Array ? BigInt(item) : item)).join(', ') + ']';
  }
  const table = asTable(value)!;
  const keys = Object.keys(table);
  const direct = keys.filter((k) => !isTableLike(table[k])).sort();
  const sub = keys.filter((k) => isTableLike(table[k])).sort();
  const parts = [...direct, ...sub]
    .filter((k) => table[k] !== null && table[k] !== undefined)
    .map((k) => `${quoteKey(k)} = ${element(table[k])}`);
  return `{${parts.join(', ')}}`;
}
