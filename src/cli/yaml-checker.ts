/**
 * Kubernetes and Compose checking for `shipshape check`, on top of the core's `YamlProject`: files are
 * sorted out as they are found; Helm charts found while walking are rendered with their default values
 * and checked like manifests, with findings mapped back onto the template lines that produced them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { CheckOptions } from '../core/config/options';
import type { Diagnostic } from '../core/diagnostics';
import { renderChart, type RenderedManifest } from '../core/helm';
import { isYamlName } from '../core/workspace/file-kinds';
import { YamlProject, yamlKindOf } from '../core/workspace/yaml-project';
import type { FileChecker } from './check';

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
