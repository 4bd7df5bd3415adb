/**
 * Helm chart rendering without a helm binary: the public API of `src/core/helm`.
 *
 * `renderChart(dir, options)` does what `helm template <dir> [flags]` does, synchronously, and returns
 * exactly the text helm prints (Helm 4.2 by default, `helmCompat: 3` for Helm 3.21) plus the
 * individual documents. Pipeline (Helm's order): merge user values (-f, then --set-json, --set,
 * --set-string, --set-file, --set-literal), load the chart, check it is installable and its
 * dependencies are present, process dependencies (condition/tags/alias/import-values), coalesce values,
 * validate values.schema.json, render every template, split/sort documents, assemble the output.
 *
 * Every failure is a ChartRenderError whose `message` is helm's error text (without "Error: ") and,
 * for template errors, `templatePath`/`line`/`column` of the failing action (column as Go counts it:
 * 0-based bytes). Runaway templates stop at `limits`; `shouldCancel` is polled between files and
 * every few thousand template steps. Loaded charts and parsed templates are cached and reused until a
 * file of the chart changes, so re-rendering in an editor is cheap.
 */
import { resolve } from 'node:path';
import { TemplateSet, TemplateError } from '../gotemplate/index';
import type { FuncMap, GoValue } from '../gotemplate/values';
import { helmFunctions, capabilities, releaseObject } from './functions/index';
import { KubeVersionError } from './functions/capabilities';
import { chartFullPath, type Chart } from './chart';
import { loadChartPath, loadChartPathCached, clearChartCache, findChartDirs, ChartLoadError } from './load/loader';
import { coalesceValues, type HelmCompat } from './values/coalesce';
import { mergeUserValues, parseSetFlag, type UserValueOptions } from './values/user-values';
import { missingDependencies, processDependencies } from './dependencies';
import { isCompatibleRange } from './semver';
import { checkValuesSchema, SchemaValidationError } from './schema';
import { renderTemplates, clearTemplateCache as clearTemplates, type RenderLimits } from './render';
import { sortManifests, isTestHook, ManifestYamlError, HELM3_INSTALL_ORDER, INSTALL_ORDER, type ManifestDoc } from './sort';
import { assembleOutput, ShowOnlyError, type CrdFile } from './output';
import { ChartRenderError, withSecretsHidden } from './errors';
import { mapRenderedLines } from './source-map';

export { ChartRenderError } from './errors';
export type { ErrorLocation } from './errors';
export type { Chart, ChartFile, ChartMetadata, ChartDependency } from './chart';
export type { RenderLimits } from './render';
export type { SetFlagMode } from './strvals';
export { mergeUserValues, parseSetFlag } from './values/user-values';

/** Forgets cached charts and parsed templates (they are also invalidated automatically on change). */
export function clearTemplateCache(): void {
  clearTemplates();
  clearChartCache();
}

export interface RenderOptions extends UserValueOptions {
  /**
   * Error messages hide the values of secret-named keys (the editor's render view shows them in a
   * panel); `shipshape render` keeps helm's exact text, as its output holds the values anyway.
   */
  hideSecretsInErrors?: boolean;
  releaseName?: string;
  namespace?: string;
  /** `--name-template`, rendered with Sprig (incl. env) and nil data when no releaseName is given. */
  nameTemplate?: string;
  /** `--kube-version`; Helm's default is v1.36.0 (its client-go version). */
  kubeVersion?: string;
  /** `--api-versions`, added to the default set. */
  apiVersions?: string[];
  includeCrds?: boolean;
  skipTests?: boolean;
  showOnly?: string[];
  /** Which helm to imitate: 4 (default, 4.2), '4.1' (Helm 4.0/4.1: documents trimmed as in Helm 3,
   * --kube-version printed without its suffix) or 3 (3.21). */
  helmCompat?: 3 | 4 | '4.1';
  /** Additive: split documents like Helm 4.0/4.1 (trimmed, as Helm 3 does) instead of Helm 4.2+. */
  legacyDocumentSplitting?: boolean;
  isUpgrade?: boolean;
  /** Additive: `--skip-schema-validation`. */
  skipSchemaValidation?: boolean;
  /** Additive: `--no-hooks`. */
  noHooks?: boolean;
  /** Additive: file contents to use instead of the disk's (path -> text), e.g. unsaved editor buffers. */
  fileOverrides?: Record<string, string>;
  /** Additive: `helm lint`'s rendering mode: `required`/`fail` do not abort, so a chart whose defaults
   * are deliberately incomplete can still be rendered and checked. */
  lintMode?: boolean;
  /** Additive: symlinks in the chart may lead anywhere inside this folder (the workspace), not only inside the chart. */
  readRoot?: string;
  limits?: RenderLimits;
  shouldCancel?: () => boolean;
}

