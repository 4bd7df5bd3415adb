/**
 * Subchart resolution before rendering (Helm's pkg/chart/v2/util/dependencies.go): aliases, `tags`
 * and `condition` enablement, and `import-values`. Works on a copy of the loaded chart tree, so a
 * cached chart can be rendered again with other values.
 */
import type { GoMap, GoValue } from '../gotemplate/values';
import type { Chart, ChartDependency } from './chart';
import { isCompatibleRange } from './semver';
import { coalesceTables, coalesceValues, deepCopyValues, isTable, mergeValues, type CoalesceOptions, type HelmCompat, type Warn } from './values/coalesce';

/**
 * Copies the chart tree: metadata, dependency lists and parent links are fresh; file data is shared.
 * Iterative, so no tree depth overflows it (the loader bounds subchart nesting for the rest).
 */
export function cloneChartTree(chart: Chart, parent?: Chart): Chart {
  const copyOne = (c: Chart, p: Chart | undefined): Chart => ({
    ...c,
    metadata: { ...c.metadata, dependencies: c.metadata.dependencies.map((d) => ({ ...d })) },
    parent: p,
    dependencies: [],
  });
  const root = copyOne(chart, parent);
  const pending: [Chart, Chart][] = [[chart, root]];
  while (pending.length > 0) {
    const [source, copy] = pending.pop()!;
    for (const d of source.dependencies) {
      const child = copyOne(d, copy);
      copy.dependencies.push(child);
      pending.push([d, child]);
    }
  }
  return root;
}

/** Helm's CheckDependencies: every listed dependency must exist in charts/ (by name). */
export function missingDependencies(chart: Chart): string[] {
  return chart.metadata.dependencies
    .filter((req) => !chart.dependencies.some((d) => d.metadata.name === req.name))
    .map((req) => req.name);
}

/** `a.b.c` lookup through maps; undefined when a step is missing or not a map. */
function pathValue(values: GoMap, path: string): { found: boolean; value?: GoValue } {
  const parts = path.split('.');
  let cur: GoValue = values;
  for (let i = 0; i < parts.length; i++) {
    if (!isTable(cur) || !(parts[i] in cur)) return { found: false };
    cur = cur[parts[i]];
  }
  return { found: true, value: cur };
}

function table(values: GoMap, path: string): GoMap | undefined {
  const r = pathValue(values, path);
  return r.found && isTable(r.value ?? null) ? (r.value as GoMap) : undefined;
}

function processTags(reqs: ChartDependency[], cvals: GoMap, warn: Warn): void {
  const tags = cvals.tags;
  if (!isTable(tags)) return;
  for (const r of reqs) {
    let hasTrue = false;
    let hasFalse = false;
    for (const k of r.tags) {
      if (!(k in tags)) continue;
      const b = tags[k];
      if (typeof b === 'boolean') {
        if (b) hasTrue = true;
        else hasFalse = true;
      } else {
        warn(`Warning: Tag '${k}' for chart ${r.name} returned non-bool value`);
      }
    }
    if (!hasTrue && hasFalse) r.enabled = false;
    else r.enabled = true;
  }
}

function processConditions(reqs: ChartDependency[], cvals: GoMap, path: string, warn: Warn): void {
  for (const r of reqs) {
    for (const raw of r.condition.trim().split(',')) {
      const c = raw;
      if (c.length === 0) continue;
      const v = pathValue(cvals, path + c);
      if (!v.found) continue;
      if (typeof v.value === 'boolean') {
        r.enabled = v.value;
        break;
      }
      warn(`Warning: Condition path '${c}' for chart ${r.name} returned non-bool value`);
    }
  }
}

function aliasDependency(charts: Chart[], dep: ChartDependency): Chart | undefined {
  for (const c of charts) {
    if (c.metadata.name !== dep.name) continue;
    if (!isCompatibleRange(dep.version, c.metadata.version)) continue;
    if (!dep.alias) return c;
    const copy: Chart = { ...c, metadata: { ...c.metadata, name: dep.alias } };
    copy.dependencies = c.dependencies.map((d) => cloneChartTree(d, copy));
    return copy;
  }
  return undefined;
}

