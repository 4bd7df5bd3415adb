/**
 * Kubernetes and Compose checking for `shipshape check`, and the `YamlProject` the editor shares with
 * it (no `vscode` here): schema validation, cross-file Kubernetes rules over every manifest known,
 * Compose rules, then the user's options (severity overrides, inline ignores, minimum severity).
 * Helm charts found while walking are rendered with their default values and checked like manifests,
 * with findings mapped back onto the template lines that produced them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { CheckOptions } from '../core/config/options';
import { configuredSeverity } from '../core/config/options';
import { isAtLeast, type Diagnostic } from '../core/diagnostics';
import { checkComposeFile, composeRules } from '../core/compose';
import { renderChart, type RenderedManifest } from '../core/helm';
import { KubernetesWorkspace, kubernetesRules } from '../core/k8s';
import type { RuleMeta } from '../core/rules/meta';
import { YamlSuppressions } from '../core/rules/yaml-suppressions';
import { validateYamlFile, yamlRules } from '../core/schemas';
import { isYamlName } from '../core/workspace/file-kinds';
import { detectYamlKind, type YamlKind } from '../core/yaml/detect';
import { parseYamlFile, type ParsedYamlFile } from '../core/yaml/parse';
import type { FileChecker } from './check';

/** A chart that does not render cannot be checked; reported on its Chart.yaml. */
export const helmRenderRule: RuleMeta = {
  id: 'helm-render',
  domain: 'helm',
  defaultSeverity: 'error',
  description: 'A Helm chart should render with its default values, so its output can be validated.',
  practice: 'correctness',
};

const META = new Map<string, RuleMeta>([...yamlRules, ...kubernetesRules, ...composeRules].map((m) => [m.id, m]));

/** A templates/ folder of a chart (Chart.yaml beside it); such files are never validated as YAML. */
export function isHelmTemplatePath(fileName: string, fileExists: (path: string) => boolean = existsSync): boolean {
  const parts = fileName.split(/[\\/]/);
  const index = parts.lastIndexOf('templates');
  if (index <= 0 || index === parts.length - 1) return false;
  return fileExists(join(parts.slice(0, index).join(sep) || sep, 'Chart.yaml'));
}

/** What a YAML file is, by content and name; `forceCompose` is a match of the user's compose globs. */
export function yamlKindOf(text: string, fileName: string, forceCompose = false, fileExists: (path: string) => boolean = existsSync): YamlKind {
  const kind = detectYamlKind(text, fileName, { fileExists });
  if (forceCompose && kind !== 'helm-template' && !/^[ \t]*#[ \t]*shipshape:[ \t]*kind=/m.test(text.slice(0, 4096))) return 'compose';
  return kind;
}

/**
 * Every Kubernetes manifest of a project (so rules can look across files) plus its CRDs. Files are
 * added as they are found or edited and removed when deleted; `lint` checks one file against all.
 */
export class YamlProject {
  private readonly workspace = new KubernetesWorkspace();
  private readonly manifests = new Map<string, ParsedYamlFile>();
  private readonly crdFiles = new Map<string, ParsedYamlFile>();
  /** Kustomization file -> the patch files it names; patch file -> how many name it. */
  private readonly patchesOf = new Map<string, string[]>();
  private readonly patchFiles = new Map<string, number>();

  /** Adds or replaces a manifest's objects (Helm templates too: they tell others what exists). */
  setManifest(fileName: string, text: string): void {
    const previous = this.manifests.get(fileName);
    if (previous && previous.text === text) return;
    const file = parseYamlFile(text, { previous });
    this.manifests.set(fileName, file);
    this.workspace.updateFile(fileName, file);
    if (file.documents.some((d) => d.kind === 'CustomResourceDefinition')) this.crdFiles.set(fileName, file);
    else this.crdFiles.delete(fileName);
    this.setPatches(fileName, kustomizePatchFiles(fileName, file));
  }

  /** Files a Kustomization names as strategic-merge patches: partial objects by design. */
  private setPatches(kustomization: string, patches: string[]): void {
    for (const old of this.patchesOf.get(kustomization) ?? []) {
      const count = (this.patchFiles.get(old) ?? 1) - 1;
      if (count > 0) this.patchFiles.set(old, count);
      else this.patchFiles.delete(old);
    }
    if (patches.length === 0) this.patchesOf.delete(kustomization);
    else this.patchesOf.set(kustomization, patches);
    for (const patch of patches) this.patchFiles.set(patch, (this.patchFiles.get(patch) ?? 0) + 1);
  }

  /** Forgets a file; true when it was known (so other files' cross-file findings may change). */
  remove(fileName: string): boolean {
    this.crdFiles.delete(fileName);
    this.setPatches(fileName, []);
    this.workspace.removeFile(fileName);
    return this.manifests.delete(fileName);
  }

  /** The text a file was last indexed with. */
  textOf(fileName: string): string | undefined {
    return this.manifests.get(fileName)?.text;
  }

  /** CRDs of the other files, for validation, hover and completion of custom resources. */
  crdsExcept(fileName: string): ParsedYamlFile[] {
    return [...this.crdFiles].filter(([name]) => name !== fileName).map(([, file]) => file);
  }

  get size(): number {
    return this.manifests.size;
  }

  /**
   * Schema and rule findings of one file; a Kubernetes file is (re)indexed first, so its cross-file
   * findings see its current text. `crdDirs` must already be absolute. `workspaceRules: false` runs
   * the schema only (the editor, until its index of the workspace is complete: no false "missing" findings).
   */
  lint(fileName: string, text: string, kind: 'kubernetes' | 'compose', options: CheckOptions, schemaDir?: string, workspaceRules = true): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    if (kind === 'kubernetes') {
      const extraCrds = this.crdsExcept(fileName);
      diagnostics.push(...validateYamlFile(text, fileName, { kind, kubernetesVersion: options.kubernetesVersion, crdDirs: options.crdDirs, extraCrds, schemaDir }));
      this.setManifest(fileName, text);
      if (workspaceRules) diagnostics.push(...this.workspace.check(fileName, options));
      const relevant = this.patchFiles.has(fileName) ? diagnostics.filter((d) => !isMissingRequiredField(d)) : diagnostics;
      return applyOptions(relevant.filter((d) => !isKustomizeUnknownKind(d, text)), this.manifests.get(fileName)!, options);
    }
    diagnostics.push(...validateYamlFile(text, fileName, { kind, schemaDir }));
    const file = parseYamlFile(text, { version: '1.2' });
    diagnostics.push(...checkComposeFile(file, fileName, options));
    return applyOptions(diagnostics, file, options);
  }
}

