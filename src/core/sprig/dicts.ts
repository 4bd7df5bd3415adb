/**
 * Sprig's dict.go. dict/set/unset/merge mutate and return their map like Go (templates rely on
 * `$_ := set $d "k" v`); merge and mergeOverwrite follow dario.cat/mergo's map rules, including its
 * quirks: a src map lands in dst by reference when dst lacks the key, and "empty" dst values
 * (0, "", false, empty map) are replaced even without overwrite.
 */
import { FuncMap, GoStruct, GoTime, GoValue, GoMap, goFunc } from '../gotemplate/values';
import { isEmpty, strval } from './convert';

const has = (m: GoMap, k: string): boolean => Object.prototype.hasOwnProperty.call(m, k);

function isMap(v: GoValue): v is GoMap {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array) &&
    !(v instanceof GoStruct) && !(v instanceof GoTime);
}

/** mergo.Merge(&dst, src[, WithOverride]) for map[string]interface{} values. */
export function mergoMerge(dst: GoMap, src: GoMap, overwrite: boolean, depth = 0): void {
  if (depth > 2000) throw new Error('merge: maps nested too deeply (cyclic?)');
  for (const key of Object.keys(src)) {
    const sv = src[key];
    const present = has(dst, key);
    const dv = present ? dst[key] : undefined;
    if (sv === null || sv === undefined) {
      // A nil interface in src only overwrites when asked to.
      if (overwrite) dst[key] = null;
      continue;
    }
    if (isMap(sv) && present && isMap(dv)) {
      mergoMerge(dv, sv, overwrite, depth + 1);
      if (!isEmpty(dv)) continue;
    } else if (Array.isArray(sv) && present && !isEmpty(dv)) {
      if (overwrite) dst[key] = sv;
      continue;
    }
    if (overwrite || !present || isEmpty(dv)) dst[key] = sv;
  }
}

function requireMap(v: GoValue, fn: string): GoMap {
  if (isMap(v)) return v;
  throw new Error(`${fn}: expected map[string]interface {}`);
}

function dict(args: GoValue[]): GoMap {
  const out: GoMap = {};
  for (let i = 0; i < args.length; i += 2) {
    out[strval(args[i])] = i + 1 < args.length ? args[i + 1] : '';
  }
  return out;
}

function dig(args: GoValue[]): GoValue {
  if (args.length < 3) throw new Error('dig needs at least three arguments');
  let dict = args[args.length - 1];
  const def = args[args.length - 2];
  const keys = args.slice(0, -2);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (typeof k !== 'string') throw new Error(`interface conversion: interface {} is ${typeName(k)}, not string`);
    if (!isMap(dict)) throw new Error(`interface conversion: interface {} is ${typeName(dict)}, not map[string]interface {}`);
    if (!has(dict, k)) return def;
    if (i === keys.length - 1) return dict[k];
    dict = dict[k];
  }
  return def;
}

function typeName(v: GoValue): string {
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  return v instanceof GoStruct ? v.goTypeName : 'map[string]interface {}';
}

function mergeAll(name: string, overwrite: boolean) {
  // A missing value (`$x.global`, `index $.Values "pilot"`) reaches Go's map parameter as a nil map:
  // as a source it adds nothing, as the destination it is a fresh map; helm renders on.
  const orEmpty = (v: GoValue): GoValue => (v === null || v === undefined ? {} : v);
  return goFunc(name, ['map'], (dst, ...srcs) => {
    const d = requireMap(orEmpty(dst), name);
    for (const s of srcs) mergoMerge(d, requireMap(orEmpty(s), name), overwrite);
    return d;
  }, 'map');
}

/** The map argument of a dict function (the engine checks Go types; this guards direct callers). */
const asMap = (v: GoValue, fn: string): GoMap => requireMap(v, fn);

export function dictFunctions(): FuncMap {
  return {
    dict: goFunc('dict', [], (...args) => dict(args), 'any'),
    get: goFunc('get', ['map', 'string'], (d, k) => (has(asMap(d, 'get'), k as string) ? (d as GoMap)[k as string] : '')),
    set: goFunc('set', ['map', 'string', 'any'], (d, k, v) => {
      asMap(d, 'set')[k as string] = v;
      return d;
    }),
    unset: goFunc('unset', ['map', 'string'], (d, k) => {
      delete asMap(d, 'unset')[k as string];
      return d;
    }),
    hasKey: goFunc('hasKey', ['map', 'string'], (d, k) => has(asMap(d, 'hasKey'), k as string)),
    pluck: goFunc('pluck', ['string'], (k, ...dicts) =>
      dicts.filter((d) => has(asMap(d, 'pluck'), k as string)).map((d) => (d as GoMap)[k as string]), 'map'),
    // Go map order is random; Helm users sort the result (keys | sortAlpha). Insertion order here.
    keys: goFunc('keys', [], (...dicts) => dicts.flatMap((d) => Object.keys(asMap(d, 'keys'))), 'map'),
    values: goFunc('values', ['map'], (d) => Object.values(asMap(d, 'values'))),
    pick: goFunc('pick', ['map'], (d, ...keys) => {
      const out: GoMap = {};
      const m = asMap(d, 'pick');
      for (const k of keys as string[]) if (has(m, k)) out[k] = m[k];
      return out;
    }, 'string'),
    omit: goFunc('omit', ['map'], (d, ...keys) => {
      const drop = new Set(keys as string[]);
      const out: GoMap = {};
      const m = asMap(d, 'omit');
      for (const k of Object.keys(m)) if (!drop.has(k)) out[k] = m[k];
      return out;
    }, 'string'),
    merge: mergeAll('merge', false),
    mustMerge: mergeAll('mustMerge', false),
    mergeOverwrite: mergeAll('mergeOverwrite', true),
    mustMergeOverwrite: mergeAll('mustMergeOverwrite', true),
    dig: goFunc('dig', [], (...args) => dig(args), 'any'),
  };
}
