/**
 * Values coalescing as Helm does it (pkg/chart/common/util/coalesce.go): user values win over chart
 * defaults, maps merge and everything else replaces, a user `null` deletes a default, each subchart
 * gets its defaults under its name (or alias), and `global` flows down into every subchart.
 * Helm 4 drops `null`s from chart defaults first (golden issue-9027); Helm 3 lets them delete.
 *
 * Inputs are never mutated: user values and chart defaults are copied before merging.
 */
import type { GoMap, GoValue } from '../../gotemplate/values';
import { formatValue, goTypeName } from '../../gotemplate/fmt';
import type { Chart } from '../chart';

export type HelmCompat = 3 | 4;

/**
 * Values deeper than this are refused: every step of rendering (coalescing, templates, toYaml) walks
 * values recursively, and a 100,000-deep `--set-json` overflowed the stack. Values files cannot get
 * here (YAML is refused past 256 levels); JSON and values built by code can.
 */
export const MAX_VALUES_DEPTH = 512;

export class ValuesDepthError extends Error {
  constructor(path?: string) {
    const shown = path && path.length > 80 ? `${path.slice(0, 80)}...` : path;
    super(`values are nested more than ${MAX_VALUES_DEPTH} levels deep${shown ? ` (at ${shown})` : ''}; shipshape does not read deeper`);
  }
}

function checkDepth(depth: number, path?: () => string): void {
  if (depth > MAX_VALUES_DEPTH) throw new ValuesDepthError(path?.());
}

export function isTable(value: GoValue): value is GoMap {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array) &&
    (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)
  );
}

/** Deep copy of maps and lists (scalars, bytes and structs are shared: they are never mutated). */
export function deepCopyValues<T extends GoValue>(value: T, depth = 0): T {
  if (Array.isArray(value)) {
    checkDepth(depth);
    return value.map((v) => deepCopyValues(v, depth + 1)) as T;
  }
  if (isTable(value)) {
    checkDepth(depth);
    const out: GoMap = {};
    for (const k of Object.keys(value)) out[k] = deepCopyValues(value[k], depth + 1);
    return out as T;
  }
  return value;
}

/** Helm's MergeMaps (values files and -f merging): maps merge recursively, anything else replaces. */
export function mergeMaps(a: GoMap, b: GoMap, depth = 0): GoMap {
  checkDepth(depth);
  const out: GoMap = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const existing = out[k];
    out[k] = isTable(v) && isTable(existing) ? mergeMaps(existing, v, depth + 1) : isTable(v) ? checkedTable(v, depth + 1) : v;
  }
  return out;
}

/** A map taken as it is (not merged) must still be within the depth bound: later walkers recurse into it. */
function checkedTable(map: GoMap, depth: number): GoMap {
  // Iterative: this is the guard, it must not overflow itself.
  const stack: [GoValue, number][] = [[map, depth]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (!(isTable(v) || Array.isArray(v))) continue;
    checkDepth(d);
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
  }
  return map;
}

/** Drops nil entries of maps, recursively (Helm 4's cleanNilValues on chart defaults). */
function withoutNils(map: GoMap, depth = 0): GoMap {
  checkDepth(depth);
  const out: GoMap = {};
  for (const [k, v] of Object.entries(map)) {
    if (v === null || v === undefined) continue;
    out[k] = isTable(v) ? withoutNils(v, depth + 1) : v;
  }
  return out;
}

/** A chart's default values: Helm 4 merges every document of values.yaml, Helm 3 reads the first. */
export function chartDefaults(chart: Chart, compat: HelmCompat): GoMap {
  return compat === 3 && chart.valuesFirstDocument ? chart.valuesFirstDocument : chart.values;
}

export type Warn = (message: string) => void;

const concatPrefix = (a: string, b: string): string => (a === '' ? b : `${a}.${b}`);

/** Helm 4.0/4.1 still kept nulls from chart defaults (4.2 drops them, as `helm4: true` here does by default). */
export interface CoalesceOptions {
  keepDefaultNils?: boolean;
}

class Coalescer {
  constructor(
    private readonly compat: HelmCompat,
    private readonly merge: boolean,
    private readonly warn: Warn,
    private readonly options: CoalesceOptions = {},
  ) {}

  coalesce(chart: Chart, dest: GoMap, prefix: string): GoMap {
    this.coalesceValues(chart, dest, prefix);
    return this.coalesceDeps(chart, dest, prefix);
  }