/**
 * kustomize's own files (Kustomization, Component) have no published OpenAPI schema: "no schema for
 * this kind" on every kustomization.yaml would be noise. Their shape is kustomize's business.
 */
function isKustomizeUnknownKind(d: Diagnostic, text: string): boolean {
  return d.rule === 'k8s-schema-unknown-kind' && /kustomize\.config\.k8s\.io\//.test(d.message) && text.includes('kustomize.config.k8s.io/');
}

/** A patch leaves out what it does not change: required fields are the base's to provide. */
function isMissingRequiredField(d: Diagnostic): boolean {
  return d.rule === 'k8s-schema' && /^Missing required field/.test(d.message);
}

/** `patchesStrategicMerge: [file]` and `patches: [{path}]` of the file's Kustomizations, as absolute paths. */
export function kustomizePatchFiles(fileName: string, file: ParsedYamlFile): string[] {
  const files: string[] = [];
  for (const document of file.documents) {
    if (!document.apiVersion?.startsWith('kustomize.config.k8s.io/') || !document.value || typeof document.value !== 'object') continue;
    const value = document.value as Record<string, unknown>;
    const entries = [
      ...(Array.isArray(value.patchesStrategicMerge) ? value.patchesStrategicMerge : []),
      ...(Array.isArray(value.patches) ? value.patches.map((p) => (p && typeof p === 'object' ? (p as Record<string, unknown>).path : undefined)) : []),
    ];
    // Inline patches (multi-line strings) name no file.
    for (const entry of entries) if (typeof entry === 'string' && !entry.includes('\n')) files.push(resolve(dirname(fileName), entry));
  }
  return files;
}

/** Severity overrides and `off`, inline ignores and the minimum severity, for every YAML rule. */
export function applyOptions(diagnostics: Diagnostic[], file: ParsedYamlFile, options: CheckOptions): Diagnostic[] {
  const suppressions = options.allowInlineIgnores === false ? undefined : new YamlSuppressions(file);
  const result: Diagnostic[] = [];
  for (const d of diagnostics) {
    const override = configuredSeverity(options, d.rule, META.get(d.rule)?.aliases);
    if (override === 'off') continue;
    const diagnostic = override ? { ...d, severity: override } : d;
    if (options.minimumSeverity && !isAtLeast(diagnostic.severity, options.minimumSeverity)) continue;
    if (suppressions?.isSuppressed(diagnostic)) continue;
    result.push(diagnostic);
  }
  return result;
}

interface PendingFile {
  text: string;
  kind: 'kubernetes' | 'compose';
  options: CheckOptions;
  /** The array handed to check.ts's report; cross-file findings are added to it in `finish`. */
  diagnostics: Diagnostic[];
}

/**
 * The CLI side: `check` sorts files out and indexes manifests; `finish`, once every file is known,
 * renders the charts and lints everything (schema and cross-file findings) into the arrays `check` returned.
 */
export class YamlChecker implements FileChecker {
  private project = new YamlProject();
  private files = new Map<string, PendingFile>();
  private charts = new Map<string, CheckOptions>();
  private named = new Set<string>();

  begin(paths: string[] = []): void {
    lineCache.clear();
    this.named = new Set(paths.map((p) => resolve(p)));
    this.project = new YamlProject();
    this.files = new Map();
    this.charts = new Map();
  }

  accepts(file: string): boolean {
    return isYamlName(file);
  }

