/**
 * Go's encoding/json over the value model: Marshal (sorted map keys, `<>&` HTML-escaped unless asked
 * not to, floats in Go's format: 1e+21 but 1000000, []byte as base64, time as RFC 3339) and Unmarshal
 * into interface{} (numbers float64). Used by Sprig's toJson family and reusable by Helm's.
 */
import { GoStruct, GoTime, GoValue, GoMap } from '../gotemplate/values';
import { compareGoStrings, structFields } from '../gotemplate/fmt';
import { formatFloat } from '../gotemplate/strconv';
import { formatGoTime } from '../gotemplate/gotime';

export interface MarshalOptions {
  /** MarshalIndent's indent unit ("" = compact). */
  indent?: string;
  /** encoding/json escapes <, > and & by default; Encoder.SetEscapeHTML(false) turns that off. */
  escapeHTML?: boolean;
}

const MAX_DEPTH = 2000;

function jsonFloat(f: number): string {
  if (!Number.isFinite(f)) throw new Error(`json: unsupported value: ${formatFloat(f, 'g', -1)}`);
  const abs = Math.abs(f);
  // In [1e-6, 1e21) Go's shortest 'f' format and JavaScript's String() print the same digits.
  if (abs >= 1e-6 && abs < 1e21) return String(f);
  const useExp = abs !== 0 && (abs < 1e-6 || abs >= 1e21);
  let s = formatFloat(f, useExp ? 'e' : 'f', -1);
  // Go cleans e-09 to e-9.
  if (useExp) s = s.replace(/e([+-])0(\d)$/, 'e$1$2');
  return s;
}

const JSON_PLAIN = /^[\x20\x21\x23-\x25\x27-\x3b\x3d\x3f-\x5b\x5d-\x7e]*$/;

function jsonString(s: string, escapeHTML: boolean): string {
  // Printable ASCII other than " \ < > & is written as is (the common case).
  if (JSON_PLAIN.test(s)) return '"' + s + '"';
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c < 0x20) {
      if (ch === '\n') out += '\\n';
      else if (ch === '\r') out += '\\r';
      else if (ch === '\t') out += '\\t';
      else if (ch === '\b') out += '\\b';
      else if (ch === '\f') out += '\\f';
      else out += '\\u00' + c.toString(16).padStart(2, '0');
    } else if (escapeHTML && (ch === '<' || ch === '>' || ch === '&')) {
      out += '\\u00' + c.toString(16);
    } else if (c === 0x2028 || c === 0x2029) out += '\\u' + c.toString(16);
    else if (c >= 0xd800 && c <= 0xdfff) {
      // A valid pair passes through; a lone surrogate is a byte that is not UTF-8 (gotemplate/bytes.ts),
      // which Go writes as the escaped replacement character.
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += ch + s[i + 1];
        i++;
      } else out += '\\ufffd';
    } else out += ch;
  }
  return out + '"';
}

/** json.Marshal / json.MarshalIndent. Throws Go's error text for NaN/Inf and cycles. */
export function marshalJSON(value: GoValue, options: MarshalOptions = {}): string {
  const indent = options.indent ?? '';
  const escapeHTML = options.escapeHTML ?? true;
  const seen = new Set<object>();
  const enc = (v: GoValue, prefix: string, depth: number): string => {
    if (v === null || v === undefined) return 'null';
    switch (typeof v) {
      case 'boolean':
        return v ? 'true' : 'false';
      case 'bigint':
        return String(v);
      case 'number':
        return jsonFloat(v);
      case 'string':
        return jsonString(v, escapeHTML);
    }
    if (v instanceof Uint8Array) return '"' + Buffer.from(v).toString('base64') + '"';
    if (v instanceof GoTime) return '"' + formatGoTime(v, '2006-01-02T15:04:05.999999999Z07:00') + '"';
    if (depth > MAX_DEPTH || seen.has(v)) {
      throw new Error(`json: unsupported value: encountered a cycle via ${Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}'}`);
    }
    seen.add(v);
    try {
      const inner = prefix + indent;
      const sep = indent ? ',\n' + inner : ',';
      const open = indent ? '\n' + inner : '';
      const close = indent ? '\n' + prefix : '';
      const colon = indent ? ': ' : ':';
      if (Array.isArray(v)) {
        if (v.length === 0) return '[]';
        return '[' + open + v.map((e) => enc(e, inner, depth + 1)).join(sep) + close + ']';
      }
      const entries: [string, GoValue][] =
        v instanceof GoStruct ? structFields(v) : Object.keys(v).sort(compareGoStrings).map((k) => [k, (v as GoMap)[k]]);
      if (entries.length === 0) return '{}';
      return '{' + open + entries.map(([k, e]) => jsonString(k, escapeHTML) + colon + enc(e, inner, depth + 1)).join(sep) + close + '}';
    } finally {
      seen.delete(v);
    }
  };
  return enc(value, '', 0);
}

