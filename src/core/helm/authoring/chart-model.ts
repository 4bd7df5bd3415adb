/**
 * A chart as its author edits it: every template's scan, its values files' keys, its Chart.yaml, and
 * the chart tree it belongs to (a parent's overrides and `global` reach a subchart's `.Values`;
 * `define`s are visible across the whole tree, as in Helm). Built from the Project's files (open
 * buffers over disk) on demand; each file's scan is cached by its text, so a keystroke re-scans only
 * the file typed in. A template's defines are read with the `.` their callers pass (define-context.ts),
 * inferred over the tree again only when one of its templates changed.
 */
import { basename, dirname, join, sep } from 'node:path';
import { parseDocument, isMap, isPair, isScalar, isSeq, LineCounter } from 'yaml';
import type { Range } from '../../diagnostics';
import { goBuiltins } from '../../gotemplate';
import { helmFunctions } from '../functions/index';
import { parseValuesTree, type ValueKey, type ValuesTree } from './values-tree';
import { scanTemplate, withDefineContexts, type DefineDecl, type Dot, type TemplateScan } from './template-refs';
import { contextDot, inferDefineContexts, type DefineContext } from './define-context';

/** What the Project lends the model: file texts and the files it knows below a folder. */
export interface ChartSources {
  read(path: string): string | undefined;
  /** Files below `dir` (any depth). */
  list(dir: string): string[];
  exists(path: string): boolean;
  /** Values files chosen for rendering a chart (the render command's choice), applied in order after values.yaml. */
  chosenValuesFiles?(chartDir: string): readonly string[];
}

export interface ChartMeta {
  file: string;
  /** Chart.yaml's top-level keys and where each value is written (`name` → its range). */
  fields: Map<string, { value: string; range: Range }>;
  /** Names (or aliases) of the dependencies: their values live under these keys. */
  dependencies: string[];
}

let functionNames: Set<string> | undefined;
/** Every function a Helm template may call (Go's builtins, Sprig minus env, Helm's own). */
export function isHelmFunction(name: string): boolean {
  functionNames ??= new Set([...Object.keys(goBuiltins), ...Object.keys(helmFunctions()), 'include', 'tpl']);
  return functionNames.has(name);
}

export function isTemplateFile(path: string): boolean {
  return /\.(ya?ml|tpl|txt)$/i.test(path);
}

export class AuthoringIndex {
  private readonly scans = new Map<string, { text: string; value: TemplateScan }>();
  private readonly values = new Map<string, { text: string; value: ValuesTree }>();
  private readonly metas = new Map<string, { text: string; value: ChartMeta }>();
  private readonly views = new Map<string, ChartView>();
  /** Define contexts by the tree's top chart, with the scans they were inferred from. */
  private readonly contexts = new Map<string, { scans: (TemplateScan | undefined)[]; value: Map<string, DefineContext> }>();
  /** Scans read with their defines' contexts, by file. */
  private readonly resolved = new Map<string, { base: TemplateScan; key: string; value: TemplateScan }>();
  /** Bumped when files come or go: charts' listings (templates, subcharts) are read again. */
  epoch = 0;

  constructor(private readonly sources: ChartSources) {}

  /** Files were created or deleted. */
  filesChanged(): void {
    this.epoch++;
  }

  view(dir: string): ChartView {
    let view = this.views.get(dir);
    if (!view) this.views.set(dir, (view = new ChartView(dir, this, this.sources)));
    return view;
  }

  metaOf(file: string): ChartMeta | undefined {
    return this.byText(this.metas, file, (text) => parseChartMeta(file, text));
  }

  scanOf(file: string): TemplateScan | undefined {
    return this.byText(this.scans, file, (text) => scanTemplate(templateName(file), text, isHelmFunction));
  }

  valuesOf(file: string): ValuesTree | undefined {
    return this.byText(this.values, file, (text) => parseValuesTree(file, text));
  }

  /** A file's reading, made again only when its text changed (a keystroke re-reads one file). */
  private byText<T>(cache: Map<string, { text: string; value: T }>, file: string, read: (text: string) => T): T | undefined {
    const text = this.sources.read(file);
    if (text === undefined) return undefined;
    const cached = cache.get(file);
    if (cached?.text === text) return cached.value;
    const value = read(text);
    cache.set(file, { text, value });
    return value;
  }

