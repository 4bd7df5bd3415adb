/**
 * The Project: one model of a workspace for the CLI, the language server and the tests. It owns the
 * files (open buffers over disk), their kinds, one index of Kubernetes objects (real files and the
 * documents charts render), the inventory the preview tree shows, the options of each folder, and
 * the one check pipeline every finding passes through. Nothing else scans, classifies or applies
 * options.
 *
 * Work is lazy and incremental: a change marks a file dirty; the next question re-reads, re-indexes
 * and re-renders only what the change touched. Findings are cached per file until anything indexed
 * changes (cross-file rules make every manifest's findings depend on every other's).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isDirectory, isInsideRoots, MAX_READ_BYTES, readSmallFile } from './read';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import type { CheckOptions } from '../config/options';
import { compareDiagnostics, type Diagnostic } from '../diagnostics';
import { lintDockerfile } from '../dockerfile';
import { readDockerignore } from '../dockerfile/context/read';
import { applyOptions } from '../pipeline/options';
import { completionsAt, hoverAt, type ValidationOptions } from '../schemas';
import type { Completion as SchemaCompletion } from '../schemas/assist';

/** A completion from the schemas (keys, values) or from a chart (values keys, defines, functions). */
export type Completion = SchemaCompletion | CompletionEntry;
import { WorkspaceInventory } from '../workspace/inventory';
import { YamlProject } from '../workspace/yaml-project';
import { parseYamlFile, type ParsedYamlFile } from '../yaml/parse';
import { combineSecrets, redactFindings, secretScalarsOfFile, secretsOfDockerfile, secretsOfYamlFile, type FileSecrets } from '../secrets/redact';
import { mapToTemplate, renderFailed, renderForCheck, type ChartRender, type ChartRenderer, type ChartRenderRequest } from './charts';
import { ConfigCache } from './config';
import { discoverFiles } from './discover';
import { chartDirOfTemplate, fileKindOf, isCandidateName, isSubchartDir, type FileKind } from './kinds';
import { AuthoringIndex, isTemplateFile, type ChartView } from '../helm/authoring/chart-model';
import { lintTemplate, lintValues } from '../helm/authoring/lint';
import { valueHints, definesOf, definitionOf, hoverAt as helmHoverAt, isInAction, prepareRename, referencesOf, renameAt, templateCompletions, type AssistContext, type CompletionEntry, type Location } from '../helm/authoring/assist';
import { documentedFunctionNames, functionDoc } from '../helm/authoring/function-docs';
import { maskActions } from '../helm/authoring/mask';
import { semanticTokens, type SemanticToken } from '../helm/authoring/tokens';
import { LineIndex } from '../text/lines';
import type { Position, Range } from '../diagnostics';

export interface ProjectLimits {
  /** Files a scan takes in (the editor's bound; the CLI has none). */
  maxFiles?: number;
  /** Files on disk larger than this are not read (generated dumps, not hand-written files). */
  maxFileBytes?: number;
}

export interface ProjectOptions {
  /** Workspace folders, absolute. */
  roots: string[];
  /** Editor settings or CLI flags, on top of the config files. */
  settings?: CheckOptions;
  /** `--config FILE`: used instead of looking for config files. */
  configFile?: string;
  /** The user's compose globs, matched against the path relative to a root. */
  isComposeGlob?: (path: string) => boolean;
  limits?: ProjectLimits;
  /** Problems in config files, skipped files: for the user's log. */
  log?: (message: string) => void;
  /** Renders charts off this thread (the server's worker); without one, charts render in place. */
  renderer?: ChartRenderer;
  /** A chart's render from the `renderer` arrived: its files' findings may have changed. */
  onChartRendered?: (chartDir: string) => void;
}

interface ChartEntry {
  render?: ChartRender;
  /** Its files changed since the render it has (or asked for). */
  dirty: boolean;
  /** The render the `renderer` is working on; one at a time per chart, the next asked for when it lands. */
  inFlight?: Promise<void>;
}

/** How an open buffer's editor language hints at its kind (an untitled buffer has no name to go by). */
export type LanguageHint = 'dockerfile' | 'yaml' | 'compose' | undefined;