/** json.Unmarshal into interface{}: objects → maps, numbers → float64. Errors read like Go's. */
export function unmarshalJSON(text: string): GoValue {
  new SyntaxChecker(text).checkDocument();
  return JSON.parse(text) as GoValue;
}

function describe(ch: string): string {
  if (ch === "'") return "'\\''";
  if (ch === '"') return `'"'`;
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20) return `'\\x${cp.toString(16).padStart(2, '0')}'`;
  return `'${ch}'`;
}

/** A validator producing encoding/json's scanner messages (JSON.parse's differ by engine version). */
class SyntaxChecker {
  private i = 0;
  private depth = 0;
  constructor(private readonly s: string) {}

  checkDocument(): void {
    this.value('looking for beginning of value');
    this.ws();
    if (this.i < this.s.length) this.fail('after top-level value');
  }

  private fail(context: string): never {
    if (this.i >= this.s.length) throw new Error('unexpected end of JSON input');
    throw new Error(`invalid character ${describe(String.fromCodePoint(this.s.codePointAt(this.i)!))} ${context}`);
  }

  private ws(): void {
    while (this.i < this.s.length && ' \t\n\r'.includes(this.s[this.i])) this.i++;
  }

  private value(context: string): void {
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const lit of ['true', 'false', 'null']) {
      if (c === lit[0]) {
        for (let k = 1; k < lit.length; k++) {
          this.i++;
          if (this.s[this.i] !== lit[k]) this.fail(`in literal ${lit} (expecting '${lit[k]}')`);
        }
        this.i++;
        return;
      }
    }
    this.fail(context);
  }

  private nest(): void {
    // Go allows 10000 levels; JavaScript's stack does not, so stop earlier with Go's message.
    if (++this.depth > 2000) throw new Error('exceeded max depth');
  }

  private object(): void {
    this.nest();
    this.i++;
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      this.depth--;
      return;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('looking for beginning of object key string');
      this.string();
      this.ws();
      if (this.s[this.i] !== ':') this.fail('after object key');
      this.i++;
      this.value('looking for beginning of value');
      this.ws();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      if (this.s[this.i] === '}') {
        this.i++;
        this.depth--;
        return;
      }
      this.fail('after object key:value pair');
    }
  }

  private array(): void {
    this.nest();
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      this.depth--;
      return;
    }
    for (;;) {
      this.value('looking for beginning of value');
      this.ws();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      if (this.s[this.i] === ']') {
        this.i++;
        this.depth--;
        return;
      }
      this.fail('after array element');
    }
  }

  private string(): void {
    this.i++;
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '"') {
        this.i++;
        return;
      }
      if (c < ' ') this.fail('in string literal');
      if (c === '\\') {
        this.i++;
        const e = this.s[this.i];
        if (e === 'u') {
          for (let k = 0; k < 4; k++) {
            this.i++;
            if (!/[0-9a-fA-F]/.test(this.s[this.i] ?? '')) this.fail('in \\u hexadecimal character escape');
          }
        } else if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail('in string escape code');
      }
      this.i++;
    }
    this.fail('in string literal');
  }

  private number(): void {
    const s = this.s;
    if (s[this.i] === '-') {
      this.i++;
      if (!(s[this.i] >= '0' && s[this.i] <= '9')) this.fail('in numeric literal');
    }
    if (s[this.i] === '0') this.i++;
    else while (s[this.i] >= '0' && s[this.i] <= '9') this.i++;
    if (s[this.i] === '.') {
      this.i++;
      if (!(s[this.i] >= '0' && s[this.i] <= '9')) this.fail('after decimal point in numeric literal');
      while (s[this.i] >= '0' && s[this.i] <= '9') this.i++;
    }
    if (s[this.i] === 'e' || s[this.i] === 'E') {
      this.i++;
      if (s[this.i] === '+' || s[this.i] === '-') this.i++;
      if (!(s[this.i] >= '0' && s[this.i] <= '9')) this.fail('in exponent of numeric literal');
      while (s[this.i] >= '0' && s[this.i] <= '9') this.i++;
    }
  }
}
