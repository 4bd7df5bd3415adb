/**
 * What to render: the chart, values files, release name and namespace, from the command's arguments
 * (non-interactive, for tests and other extensions), the active editor, or quick picks and input boxes.
 * The last choices are remembered per chart in workspaceState so re-rendering is one Enter per prompt.
 */
import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { chartDirOf, isValuesCandidate, topLevelCharts } from './charts';

export interface RenderRequest {
  chartDir: string;
  /** Absolute paths, applied in order after the chart's own values.yaml. */
  valuesFiles: string[];
  releaseName: string;
  namespace: string;
}

/** `executeCommand('shipshape.renderHelmChart', args)`: every field given skips its prompt. */
export interface RenderCommandArgs {
  chart?: vscode.Uri | string;
  valuesFiles?: (vscode.Uri | string)[];
  releaseName?: string;
  namespace?: string;
}

interface Remembered {
  valuesFiles?: string[];
  releaseName?: string;
  namespace?: string;
}

const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const memoryKey = (chartDir: string) => `shipshape.helm.render:${chartDir}`;

function fsPathOf(value: vscode.Uri | string): string {
  return typeof value === 'string' ? value : value.fsPath;
}

/** Every chart in the workspace, without subcharts (`<chart>/charts/<sub>/`) and node_modules. */
async function workspaceCharts(): Promise<string[]> {
  const files = await vscode.workspace.findFiles('**/Chart.yaml', '**/node_modules/**', 5000);
  return topLevelCharts(files.map((f) => dirname(f.fsPath)));
}

async function pickChart(): Promise<string | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  // Re-running the command from a rendered view renders the same chart again.
  if (active?.scheme === 'shipshape-helm' && existsSync(join(decodeURIComponent(active.query), 'Chart.yaml'))) return decodeURIComponent(active.query);
  if (active?.scheme === 'file') {
    const folder = vscode.workspace.getWorkspaceFolder(active)?.uri.fsPath;
    const dir = chartDirOf(active.fsPath, folder);
    if (dir) return dir;
  }
  const charts = await workspaceCharts();
  if (charts.length <= 1) {
    if (charts.length === 0) void vscode.window.showInformationMessage('Shipshape: no Chart.yaml in this workspace.');
    return charts[0];
  }
  const picked = await vscode.window.showQuickPick(
    charts.map((dir) => ({ label: vscode.workspace.asRelativePath(dir), dir })),
    { title: 'Render Helm Chart', placeHolder: 'Chart to render' },
  );
  return picked?.dir;
}

/** YAML files of the chart besides values.yaml that look like values (values-*.yaml, ci/*.yaml, ...). */
async function candidateValuesFiles(chartDir: string): Promise<string[]> {
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(chartDir, '**/*.{yaml,yml}'), '**/node_modules/**', 500);
  return found
    .map((f) => relative(chartDir, f.fsPath))
    .filter(isValuesCandidate)
    .sort();
}

/** `Render podinfo (2/3): release name`: which chart, and how many questions are left. */
const stepTitle = (chartDir: string, step: number, what: string) => `Render ${basename(chartDir)} (${step}/3): ${what}`;

async function pickValuesFiles(chartDir: string, remembered: string[]): Promise<string[] | undefined> {
  const candidates = await candidateValuesFiles(chartDir);
  if (candidates.length === 0) return [];
  const picked = await vscode.window.showQuickPick(
    candidates.map((rel) => ({ label: rel, picked: remembered.includes(rel) })),
    { title: stepTitle(chartDir, 1, 'values files'), placeHolder: 'Applied after values.yaml (none selected = defaults only)', canPickMany: true },
  );
  return picked?.map((p) => p.label);
}

/** With choices remembered for the chart: render again with them (the first item, so Enter does it), or choose anew. */
async function againOrChoose(chartDir: string, memory: Remembered): Promise<'again' | 'choose' | undefined> {
  const values = memory.valuesFiles?.length ? memory.valuesFiles.join(', ') : 'values.yaml only';
  const picked = await vscode.window.showQuickPick(
    [
      { label: '$(history) Render again as last time', description: `${values} · release ${memory.releaseName} · namespace ${memory.namespace ?? 'default'}`, choice: 'again' as const },
      { label: '$(settings-gear) Choose values files, release name and namespace…', choice: 'choose' as const },
    ],
    { title: `Render ${basename(chartDir)}` },
  );
  return picked?.choice;
}