interface FileEntry {
  /** Undefined until read; an open buffer's text wins over the disk's. */
  text?: string;
  open: boolean;
  languageHint?: LanguageHint;
  kind?: FileKind;
  /** Named on the command line: checked whatever its name (as a Dockerfile when it is no YAML). */
  named?: boolean;
  /** Not read: over the size limit or unreadable (the reason, for the log). */
  skipped?: string;
}

export interface CheckedFile {
  file: string;
  kind: FileKind;
  diagnostics: Diagnostic[];
}

const CHECKED_KINDS = new Set<FileKind>(['dockerfile', 'kubernetes', 'compose', 'helm-template', 'chart', 'helm-values']);

export class Project {
  private readonly files = new Map<string, FileEntry>();
  private readonly dirty = new Set<string>();
  // Included compose files are read as the project reads any file: open buffers first, regular files inside the workspace.
  private readonly yaml = new YamlProject({ readFile: (path) => this.readAny(path) });
  readonly inventory = new WorkspaceInventory();
  private readonly config: ConfigCache;
  private readonly charts = new Map<string, ChartEntry>();
  /** Bumped whenever anything indexed changes; cached findings of an older generation are stale. */
  private generation = 0;
  private readonly results = new Map<string, { generation: number; diagnostics: Diagnostic[] }>();
  private chartFindings = new Map<string, { generation: number; byFile: Map<string, Diagnostic[]> }>();
  /** Files below a chart folder (known ones and the disk's), by folder; cleared when files come or go. */
  private readonly listings = new Map<string, string[]>();
  /** Templates and values as their author edits them (scans cached per text). */
  readonly authoring = new AuthoringIndex({
    read: (path) => this.readAny(path),
    list: (dir) => this.listBelow(dir),
    exists: (path) => this.files.has(path) || existsSync(path),
    chosenValuesFiles: (dir) => this.chosenValues.get(dir) ?? [],
  });
  /** Values files the user chose for rendering a chart (the editor's render command), by chart folder. */
  private readonly chosenValues = new Map<string, string[]>();

  constructor(private readonly options: ProjectOptions) {
    this.config = new ConfigCache(options.settings ?? {}, options.configFile, options.roots[0] ?? process.cwd(), (p) => this.log(`config: ${p}`));
  }

  private log(message: string): void {
    this.options.log?.(message);
  }

  // ---- files --------------------------------------------------------------------------------------

  /** Walks the roots once (the CLI passes its paths instead); later changes arrive as events. */
  scan(paths: string[] = this.options.roots): { missing: string[]; truncated?: boolean } {
    const found = discoverFiles(paths, isCandidateName, this.options.limits?.maxFiles);
    this.filesCameOrWent();
    if (found.truncated) this.log(`reading only the first ${this.options.limits?.maxFiles} files of the workspace`);
    const named = new Set(paths.map((p) => resolve(p)));
    for (const file of found.files) {
      const path = resolve(file);
      if (!this.files.has(path)) this.files.set(path, { open: false, named: named.has(path) || undefined });
      this.markDirty(path);
      // A template or values file named alone (a pre-commit hook passes changed files) is checked through its chart.
      const chartDir = chartDirOfTemplate(path) ?? (/^values.*\.ya?ml$/i.test(basename(path)) && existsSync(join(dirname(path), 'Chart.yaml')) ? dirname(path) : undefined);
      const chartYaml = chartDir !== undefined ? join(chartDir, 'Chart.yaml') : undefined;
      if (chartYaml && !this.files.has(chartYaml)) {
        this.files.set(chartYaml, { open: false });
        this.markDirty(chartYaml);
      }
    }
    return { missing: found.missing, truncated: found.truncated };
  }

  /** An editor opened or changed a buffer: its text is the file's from now on. */
  setOpen(key: string, text: string, languageHint?: LanguageHint): void {
    const entry = this.files.get(key);
    if (entry?.open && entry.text === text && entry.languageHint === languageHint) return;
    if (!entry) this.filesCameOrWent();
    this.files.set(key, { ...entry, open: true, text, languageHint, kind: undefined, skipped: undefined });
    this.markDirty(key);
  }

