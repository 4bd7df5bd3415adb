/**
 * Helm's YAML and JSON template functions (pkg/engine/funcs.go). The non-`must` forms swallow errors as
 * Helm does: toYaml/toJson print "" and fromYaml/fromJson return a map holding the error under "Error"
 * (or a one-element list for the Array forms), so a template never fails on them.
 */
import { goFunc, type FuncMap, type GoMap, type GoValue } from '../../gotemplate/values';
import { marshalJson, marshalYaml, marshalYamlV3, yamlToGoArray, yamlToGoMap, YamlReaderError } from '../goyaml';

/** What Helm's toYaml prints: sigs.k8s.io/yaml.Marshal, trailing "\n" trimmed. Throws on values JSON cannot hold. */
export function toYaml(value: GoValue): string {
  return trimOneNewline(marshalYaml(value));
}

/** What Helm's toYamlPretty prints (yaml.v3, sequences indented). */
export function toYamlPretty(value: GoValue): string {
  return trimOneNewline(marshalYamlV3(value));
}

/** What Helm's toJson prints: encoding/json.Marshal. Throws on NaN, infinities and cycles. */
export function toJson(value: GoValue): string {
  return marshalJson(value);
}

function trimOneNewline(s: string): string {
  return s.endsWith('\n') ? s.slice(0, -1) : s;
}

const swallow =
  <T>(f: (v: GoValue) => T, fallback: T) =>
  (v: GoValue): T => {
    try {
      return f(v);
    } catch {
      return fallback;
    }
  };

/** fromJson's decoding, failing with encoding/json's messages. */
export function jsonToGo(text: string): GoValue {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(jsonSyntaxError(text));
  }
  return fromParsedJson(parsed);
}

/** Go's char quoting in scanner errors: 'x', '\'', '\n'. */
function quoteChar(ch: string): string {
  if (ch === "'") return "'\\''";
  if (ch === '"') return "'\"'";
  const q = JSON.stringify(ch);
  return `'${q.slice(1, -1)}'`;
}

/** Finds the first syntax error the way encoding/json's scanner reports it. */
export function jsonSyntaxError(text: string): string {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const fail = (context: string): never => {
    if (i >= text.length) throw 'unexpected end of JSON input';
    throw `invalid character ${quoteChar(String.fromCodePoint(text.codePointAt(i)!))} ${context}`;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail('looking for beginning of object key string');
        string();
        ws();
        if (text[i] !== ':') fail('after object key');
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail('after object key:value pair');
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail('after array element');
      }
    }
    if (ch === '"') return string();
    for (const literal of ['true', 'false', 'null']) {
      if (ch === literal[0]) {
        for (let k = 1; k < literal.length; k++) {
          i++;
          if (text[i] !== literal[k]) fail(`in literal ${literal} (expecting '${literal[k]}')`);
        }
        return void i++;
      }
    }
    const num = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(i));
    if (num && num[0] !== '-') return void (i += num[0].length);
    if (ch === '-') {
      i++;
      fail('in numeric literal');
    }
    fail('looking for beginning of value');
  };
  const string = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail('in string literal');
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail('in string literal');
    i++;
  };
  try {
    value();
    ws();
    if (i < text.length) fail('after top-level value');
  } catch (message) {
    if (typeof message === 'string') return message;
    throw message;
  }
  return 'unexpected end of JSON input';
}

/** JSON.parse gives the right shapes already; only non-finite numbers need Go's refusal. */
function fromParsedJson(value: unknown): GoValue {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new Error('json: cannot unmarshal number into Go value of type float64');
  }
  if (Array.isArray(value)) return value.map(fromParsedJson);
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) (value as GoMap)[k] = fromParsedJson(v);
    return value as GoMap;
  }
  return value as GoValue;
}

function jsonTypeName(value: GoValue): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'object';
  return typeof value === 'boolean' ? 'bool' : typeof value;
}

export function fromJsonMap(text: string): GoMap {
  const value = jsonToGo(text);
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`json: cannot unmarshal ${jsonTypeName(value)} into Go value of type map[string]interface {}`);
  }
  return value as GoMap;
}

export function fromJsonArray(text: string): GoValue[] {
  const value = jsonToGo(text);
  if (value === null) return [];
  if (!Array.isArray(value)) {
    throw new Error(`json: cannot unmarshal ${jsonTypeName(value)} into Go value of type []interface {}`);
  }
  return value;
}

const errorMap = (e: unknown): GoMap => ({ Error: (e as Error).message });

export function serializationFunctions(): FuncMap {
  return {
    toYaml: goFunc('toYaml', ['any'], swallow(toYaml, '')),
    mustToYaml: goFunc('mustToYaml', ['any'], (v) => {
      try {
        return toYaml(v);
      } catch (e) {
        if (e instanceof YamlReaderError) throw e;
        throw new Error(`error marshaling into JSON: ${(e as Error).message}`);
      }
    }),
    toYamlPretty: goFunc('toYamlPretty', ['any'], swallow(toYamlPretty, '')),
    fromYaml: goFunc('fromYaml', ['string'], (s) => {
      try {
        return yamlToGoMap(s as string);
      } catch (e) {
        return errorMap(e);
      }
    }),
    fromYamlArray: goFunc('fromYamlArray', ['string'], (s) => {
      try {
        return yamlToGoArray(s as string);
      } catch (e) {
        return [(e as Error).message];
      }
    }),
    toJson: goFunc('toJson', ['any'], swallow(toJson, '')),
    mustToJson: goFunc('mustToJson', ['any'], (v) => toJson(v)),
    fromJson: goFunc('fromJson', ['string'], (s) => {
      try {
        return fromJsonMap(s as string);
      } catch (e) {
        return errorMap(e);
      }
    }),
    fromJsonArray: goFunc('fromJsonArray', ['string'], (s) => {
      try {
        return fromJsonArray(s as string);
      } catch (e) {
        return [(e as Error).message];
      }
    }),
  };
}