function processEnabled(c: Chart, v: GoMap, path: string, compat: HelmCompat, warn: Warn, opts: CoalesceOptions): void {
  if (c.metadata.dependencies.length === 0 && !Array.isArray(c.metadata.raw.dependencies)) return;
  const kept: Chart[] = [];
  for (const existing of c.dependencies) {
    const listed = c.metadata.dependencies.some(
      (req) => existing.metadata.name === req.name && isCompatibleRange(req.version, existing.metadata.version),
    );
    if (!listed) kept.push(existing);
  }
  for (const req of c.metadata.dependencies) {
    const dep = aliasDependency(c.dependencies, req);
    if (dep) kept.push(dep);
    if (req.alias) req.name = req.alias;
  }
  c.dependencies = kept;
  for (const d of kept) d.parent = c;
  for (const req of c.metadata.dependencies) req.enabled = true;
  const cvals = coalesceValues(c, v, compat, warn, opts);
  processTags(c.metadata.dependencies, cvals, warn);
  processConditions(c.metadata.dependencies, cvals, path, warn);
  const disabled = new Set(c.metadata.dependencies.filter((r) => !r.enabled).map((r) => r.name));
  const enabledCharts = c.dependencies.filter((d) => !disabled.has(d.metadata.name));
  const enabledMeta = c.metadata.dependencies.filter((r) => !disabled.has(r.name));
  for (const t of enabledCharts) processEnabled(t, cvals, `${path}${t.metadata.name}.`, compat, warn, opts);
  c.metadata = { ...c.metadata, dependencies: enabledMeta };
  c.dependencies = enabledCharts;
}

/** Builds `{a: {b: data}}` for parent path `a.b`; `.` means the root. */
function pathToMap(path: string, data: GoMap): GoMap {
  if (path === '.') return data;
  const parts = path.split('.').filter((p) => p !== '');
  let out: GoMap = data;
  for (let i = parts.length - 1; i >= 0; i--) out = { [parts[i]]: out };
  return out;
}

function processImportValues(c: Chart, compat: HelmCompat, warn: Warn, opts: CoalesceOptions): void {
  if (c.metadata.dependencies.length === 0) return;
  const cvals = mergeValues(c, {}, compat, warn, opts);
  let b: GoMap = {};
  for (const r of c.metadata.dependencies) {
    const out: GoValue[] = [];
    for (const iv of r.importValues) {
      if (isTable(iv)) {
        const child = goSprint(iv.child);
        const parent = goSprint(iv.parent);
        out.push({ child, parent });
        const vv = table(cvals, `${r.name}.${child}`);
        if (!vv) {
          warn(`Warning: ImportValues missing table from chart ${r.name}: no table named "${child}"`);
          continue;
        }
        b = coalesceTables(b, pathToMap(parent, deepCopyValues(vv)), true);
      } else if (typeof iv === 'string') {
        const child = `exports.${iv}`;
        out.push({ child, parent: '.' });
        const vm = table(cvals, `${r.name}.${child}`);
        if (!vm) {
          warn(`Warning: ImportValues missing table: no table named "${child}"`);
          continue;
        }
        b = coalesceTables(b, deepCopyValues(vm), true);
      }
    }
    r.importValues = out;
  }
  // Imported values go in underneath: the parent's own values win over them.
  c.values = coalesceTables(cvals, b, true);
  c.valuesFirstDocument = undefined;
}

function processImportValuesTree(c: Chart, compat: HelmCompat, warn: Warn, opts: CoalesceOptions): void {
  for (const d of c.dependencies) processImportValuesTree(d, compat, warn, opts);
  processImportValues(c, compat, warn, opts);
}

function goSprint(v: GoValue): string {
  if (v === null || v === undefined) return '<nil>';
  return String(v);
}

/**
 * ProcessDependenciesWithMerge on a copy of `chart`: returns the tree that will be rendered, with
 * disabled subcharts removed, aliases applied and imported values folded into parents' defaults.
 */
export function processDependencies(chart: Chart, userValues: GoMap, compat: HelmCompat, warn: Warn = () => {}, opts: CoalesceOptions = {}): Chart {
  const root = cloneChartTree(chart);
  processEnabled(root, userValues, '', compat, warn, opts);
  processImportValuesTree(root, compat, warn, opts);
  return root;
}