  /** The buffer was closed: the disk's text counts again (or the file is gone, for an untitled buffer). */
  close(key: string): void {
    const entry = this.files.get(key);
    if (!entry) return;
    if (!existsSync(key)) this.delete(key);
    else {
      this.files.set(key, { open: false, named: entry.named });
      this.markDirty(key);
    }
  }

  /** A file was created or changed on disk (an open buffer keeps its own text). */
  changedOnDisk(path: string): void {
    // A folder created with its files in it may come as one event for the folder alone (watchers coalesce).
    if (!this.files.has(path) && isDirectory(path)) {
      for (const file of discoverFiles([path], isCandidateName, this.options.limits?.maxFiles).files) if (!this.files.has(file)) this.changedOnDisk(file);
      return;
    }
    if (!isCandidateName(path)) return;
    const entry = this.files.get(path);
    if (entry?.open) return;
    if (!entry) this.filesCameOrWent();
    this.files.set(path, { open: false, named: entry?.named });
    this.markDirty(path);
    // A new chart: its templates may have been written first, when no Chart.yaml made them a chart's.
    if (!entry && basename(path) === 'Chart.yaml') {
      for (const file of discoverFiles([join(dirname(path), 'templates')], () => true, this.options.limits?.maxFiles).files) {
        if (!this.files.has(file)) this.changedOnDisk(file);
      }
    }
  }

  deletedOnDisk(path: string): void {
    const prefix = path.endsWith(sep) ? path : path + sep;
    for (const key of [...this.files.keys()]) if (key === path || key.startsWith(prefix)) if (!this.files.get(key)!.open) this.delete(key);
  }

  /**
   * The values files a chart is rendered with from now on (after its values.yaml, in order): the
   * editor's render command's choice. Hover, completion and the checks read them; so does the render.
   * Files outside the chart's workspace folder are not read.
   */
  setChosenValuesFiles(chartDir: string, files: string[]): void {
    const root = this.options.roots.find((r) => chartDir === r || chartDir.startsWith(r + sep));
    const inside = files.filter((f) => root !== undefined && f.startsWith(root + sep));
    const before = this.chosenValues.get(chartDir) ?? [];
    if (before.length === inside.length && before.every((f, i) => f === inside[i])) return;
    if (inside.length) this.chosenValues.set(chartDir, inside);
    else this.chosenValues.delete(chartDir);
    const chart = this.charts.get(chartDir);
    if (chart) chart.dirty = true;
    this.generation++;
    this.results.clear();
  }

  /** Settings changed: options are computed again for every folder. */
  setSettings(settings: CheckOptions): void {
    this.config.invalidate(settings);
    this.invalidateAll();
  }

  /** The files below a folder: those the project knows (open buffers too) and those on disk. */
  private listBelow(dir: string): string[] {
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    let listed = this.listings.get(prefix);
    if (!listed) {
      const found = new Set(discoverFiles([prefix.slice(0, -1)], () => true, this.options.limits?.maxFiles ?? 5000).files);
      for (const key of this.files.keys()) if (key.startsWith(prefix)) found.add(key);
      listed = [...found].sort();
      this.listings.set(prefix, listed);
    }
    return listed;
  }

  /** The chart a template, values file or Chart.yaml belongs to (for the editor's Helm answers). */
  chartOf(key: string): ChartView | undefined {
    const kind = this.kindOf(key);
    return kind === 'helm-template' || kind === 'helm-values' || kind === 'chart' ? this.authoring.chartOf(key) : undefined;
  }

  /** Every file the project knows, in the order found (a scan walks folders sorted). */
  paths(): string[] {
    return [...this.files.keys()];
  }

  textOf(key: string): string | undefined {
    const entry = this.files.get(key);
    if (!entry) return undefined;
    this.read(key, entry);
    return entry.text;
  }

  kindOf(key: string): FileKind {
    const entry = this.files.get(key);
    if (!entry) return 'other';
    this.read(key, entry);
    return entry.kind ?? 'other';
  }

