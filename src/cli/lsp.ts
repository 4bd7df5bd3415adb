/** `shipshape lsp --stdio`: the language server over this process's stdio. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server/server';

export function startLsp(): void {
  startServer(createConnection(ProposedFeatures.all, process.stdin, process.stdout));
}