  /** What every called define of the tree (`charts`, top first) gets as `.`, by name. */
  defineContexts(charts: readonly ChartView[]): Map<string, DefineContext> {
    const entries = charts.flatMap((chart) => chart.templates().map((file) => ({ chart: chart.dir, scan: this.scanOf(file) })));
    const scans = entries.map((e) => e.scan);
    const cached = this.contexts.get(charts[0].dir);
    if (cached && cached.scans.length === scans.length && cached.scans.every((s, i) => s === scans[i])) return cached.value;
    const value = inferDefineContexts(entries.flatMap(({ chart, scan }) => (scan?.calls ?? []).map((site) => ({ chart, site }))));
    this.contexts.set(charts[0].dir, { scans, value });
    return value;
  }

  /** `base` with each define walked with the `.` `contextOf` gives it (the same scan when all are the root context). */
  resolvedScan(file: string, base: TemplateScan, contextOf: (define: string) => Dot | undefined): TemplateScan {
    const dots = new Map(base.defines.map((d) => [d.name, contextOf(d.name)]));
    if ([...dots.values()].every((dot) => dot === undefined || dot === 'root')) return base;
    const key = JSON.stringify([...dots], (_, v: unknown) => (v instanceof Map ? [...v].sort(([a], [b]) => (a < b ? -1 : 1)) : v));
    const cached = this.resolved.get(file);
    if (cached?.base === base && cached.key === key) return cached.value;
    const value = withDefineContexts(base, (name) => dots.get(name));
    this.resolved.set(file, { base, key, value });
    return value;
  }

  forget(file: string): void {
    this.resolved.delete(file);
    this.scans.delete(file);
    this.values.delete(file);
    this.metas.delete(file);
  }

  /** The chart holding `file` (a template, a values file or Chart.yaml), or undefined. */
  chartOf(file: string): ChartView | undefined {
    let dir = dirname(file);
    for (let i = 0; i < 3 && dir !== dirname(dir); i++, dir = dirname(dir)) {
      const ciValues = i === 1 && basename(dirname(file)) === 'ci';
      if (this.sources.exists(join(dir, 'Chart.yaml')) && (i === 0 || ciValues || file.startsWith(join(dir, 'templates') + sep))) return this.view(dir);
      if (basename(dir) === 'templates') {
        const chart = dirname(dir);
        if (this.sources.exists(join(chart, 'Chart.yaml'))) return this.view(chart);
      }
    }
    // Deeper template folders (templates/a/b/x.yaml).
    const parts = file.split(sep);
    const at = parts.lastIndexOf('templates');
    if (at > 0) {
      const chart = parts.slice(0, at).join(sep) || sep;
      if (this.sources.exists(join(chart, 'Chart.yaml'))) return this.view(chart);
    }
    return undefined;
  }
}

/** One chart of a tree, with what its templates can see. */
export class ChartView {
  constructor(
    readonly dir: string,
    private readonly index: AuthoringIndex,
    private readonly sources: ChartSources,
  ) {}

  get name(): string {
    return this.meta()?.fields.get('name')?.value ?? basename(this.dir);
  }

  /** The chart above this one when it is a subchart (`<parent>/charts/<this>`). */
  parent(): ChartView | undefined {
    const up = dirname(this.dir);
    if (basename(up) !== 'charts' || !this.sources.exists(join(dirname(up), 'Chart.yaml'))) return undefined;
    return this.index.view(dirname(up));
  }

  /** The top chart of the tree, then every chart below it (unpacked subcharts only). */
  tree(): ChartView[] {
    let top: ChartView = this;
    for (let p = top.parent(); p; p = p.parent()) top = p;
    const charts: ChartView[] = [];
    const visit = (chart: ChartView, depth: number) => {
      charts.push(chart);
      if (depth > 8) return;
      for (const sub of chart.subcharts()) visit(sub, depth + 1);
    };
    visit(top, 0);
    return charts;
  }

  private listed?: { epoch: number; subcharts: ChartView[]; templates: string[] };