  optionsFor(key: string): CheckOptions {
    // A key is a path, or the URI of a buffer with no file (`untitled:…`): that one takes the workspace's options.
    return this.config.optionsFor(isAbsolute(key) ? key : join(this.options.roots[0] ?? process.cwd(), 'untitled'));
  }

  /** Listings of chart folders are read again. */
  private filesCameOrWent(): void {
    this.listings.clear();
    this.authoring.filesChanged();
  }

  private delete(key: string): void {
    this.filesCameOrWent();
    this.authoring.forget(key);
    this.files.delete(key);
    this.results.delete(key);
    this.dirty.add(key);
    this.invalidateDependents(key);
  }

  private markDirty(key: string): void {
    this.dirty.add(key);
    this.results.delete(key);
    this.invalidateDependents(key);
  }

  /** A config file changes every folder's options; any file under a chart changes its render. */
  private invalidateDependents(key: string): void {
    if (/(^|[\\/])\.(shipshape|hadolint)\.ya?ml$/.test(key)) {
      this.config.invalidate();
      this.invalidateAll();
    }
    for (const [dir, chart] of this.charts) if (key.startsWith(dir + sep)) chart.dirty = true;
  }

  private invalidateAll(): void {
    this.generation++;
    this.results.clear();
    for (const chart of this.charts.values()) chart.dirty = true;
  }

  /** Reads a file's text (once per version) and decides its kind. */
  private read(key: string, entry: FileEntry): void {
    if (entry.text === undefined && !entry.skipped) {
      try {
        const stat = statSync(key);
        const max = this.options.limits?.maxFileBytes ?? MAX_READ_BYTES;
        // A device, FIFO or socket named like a YAML file would block the read or never end.
        if (!stat.isFile()) entry.skipped = 'not a regular file';
        else if (stat.size > max) entry.skipped = `${stat.size} bytes is over the ${max}-byte limit for workspace files`;
        else entry.text = readFileSync(key, 'utf8');
      } catch (error) {
        entry.skipped = (error as Error).message;
      }
      if (entry.skipped) this.log(`not reading ${key}: ${entry.skipped}`);
    }
    if (entry.kind === undefined) entry.kind = entry.text === undefined ? 'other' : this.classify(key, entry);
  }

  private classify(key: string, entry: FileEntry): FileKind {
    const text = entry.text ?? '';
    const hint = entry.languageHint;
    if (hint === 'dockerfile') return 'dockerfile';
    const asName = hint && !/\.ya?ml$/i.test(key) ? `${key}.yaml` : key; // an untitled YAML buffer
    const relative = this.relativeToRoot(key);
    const kind = fileKindOf(asName, text, { composeGlob: hint === 'compose' || (relative !== undefined && this.options.isComposeGlob?.(relative)) });
    if (kind === 'other' && entry.named && !/\.(ya?ml|json)$/i.test(key)) return 'dockerfile';
    return kind;
  }

  /** Any file a check follows (an include, a chart's other files): the project's text, else a bounded read inside the workspace. */
  private readAny(path: string): string | undefined {
    if (this.files.has(path)) return this.textOf(path);
    return isInsideRoots(path, this.options.roots) ? readSmallFile(path, this.options.limits?.maxFileBytes) : undefined;
  }

  private relativeToRoot(key: string): string | undefined {
    for (const root of this.options.roots) if (key.startsWith(root + sep)) return key.slice(root.length + 1).split(sep).join('/');
    return undefined;
  }

  // ---- index --------------------------------------------------------------------------------------

  /** Applies pending changes to the index, the inventory and the rendered charts. */
  private refresh(options: { renderCharts?: boolean } = {}): void {
    const render = options.renderCharts !== false;
    // A chart whose render is in flight is asked for again when it lands, not on every question meanwhile.
    const due = (chart: ChartEntry) => chart.dirty && chart.inFlight === undefined;
    if (this.dirty.size === 0 && !(render && [...this.charts.values()].some(due))) return;
    for (const key of this.dirty) this.reindex(key);
    this.dirty.clear();
    if (render) for (const [dir, chart] of this.charts) if (due(chart)) this.rerender(dir, chart);
    this.generation++;
  }

