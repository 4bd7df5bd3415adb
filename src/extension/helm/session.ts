/**
 * One rendered chart: renders it (built-in engine, or `helm template` when allowed), keeps the text the
 * virtual document shows, and publishes the Problems of the render: schema and practice findings on
 * the rendered document (linked to the template lines that produced them) and template errors on the
 * template's own file and line.
 */
import * as vscode from 'vscode';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import type { RenderOptions, RenderedManifest, ErrorLocation } from '../../core/helm/index';
import { toVscodeDiagnostic } from '../convert';
import { optionsFor } from '../settings';
import { renderErrorHeadline, templateLocations } from '../../core/helm/errors';
import { findHelmBinary, helmTemplateArgs, runHelmTemplate, HelmBinaryError } from './helm-binary';
import type { RenderedProblem } from '../../core/project/rendered';
import { renderedSegments, sourceToRelative, type LineOrigin, type Segment } from '../../core/project/rendered-lines';
import type { RenderRequest } from './prompts';
import { RenderCancelled, type RenderClient } from '../../core/helm/worker/render-client';
import { settled } from './settled';

/** Bounds for an editor render: far above real charts, far below what would stall the extension host. */
const LIMITS = { maxSteps: 5_000_000, maxOutputBytes: 32 * 1024 * 1024, maxCallDepth: 10_000 };
/** The built-in engine runs in a worker thread (the editor stays responsive, cancel stops it at once);
 * this bounds a runaway chart. */
const BUILTIN_BUDGET_MS = 10_000;
/** Renders slower than this follow saves only, not every pause in typing. */
const SLOW_RENDER_MS = 1_500;
const HELM_TIMEOUT_MS = 60_000;

export interface SessionServices {
  log: (message: string) => void;
  /** Problems on the rendered documents. */
  rendered: vscode.DiagnosticCollection;
  /** Template errors, on the chart's own files. */
  templates: vscode.DiagnosticCollection;
  /** The built-in engine, in its worker thread. */
  renderer: RenderClient;
  /** The language server checks the rendered documents (undefined when superseded or cancelled). */
  checkRendered: (chartDir: string, name: string, segments: Segment[], token: vscode.CancellationToken) => Promise<RenderedProblem[] | undefined>;
  /** A `helm` binary's message with the chart's secret values hidden (it quotes values as they are). */
  hideSecrets: (chartDir: string, text: string) => Promise<string>;
}

interface Outcome {
  output: string;
  manifests: RenderedManifest[];
  error?: { message: string; location?: ErrorLocation; trace?: ErrorLocation[] };
  engine: 'built-in' | 'helm';
  warnings?: string[];
  /** The user pressed cancel: the view keeps its previous text and Problems. */
  cancelled?: boolean;
}

export class ChartSession implements vscode.Disposable {
  text = '';
  /** Template files this session put errors on, cleared by the next successful render. */
  private errorFiles: vscode.Uri[] = [];
  private generation = 0;
  private latest?: Promise<boolean>;
  /** The last render took long enough that re-rendering on every pause in typing would lag behind. */
  slow = false;
  /** The server's check of the last render's documents, cancelled by the next render. */
  private checking?: vscode.CancellationTokenSource;

  constructor(
    readonly uri: vscode.Uri,
    public request: RenderRequest,
    private readonly services: SessionServices,
  ) {}

  get chartDir(): string {
    return this.request.chartDir;
  }

  /** Renders and publishes; false when a newer render superseded this one (its results are dropped). */
  render(token?: vscode.CancellationToken): Promise<boolean> {
    const latest = this.renderNow(token);
    this.latest = latest;
    return latest;
  }

  /** Resolves once no render is in flight, i.e. `text` is the newest render's. */
  async idle(): Promise<void> {
    let seen: Promise<unknown> | undefined;
    while (seen !== this.latest) {
      seen = this.latest;
      await seen;
    }
  }

  private async renderNow(token?: vscode.CancellationToken): Promise<boolean> {
    const generation = ++this.generation;
    const outcome = await this.run(token);
    if (generation !== this.generation) return false;
    if (outcome.cancelled) {
      this.services.log(`helm: rendering ${this.chartDir} cancelled`);
      return false;
    }
    this.text = outcome.error ? failureText(outcome.error.message) : outcome.output;
    this.publish(outcome, generation);
    for (const warning of outcome.warnings ?? []) this.services.log(`helm: ${warning}`);
    this.services.log(
      `helm: rendered ${this.chartDir} with the ${outcome.engine} engine: ${outcome.error ? `error: ${outcome.error.message.split('\n')[0]}` : `${outcome.output.length} chars`}`,
    );
    return true;
  }

