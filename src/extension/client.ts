/**
 * The language client: starts `dist/server.js` (the same server `shipshape lsp --stdio` runs) in its
 * own process, so checks never run on the extension host; VS Code then shows its diagnostics, hovers,
 * completions, quick fixes, outline and definitions like any language's.
 */
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'dockerfile' },
  { scheme: 'untitled', language: 'dockerfile' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'untitled', language: 'yaml' },
  { scheme: 'file', language: 'dockercompose' },
  { scheme: 'file', language: 'helm' },
  { scheme: 'file', pattern: '**/*{Dockerfile,Containerfile,dockerfile,containerfile}*' },
  { scheme: 'file', pattern: '**/*.{yaml,yml}' },
];

export function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    synchronize: {
      configurationSection: 'shipshape',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*'),
    },
    initializationOptions: { settings: vscode.workspace.getConfiguration().get('shipshape') },
  };
  return new LanguageClient('shipshape', 'Shipshape', serverOptions, clientOptions);
}

/**
 * A notification sent once the client runs (earlier ones wait; the latest per key wins), so features
 * registered before the server has started can still tell it things.
 */
export function whenRunning<T>(client: LanguageClient, method: string, keyOf: (params: T) => string): (params: T) => void {
  const pending = new Map<string, T>();
  let running = false;
  const flush = () => {
    for (const params of pending.values()) void client.sendNotification(method, params).catch(() => undefined);
    pending.clear();
  };
  client.onDidChangeState(({ newState }) => {
    running = newState === State.Running;
    if (running) flush();
  });
  return (params) => {
    pending.set(keyOf(params), params);
    if (running) flush();
  };
}

/** A request sent once the client runs (a feature may ask before the server has started). */
export async function requestWhenRunning<R>(client: LanguageClient, method: string, params: unknown, token?: vscode.CancellationToken): Promise<R> {
  if (!client.isRunning()) {
    await new Promise<void>((resolve) => {
      const listener = client.onDidChangeState(({ newState }) => {
        if (newState !== State.Running) return;
        listener.dispose();
        resolve();
      });
    });
  }
  return client.sendRequest<R>(method, params, token);
}