  private reindex(key: string): void {
    const entry = this.files.get(key);
    if (!entry) {
      this.yaml.remove(key);
      this.inventory.remove(toInventoryPath(key));
      return; // a deleted Chart.yaml drops its chart at the re-render it was marked for
    }
    this.read(key, entry);
    const kind = entry.kind ?? 'other';
    // Unrendered templates tell other files what exists (a ConfigMap a template defines is not missing).
    if ((kind === 'kubernetes' || kind === 'helm-template') && entry.text !== undefined && /\.ya?ml$/i.test(key)) this.yaml.setManifest(key, entry.text);
    else this.yaml.remove(key);
    if (isAbsolute(key)) { // an untitled buffer is not a workspace file for the tree
      const path = toInventoryPath(key);
      if (entry.text === undefined || kind === 'config') this.inventory.remove(path);
      else this.inventory.update(path, kind === 'helm-template' ? undefined : entry.text, kind === 'kubernetes' ? this.yaml.parsed(key) : undefined);
    }
    if (kind === 'chart' && !isSubchartDir(dirname(key)) && !this.charts.has(dirname(key))) this.charts.set(dirname(key), { dirty: true });
  }

  private rerender(dir: string, chart: ChartEntry): void {
    if (!this.files.has(join(dir, 'Chart.yaml'))) {
      for (const doc of chart.render?.documents ?? []) this.yaml.remove(doc.name);
      this.charts.delete(dir);
      return;
    }
    const renderer = this.options.renderer;
    if (!renderer) {
      chart.dirty = false;
      this.applyRender(chart, renderForCheck(this.renderRequest(dir)));
      return;
    }
    chart.dirty = false;
    chart.inFlight = renderer
      .render(this.renderRequest(dir))
      .catch((error: unknown) => renderFailed(`The chart could not be rendered: ${(error as Error).message ?? String(error)}`))
      .then((render) => {
        chart.inFlight = undefined;
        if (this.charts.get(dir) !== chart) return; // the chart is gone
        this.applyRender(chart, render);
        this.generation++;
        this.options.onChartRendered?.(dir);
      });
  }

  private renderRequest(dir: string): ChartRenderRequest {
    const overrides: Record<string, string> = {};
    for (const [key, entry] of this.files) if (entry.open && entry.text !== undefined && key.startsWith(dir + sep)) overrides[key] = entry.text;
    // A template that does not parse is reported on its own lines; the rest of the chart still renders.
    for (const key of this.listBelow(dir)) if (chartDirOfTemplate(key) !== undefined && isTemplateFile(key) && this.authoring.scanOf(key)?.error) overrides[key] = '';
    const readRoot = this.options.roots.find((r) => dir.startsWith(r + sep));
    return { chartDir: dir, kubernetesVersion: this.optionsFor(join(dir, 'Chart.yaml')).kubernetesVersion, overrides, valuesFiles: this.chosenValues.get(dir) ?? [], readRoot };
  }

  private applyRender(chart: ChartEntry, render: ChartRender): void {
    for (const doc of chart.render?.documents ?? []) this.yaml.remove(doc.name);
    chart.render = render;
    for (const doc of render.documents) this.yaml.setManifest(doc.name, doc.manifest.content);
  }

  /** Settles when no chart waits for a render (the renderer's; at once without one). */
  async rendersSettled(): Promise<void> {
    for (;;) {
      this.refresh();
      const pending = [...this.charts.values()].flatMap((c) => (c.inFlight ? [c.inFlight] : []));
      if (pending.length === 0) return;
      await Promise.all(pending);
    }
  }

  /** Changes whenever what the project knows changes (after pending changes are applied). */
  get revision(): number {
    this.refresh();
    return this.generation;
  }

  // ---- checks -------------------------------------------------------------------------------------