  private options(): RenderOptions {
    const { releaseName, namespace, valuesFiles } = this.request;
    // The render's capabilities and the validation of its output name the same Kubernetes version.
    const kubernetesVersion = optionsFor(vscode.Uri.file(join(this.chartDir, 'Chart.yaml')), this.services.log).kubernetesVersion;
    return { releaseName, namespace, valuesFiles, ...(kubernetesVersion ? { kubeVersion: `v${kubernetesVersion.replace(/^v/, '')}.0` } : {}) };
  }

  private async run(token?: vscode.CancellationToken): Promise<Outcome> {
    const settings = vscode.workspace.getConfiguration('shipshape', vscode.Uri.file(this.chartDir));
    const helm = settings.get<boolean>('helm.useHelmBinary', false) && vscode.workspace.isTrusted ? findHelmBinary() : undefined;
    if (helm) return this.runHelm(helm, token);
    const started = Date.now();
    try {
      const reply = await this.services.renderer.renderJob(
        {
          chartDir: this.chartDir,
          options: {
            ...this.options(),
            helmCompat: settings.get<string>('helm.compat', '4') === '3' ? 3 : 4,
            fileOverrides: this.unsavedBuffers(),
            limits: LIMITS,
          },
          budgetMs: BUILTIN_BUDGET_MS,
        },
        token,
      );
      if (reply.ok) return { output: reply.output, manifests: reply.manifests, engine: 'built-in', warnings: reply.warnings };
      const { message, templatePath, line, column, trace } = reply.error;
      const location = templatePath === undefined ? undefined : { templatePath, line, column };
      return { output: '', manifests: [], error: { message, location, trace }, engine: 'built-in' };
    } catch (caught) {
      if (caught instanceof RenderCancelled) return { output: '', manifests: [], engine: 'built-in', cancelled: true };
      // The worker died or overran its budget: shown in the view, never thrown.
      return { output: '', manifests: [], error: { message: (caught as Error).message }, engine: 'built-in' };
    } finally {
      this.slow = Date.now() - started > SLOW_RENDER_MS;
    }
  }

  private async runHelm(helm: string, token?: vscode.CancellationToken): Promise<Outcome> {
    const abort = new AbortController();
    const sub = token?.onCancellationRequested(() => abort.abort());
    try {
      const output = await runHelmTemplate(helm, helmTemplateArgs(this.chartDir, this.options()), { timeoutMs: HELM_TIMEOUT_MS, signal: abort.signal });
      return { output, manifests: [], engine: 'helm' };
    } catch (e) {
      if (abort.signal.aborted) return { output: '', manifests: [], engine: 'helm', cancelled: true };
      const message = await this.services.hideSecrets(this.chartDir, (e as Error).message);
      const error = e instanceof HelmBinaryError ? { message, location: e.location, trace: templateLocations(e.message) } : { message };
      return { output: '', manifests: [], error, engine: 'helm' };
    } finally {
      sub?.dispose();
    }
  }

