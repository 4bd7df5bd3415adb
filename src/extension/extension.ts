/**
 * Shipshape's VS Code entry point: starts the language client (every check runs in the server's
 * process) and registers what only VS Code has: the preview tree, the rendered-chart view, commands,
 * the language status item.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';
import { registerCommands } from './commands';
import { registerHelmFeatures } from './helm';
import { helmServerBridge } from './helm/bridge';
import { registerLanguageStatus } from './status';
import { registerPreviewTree } from './tree';

let client: LanguageClient | undefined;

/** For tests and other extensions. */
export interface ShipshapeApi {
  /** What the language status item shows for the active file. */
  languageStatus(): string;
  /** Milliseconds from loading the bundle to the end of `activate` (the language server starts after). */
  activationMs(): number;
}

export function activate(context: vscode.ExtensionContext): ShipshapeApi {
  const started = (globalThis as { shipshapeLoadStart?: number }).shipshapeLoadStart ?? performance.now();
  const output = vscode.window.createOutputChannel('Shipshape');
  const log = (message: string) => output.appendLine(`[${new Date().toISOString()}] ${message}`);
  client = createClient(context, output);
  const status = registerLanguageStatus(client);
  const features = { extension: context, log, ...helmServerBridge(client) };
  context.subscriptions.push(output, ...registerCommands(client), ...registerHelmFeatures(features), ...registerPreviewTree(client, context.workspaceState), ...status.disposables);
  // Not awaited: activation returns at once; the server starts meanwhile.
  client.start().catch((error) => log(`the language server did not start: ${error instanceof Error ? error.message : String(error)}`));
  const activationMs = performance.now() - started;
  log(`activated in ${activationMs.toFixed(0)} ms (loading the bundle included)`);
  return { languageStatus: status.text, activationMs: () => activationMs };
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
