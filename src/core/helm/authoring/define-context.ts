/**
 * What `.` is inside each `define`, from its call sites across the chart tree (defines are global in
 * Helm, so a subchart's helper may be called by the parent and the other way round).
 *
 * Why: a define's `.` is whatever its caller passes. `include "x.labels" .` passes the root context,
 * but `include "x.image" .Values.image` makes `.repository` in the define `.Values.image.repository`,
 * `include "x.env" (dict "ctx" $ "vals" .Values.env)` makes `.vals.name` `.Values.env.name`, and a
 * call from inside `range` passes something no scan can follow. Assuming the root context everywhere
 * misses the first kinds of read and invents findings for the last; so the chart model asks here.
 *
 * Each call records what it passes (template-refs' `Dot`); a call made inside another define is in
 * terms of that define's own `.` (`param`), so contexts propagate through nested includes. The
 * contexts are joined over all call sites until nothing changes: equal ones stay, dicts are joined key
 * by key, anything else that disagrees is unknown. A `.Values` path is the values of the chart whose
 * template makes the call; read from another chart's define it is unknown there. Defines with no call
 * sites keep the root assumption (`contextOf` says nothing for them). Recursion (a define calling
 * itself or its caller with a different `.`) ends in unknown; dicts nest at most `MAX_DEPTH` deep and
 * the work is bounded (`MAX_STEPS`), past which every called define is unknown: no finding is made up.
 */
import type { CallSite, Dot } from './template-refs';

/** A define's context as its callers agree on it; a `.Values` path names the chart whose values it is. */
export type DefineContext = 'root' | 'unknown' | { values: string[]; chart: string } | { dict: ReadonlyMap<string, DefineContext> };

/** A call site and the chart (its folder) whose template makes it. */
export interface ChartCallSite {
  chart: string;
  site: CallSite;
}

const MAX_DEPTH = 4;
const MAX_STEPS = 20_000;

/** Every called define's context, by name; a name absent was never called (the root assumption holds). */
export function inferDefineContexts(sites: Iterable<ChartCallSite>): Map<string, DefineContext> {
  const byCallee = new Map<string, ChartCallSite[]>();
  /** Defines called from inside each define: revisited when its context changes. */
  const callees = new Map<string, Set<string>>();
  for (const entry of sites) {
    const list = byCallee.get(entry.site.name) ?? [];
    list.push(entry);
    byCallee.set(entry.site.name, list);
    if (entry.site.from !== undefined) {
      const set = callees.get(entry.site.from) ?? new Set();
      set.add(entry.site.name);
      callees.set(entry.site.from, set);
    }
  }
  const contexts = new Map<string, DefineContext>();
  /** What `.` is in the caller: a define never called runs with the root context; undefined while not yet known. */
  const callerContext = (from: string | undefined): DefineContext | undefined => (from === undefined || !byCallee.has(from) ? 'root' : contexts.get(from));
  const work = [...byCallee.keys()];
  const queued = new Set(work);
  let steps = 0;
  while (work.length > 0) {
    const name = work.shift()!;
    queued.delete(name);
    let joined = contexts.get(name);
    for (const { chart, site } of byCallee.get(name)!) {
      if (++steps > MAX_STEPS) {
        for (const called of byCallee.keys()) contexts.set(called, 'unknown');
        return contexts;
      }
      const caller = callerContext(site.from);
      if (caller === undefined) continue;
      const passed = truncate(substitute(site.arg, caller, chart, 0), 0);
      joined = joined === undefined ? passed : join(joined, passed, 0);
    }
    if (joined === undefined || (contexts.has(name) && same(contexts.get(name)!, joined))) continue;
    contexts.set(name, joined);
    for (const next of callees.get(name) ?? [])
      if (!queued.has(next)) {
        queued.add(next);
        work.push(next);
      }
  }
  // Called only from a cycle nothing enters: as good as never called.
  for (const name of byCallee.keys()) if (!contexts.has(name)) contexts.set(name, 'root');
  return contexts;
}