  /** Unsaved editors of the chart's files: the render shows what the user sees. */
  private unsavedBuffers(): Record<string, string> | undefined {
    const out: Record<string, string> = {};
    let any = false;
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.isDirty && doc.uri.scheme === 'file' && doc.uri.fsPath.startsWith(this.chartDir + sep)) {
        out[doc.uri.fsPath] = doc.getText();
        any = true;
      }
    }
    return any ? out : undefined;
  }

  /** `<chart>/templates/x.yaml` -> the file in this chart, when it exists on disk. */
  templateUri(source: string): vscode.Uri | undefined {
    const rel = sourceToRelative(source);
    if (rel === undefined) return undefined;
    const path = join(this.chartDir, rel);
    return existsSync(path) ? vscode.Uri.file(path) : undefined;
  }

  private publish(outcome: Outcome, generation: number): void {
    for (const uri of this.errorFiles) this.services.templates.delete(uri);
    this.errorFiles = [];
    if (outcome.error) {
      this.services.rendered.set(this.uri, []);
      this.publishError(outcome.error.message, outcome.error.location, outcome.error.trace);
      return;
    }
    const templates = new Map<string, string | undefined>();
    const segments = renderedSegments(outcome.output, outcome.manifests, (source) => {
      if (!templates.has(source)) {
        const uri = this.templateUri(source);
        templates.set(source, uri ? readText(uri.fsPath) : undefined);
      }
      return templates.get(source);
    });
    // In the server, in slices: the view opens at once and a huge render never freezes the editor; a newer render cancels it.
    const stale = () => generation !== this.generation;
    this.checking?.cancel();
    const checking = (this.checking = new vscode.CancellationTokenSource());
    void this.services.checkRendered(this.chartDir, this.uri.toString(), segments, checking.token).then(
      async (problems) => {
        if (!problems || stale()) return;
        // Markers set before the view shows this output would be clamped to the old text's last line.
        const view = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri.toString());
        if (view) await settled(view, () => outcome.output);
        if (stale()) return;
        this.services.rendered.set(
          this.uri,
          problems.map(({ diagnostic, origin }) => this.linked(toVscodeDiagnostic(diagnostic), origin)),
        );
      },
      (error: unknown) => this.services.log(`helm: checking the rendered chart failed: ${(error as Error).stack ?? String(error)}`),
    );
  }

  /** Names the template in the message and links to its line (relatedInformation). */
  private linked(diagnostic: vscode.Diagnostic, origin: LineOrigin | undefined): vscode.Diagnostic {
    if (!origin) return diagnostic;
    const where = origin.line === undefined ? origin.source : `${origin.source}:${origin.line}`;
    diagnostic.message = `${diagnostic.message} (rendered from ${where})`;
    const file = this.templateUri(origin.source);
    if (file) {
      const line = Math.max(0, (origin.line ?? 1) - 1);
      diagnostic.relatedInformation = [
        new vscode.DiagnosticRelatedInformation(
          new vscode.Location(file, new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER)),
          origin.line === undefined ? `produced by ${origin.source} (line not traced)` : `produced by line ${origin.line} of ${origin.source}`,
        ),
      ];
    }
    return diagnostic;
  }

  /**
   * The error on the failing action; when it failed inside an included template, each call site on the
   * way (outermost first in `trace`) gets the error too, linked both ways, so it shows wherever one looks.
   */
  private publishError(message: string, location: ErrorLocation | undefined, trace: readonly ErrorLocation[] = []): void {
    const file = (location && this.templateUri(location.templatePath)) ?? vscode.Uri.file(join(this.chartDir, 'Chart.yaml'));
    const main = helmRenderDiagnostic(errorRange(file.fsPath, location), message);
    const byFile = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>([[file.toString(), { uri: file, list: [main] }]]);
    const seen = new Set([location && `${location.templatePath}:${location.line}`]);
    main.relatedInformation = [];
    for (const site of [...trace].reverse()) {
      const key = `${site.templatePath}:${site.line}`;
      const uri = this.templateUri(site.templatePath);
      if (seen.has(key) || !uri || site.line === undefined) continue;
      seen.add(key);
      const range = errorRange(uri.fsPath, site);
      const caller = helmRenderDiagnostic(range, `${message}\n(raised in ${location?.templatePath}:${location?.line}, included from here)`);
      caller.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(file, main.range), 'where the error was raised')];
      main.relatedInformation.push(new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, range), `included from ${site.templatePath}:${site.line}`));
      const entry = byFile.get(uri.toString()) ?? { uri, list: [] };
      entry.list.push(caller);
      byFile.set(uri.toString(), entry);
    }
    for (const { uri, list } of byFile.values()) this.services.templates.set(uri, list);
    this.errorFiles = [...byFile.values()].map((e) => e.uri);
  }


  dispose(): void {
    this.generation++;
    this.checking?.cancel();
    this.services.rendered.delete(this.uri);
    for (const uri of this.errorFiles) this.services.templates.delete(uri);
    this.errorFiles = [];
  }
}

/** A file's text, or undefined when it went away meanwhile (links then point at the line only). */
function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function helmRenderDiagnostic(range: vscode.Range, message: string): vscode.Diagnostic {
  // What is missing (or Go's innermost cause) first, in words; Go's text after it, for those who know it.
  const why = renderErrorHeadline(message);
  const diagnostic = new vscode.Diagnostic(range, why ? `${why}.\n${message}` : message, vscode.DiagnosticSeverity.Error);
  diagnostic.source = 'shipshape';
  diagnostic.code = 'helm-render';
  return diagnostic;
}

/** The failing action, `{{` to `}}` (Go's column, a byte offset, points inside it), else the whole line. */
function errorRange(path: string, location: ErrorLocation | undefined): vscode.Range {
  const line = Math.max(0, (location?.line ?? 1) - 1);
  const text = readText(path)?.split('\n')[line] ?? '';
  if (location?.column === undefined) return new vscode.Range(line, 0, line, text.length);
  const at = Math.min(Buffer.from(text, 'utf8').subarray(0, location.column).toString('utf8').length, text.length);
  const open = text.lastIndexOf('{{', at);
  const start = open >= 0 && text.lastIndexOf('}}', at - 1) < open ? open : at;
  const close = text.indexOf('}}', at);
  return new vscode.Range(line, start, line, close < 0 ? text.length : close + 2);
}

/** What the virtual document shows when the chart does not render. */
function failureText(message: string): string {
  return `# The chart did not render; the error is also in the Problems panel on the template.\n${message
    .split('\n')
    .map((l, i) => `# ${i === 0 ? 'Error: ' : ''}${l}`)
    .join('\n')}\n`;
}

export function displayName(chartDir: string): string {
  return basename(chartDir);
}