export interface RenderedManifest {
  /** `<chart>/templates/x.yaml` */
  source: string;
  content: string;
  kind?: string;
  /** Additive: metadata.name of the document, and whether it is a hook. */
  name?: string;
  hook?: boolean;
  /**
   * Maps a line of `content` back to the template file and line that produced it, where known:
   * `templateLines[i]` is the 1-based line in `source` for 0-based line `i` of `content`.
   */
  templateLines: (number | undefined)[];
}

export interface RenderResult {
  /** Exactly what `helm template` prints. */
  output: string;
  /** Every rendered document, sorted as helm prints them: manifests, then hooks (minus those that
   * --no-hooks/--skip-tests drop). Not narrowed by `showOnly`, which only shapes `output`. */
  manifests: RenderedManifest[];
  /** The root chart's rendered NOTES.txt, if any (`helm install` prints it; `helm template` does not). */
  notes?: string;
  /** Additive: warnings helm would log (coalescing conflicts, non-bool conditions, deprecation). */
  warnings: string[];
  /** The coalesced values the templates saw (subcharts' and packaged subcharts' included): where a caller finds the secrets to hide. */
  values: unknown;
}

const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const MAX_RELEASE_NAME = 53;

/** Loads a chart directory (or .tgz) with its subcharts. Throws ChartRenderError on bad charts. */
export function loadChart(dir: string): Chart {
  try {
    return loadChartPath(dir);
  } catch (e) {
    throw asRenderError(e);
  }
}

/** Directories under rootDir that hold a Chart.yaml (subcharts in charts/ and node_modules skipped). */
export function findCharts(rootDir: string): string[] {
  return findChartDirs(rootDir);
}

/**
 * Executes one template text with `data`. `functions`: 'go' = Go's builtins only, 'sprig' = plus
 * Sprig (as for --name-template), 'helm' = Helm's full function map (default; no include/tpl).
 */
export function executeTemplate(
  text: string,
  data: GoValue,
  options: { functions?: 'go' | 'sprig' | 'helm'; missingkey?: 'default' | 'zero' | 'error'; name?: string } = {},
): string {
  const kind = options.functions ?? 'helm';
  const funcs = kind === 'go' ? {} : kind === 'sprig' ? sprigOnly() : helmFunctions();
  const set = new TemplateSet(funcs, { missingkey: options.missingkey ?? 'default' });
  const name = options.name ?? 'gotpl';
  try {
    set.add(name, text);
    return set.execute(name, data);
  } catch (e) {
    if (e instanceof TemplateError) {
      throw new ChartRenderError(e.message, { templatePath: e.templateName, line: e.line, column: e.column });
    }
    throw e;
  }
}

/** Sprig's own map (with `env`, which Helm removes); loaded lazily like helmFunctions does. */
function sprigOnly(): FuncMap {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sprig = require('../sprig') as { sprigFunctions?: () => FuncMap };
    if (sprig.sprigFunctions) return sprig.sprigFunctions();
  } catch {
    /* fall back to Helm's map below */
  }
  return helmFunctions();
}

function asRenderError(e: unknown): ChartRenderError {
  if (e instanceof ChartRenderError) return e;
  if (e instanceof ChartLoadError) {
    const err = new ChartRenderError(e.message);
    err.filePath = e.filePath;
    err.line = e.line;
    return err;
  }
  if (e instanceof SchemaValidationError || e instanceof ShowOnlyError) {
    return new ChartRenderError(e.message);
  }
  if (e instanceof Error) return new ChartRenderError(e.message);
  return new ChartRenderError(String(e));
}