/** The context as the define's walk in `chartDir` reads it (template-refs' `Dot`): another chart's values, or unknown, are opaque. */
export function contextDot(context: DefineContext, chartDir: string): Dot {
  if (context === 'root') return 'root';
  if (context === 'unknown') return 'opaque';
  if ('values' in context) return context.chart === chartDir ? { values: context.values } : 'opaque';
  return { dict: new Map([...context.dict].map(([k, v]) => [k, contextDot(v, chartDir)])) };
}

/** A short text of a context, for hover and cache keys (`root`, `.Values.image`, `dict(ctx: root)`, `unknown`). */
export function describeContext(context: Dot | DefineContext): string {
  if (typeof context === 'string') return context === 'opaque' ? 'unknown' : context;
  if ('values' in context) return context.values.length ? `.Values.${context.values.join('.')}` : '.Values';
  if ('param' in context) return `.${context.param.join('.')}`;
  const entries = [...context.dict].sort(([a], [b]) => (a < b ? -1 : 1));
  return `dict(${entries.map(([k, v]) => `${k}: ${describeContext(v)}`).join(', ')})`;
}

/** What a call passes, given what `.` is where it is made. */
function substitute(arg: Dot, caller: DefineContext, chart: string, depth: number): DefineContext {
  if (depth > MAX_DEPTH) return 'unknown';
  if (arg === 'root') return 'root';
  if (arg === 'unknown' || arg === 'opaque') return 'unknown';
  if ('values' in arg) return { values: arg.values, chart };
  if ('param' in arg) return follow(caller, arg.param, chart);
  return { dict: new Map([...arg.dict].map(([k, v]) => [k, substitute(v, caller, chart, depth + 1)])) };
}

/**
 * `keys` read below a context, in a template of `chart`. A root context is that of whichever chart
 * called; its `.Values` are taken as those of the chart making the call (as a define's own reads are).
 */
function follow(context: DefineContext, keys: readonly string[], chart: string): DefineContext {
  for (let i = 0; i < keys.length; i++) {
    if (context === 'unknown') return context;
    if (context === 'root') return keys[i] === 'Values' ? { values: keys.slice(i + 1), chart } : 'unknown';
    if ('values' in context) return { values: [...context.values, ...keys.slice(i)], chart: context.chart };
    context = context.dict.get(keys[i]) ?? 'unknown';
  }
  return context;
}

/** Dicts nested deeper than `MAX_DEPTH` are unknown (a define passing `(dict "a" .)` to itself nests without end). */
function truncate(context: DefineContext, depth: number): DefineContext {
  if (typeof context !== 'object' || !('dict' in context)) return context;
  if (depth >= MAX_DEPTH) return 'unknown';
  return { dict: new Map([...context.dict].map(([k, v]) => [k, truncate(v, depth + 1)])) };
}

function join(a: DefineContext, b: DefineContext, depth: number): DefineContext {
  if (same(a, b)) return a;
  if (depth < MAX_DEPTH && typeof a === 'object' && typeof b === 'object' && 'dict' in a && 'dict' in b) {
    const dict = new Map<string, DefineContext>();
    for (const key of new Set([...a.dict.keys(), ...b.dict.keys()])) {
      const x = a.dict.get(key);
      const y = b.dict.get(key);
      dict.set(key, x === undefined || y === undefined ? 'unknown' : join(x, y, depth + 1));
    }
    return { dict };
  }
  return 'unknown';
}

function same(a: DefineContext, b: DefineContext): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if ('values' in a || 'values' in b) return 'values' in a && 'values' in b && a.chart === b.chart && a.values.length === b.values.length && a.values.every((k, i) => k === b.values[i]);
  if (a.dict.size !== b.dict.size) return false;
  for (const [k, v] of a.dict) {
    const w = b.dict.get(k);
    if (w === undefined || !same(v, w)) return false;
  }
  return true;
}
