/**
 * A TOML 1.0 reader for Helm's fromToml, giving Go values as BurntSushi/toml decodes into
 * map[string]interface{}: integers int64 (bigint), floats float64, datetimes time.Time, arrays of
 * tables as lists of maps. Errors read `toml: line N: ...` like BurntSushi's; fromToml puts them under
 * "Error". Input size is bounded by the caller's text; nesting is capped to keep recursion safe.
 */
import { GoTime, type GoMap, type GoValue } from '../../gotemplate/values';

export class TomlDecodeError extends Error {}

const MAX_NESTING = 1000;

export function decodeToml(text: string): GoMap {
  return new TomlParser(text).parse();
}

class TomlParser {
  private pos = 0;
  private readonly root: GoMap = Object.create(null);
  private current: GoMap = this.root;
  /** Tables created implicitly or explicitly, to refuse redefinition ([a] twice). */
  private readonly explicitTables = new Set<GoMap>();
  private readonly inlineTables = new Set<GoMap>();
  private readonly tableArrays = new Set<GoValue[]>();

  constructor(private readonly src: string) {}

  parse(): GoMap {
    for (;;) {
      this.skipWhitespaceAndComments(true);
      if (this.pos >= this.src.length) break;
      if (this.src[this.pos] === '[') this.tableHeader();
      else this.keyValue(this.current);
      this.endOfLine();
    }
    // Null-prototype maps are valid GoMaps and keep a `__proto__` key from reaching the prototype.
    return this.root;
  }

  private fail(message: string): never {
    const line = this.src.slice(0, this.pos).split('\n').length;
    throw new TomlDecodeError(`toml: line ${line}: ${message}`);
  }

  private peek(n = 0): string {
    return this.src[this.pos + n] ?? '';
  }

  private skipWhitespace(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }

  private skipWhitespaceAndComments(newlines: boolean): void {
    for (;;) {
      this.skipWhitespace();
      if (this.peek() === '#') {
        while (this.pos < this.src.length && this.peek() !== '\n') this.pos++;
      } else if (newlines && (this.peek() === '\n' || (this.peek() === '\r' && this.peek(1) === '\n'))) {
        this.pos += this.peek() === '\r' ? 2 : 1;
      } else return;
    }
  }

  private endOfLine(): void {
    this.skipWhitespaceAndComments(false);
    if (this.pos >= this.src.length) return;
    if (this.peek() === '\n') this.pos++;
    else if (this.peek() === '\r' && this.peek(1) === '\n') this.pos += 2;
    else this.fail(`expected a top-level item to end with a newline, comment, or EOF, but got '${this.peek()}' instead`);
  }

  private key(): string[] {
    const parts: string[] = [];
    for (;;) {
      this.skipWhitespace();
      const ch = this.peek();
      if (ch === '"') parts.push(this.basicString());
      else if (ch === "'") parts.push(this.literalString());
      else {
        const m = /^[A-Za-z0-9_-]+/.exec(this.src.slice(this.pos, this.pos + 4096));
        if (!m) {
          if (this.pos >= this.src.length) this.fail("unexpected EOF; expected key separator '='");
          this.fail(`bare keys cannot contain '${ch}'`);
        }
        parts.push(m[0]);
        this.pos += m[0].length;
      }
      this.skipWhitespace();
      if (this.peek() !== '.') return parts;
      this.pos++;
    }
  }

  private tableHeader(): void {
    const isArray = this.peek(1) === '[';
    this.pos += isArray ? 2 : 1;
    const key = this.key();
    if (this.peek() !== ']' || (isArray && this.peek(1) !== ']')) this.fail(`expected ']' to close the table name`);
    this.pos += isArray ? 2 : 1;
    const parent = this.descend(this.root, key.slice(0, -1));
    const last = key[key.length - 1];
    if (isArray) {
      let list = parent[last];
      if (list === undefined) {
        list = [];
        parent[last] = list;
        this.tableArrays.add(list);
      } else if (!Array.isArray(list) || !this.tableArrays.has(list)) {
        this.fail(`key "${key.join('.')}" has already been defined`);
      }
      const table: GoMap = Object.create(null);
      list.push(table);
      this.current = table;
    } else {
      let table = parent[last];
      if (table === undefined) {
        table = Object.create(null) as GoMap;
        parent[last] = table;
      } else if (!isTable(table) || this.explicitTables.has(table) || this.inlineTables.has(table)) {
        this.fail(`key "${key.join('.')}" has already been defined`);
      }
      this.explicitTables.add(table as GoMap);
      this.current = table as GoMap;
    }
  }