function releaseName(options: RenderOptions): string {
  let name = options.releaseName;
  if (name === undefined && options.nameTemplate !== undefined) {
    name = executeTemplate(options.nameTemplate, null, { functions: 'sprig', missingkey: 'default' });
  }
  name ??= 'release-name';
  if (!RELEASE_NAME.test(name) || name.length > MAX_RELEASE_NAME) {
    throw new ChartRenderError(
      `release name ${JSON.stringify(name)}: invalid release name, must match regex ${RELEASE_NAME.source} and the length must not be longer than ${MAX_RELEASE_NAME}`,
    );
  }
  return name;
}

/** `crds/*.{yaml,yml,json}` of the chart and its (enabled) subcharts, root first; never templated. */
function crdFiles(chart: Chart): CrdFile[] {
  const out: CrdFile[] = [];
  for (const f of chart.files) {
    if (f.name.startsWith('crds/') && /\.(ya?ml|json)$/.test(f.name)) {
      out.push({ path: `${chartFullPath(chart)}/${f.name}`, content: Buffer.from(f.data).toString('utf8') });
    }
  }
  for (const d of chart.dependencies) out.push(...crdFiles(d));
  return out;
}

function templateTextOf(chart: Chart, path: string): string | undefined {
  const prefix = chartFullPath(chart);
  for (const t of chart.templates) if (`${prefix}/${t.name}` === path) return Buffer.from(t.data).toString('utf8');
  for (const d of chart.dependencies) {
    const found = templateTextOf(d, path);
    if (found !== undefined) return found;
  }
  return undefined;
}

function toRendered(doc: ManifestDoc, hook: boolean, chart: Chart): RenderedManifest {
  const rendered = {
    source: doc.path,
    content: doc.content,
    kind: doc.kind || undefined,
    name: doc.name || undefined,
    hook,
  } as RenderedManifest;
  // Computed on first use: most renders never ask, and big generated documents make it costly.
  let lines: (number | undefined)[] | undefined;
  Object.defineProperty(rendered, 'templateLines', {
    enumerable: true,
    get: () => {
      if (!lines) {
        const template = templateTextOf(chart, doc.path);
        lines = template === undefined ? [] : mapRenderedLines(template, doc.content);
      }
      return lines;
    },
  });
  return rendered;
}

/** `helm template <dir>`: see the module header. */
export function renderChart(dir: string, options: RenderOptions = {}): RenderResult {
  const seen: { values?: unknown } = {};
  try {
    return renderChartUnsafe(resolve(dir), options, seen);
  } catch (e) {
    const error = asRenderError(e);
    throw options.hideSecretsInErrors && seen.values !== undefined ? withSecretsHidden(error, seen.values) : error;
  }
}

