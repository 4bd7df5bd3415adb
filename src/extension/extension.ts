/**
 * Shipshape's VS Code entry point: wires the core's checkers and commands into the editor.
 * Everything here is adaptation; the logic lives in src/core.
 */
import * as vscode from 'vscode';
import { ShipshapeCodeActions } from './code-actions';
import { registerCommands } from './commands';
import { DockerfileDiagnostics } from './dockerfile-diagnostics';
import type { FeatureContext } from './feature';
import { registerHelmFeatures } from './helm';
import { registerPreviewTree } from './tree';
import { registerYamlFeatures } from './yaml';

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Shipshape');
  const log = (message: string) => output.appendLine(`[${new Date().toISOString()}] ${message}`);
  const feature: FeatureContext = { extension: context, log };
  const dockerfiles = new DockerfileDiagnostics(log);
  context.subscriptions.push(
    output,
    dockerfiles,
    vscode.languages.registerCodeActionsProvider(
      [{ language: 'dockerfile' }, { pattern: '**/*{Dockerfile,Containerfile,dockerfile}*' }, { language: 'yaml' }],
      new ShipshapeCodeActions(),
      { providedCodeActionKinds: ShipshapeCodeActions.kinds },
    ),
    ...registerCommands(context, { dockerfiles, log }),
    ...registerYamlFeatures(feature),
    ...registerHelmFeatures(feature),
    ...registerPreviewTree(feature),
  );
}

export function deactivate(): void {
  // Disposables registered on the context are released by VS Code.
}
