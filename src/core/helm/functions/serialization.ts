/**
 * Helm's YAML and JSON template functions (pkg/engine/funcs.go). The non-`must` forms swallow errors as
 * Helm does: toYaml/toJson print "" and fromYaml/fromJson return a map holding the error under "Error"
 * (or a one-element list for the Array forms), so a template never fails on them.
 */
import { goFunc, type FuncMap, type GoMap, type GoValue } from '../../gotemplate/values';
import { marshalJson, marshalYaml, marshalYamlV3, yamlToGoArray, yamlToGoMap } from '../goyaml';

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

/** fromJson's decoding with encoding/json's messages for the common failures. */
export function jsonToGo(text: string): GoValue {
  if (text.trim() === '') throw new Error('unexpected end of JSON input');
  try {
    return fromParsedJson(JSON.parse(text));
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    const position = /position (\d+)/.exec(e.message);
    const offset = position ? Number(position[1]) : -1;
    if (offset < 0 || offset >= text.length) throw new Error('unexpected end of JSON input');
    const ch = text[offset];
    const shown = ch === "'" ? "'\\''" : `'${ch}'`;
    throw new Error(`invalid character ${shown} looking for beginning of value`);
  }
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
