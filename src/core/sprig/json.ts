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

const MAX_DEPTH = 10000;

function jsonFloat(f: number): string {
  if (!Number.isFinite(f)) throw new Error(`json: unsupported value: ${formatFloat(f, 'g', -1)}`);
  const abs = Math.abs(f);
  const useExp = abs !== 0 && (abs < 1e-6 || abs >= 1e21);
  let s = formatFloat(f, useExp ? 'e' : 'f', -1);
  // Go cleans e-09 to e-9.
  if (useExp) s = s.replace(/e([+-])0(\d)$/, 'e$1$2');
  return s;
}

function jsonString(s: string, escapeHTML: boolean): string {
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
      // A valid pair passes through; a lone surrogate is invalid UTF-8, which Go replaces.
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += ch + s[i + 1];
        i++;
      } else out += '\ufffd';
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
  try {
    return JSON.parse(text) as GoValue;
  } catch (e) {
    if (text.trim() === '') throw new Error('unexpected end of JSON input');
    const m = /position (\d+)/.exec((e as Error).message);
    const at = m ? Number(m[1]) : -1;
    if (at >= 0 && at < text.length) {
      throw new Error(`invalid character ${quoteChar(text[at])} looking for beginning of value`);
    }
    if (at >= text.length) throw new Error('unexpected end of JSON input');
    throw new Error(`invalid JSON: ${(e as Error).message}`);
  }
}

function quoteChar(ch: string): string {
  if (ch === "'") return "'\\''";
  if (ch === '"') return `'"'`;
  return `'${ch}'`;
}
