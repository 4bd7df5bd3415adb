/**
 * Shipshape's VS Code entry point: starts the language client (every check runs in the server's
 * process) and registers what only VS Code has: the preview tree, the rendered-chart view, commands.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient, requestWhenRunning, whenRunning } from './client';
import { registerCommands } from './commands';
import { registerHelmFeatures } from './helm';
import { registerPreviewTree } from './tree';
import { CHART_VALUES_NOTIFICATION, CHECK_RENDERED_REQUEST } from '../server/protocol';
import type { RenderedProblem, Segment } from '../core/project/rendered';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Shipshape');
  const log = (message: string) => output.appendLine(`[${new Date().toISOString()}] ${message}`);
  client = createClient(context, output);
  const notifyChartValues = whenRunning<{ chart: string; valuesFiles: string[] }>(client, CHART_VALUES_NOTIFICATION, (p) => p.chart);
  const started = client;
  const helm = {
    chartValuesChosen: (chart: string, valuesFiles: string[]) => notifyChartValues({ chart, valuesFiles }),
    checkRendered: async (chart: string, name: string, segments: Segment[], token: vscode.CancellationToken) =>
      (await requestWhenRunning<{ problems: RenderedProblem[] } | null>(started, CHECK_RENDERED_REQUEST, { chart, name, segments }, token))?.problems,
  };
  context.subscriptions.push(output, ...registerCommands(client), ...registerHelmFeatures({ extension: context, log, ...helm }), ...registerPreviewTree(client));
  // Not awaited: activation returns at once; the server starts meanwhile.
  client.start().catch((error) => log(`the language server did not start: ${error instanceof Error ? error.message : String(error)}`));
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
