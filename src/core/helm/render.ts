/**
 * The rendering engine of Helm (pkg/engine/engine.go) on top of our Go template engine: every template
 * of every enabled chart goes into one template set (deeper paths first, so the root chart's `define`s
 * win), each non-partial file is executed with its chart's context, `<no value>` is removed, and
 * Helm's `include` and `tpl` are bound to the set with Helm's recursion guard and error wording.
 *
 * Parsed template sets are cached by the names and contents of the templates (and the engine options),
 * so re-rendering a chart after a values change does not parse anything again.
 */
import { createHash } from 'node:crypto';
import { TemplateSet, TemplateError } from '../gotemplate/index';
import { goFunc, type FuncMap, type GoMap, type GoValue } from '../gotemplate/values';
import { helmFunctions, HelmFiles, chartMetadata, chartMetadataMap } from './functions/index';
import { chartFullPath, isLibraryChart, type Chart } from './chart';
import { ChartRenderError, helmExecError, helmParseError, TPL_TEMPLATE_NAME } from './errors';
import { isTable, type HelmCompat } from './values/coalesce';

/** Bounds for runaway templates; each is enforced by the template engine with a clear error. */
export interface RenderLimits {
  /** Template actions executed for one template file, includes and tpl calls included (runaway loops). */
  maxSteps?: number;
  /** Characters of output one template execution (a file, an include, a tpl) may produce. */
  maxOutputBytes?: number;
  /** Nested template/include calls (Helm also stops one name nested over 1000 times). */
  maxCallDepth?: number;
  /** Wall time of one template file's execution, and (checked between files) of the whole render; default 30 s. */
  maxMilliseconds?: number;
}

const DEFAULT_RENDER_MILLISECONDS = 30_000;

export interface EngineOptions {
  compat: HelmCompat;
  /** Helm uses `zero`; `error` is Helm's strict mode. */
  missingkey?: 'zero' | 'error';
  limits?: RenderLimits;
  shouldCancel?: () => boolean;
  /** `helm lint`'s mode: `required` and `fail` do not abort the render. */
  lintMode?: boolean;
}

/** Helm's limit on nested `include`s of the same name (recursionMaxNums). */
export const INCLUDE_RECURSION_MAX = 1000;

/** What one chart's templates see as `.`; shared by the chart's files, as in Helm. */
export type ChartContext = GoMap;

interface TemplateSource {
  name: string;
  text: string;
  context: ChartContext;
  basePath: string;
}

/** Per-render state the cached set's closures read; reset or replaced at the start of each render. */
interface RenderState {
  includeDepth: Map<string, number>;
  shouldCancel?: () => boolean;
}

interface CachedSet {
  set: TemplateSet;
  state: RenderState;
}

const MAX_CACHED_SETS = 32;
const setCache = new Map<string, CachedSet>();

function bytesToString(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
}

/** Chart.yaml as Helm's metadata after dependency processing (alias names, only enabled deps). */
function processedChartYaml(chart: Chart): GoMap {
  const raw: GoMap = { ...chart.metadata.raw, name: chart.metadata.name };
  if (Array.isArray(chart.metadata.raw.dependencies) || chart.metadata.dependencies.length > 0) {
    raw.dependencies = chart.metadata.dependencies.map((d) => {
      const out: GoMap = { name: d.name, version: d.version, repository: d.repository };
      if (d.condition) out.condition = d.condition;
      if (d.tags.length) out.tags = d.tags;
      out.enabled = d.enabled;
      if (d.importValues.length) out['import-values'] = d.importValues;
      if (d.alias) out.alias = d.alias;
      return out;
    });
  }
  return raw;
}

