/**
 * Go's encoding/json.Marshal for template values: map keys sorted by bytes, []byte as base64, time.Time
 * as RFC 3339, float64 in Go's shortest form (exponent only below 1e-6 or from 1e21), HTML-sensitive
 * characters escaped as \u003c \u003e \u0026 unless disabled. Helm's toJson prints this text, and
 * toYaml starts from it (sigs.k8s.io/yaml marshals to JSON first), so both share the JsonNode tree.
 */
import { GoStruct, GoTime, type GoValue } from '../../gotemplate/values';

export class JsonNumber {
  constructor(readonly text: string) {}
}
export class JsonObject {
  /** Entries in encoding/json's order: keys sorted by their UTF-8 bytes. */
  constructor(readonly entries: ReadonlyArray<readonly [string, JsonNode]>) {}
}
export type JsonNode = null | boolean | string | JsonNumber | JsonNode[] | JsonObject;

/** A GoStruct that knows its JSON form (json tags, omitempty, or a MarshalJSON method in Go). */
export interface JsonMarshaler {
  goJsonValue(): GoValue;
}

/** Marshal failures carry Go's messages (`json: unsupported value: NaN`). */
export class GoJsonError extends Error {}

/** Deeper values would exhaust JavaScript's stack; Go itself has no fixed limit. */
const MAX_DEPTH = 1000;

export function toJsonNode(value: GoValue): JsonNode {
  try {
    return convert(value, new Set(), 0);
  } catch (e) {
    if (e instanceof RangeError) throw new GoJsonError(`json: unsupported value: nested too deeply`);
    throw e;
  }
}

function convert(value: GoValue, ancestors: Set<object>, depth: number): JsonNode {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'boolean':
      return value;
    case 'string':
      return value;
    case 'bigint':
      return new JsonNumber(value.toString());
    case 'number':
      return new JsonNumber(formatJsonFloat(value));
    case 'function':
      throw new GoJsonError('json: unsupported type: func()');
  }
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value instanceof GoTime) return formatRfc3339Nano(value);
  if (ancestors.has(value as object)) {
    throw new GoJsonError(`json: unsupported value: encountered a cycle via ${describeType(value)}`);
  }
  if (depth > MAX_DEPTH) throw new GoJsonError(`json: unsupported value: nested deeper than ${MAX_DEPTH} levels`);
  ancestors.add(value as object);
  try {
    if (Array.isArray(value)) return value.map((item) => convert(item, ancestors, depth + 1));
    if (value instanceof GoStruct) {
      const marshaler = value as Partial<JsonMarshaler>;
      const plain = marshaler.goJsonValue
        ? marshaler.goJsonValue()
        : structFields(value);
      return convert(plain, ancestors, depth + 1);
    }
    const keys = Object.keys(value).sort(compareUtf8);
    return new JsonObject(keys.map((key) => [key, convert((value as Record<string, GoValue>)[key], ancestors, depth + 1)]));
  } finally {
    ancestors.delete(value as object);
  }
}

function describeType(value: GoValue): string {
  if (Array.isArray(value)) return '[]interface {}';
  if (value instanceof GoStruct) return value.goTypeName;
  return 'map[string]interface {}';
}

/** A struct without json tags marshals its exported fields under their Go names, in declaration order. */
function structFields(value: GoStruct): GoValue {
  const out: Record<string, GoValue> = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === 'goTypeName' || typeof field === 'function') continue;
    out[key] = field as GoValue;
  }
  return out;
}

/** Orders strings by UTF-8 bytes (= code points), as Go's sort of map keys does. */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca - cb;
    if (ca > 0xffff) i++;
  }
  return a.length - b.length;
}

/** encoding/json's float64 format; JavaScript's shortest round-trip form uses the same thresholds. */
export function formatJsonFloat(f: number): string {
  if (!Number.isFinite(f)) {
    throw new GoJsonError(`json: unsupported value: ${Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf'}`);
  }
  if (Object.is(f, -0)) return '-0';
  return String(f);
}

/** time.Time.MarshalJSON: RFC 3339 with nanoseconds, trailing zeros of the fraction dropped. */
export function formatRfc3339Nano(t: GoTime): string {
  const local = new Date(t.epochMillis + t.offsetMinutes * 60_000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const nanos = (((t.epochMillis % 1000) + 1000) % 1000) * 1_000_000 + t.extraNanos;
  const fraction = nanos === 0 ? '' : '.' + String(nanos).padStart(9, '0').replace(/0+$/, '');
  const off = t.offsetMinutes;
  const zone = off === 0 ? 'Z' : `${off < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${fraction}${zone}`
  );
}

export interface JsonEncodeOptions {
  /** encoding/json escapes <, > and & by default; Sprig's toRawJson turns that off. */
  readonly escapeHtml?: boolean;
  /** json.MarshalIndent's indent (prefix is always ""), as toPrettyJson uses. */
  readonly indent?: string;
}

export function encodeJson(node: JsonNode, options: JsonEncodeOptions = {}): string {
  const escapeHtml = options.escapeHtml ?? true;
  const indent = options.indent ?? '';
  const parts: string[] = [];
  const write = (n: JsonNode, level: number): void => {
    if (n === null) parts.push('null');
    else if (typeof n === 'boolean') parts.push(n ? 'true' : 'false');
    else if (typeof n === 'string') parts.push(quoteJsonString(n, escapeHtml));
    else if (n instanceof JsonNumber) parts.push(n.text);
    else {
      const isArray = Array.isArray(n);
      const items: ReadonlyArray<readonly [string | undefined, JsonNode]> = isArray
        ? n.map((item) => [undefined, item] as const)
        : n.entries;
      parts.push(isArray ? '[' : '{');
      items.forEach(([key, item], i) => {
        if (i > 0) parts.push(',');
        if (indent) parts.push('\n', indent.repeat(level + 1));
        if (key !== undefined) parts.push(quoteJsonString(key, escapeHtml), indent ? ': ' : ':');
        write(item, level + 1);
      });
      if (indent && items.length > 0) parts.push('\n', indent.repeat(level));
      parts.push(isArray ? ']' : '}');
    }
  };
  write(node, 0);
  return parts.join('');
}

const JSON_SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

export function quoteJsonString(s: string, escapeHtml = true): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const short = JSON_SHORT_ESCAPES[ch];
    if (short) out += short;
    else if (cp < 0x20 || cp === 0x2028 || cp === 0x2029 || (escapeHtml && (ch === '<' || ch === '>' || ch === '&'))) {
      out += '\\u' + cp.toString(16).padStart(4, '0');
    } else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd'; // invalid UTF-8 (gotemplate/bytes.ts): Go writes the escape
    else out += ch;
  }
  return out + '"';
}

/** Helm's toJson/mustToJson text for a value. */
export function marshalJson(value: GoValue, options?: JsonEncodeOptions): string {
  return encodeJson(toJsonNode(value), options);
}