  /** The findings of one file, through the pipeline (severities, `off`, minimum, suppressions). */
  check(key: string): Diagnostic[] {
    this.refresh();
    const cached = this.results.get(key);
    if (cached && cached.generation === this.generation) return cached.diagnostics;
    const diagnostics = this.redact(key, this.compute(key)).sort(compareDiagnostics);
    this.results.set(key, { generation: this.generation, diagnostics });
    return diagnostics;
  }

  /**
   * A chart template's findings at keystroke speed: its own rules on the text as typed, with the
   * findings of the chart's last render (the render itself is left to `check`, which follows). Other
   * kinds of files get `check`'s answer.
   */
  checkQuick(key: string): Diagnostic[] {
    if (this.kindOf(key) !== 'helm-template') return this.check(key);
    this.refresh({ renderCharts: false });
    const chart = this.authoring.chartOf(key);
    const own = chart ? applyOptions(lintTemplate(chart, key), this.optionsFor(key)) : [];
    const rendered = this.findingsOfChart(chartDirOfTemplate(key), { stale: true })?.get(key) ?? [];
    return this.redact(key, [...own, ...rendered]).sort(compareDiagnostics);
  }

  /** Whether `check` would re-render a chart for this file (so its answer may differ from `checkQuick`'s). */
  rendersPending(key: string): boolean {
    const dir = chartDirOfTemplate(key);
    return dir !== undefined && [...this.charts].some(([chartDir, chart]) => (chart.dirty || chart.inFlight !== undefined) && (dir === chartDir || dir.startsWith(chartDir + sep)));
  }

  /** Every checked file with its findings (files with none too). */
  checkAll(): CheckedFile[] {
    this.refresh();
    const result: CheckedFile[] = [];
    for (const key of this.paths()) {
      const kind = this.kindOf(key);
      if (CHECKED_KINDS.has(kind) && (kind !== 'helm-template' || isTemplateFile(key))) result.push({ file: key, kind, diagnostics: this.check(key) });
      else if (this.files.get(key)?.named && /\.ya?ml$/i.test(key)) result.push({ file: key, kind, diagnostics: [] });
    }
    return result;
  }

  private compute(key: string): Diagnostic[] {
    const entry = this.files.get(key);
    if (!entry || entry.text === undefined) return [];
    const text = entry.text;
    const options = this.optionsFor(key);
    switch (entry.kind) {
      case 'dockerfile':
        // The build context is taken to be the Dockerfile's folder, as `docker build .` beside it.
        return applyOptions(lintDockerfile(text, { ...options, dockerignore: existsSync(key) ? readDockerignore(key) : undefined }), options);
      case 'kubernetes':
      case 'compose':
        return this.yaml.lint(key, text, entry.kind, options);
      case 'helm-template': {
        const chart = this.authoring.chartOf(key);
        const own = chart ? applyOptions(lintTemplate(chart, key), options) : [];
        return [...own, ...(this.findingsOfChart(chartDirOfTemplate(key))?.get(key) ?? [])];
      }
      case 'helm-values': {
        const chart = this.authoring.chartOf(key);
        return chart ? applyOptions(lintValues(chart, key, text), options) : [];
      }
      case 'chart': {
        const dir = dirname(key);
        const render = this.charts.get(dir)?.render;
        return [...(render?.error ? applyOptions([render.error], options) : []), ...(this.findingsOfChart(dir)?.get(key) ?? [])];
      }
      default:
        return [];
    }
  }

  /**
   * The last step of every finding, whatever checked it: no value that may be a secret is printed
   * (CI logs, SARIF, the Problems panel). What counts as secret is `secrets/redact`'s decision; the
   * values come from the file itself and, for a chart's files, from every values file of the chart
   * tree and its rendered output (a render error or a rendered object quotes them on a template line).
   */
  private redact(key: string, diagnostics: Diagnostic[]): Diagnostic[] {
    if (diagnostics.length === 0) return diagnostics;
    const text = this.textOf(key) ?? '';
    switch (this.kindOf(key)) {
      case 'dockerfile':
        return redactFindings(diagnostics, secretsOfDockerfile(text));
      case 'kubernetes':
        return redactFindings(diagnostics, secretsOfYamlFile(this.yaml.parsed(key) ?? parseYamlFile(text)));
      case 'compose':
        return redactFindings(diagnostics, secretsOfYamlFile(parseYamlFile(text, { version: '1.2' })));
      case 'helm-values':
        return redactFindings(diagnostics, combineSecrets(secretsOfYamlFile(parseYamlFile(text)), this.secretsOfChart(dirname(key))));
      case 'helm-template':
      case 'chart':
        return redactFindings(diagnostics, this.secretsOfChart(chartDirOfTemplate(key) ?? dirname(key)) ?? { wide: [] });
      default:
        return redactFindings(diagnostics, { wide: [] });
    }
  }