/** Helm's recAllTpls: builds each chart's context and lists its templates. */
function collectTemplates(
  chart: Chart,
  parentContext: GoMap,
  compat: HelmCompat,
  out: TemplateSource[],
): ChartContext {
  const isRoot = chart.parent === undefined;
  const subcharts: GoMap = {};
  const chartYaml = processedChartYaml(chart);
  const files = new Map<string, Uint8Array>(chart.files.map((f) => [f.name, f.data]));
  let values: GoValue = {};
  if (isRoot) values = parentContext.Values;
  else if (isTable(parentContext.Values) && isTable(parentContext.Values[chart.metadata.name])) {
    values = parentContext.Values[chart.metadata.name];
  }
  const context: ChartContext = {
    Chart: compat === 3 ? chartMetadata(chartYaml, { isRoot }) : chartMetadataMap(chartYaml, { isRoot }),
    // HelmFiles is a map with methods (the engine treats class instances as maps with methods).
    Files: new HelmFiles(files) as unknown as GoValue,
    Release: parentContext.Release,
    Capabilities: parentContext.Capabilities,
    Values: values,
    Subcharts: subcharts,
  };
  for (const child of chart.dependencies) {
    subcharts[child.metadata.name] = collectTemplates(child, context, compat, out);
  }
  const prefix = chartFullPath(chart);
  const library = isLibraryChart(chart);
  for (const t of chart.templates) {
    // Library charts only contribute their partials (`_*` files): Helm's isTemplateValid.
    if (library && !t.name.slice(t.name.lastIndexOf('/') + 1).startsWith('_')) continue;
    out.push({ name: `${prefix}/${t.name}`, text: bytesToString(t.data), context, basePath: `${prefix}/templates` });
  }
  return context;
}

/** Helm's sortTemplates: more `/` first; same depth in reverse lexicographic order. */
export function sortTemplateNames(names: string[]): string[] {
  const depth = (s: string): number => s.split('/').length;
  return [...names].sort((a, b) => {
    const da = depth(a);
    const db = depth(b);
    if (da !== db) return db - da;
    return a < b ? 1 : a > b ? -1 : 0;
  });
}

/**
 * The message chain of an error and its causes, like Go's errors.Unwrap walk. A runaway recursion
 * makes thousands of identical levels; Helm collapses repeats anyway, so only both ends are kept.
 */
