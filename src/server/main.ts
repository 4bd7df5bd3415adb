/** The language server's process entry (dist/server.js): the transport comes from argv (`--stdio`, `--node-ipc`). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