  private listing(): { subcharts: ChartView[]; templates: string[] } {
    if (this.listed?.epoch === this.index.epoch) return this.listed;
    const prefix = join(this.dir, 'charts') + sep;
    const dirs = new Set<string>();
    for (const file of this.sources.list(prefix)) {
      const rest = file.slice(prefix.length).split(sep);
      if (rest.length === 2 && rest[1] === 'Chart.yaml') dirs.add(prefix + rest[0]);
    }
    const templates = this.sources.list(join(this.dir, 'templates') + sep).filter(isTemplateFile);
    this.listed = { epoch: this.index.epoch, subcharts: [...dirs].sort().map((d) => this.index.view(d)), templates };
    return this.listed;
  }

  subcharts(): ChartView[] {
    return this.listing().subcharts;
  }

  /** Template files of this chart (not its subcharts'). */
  templates(): string[] {
    return this.listing().templates;
  }

  /** A template of this chart, its defines read with the `.` their callers pass. */
  scan(file: string): TemplateScan | undefined {
    const base = this.index.scanOf(file);
    if (!base || base.defines.length === 0 || base.error) return base;
    const contexts = this.index.defineContexts(this.tree());
    return this.index.resolvedScan(file, base, (name) => {
      const context = contexts.get(name);
      return context === undefined ? undefined : contextDot(context, this.dir);
    });
  }

  /** What `.` is in the define `name` (read in this chart), as its callers across the tree agree; undefined when nothing calls it (the root context is assumed). */
  defineContext(name: string): Dot | undefined {
    const context = this.index.defineContexts(this.tree()).get(name);
    return context === undefined ? undefined : contextDot(context, this.dir);
  }

  /** A chart file by its chart-relative name (`.Files.Get`), never outside the chart. */
  readChartFile(name: string): string | undefined {
    const path = join(this.dir, name);
    return path.startsWith(this.dir + sep) ? this.sources.read(path) : undefined;
  }

  valuesFile(): string {
    return join(this.dir, 'values.yaml');
  }

  /** Any values file of the chart (a `-f` candidate beside values.yaml). */
  valuesTreeOf(file: string): ValuesTree | undefined {
    return this.index.valuesOf(file);
  }

  /** The chart's own default values. */
  values(): ValuesTree | undefined {
    return this.sources.exists(this.valuesFile()) ? this.index.valuesOf(this.valuesFile()) : undefined;
  }

  /**
   * Where `.Values.<path>` gets its value, strongest first: a parent's override (`<sub>: {…}`), then
   * this chart's default; `global.*` also from the parents' `global`.
   */
  sourcesOf(path: readonly string[]): ValueKey[] {
    const found: ValueKey[] = [];
    for (const { tree, prefix } of this.chosen()) {
      const key = lookup(tree, [...prefix, ...path]);
      if (key) found.push(key);
    }
    const chain: { chart: ChartView; prefix: string[] }[] = [];
    let prefix: string[] = [];
    let chart: ChartView = this;
    for (let parent = chart.parent(); parent; parent = parent.parent()) {
      prefix = [basename(chart.dir), ...prefix];
      chain.push({ chart: parent, prefix });
      chart = parent;
    }
    for (const { chart: parent, prefix: p } of chain.reverse()) {
      const key = lookup(parent.values(), [...p, ...path]);
      if (key) found.push(key);
      if (path[0] === 'global') {
        const global = lookup(parent.values(), path);
        if (global) found.push(global);
      }
    }
    const own = lookup(this.values(), path);
    if (own) found.push(own);
    // A parent's `.Values.<sub>` holds the subchart's defaults too (Helm coalesces them in).
    if (path.length > 1) {
      const sub = this.subchartNamed(path[0]);
      const key = sub ? lookup(sub.values(), path.slice(1)) : undefined;
      if (key) found.push(key);
    }
    return found;
  }

  /** A key some values file of the chart mentions in a comment (documented, left unset on purpose). */
  isDocumentedKey(name: string): boolean {
    return [this, ...this.ancestors()].some((c) => c.values()?.commentedKeys.has(name)) || this.subcharts().some((s) => s.values()?.commentedKeys.has(name));
  }

  private ancestors(): ChartView[] {
    const list: ChartView[] = [];
    for (let p = this.parent(); p; p = p.parent()) list.push(p);
    return list;
  }