function errorChain(error: unknown): string[] {
  const errors: Error[] = [];
  for (let current: unknown = error; current instanceof Error && errors.length < 1_000_000; ) {
    errors.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  const ends = errors.length <= 40 ? errors : [...errors.slice(0, 20), ...errors.slice(-20)];
  return ends.map((e) => e.message);
}

/** Functions Helm 4 added; in Helm 3.21 using one is a parse error ("function ... not defined"). */
const HELM4_ONLY_FUNCTIONS = [
  'mustToYaml', 'mustToToml', 'mustToDuration', 'durationSeconds', 'durationMilliseconds', 'durationMicroseconds',
  'durationNanoseconds', 'durationMinutes', 'durationHours', 'durationDays', 'durationWeeks', 'durationRoundTo',
  'durationTruncateTo',
];

function makeFunctions(holder: { set?: TemplateSet }, state: RenderState, options: EngineOptions): FuncMap {
  const include = goFunc('include', ['string', 'any'], (name: GoValue, data: GoValue) => {
    const key = name as string;
    const depth = state.includeDepth.get(key) ?? 0;
    if (depth > INCLUDE_RECURSION_MAX) {
      throw new Error(`rendering template has a nested reference name: ${key}: unable to execute template`);
    }
    state.includeDepth.set(key, depth + 1);
    try {
      return holder.set!.execute(key, data);
    } finally {
      state.includeDepth.set(key, depth);
    }
  });
  const tpl = goFunc('tpl', ['string', 'any'], (text: GoValue, data: GoValue) => {
    const source = text as string;
    let output: string;
    try {
      output = holder.set!.executeText(TPL_TEMPLATE_NAME, source, data);
    } catch (e) {
      if (e instanceof TemplateError && e.kind === 'parse') {
        throw new Error(`cannot parse template ${JSON.stringify(source)}: ${e.message}`, { cause: e });
      }
      throw new Error(`error during tpl function execution for ${JSON.stringify(source)}: ${(e as Error).message}`, { cause: e });
    }
    return output.split('<no value>').join('');
  });
  const funcs: FuncMap = { ...helmFunctions({ lintMode: options.lintMode === true, compat: options.compat }), include, tpl };
  if (options.compat === 3) for (const name of HELM4_ONLY_FUNCTIONS) delete funcs[name];
  return funcs;
}

function cacheKey(sources: TemplateSource[], options: EngineOptions): string {
  const hash = createHash('sha1');
  hash.update(JSON.stringify([options.compat, options.missingkey ?? 'zero', options.limits ?? {}, options.lintMode === true]));
  for (const s of sources) {
    hash.update(s.name);
    hash.update('\0');
    hash.update(s.text);
    hash.update('\0');
  }
  return hash.digest('hex');
}

function buildSet(sources: TemplateSource[], options: EngineOptions): CachedSet {
  const key = cacheKey(sources, options);
  const cached = setCache.get(key);
  if (cached) {
    setCache.delete(key);
    setCache.set(key, cached);
    return cached;
  }
  const state: RenderState = { includeDepth: new Map() };
  const holder: { set?: TemplateSet } = {};
  const set = new TemplateSet(makeFunctions(holder, state, options), {
    missingkey: options.missingkey ?? 'zero',
    limits: options.limits,
    // The set outlives this render: ask whichever render is running now.
    shouldCancel: () => state.shouldCancel?.() ?? false,
  });
  holder.set = set;
  for (const s of sources) {
    try {
      set.add(s.name, s.text);
    } catch (e) {
      if (e instanceof TemplateError) throw helmParseError(s.name, e.message);
      throw e;
    }
  }
  const entry = { set, state };
  setCache.set(key, entry);
  if (setCache.size > MAX_CACHED_SETS) setCache.delete(setCache.keys().next().value as string);
  return entry;
}

/** Drops every cached template set (tests and memory-pressure hooks). */
export function clearTemplateCache(): void {
  setCache.clear();
}

/**
 * Renders every template of the (dependency-processed) chart tree. Returns template path -> output
 * for every non-partial file, in Helm's execution order. Throws ChartRenderError with Helm's message.
 */
export function renderTemplates(
  chart: Chart,
  top: { Values: GoMap; Release: GoMap; Capabilities: GoValue },
  options: EngineOptions,
): Map<string, string> {
  const sources: TemplateSource[] = [];
  collectTemplates(chart, top, options.compat, sources);
  const byName = new Map(sources.map((s) => [s.name, s]));
  const order = sortTemplateNames([...byName.keys()]);
  const ordered = order.map((n) => byName.get(n)!);
  const { set, state } = buildSet(ordered, options);
  state.shouldCancel = options.shouldCancel;
  const rendered = new Map<string, string>();
  const ms = options.limits?.maxMilliseconds ?? DEFAULT_RENDER_MILLISECONDS;
  const deadline = ms > 0 ? Date.now() + ms : Infinity;
  for (const source of ordered) {
    if (source.name.slice(source.name.lastIndexOf('/') + 1).startsWith('_')) continue;
    if (options.shouldCancel?.()) throw new ChartRenderError('rendering cancelled');
    if (Date.now() > deadline) {
      throw new ChartRenderError(`rendering exceeded the time limit of ${ms / 1000} s before ${source.name}`, { templatePath: source.name });
    }
    source.context.Template = { Name: source.name, BasePath: source.basePath };
    state.includeDepth.clear();
    let output: string;
    try {
      output = set.execute(source.name, source.context);
    } catch (e) {
      if (e instanceof ChartRenderError) throw e;
      if (e instanceof TemplateError) throw helmExecError(source.name, errorChain(e), options.compat);
      if (e instanceof RangeError) {
        throw new ChartRenderError(`rendering template failed: ${e.message}`, { templatePath: source.name });
      }
      throw new ChartRenderError(`rendering template failed: ${(e as Error).message ?? String(e)}`, { templatePath: source.name });
    }
    rendered.set(source.name, output.split('<no value>').join(''));
  }
  return rendered;
}
