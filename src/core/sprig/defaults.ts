/**
 * Sprig's defaults.go: default/empty/coalesce/all/any/compact/ternary, the JSON helpers and deepCopy.
 * "Empty" is Sprig's notion (convert.ts isEmpty), which differs from template truthiness only for structs.
 */
import { FuncMap, GoStruct, GoTime, GoValue, GoMap, goFunc } from '../gotemplate/values';
import { isEmpty, requireList } from './convert';
import { marshalJSON, unmarshalJSON } from './json';

/** copystructure.Copy reflects on its argument: a nil interface panics there (and must* returns it). */
function nonNilCopy(v: GoValue): GoValue {
  if (v === null || v === undefined) throw new Error('reflect: call of reflect.Value.Type on zero Value');
  return v;
}

/** copystructure.Copy over the value model: maps and slices are copied, scalars and structs shared. */
export function deepCopyValue(v: GoValue, depth = 0): GoValue {
  if (v === null || v === undefined || typeof v !== 'object') return v;
  if (depth > 2000) throw new Error('deepCopy: value nested too deeply (cyclic?)');
  if (Array.isArray(v)) return v.map((e) => deepCopyValue(e, depth + 1));
  if (v instanceof Uint8Array) return v.slice();
  if (v instanceof GoStruct || v instanceof GoTime) return v;
  const out: GoMap = {};
  for (const k of Object.keys(v)) out[k] = deepCopyValue((v as GoMap)[k], depth + 1);
  return out;
}

function compact(list: GoValue): GoValue[] {
  return requireList(list, (k) => `Cannot compact on type ${k}`).filter((e) => !isEmpty(e));
}

/** The must* variants return Go's error; the plain ones swallow it (Sprig returns "" or nil). */
function orEmpty<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

export function defaultFunctions(): FuncMap {
  return {
    default: goFunc('default', ['any'], (d, ...given) => (given.length === 0 || isEmpty(given[0]) ? d : given[0]), 'any'),
    empty: goFunc('empty', ['any'], (v) => isEmpty(v)),
    coalesce: goFunc('coalesce', [], (...args) => args.find((a) => !isEmpty(a)) ?? null, 'any'),
    all: goFunc('all', [], (...args) => args.every((a) => !isEmpty(a)), 'any'),
    any: goFunc('any', [], (...args) => args.some((a) => !isEmpty(a)), 'any'),
    compact: goFunc('compact', ['any'], (l) => compact(l)),
    mustCompact: goFunc('mustCompact', ['any'], (l) => compact(l)),
    fromJson: goFunc('fromJson', ['string'], (s) => orEmpty(() => unmarshalJSON(s as string), null)),
    mustFromJson: goFunc('mustFromJson', ['string'], (s) => unmarshalJSON(s as string)),
    toJson: goFunc('toJson', ['any'], (v) => orEmpty(() => marshalJSON(v), '')),
    mustToJson: goFunc('mustToJson', ['any'], (v) => marshalJSON(v)),
    toPrettyJson: goFunc('toPrettyJson', ['any'], (v) => orEmpty(() => marshalJSON(v, { indent: '  ' }), '')),
    mustToPrettyJson: goFunc('mustToPrettyJson', ['any'], (v) => marshalJSON(v, { indent: '  ' })),
    toRawJson: goFunc('toRawJson', ['any'], (v) => orEmpty(() => marshalJSON(v, { escapeHTML: false }), '')),
    mustToRawJson: goFunc('mustToRawJson', ['any'], (v) => marshalJSON(v, { escapeHTML: false })),
    ternary: goFunc('ternary', ['any', 'any', 'bool'], (t, f, cond) => (cond ? t : f)),
    // Helm replaces fail with its own (message wrapped for error reporting); this is Sprig's.
    fail: goFunc('fail', ['string'], (msg) => {
      throw new Error(msg as string);
    }),
    deepCopy: goFunc('deepCopy', ['any'], (v) => deepCopyValue(nonNilCopy(v))),
    mustDeepCopy: goFunc('mustDeepCopy', ['any'], (v) => deepCopyValue(nonNilCopy(v))),
  };
}