  /** Walks (creating) the tables along `path`; the last element of an array of tables is entered. */
  private descend(from: GoMap, path: string[]): GoMap {
    let table = from;
    for (const part of path) {
      let next = table[part];
      if (next === undefined) {
        next = Object.create(null) as GoMap;
        table[part] = next;
      }
      if (Array.isArray(next) && this.tableArrays.has(next)) next = next[next.length - 1];
      if (!isTable(next) || this.inlineTables.has(next)) this.fail(`key "${part}" is not a table`);
      table = next;
    }
    return table;
  }

  private keyValue(table: GoMap, depth = 0): void {
    const key = this.key();
    if (this.peek() !== '=') {
      if (this.pos >= this.src.length || this.peek() === '\n') this.fail("unexpected EOF; expected key separator '='");
      this.fail(`expected key separator '=', but got '${this.peek()}' instead`);
    }
    this.pos++;
    this.skipWhitespace();
    const target = this.descend(table, key.slice(0, -1));
    const last = key[key.length - 1];
    if (last in target) this.fail(`key "${key.join('.')}" has already been defined`);
    target[last] = this.value(depth);
  }

  private value(depth: number): GoValue {
    if (depth > MAX_NESTING) this.fail('too deeply nested');
    const ch = this.peek();
    if (ch === '"') return this.src.startsWith('"""', this.pos) ? this.multilineBasic() : this.basicString();
    if (ch === "'") return this.src.startsWith("'''", this.pos) ? this.multilineLiteral() : this.literalString();
    if (ch === '[') return this.array(depth);
    if (ch === '{') return this.inlineTable(depth);
    const rest = this.src.slice(this.pos, this.pos + 256);
    const word = /^[^\s,\]}#]+(?: \d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})?)?/.exec(rest)?.[0] ?? '';
    if (word === '') this.fail(this.pos >= this.src.length ? 'unexpected EOF; expected a value' : `expected value but found '${ch}' instead`);
    const parsed = scalarValue(word);
    if (parsed === undefined) this.fail(`invalid value '${word}'`);
    this.pos += word.length;
    return parsed;
  }

  private array(depth: number): GoValue[] {
    this.pos++;
    const items: GoValue[] = [];
    for (;;) {
      this.skipWhitespaceAndComments(true);
      if (this.peek() === ']') {
        this.pos++;
        return items;
      }
      if (this.pos >= this.src.length) this.fail("unexpected EOF; expected ']'");
      items.push(this.value(depth + 1));
      this.skipWhitespaceAndComments(true);
      if (this.peek() === ',') this.pos++;
      else if (this.pos >= this.src.length) this.fail("unexpected EOF; expected ']'");
      else if (this.peek() !== ']') this.fail(`expected ',' or ']' after array value, but got '${this.peek()}'`);
    }
  }

  private inlineTable(depth: number): GoMap {
    this.pos++;
    const table: GoMap = Object.create(null);
    this.skipWhitespace();
    if (this.peek() === '}') {
      this.pos++;
      this.inlineTables.add(table);
      return table;
    }
    for (;;) {
      this.keyValue(table, depth + 1);
      this.skipWhitespace();
      if (this.peek() === '}') {
        this.pos++;
        this.inlineTables.add(table);
        return table;
      }
      if (this.peek() !== ',') this.fail(`expected ',' or '}' in inline table, but got '${this.peek() || 'EOF'}'`);
      this.pos++;
    }
  }

  private basicString(): string {
    this.pos++;
    let out = '';
    for (;;) {
      const ch = this.peek();
      if (ch === '' || ch === '\n') this.fail('unexpected EOF; expected \'"\'');
      this.pos++;
      if (ch === '"') return out;
      out += ch === '\\' ? this.escape() : ch;
    }
  }

  private escape(): string {
    const ch = this.src[this.pos++];
    const simple: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' };
    if (ch in simple) return simple[ch];
    if (ch === 'u' || ch === 'U') {
      const len = ch === 'u' ? 4 : 8;
      const hex = this.src.slice(this.pos, this.pos + len);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) this.fail(`invalid escape: '\\${ch}${hex}'`);
      this.pos += len;
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) this.fail(`invalid escape: '\\${ch}${hex}'`);
      return String.fromCodePoint(cp);
    }
    this.fail(`invalid escape in string '\\${ch ?? ''}'`);
  }

  private literalString(): string {
    const end = this.src.indexOf("'", this.pos + 1);
    const nl = this.src.indexOf('\n', this.pos + 1);
    if (end < 0 || (nl >= 0 && nl < end)) this.fail("unexpected EOF; expected \"'\"");
    const s = this.src.slice(this.pos + 1, end);
    this.pos = end + 1;
    return s;
  }

  private multilineBasic(): string {
    this.pos += 3;
    if (this.peek() === '\n') this.pos++;
    else if (this.peek() === '\r' && this.peek(1) === '\n') this.pos += 2;
    let out = '';
    for (;;) {
      if (this.pos >= this.src.length) this.fail('unexpected EOF; expected \'"""\'');
      if (this.src.startsWith('"""', this.pos)) {
        // Up to two quotes may directly precede the closing delimiter.
        let extra = 0;
        while (extra < 2 && this.src[this.pos + 3 + extra] === '"') extra++;
        out += '"'.repeat(extra);
        this.pos += 3 + extra;
        return out;
      }
      const ch = this.src[this.pos++];
      if (ch === '\\') {
        if (/^[ \t]*\r?\n/.test(this.src.slice(this.pos, this.pos + 256))) {
          while (/[ \t\r\n]/.test(this.peek())) this.pos++;
        } else out += this.escape();
      } else out += ch;
    }
  }

  private multilineLiteral(): string {
    this.pos += 3;
    if (this.peek() === '\n') this.pos++;
    else if (this.peek() === '\r' && this.peek(1) === '\n') this.pos += 2;
    const end = this.src.indexOf("'''", this.pos);
    if (end < 0) this.fail("unexpected EOF; expected \"'''\"");
    let extra = 0;
    while (extra < 2 && this.src[end + 3 + extra] === "'") extra++;
    const s = this.src.slice(this.pos, end + extra);
    this.pos = end + 3 + extra;
    return s;
  }
}