  private readonly secretsOfCharts = new Map<string, { generation: number; secrets: FileSecrets }>();

  /** Secret values of a chart tree: its values files (every chart's, and the user's choice) and its rendered documents; public for what is checked outside the Project (the render view). */
  secretsOfChart(dir: string | undefined): FileSecrets | undefined {
    let top = dir;
    while (top !== undefined && isSubchartDir(top)) top = dirname(dirname(top));
    if (top === undefined) return undefined;
    const cached = this.secretsOfCharts.get(top);
    if (cached?.generation === this.generation) return cached.secrets;
    const wide = new Set<string>();
    const addFile = (file: ParsedYamlFile | undefined) => {
      if (file) for (const s of secretScalarsOfFile(file)) for (const t of s.texts) wide.add(t);
    };
    const valuesFiles = new Set(this.chosenValues.get(top) ?? []);
    for (const chart of this.authoring.view(top).tree())
      for (const file of this.listBelow(chart.dir)) if (dirname(file) === chart.dir && /^values.*\.ya?ml$/i.test(basename(file))) valuesFiles.add(file);
    for (const file of valuesFiles) {
      const text = this.readAny(file);
      if (text !== undefined) addFile(parseYamlFile(text));
    }
    const render = this.charts.get(top)?.render;
    for (const doc of render?.documents ?? []) addFile(this.yaml.parsed(doc.name));
    for (const value of render?.secretValues ?? []) wide.add(value);
    const secrets = { wide: [...wide] };
    this.secretsOfCharts.set(top, { generation: this.generation, secrets });
    return secrets;
  }

  /** Findings of a chart's rendered documents, put on the template lines (or its Chart.yaml). */
  private findingsOfChart(dir: string | undefined, how: { stale?: boolean } = {}): Map<string, Diagnostic[]> | undefined {
    let chartDir = dir;
    // A subchart's templates are rendered (and reported) through the chart that holds it.
    while (chartDir !== undefined && !this.charts.has(chartDir) && isSubchartDir(chartDir)) chartDir = dirname(dirname(chartDir));
    const chart = chartDir !== undefined ? this.charts.get(chartDir) : undefined;
    if (!chart?.render || chartDir === undefined) return undefined;
    const cached = this.chartFindings.get(chartDir);
    if (cached && (cached.generation === this.generation || how.stale)) return cached.byFile;
    const byFile = new Map<string, Diagnostic[]>();
    const options = this.optionsFor(join(chartDir, 'Chart.yaml'));
    const lines = new Map<string, string[] | undefined>();
    const templateLines = (file: string) => {
      if (!lines.has(file)) lines.set(file, this.textOf(file)?.split(/\r?\n/));
      return lines.get(file);
    };
    for (const { name, manifest } of chart.render.documents) {
      for (const d of this.yaml.lint(name, manifest.content, 'kubernetes', options)) {
        const mapped = mapToTemplate(d, manifest, chartDir, templateLines);
        const list = byFile.get(mapped.file) ?? [];
        list.push(mapped.diagnostic);
        byFile.set(mapped.file, list);
      }
    }
    this.chartFindings.set(chartDir, { generation: this.generation, byFile });
    return byFile;
  }

  // ---- editor questions ---------------------------------------------------------------------------