  check(text: string, file: string, options: CheckOptions): Diagnostic[] | undefined {
    if (basename(file) === 'Chart.yaml') {
      if (!isSubchart(file)) this.charts.set(resolve(dirname(file)), withAbsoluteCrdDirs(options));
      return [];
    }
    const kind = yamlKindOf(text, file);
    if (kind === 'helm-template') return []; // validated through the rendered chart, never as YAML
    // A YAML file named on the command line is ours even when there is nothing to check in it.
    if (kind !== 'kubernetes' && kind !== 'compose') return isYamlName(file) && this.named.has(resolve(file)) ? [] : undefined;
    const pending: PendingFile = { text, kind, options: withAbsoluteCrdDirs(options), diagnostics: [] };
    this.files.set(file, pending);
    if (kind === 'kubernetes') this.project.setManifest(resolve(file), text);
    return pending.diagnostics;
  }

  /** Findings per file (the same arrays `check` returned, now filled, plus chart templates). */
  finish(): Map<string, Diagnostic[]> {
    const chartFindings = this.renderCharts();
    const result = new Map<string, Diagnostic[]>();
    for (const [file, pending] of this.files) {
      pending.diagnostics.push(...this.project.lint(resolve(file), pending.text, pending.kind, pending.options));
      result.set(file, pending.diagnostics);
    }
    for (const [file, diagnostics] of chartFindings) result.set(file, [...(result.get(file) ?? []), ...diagnostics]);
    return result;
  }

  /** Renders each chart and indexes its output before any file is linted, so references resolve across both. */
  private renderCharts(): Map<string, Diagnostic[]> {
    const findings = new Map<string, Diagnostic[]>();
    const add = (file: string, d: Diagnostic) => findings.set(file, [...(findings.get(file) ?? []), d]);
    const rendered: { chartDir: string; manifest: RenderedManifest; name: string; options: CheckOptions }[] = [];
    for (const [chartDir, options] of this.charts) {
      let manifests: RenderedManifest[];
      try {
        manifests = renderChart(chartDir, { kubeVersion: options.kubernetesVersion, lintMode: true }).manifests;
      } catch (error) {
        add(join(chartDir, 'Chart.yaml'), { rule: 'helm-render', severity: 'error', message: `The chart does not render: ${(error as Error).message}`, range: line0() });
        continue;
      }
      manifests.forEach((manifest, i) => {
        const name = `${templateFile(chartDir, manifest.source)}#${i}`; // one virtual file per rendered document
        this.project.setManifest(name, manifest.content);
        rendered.push({ chartDir, manifest, name, options });
      });
    }
    for (const { chartDir, manifest, name, options } of rendered) {
      for (const d of this.project.lint(name, manifest.content, 'kubernetes', options)) {
        const mapped = mapToTemplate(d, manifest, chartDir);
        add(mapped.file, mapped.diagnostic);
      }
    }
    return findings;
  }
}

/** Puts a finding in rendered output on its template line when the renderer's map knows it, else on Chart.yaml. */
function mapToTemplate(d: Diagnostic, manifest: RenderedManifest, chartDir: string): { file: string; diagnostic: Diagnostic } {
  const lines = manifest.content.split('\n');
  const templateLine = manifest.templateLines[d.range.start.line];
  const template = templateFile(chartDir, manifest.source);
  if (templateLine !== undefined && existsSync(template)) {
    const line = templateLine - 1;
    const renderedLine = lines[d.range.start.line] ?? '';
    const templateText = readLines(template)[line] ?? '';
    // The same text on both sides: columns carry over exactly; otherwise mark the template line's content.
    const exact = renderedLine === templateText && d.range.end.line === d.range.start.line;
    const start = exact ? d.range.start.character : templateText.length - templateText.trimStart().length;
    const end = exact ? d.range.end.character : templateText.trimEnd().length;
    return { file: template, diagnostic: { ...d, range: { start: { line, character: start }, end: { line, character: end } }, fixes: exact ? d.fixes : undefined } };
  }
  const where = `${manifest.source}, rendered line ${d.range.start.line + 1}`;
  return { file: join(chartDir, 'Chart.yaml'), diagnostic: { ...d, message: `${d.message} (in ${where})`, range: line0(), fixes: undefined } };
}

/** `<chart>/templates/x.yaml` (the chart's name, then the path inside it) as a file on disk. */
function templateFile(chartDir: string, source: string): string {
  return join(chartDir, ...source.split('/').slice(1));
}

const lineCache = new Map<string, string[]>();
function readLines(file: string): string[] {
  let lines = lineCache.get(file);
  if (!lines) {
    lines = readFileSync(file, 'utf8').split(/\r?\n/);
    lineCache.set(file, lines);
  }
  return lines;
}

/** A chart under another chart's charts/ folder is rendered as part of its parent. */
function isSubchart(chartYaml: string): boolean {
  const dir = dirname(resolve(chartYaml));
  return basename(dirname(dir)) === 'charts' && existsSync(join(dirname(dirname(dir)), 'Chart.yaml'));
}

function withAbsoluteCrdDirs(options: CheckOptions): CheckOptions {
  return options.crdDirs ? { ...options, crdDirs: options.crdDirs.map((d) => resolve(d)) } : options;
}

function line0() {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

export const yamlChecker = new YamlChecker();