function renderChartUnsafe(dir: string, options: RenderOptions, seen: { values?: unknown }): RenderResult {
  const helm41 = options.helmCompat === '4.1';
  const compat: HelmCompat = options.helmCompat === 3 ? 3 : 4;
  const warnings: string[] = [];
  const warn = (m: string): void => {
    warnings.push(m);
  };
  const userValues = mergeUserValues(options, compat);
  const overrides = options.fileOverrides
    ? new Map(Object.entries(options.fileOverrides).map(([path, text]) => [resolve(path), text]))
    : undefined;
  const chart = loadChartPathCached(dir, overrides, options.readRoot ? { readRoot: options.readRoot } : undefined);
  const type = chart.metadata.type;
  if (type !== '' && type !== 'application') throw new ChartRenderError(`${type} charts are not installable`);
  if (chart.metadata.deprecated) warn('WARNING: This chart is deprecated');
  const missing = missingDependencies(chart);
  if (missing.length > 0) {
    // Helm 4 (checked with 4.1.4) lower-cased the sentence's first letter.
    throw new ChartRenderError(
      `${compat === 3 ? 'An' : 'an'} error occurred while checking for chart dependencies. You may need to run \`helm dependency build\` to fetch missing dependencies: ` +
        `found in Chart.yaml, but missing in charts/ directory: ${missing.join(', ')}`,
    );
  }
  const name = releaseName(options);
  const resolved = processDependencies(chart, userValues, compat, warn, { keepDefaultNils: helm41 });
  let caps;
  try {
    caps = capabilities({
      kubeVersion: options.kubeVersion,
      kubeVersionRules: compat === 3 ? 3 : helm41 ? 4.1 : 4,
      apiVersions: splitApiVersions(options.apiVersions),
    });
  } catch (e) {
    if (!(e instanceof KubeVersionError)) throw e;
    throw new ChartRenderError(`invalid kube version '${options.kubeVersion}': ${e.message}`);
  }
  // Constraints are checked against the version without a provider suffix (String(), in Helm 4.2).
  const kubeVersion = caps.KubeVersion.String();
  if (chart.metadata.kubeVersion && !isCompatibleRange(chart.metadata.kubeVersion, kubeVersion)) {
    throw new ChartRenderError(
      `chart requires kubeVersion: ${chart.metadata.kubeVersion} which is incompatible with Kubernetes ${kubeVersion}`,
    );
  }
  const values = coalesceValues(resolved, userValues, compat, warn, { keepDefaultNils: helm41 });
  seen.values = values;
  if (!options.skipSchemaValidation) checkValuesSchema(resolved, values);
  const release = releaseObject({ name, namespace: options.namespace ?? 'default', isUpgrade: options.isUpgrade });
  const rendered = renderTemplates(
    resolved,
    { Values: values, Release: release, Capabilities: caps },
    { compat, limits: options.limits, shouldCancel: options.shouldCancel, lintMode: options.lintMode },
  );

  const rootNotes = `${resolved.metadata.name}/templates/NOTES.txt`;
  let notes: string | undefined;
  const files = new Map<string, string>();
  for (const [path, text] of rendered) {
    if (path.endsWith('NOTES.txt')) {
      if (path === rootNotes) notes = text;
      continue;
    }
    files.set(path, text);
  }
  const trimDocuments = compat === 3 || helm41 || options.legacyDocumentSplitting === true;
  let sorted;
  try {
    sorted = sortManifests(files, trimDocuments, compat === 3 ? HELM3_INSTALL_ORDER : INSTALL_ORDER);
  } catch (e) {
    if (e instanceof ManifestYamlError) throw yamlRenderError(e, files);
    throw e;
  }
  const { manifests, hooks } = sorted;
  const output = assembleOutput(manifests, hooks, {
    trimDocuments,
    crds: options.includeCrds ? crdFiles(resolved) : [],
    skipTests: options.skipTests,
    noHooks: options.noHooks,
    showOnly: options.showOnly,
  });
  return {
    output,
    manifests: [
      ...manifests.map((m) => toRendered(m, false, resolved)),
      ...printedHooks(hooks, options).map((h) => toRendered(h, true, resolved)),
    ],
    notes,
    warnings,
    values,
  };
}

/** Invalid rendered YAML: the error names the template, and carries the raw output `--debug` shows. */
function yamlRenderError(e: ManifestYamlError, files: Map<string, string>): ChartRenderError {
  const err = new ChartRenderError(e.message, { templatePath: e.path });
  // Helm prints the files in Go map order (random); sorted paths make ours stable.
  let blob = '';
  for (const path of [...files.keys()].sort()) {
    const text = files.get(path)!;
    if (text.trim() !== '') blob += `---\n# Source: ${path}\n${text}\n`;
  }
  err.debugOutput = `${blob.trim()}\n`;
  return err;
}

/** The hooks `helm template` prints: none with --no-hooks, no test hooks with --skip-tests. */
function printedHooks(hooks: ManifestDoc[], options: RenderOptions): ManifestDoc[] {
  if (options.noHooks) return [];
  return options.skipTests ? hooks.filter((h) => !isTestHook(h)) : hooks;
}

/**
 * What `helm template --output-dir D` writes: template path (`<chart>/templates/x.yaml`, to be
 * joined to D) -> `---\n# Source: <path>\n<doc>\n` for each of its documents, manifests first, then
 * hooks. (CRDs from --include-crds are not part of RenderResult and are not included.)
 */
export function outputDirFiles(result: RenderResult): Map<string, string> {
  const files = new Map<string, string>();
  for (const m of result.manifests) files.set(m.source, `${files.get(m.source) ?? ''}---\n# Source: ${m.source}\n${m.content}\n`);
  return files;
}

/** `--api-versions` accepts comma-separated lists as well as repeated flags. */
function splitApiVersions(list: string[] | undefined): string[] {
  return (list ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}
