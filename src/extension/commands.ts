/** Command palette entries. */
import * as vscode from 'vscode';
import type { DockerfileDiagnostics } from './dockerfile-diagnostics';

export interface CommandDeps {
  dockerfiles: DockerfileDiagnostics;
  log: (message: string) => void;
}

export function registerCommands(_context: vscode.ExtensionContext, deps: CommandDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('shipshape.lintWorkspace', async () => {
      const files = await vscode.workspace.findFiles('**/{Dockerfile,Dockerfile.*,*.Dockerfile,Containerfile}', '**/node_modules/**', 2000);
      for (const uri of files) deps.dockerfiles.lintNow(await vscode.workspace.openTextDocument(uri));
      return files.length;
    }),
  ];
}