  /** What hover and completion need to know about a manifest or Compose file; undefined for other kinds. */
  private assistOptions(key: string): ValidationOptions | undefined {
    this.refresh();
    const kind = this.kindOf(key);
    if (kind !== 'kubernetes' && kind !== 'compose') return undefined;
    const options = this.optionsFor(key);
    return { kind, kubernetesVersion: options.kubernetesVersion, crdDirs: options.crdDirs, extraCrds: this.yaml.crdsExcept(key) };
  }

  hover(key: string, position: Position): string | undefined {
    const helm = this.helmContext(key);
    if (helm) return helmHoverAt(helm, position)?.markdown;
    const options = this.assistOptions(key);
    const text = this.textOf(key);
    return options && text !== undefined ? hoverAt(text, key, position, options) : undefined;
  }

  completions(key: string, position: Position): Completion[] {
    const text = this.textOf(key);
    if (text === undefined) return [];
    const helm = this.helmContext(key);
    if (helm && this.kindOf(key) === 'helm-template') {
      const lines = new LineIndex(text);
      const offset = lines.offsetAt(position);
      const inTemplate = templateCompletions(helm, text.slice(0, offset), isInAction(text, offset), documentedFunctionNames());
      if (inTemplate) return inTemplate;
      // The YAML around the actions: Kubernetes keys of the object's kind, as in a manifest.
      const options = this.optionsFor(key);
      return completionsAt(maskActions(text), key, position, { kind: 'kubernetes', kubernetesVersion: options.kubernetesVersion, crdDirs: options.crdDirs, extraCrds: this.yaml.crdsExcept(key) });
    }
    const options = this.assistOptions(key);
    return options ? completionsAt(text, key, position, options) : [];
  }

  /** Where what is at `position` is declared: a values key, a define, a Chart.yaml field (charts only). */
  helmDefinitions(key: string, position: Position): Location[] {
    const helm = this.helmContext(key);
    return helm ? definitionOf(helm, position) : [];
  }

  helmReferences(key: string, position: Position, includeDeclaration: boolean): Location[] {
    const helm = this.helmContext(key);
    return helm ? referencesOf(helm, position, includeDeclaration) : [];
  }

  helmPrepareRename(key: string, position: Position): ReturnType<typeof prepareRename> {
    const helm = this.helmContext(key);
    return helm ? prepareRename(helm, position) : undefined;
  }

  helmRename(key: string, position: Position, newName: string): ReturnType<typeof renameAt> {
    const helm = this.helmContext(key);
    return helm ? renameAt(helm, position, newName) : undefined;
  }

  /** Values shown beside the template paths that read them. */
  helmValueHints(key: string): ReturnType<typeof valueHints> {
    const helm = this.kindOf(key) === 'helm-template' ? this.helmContext(key) : undefined;
    return helm ? valueHints(helm) : [];
  }

  /** A chart template's semantic tokens (values keys, variables, functions, defines, keywords). */
  helmTokens(key: string): SemanticToken[] {
    const chart = this.kindOf(key) === 'helm-template' ? this.authoring.chartOf(key) : undefined;
    const text = this.textOf(key);
    return chart && text !== undefined ? semanticTokens(chart, key, text) : [];
  }

  /** A template's defines, for its outline. */
  helmDefines(key: string): { name: string; range: Range }[] {
    return this.kindOf(key) === 'helm-template' ? definesOf(this.authoring.scanOf(key)) : [];
  }

  private helmContext(key: string): AssistContext | undefined {
    const chart = this.chartOf(key);
    if (!chart) return undefined;
    return { chart, file: key, kubernetesVersion: this.optionsFor(key).kubernetesVersion, functionInfo: functionDoc };
  }

  /** The inventory, current with every change (the tree, symbols and definitions read it). */
  currentInventory(): WorkspaceInventory {
    this.refresh();
    return this.inventory;
  }

  /** The parsed manifest of a file, as indexed. */
  parsedManifest(key: string): ParsedYamlFile | undefined {
    this.refresh();
    return this.yaml.parsed(key);
  }
}

/** The inventory keys files by `/`-separated path. */
export function toInventoryPath(key: string): string {
  return sep === '/' ? key : key.split(sep).join('/');
}