  /** Keys below `path` from every source, merged by name (the strongest source's key wins). */
  childrenOf(path: readonly string[]): Map<string, ValueKey> {
    const merged = new Map<string, ValueKey>();
    const levels = path.length === 0 ? this.topLevels() : this.sourcesOf(path).map((k) => k.children);
    if (path.length === 1) levels.push(this.subchartNamed(path[0])?.values()?.keys);
    for (const level of levels) for (const [name, key] of level ?? []) if (!merged.has(name)) merged.set(name, key);
    return merged;
  }

  /** The values files chosen for the tree's top chart, strongest (last) first, with this chart's key path in them. */
  private chosen(): { tree: ValuesTree; prefix: string[] }[] {
    const prefix: string[] = [];
    let top: ChartView = this;
    for (let parent = top.parent(); parent; parent = parent.parent()) {
      prefix.unshift(basename(top.dir));
      top = parent;
    }
    const files = this.sources.chosenValuesFiles?.(top.dir) ?? [];
    const trees: { tree: ValuesTree; prefix: string[] }[] = [];
    for (const file of [...files].reverse()) {
      const tree = this.index.valuesOf(file);
      if (tree) trees.push({ tree, prefix });
    }
    return trees;
  }

  private topLevels(): (Map<string, ValueKey> | undefined)[] {
    const levels: (Map<string, ValueKey> | undefined)[] = this.chosen().map(({ tree, prefix }) => (prefix.length ? lookup(tree, prefix)?.children : tree.keys));
    let prefix: string[] = [];
    let chart: ChartView = this;
    for (let parent = chart.parent(); parent; parent = parent.parent()) {
      prefix = [basename(chart.dir), ...prefix];
      levels.push(lookup(parent.values(), prefix)?.children);
      chart = parent;
    }
    levels.push(this.values()?.keys);
    return levels;
  }

  private subchartNamed(name: string): ChartView | undefined {
    return this.subcharts().find((s) => basename(s.dir) === name || s.name === name);
  }

  /** Every define of the chart tree, by name (a name defined twice lists both; the last loaded wins in Helm). */
  defines(): Map<string, { file: string; decl: DefineDecl }[]> {
    const byName = new Map<string, { file: string; decl: DefineDecl }[]>();
    for (const chart of this.tree())
      for (const file of chart.templates())
        for (const decl of this.index.scanOf(file)?.defines ?? []) {
          const list = byName.get(decl.name) ?? [];
          list.push({ file, decl });
          byName.set(decl.name, list);
        }
    return byName;
  }

  dependencyNames(): string[] {
    return this.meta()?.dependencies ?? [];
  }

  meta(): ChartMeta | undefined {
    return this.index.metaOf(join(this.dir, 'Chart.yaml'));
  }
}

function parseChartMeta(file: string, text: string): ChartMeta {
  const lines = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: lines });
  } catch {
    return { file, fields: new Map(), dependencies: [] }; // unreadable: helm-render reports the chart
  }
  const fields = new Map<string, { value: string; range: Range }>();
  const dependencies: string[] = [];
  const at = (offset: number) => {
    const p = lines.linePos(offset);
    return { line: p.line - 1, character: p.col - 1 };
  };
  if (isMap(doc.contents))
    for (const pair of doc.contents.items)
      if (isPair(pair) && isScalar(pair.key) && pair.key.range) {
        const value = isScalar(pair.value) ? String(pair.value.value ?? '') : '';
        const r = isScalar(pair.value) && pair.value.range ? pair.value.range : pair.key.range;
        fields.set(String(pair.key.value), { value, range: { start: at(r[0]), end: at(r[1]) } });
        if (pair.key.value === 'dependencies' && isSeq(pair.value))
          for (const dep of pair.value.items) {
            if (!isMap(dep)) continue;
            const name = dep.get('alias') ?? dep.get('name');
            if (typeof name === 'string') dependencies.push(name);
          }
      }
  return { file, fields, dependencies };
}

function lookup(tree: ValuesTree | undefined, path: readonly string[]): ValueKey | undefined {
  let level = tree?.keys;
  let key: ValueKey | undefined;
  for (const name of path) {
    key = level?.get(name);
    if (!key) return undefined;
    level = key.children;
  }
  return key;
}

/** Helm names a template by its chart-relative path (`mychart/templates/x.yaml`); errors quote it. */
function templateName(file: string): string {
  const parts = file.split(sep);
  const at = parts.lastIndexOf('templates');
  return at > 0 ? parts.slice(at - 1).join('/') : basename(file);
}