  private coalesceDeps(chart: Chart, dest: GoMap, prefix: string): GoMap {
    for (const sub of chart.dependencies) {
      const name = sub.metadata.name;
      if (!(name in dest)) dest[name] = {};
      const dv = dest[name];
      if (!isTable(dv)) {
        // Go formats the value with %t: booleans print as such, anything else as %!t(type=value).
        const shown = typeof dv === 'boolean' ? String(dv) : `%!t(${goTypeName(dv)}=${formatValue(dv)})`;
        throw new Error(`type mismatch on ${name}: ${shown}`);
      }
      const subPrefix = concatPrefix(prefix, chart.metadata.name);
      this.coalesceGlobals(dv, dest, subPrefix);
      dest[name] = this.coalesce(sub, dv, subPrefix);
    }
    return dest;
  }

  /** Copies the parent's `global` into the subchart's values; the parent's keys win. */
  private coalesceGlobals(dest: GoMap, src: GoMap, prefix: string): void {
    let dg: GoMap;
    if (!('global' in dest)) dg = {};
    else if (isTable(dest.global)) dg = dest.global;
    else {
      this.warn('warning: skipping globals because destination global is not a table.');
      return;
    }
    let sg: GoMap;
    if (!('global' in src)) sg = {};
    else if (isTable(src.global)) sg = src.global;
    else {
      this.warn('warning: skipping globals because source global is not a table.');
      return;
    }
    for (const [key, val] of Object.entries(sg)) {
      if (isTable(val)) {
        const vv: GoMap = { ...val };
        if (!(key in dg)) {
          dg[key] = vv;
        } else {
          const destv = dg[key];
          if (!isTable(destv)) {
            this.warn(`Conflict: cannot merge map onto non-map for "${key}". Skipping.`);
          } else {
            this.coalesceTables(vv, destv, concatPrefix(prefix, key), true);
            dg[key] = vv;
          }
        }
      } else if (key in dg && isTable(dg[key])) {
        this.warn(`key ${key} is table. Skipping`);
      } else {
        dg[key] = val;
      }
    }
    dest.global = dg;
  }

  private coalesceValues(chart: Chart, v: GoMap, prefix: string): void {
    const subPrefix = concatPrefix(prefix, chart.metadata.name);
    let defaults = deepCopyValues(chartDefaults(chart, this.compat));
    if (this.compat === 4 && !this.options.keepDefaultNils) defaults = withoutNils(defaults);
    for (const [key, val] of Object.entries(defaults)) {
      if (key in v) {
        const value = v[key];
        if ((value === null || value === undefined) && !this.merge) {
          delete v[key];
        } else if (isTable(value)) {
          if (!isTable(val)) {
            if (val !== null && val !== undefined) this.warn(`warning: skipped value for ${subPrefix}.${key}: Not a table.`);
          } else {
            const merge = chart.dependencies.some((d) => d.metadata.name === key) || this.merge;
            this.coalesceTables(value, val, concatPrefix(subPrefix, key), merge);
          }
        }
      } else {
        v[key] = val;
      }
    }
  }

  /** dst wins over src; src is a private copy and may be modified. */
  coalesceTables(dst: GoMap, src: GoMap, prefix: string, merge: boolean, depth = 0): GoMap {
    checkDepth(depth, () => prefix);
    for (const [key, val] of Object.entries(dst)) if (val === null || val === undefined) src[key] = null;
    for (const [key, val] of Object.entries(src)) {
      const fullKey = concatPrefix(prefix, key);
      const has = key in dst;
      const dv = dst[key];
      if (has && !merge && (dv === null || dv === undefined)) {
        delete dst[key];
      } else if (!has) {
        dst[key] = val;
      } else if (isTable(val)) {
        if (isTable(dv)) this.coalesceTables(dv, val, fullKey, merge, depth + 1);
        else this.warn(`warning: cannot overwrite table with non table for ${fullKey} (map[...])`);
      } else if (isTable(dv) && val !== null && val !== undefined) {
        this.warn(`warning: destination for ${fullKey} is a table. Ignoring non-table value (${String(val)})`);
      }
    }
    return dst;
  }
}

/** CoalesceValues: user values over the chart's defaults, recursively through its subcharts. */
export function coalesceValues(chart: Chart, userValues: GoMap, compat: HelmCompat, warn: Warn = () => {}, options: CoalesceOptions = {}): GoMap {
  return new Coalescer(compat, false, warn, options).coalesce(chart, deepCopyValues(userValues), '');
}

/** MergeValues: like coalesceValues but nulls are kept (used for import-values). */
export function mergeValues(chart: Chart, values: GoMap, compat: HelmCompat, warn: Warn = () => {}, options: CoalesceOptions = {}): GoMap {
  return new Coalescer(compat, true, warn, options).coalesce(chart, deepCopyValues(values), '');
}

/** CoalesceTables(dst, src) with Helm's rules (dst wins); both are copied first. */
export function coalesceTables(dst: GoMap, src: GoMap, merge = false): GoMap {
  return new Coalescer(4, merge, () => {}).coalesceTables(deepCopyValues(dst), deepCopyValues(src), '', merge);
}