function isTable(value: GoValue): value is GoMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof GoTime) && !(value instanceof Uint8Array);
}

const DEC_INT = /^[+-]?(0|[1-9](_?[0-9])*)$/;
const FLOAT = /^[+-]?(0|[1-9](_?[0-9])*)(\.[0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?$/;
const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?)?$/;
const LOCAL_TIME = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?$/;

function scalarValue(word: string): GoValue | undefined {
  if (word === 'true') return true;
  if (word === 'false') return false;
  if (/^[+-]?inf$/.test(word)) return word.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/.test(word)) return NaN;
  if (DEC_INT.test(word)) return checkedInt(BigInt(word.replaceAll('_', '')));
  const prefixed = /^0([xob])([0-9a-fA-F](_?[0-9a-fA-F])*)$/.exec(word);
  if (prefixed) {
    const digits = prefixed[2].replaceAll('_', '');
    const valid = { x: /^[0-9a-fA-F]+$/, o: /^[0-7]+$/, b: /^[01]+$/ }[prefixed[1] as 'x' | 'o' | 'b'];
    return valid.test(digits) ? checkedInt(BigInt(`0${prefixed[1]}${digits}`)) : undefined;
  }
  if (FLOAT.test(word) && /[.eE]/.test(word)) return Number(word.replaceAll('_', ''));
  const dt = DATETIME.exec(word);
  if (dt) {
    const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = dt;
    const millis = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
    if (Number.isNaN(millis)) return undefined;
    const offset = !zone || /[Zz]/.test(zone) ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
    const nanos = Number((frac.slice(1) + '000000000').slice(0, 9));
    return new GoTime(millis - offset * 60_000 + Math.floor(nanos / 1e6), offset, offset === 0 ? 'UTC' : '', nanos % 1e6);
  }
  const t = LOCAL_TIME.exec(word);
  if (t) return new GoTime(Date.UTC(0, 0, 1, Number(t[1]), Number(t[2]), Number(t[3])));
  return undefined;
}

function checkedInt(v: bigint): bigint | undefined {
  return v >= -(2n ** 63n) && v < 2n ** 63n ? v : undefined;
}
