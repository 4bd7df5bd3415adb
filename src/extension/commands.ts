/** Command palette entries that ask the language server. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CHECK_WORKSPACE_REQUEST } from '../server/protocol';

export function registerCommands(client: LanguageClient): vscode.Disposable[] {
  return [
    // Every file of the workspace is checked and its findings published (the Problems panel lists them).
    vscode.commands.registerCommand('shipshape.lintWorkspace', async () => (await client.sendRequest<{ files: number }>(CHECK_WORKSPACE_REQUEST)).files),
  ];
}
