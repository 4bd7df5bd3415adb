/**
 * Charts as the Project checks them: rendered with their default values in `helm lint`'s mode, each
 * rendered document a virtual manifest file (`<template>#<n>`) indexed beside the real ones, and each
 * finding in it put back on the template line that produced it (the renderer's source map).
 */
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics';
import { renderChart, type RenderedManifest } from '../helm';
import { renderErrorHeadline } from '../helm/errors';
import { helmRenderRule } from '../rules/helm-render';
import { templateTypeFix } from '../helm/authoring/type-fixes';
import { secretValuesOf } from '../secrets/redact';

export interface RenderedDocument {
  /** The virtual file name the document is indexed under. */
  name: string;
  manifest: RenderedManifest;
}

export interface ChartRender {
  documents: RenderedDocument[];
  /** Values of the render that may be secrets (every chart's of the tree, packaged subcharts too): hidden in every finding of the chart. */
  secretValues?: string[];
  /** The chart does not render: one finding on its Chart.yaml. */
  error?: Diagnostic;
}

/** What a chart's render for checking depends on: plain data, so that another thread can render it. */
export interface ChartRenderRequest {
  chartDir: string;
  kubernetesVersion?: string;
  /** Unsaved editor buffers (and blanked broken templates) by absolute path. */
  overrides: Record<string, string>;
  /** The user's `-f` choice. */
  valuesFiles: string[];
  /** Nothing outside it is read (the workspace folder). */
  readRoot?: string;
  /** Asked between steps: true stops the render (a budget; not sent between threads). */
  shouldCancel?: () => boolean;
}

/**
 * Renders charts somewhere else than the caller's thread (the language server's worker). Without one
 * the Project renders in place, as the CLI wants; with one, a chart's last render stands until the new
 * one arrives.
 */
export interface ChartRenderer {
  render(request: ChartRenderRequest): Promise<ChartRender>;
}

/** Renders a chart for checking. */
export function renderForCheck(request: ChartRenderRequest): ChartRender {
  const { chartDir, kubernetesVersion, overrides, valuesFiles, readRoot, shouldCancel } = request;
  try {
    const options = { kubeVersion: kubernetesVersion, lintMode: true, fileOverrides: overrides, valuesFiles, readRoot, shouldCancel, hideSecretsInErrors: true };
    const { manifests, values } = renderChart(chartDir, options);
    return {
      documents: manifests.map((manifest, i) => ({ name: `${templateFile(chartDir, manifest.source)}#${i}`, manifest })),
      secretValues: secretValuesOf(values),
    };
  } catch (error) {
    const raw = (error as Error).message;
    const headline = renderErrorHeadline(raw);
    return renderFailed(headline ? `The chart does not render: ${headline}. (${raw})` : `The chart does not render: ${raw}`);
  }
}

/** A render that gave no documents: one finding on the chart's Chart.yaml. */
export function renderFailed(message: string): ChartRender {
  return { documents: [], error: { rule: helmRenderRule.id, severity: helmRenderRule.defaultSeverity, message, range: line0() } };
}

/** Puts a finding in rendered output on its template line when the renderer's map knows it, else on Chart.yaml. */
export function mapToTemplate(
  d: Diagnostic,
  manifest: RenderedManifest,
  chartDir: string,
  templateLines: (file: string) => readonly string[] | undefined,
): { file: string; diagnostic: Diagnostic } {
  const templateLine = manifest.templateLines[d.range.start.line];
  const template = templateFile(chartDir, manifest.source);
  const lines = templateLine !== undefined ? templateLines(template) : undefined;
  if (templateLine !== undefined && lines) {
    const line = templateLine - 1;
    const renderedLine = manifest.content.split('\n', d.range.start.line + 1)[d.range.start.line] ?? '';
    const templateText = lines[line] ?? '';
    // The same text on both sides: columns carry over exactly; otherwise mark the template line's content.
    const exact = renderedLine === templateText && d.range.end.line === d.range.start.line;
    const start = exact ? d.range.start.character : templateText.length - templateText.trimStart().length;
    const end = exact ? d.range.end.character : templateText.trimEnd().length;
    const typeFix = exact ? undefined : templateTypeFix(d.message, templateText, line);
    return { file: template, diagnostic: { ...d, range: { start: { line, character: start }, end: { line, character: end } }, fixes: exact ? d.fixes : typeFix && [typeFix] } };
  }
  const where = `${manifest.source}, rendered line ${d.range.start.line + 1}`;
  return { file: join(chartDir, 'Chart.yaml'), diagnostic: { ...d, message: `${d.message} (in ${where})`, range: line0(), fixes: undefined } };
}

/** `<chart>/templates/x.yaml` (the chart's name, then the path inside it) as a file on disk. */
export function templateFile(chartDir: string, source: string): string {
  return join(chartDir, ...source.split('/').slice(1));
}

function line0() {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