/** Asks for what the arguments do not say; undefined when the user dismissed a prompt. */
export async function resolveRequest(
  state: vscode.Memento,
  arg: RenderCommandArgs | vscode.Uri | undefined,
): Promise<RenderRequest | undefined> {
  // From an editor title button: a chart file, or a rendered view (whose query is its chart).
  const fromMenu = arg instanceof vscode.Uri ? (arg.scheme === 'shipshape-helm' ? decodeURIComponent(arg.query) : arg) : undefined;
  const args: RenderCommandArgs = fromMenu !== undefined ? { chart: fromMenu } : ((arg as RenderCommandArgs | undefined) ?? {});
  // A full argument object (a test, a keybinding, another extension) never prompts.
  const interactive = !(args.chart !== undefined && !(arg instanceof vscode.Uri));
  const chartDir = args.chart !== undefined ? chartDirOf(fsPathOf(args.chart)) : await pickChart();
  if (!chartDir) {
    if (args.chart !== undefined) void vscode.window.showErrorMessage(`Shipshape: no Chart.yaml at or above ${fsPathOf(args.chart)}.`);
    return undefined;
  }
  const memory = state.get<Remembered>(memoryKey(chartDir)) ?? {};
  const nothingGiven = args.valuesFiles === undefined && args.releaseName === undefined && args.namespace === undefined;
  if (interactive && nothingGiven && memory.releaseName !== undefined) {
    const how = await againOrChoose(chartDir, memory);
    if (!how) return undefined;
    if (how === 'again') return rememberedRequest(state, chartDir);
  }

  let values = args.valuesFiles?.map((v) => (isAbsolute(fsPathOf(v)) ? fsPathOf(v) : join(chartDir, fsPathOf(v))));
  if (!values) {
    const rels = interactive ? await pickValuesFiles(chartDir, memory.valuesFiles ?? []) : [];
    if (!rels) return undefined;
    values = rels.map((rel) => join(chartDir, rel));
  }
  let releaseName = args.releaseName;
  if (releaseName === undefined) {
    releaseName = interactive
      ? await vscode.window.showInputBox({
          title: stepTitle(chartDir, 2, 'release name'),
          value: memory.releaseName ?? 'release-name',
          validateInput: (v) => (RELEASE_NAME.test(v) && v.length <= 53 ? undefined : 'lowercase letters, digits, - and . (at most 53)'),
        })
      : (memory.releaseName ?? 'release-name');
    if (releaseName === undefined) return undefined;
  }
  let namespace = args.namespace;
  if (namespace === undefined) {
    namespace = interactive
      ? await vscode.window.showInputBox({ title: stepTitle(chartDir, 3, 'namespace'), value: memory.namespace ?? 'default' })
      : (memory.namespace ?? 'default');
    if (namespace === undefined) return undefined;
  }
  const valuesFiles = values;
  await state.update(memoryKey(chartDir), {
    valuesFiles: valuesFiles.map((v) => relative(chartDir, v)),
    releaseName,
    namespace,
  } satisfies Remembered);
  return { chartDir, valuesFiles, releaseName, namespace: namespace || 'default' };
}

/** The remembered (or default) request for a chart, e.g. when VS Code restores a rendered view. */
export function rememberedRequest(state: vscode.Memento, chartDir: string): RenderRequest {
  const memory = state.get<Remembered>(memoryKey(chartDir)) ?? {};
  return {
    chartDir,
    valuesFiles: (memory.valuesFiles ?? []).map((rel) => join(chartDir, rel)).filter((p) => existsSync(p)),
    releaseName: memory.releaseName ?? 'release-name',
    namespace: memory.namespace ?? 'default',
  };
}

/** Every chart with remembered choices, with its values files (that still exist). */
export function rememberedChoices(state: vscode.Memento): { chartDir: string; valuesFiles: string[] }[] {
  const prefix = memoryKey('');
  return state
    .keys()
    .filter((key) => key.startsWith(prefix))
    .map((key) => rememberedRequest(state, key.slice(prefix.length)))
    .filter((request) => request.valuesFiles.length > 0)
    .map(({ chartDir, valuesFiles }) => ({ chartDir, valuesFiles }));
}
