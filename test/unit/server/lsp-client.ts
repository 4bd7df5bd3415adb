/** A minimal LSP client over stdio for tests: starts `shipshape lsp --stdio` from dist/ and records what it publishes. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
export const built = existsSync(CLI);

export interface PublishedDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code?: string | number;
  source?: string;
  message: string;
  severity?: number;
  data?: unknown;
}

export class TestClient {
  readonly connection: MessageConnection;
  readonly diagnostics = new Map<string, PublishedDiagnostic[]>();
  private readonly process: ChildProcess;
  private waiters: (() => void)[] = [];
  /** What the client answers to `workspace/configuration` (the `shipshape` section). */
  configuration: Record<string, unknown> = {};

  /** `cwd`: where the editor started the server (VS Code: not the workspace). */
  constructor(private readonly root: string, cwd = root) {
    this.process = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: PublishedDiagnostic[] }) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      for (const w of this.waiters.splice(0)) w();
    });
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.configuration));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  uri(relative: string): string {
    return pathToFileURL(join(this.root, relative)).href;
  }

  async initialize(settings: Record<string, unknown> = {}): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(this.root).href,
      workspaceFolders: [{ uri: pathToFileURL(this.root).href, name: 'w' }],
      capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: {} } },
      initializationOptions: { settings },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves when `probe()` holds, re-checked on every publish; rejects after `ms`. */
  waitFor<T>(probe: () => T | undefined | false, what: string, ms = 20_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; published: ${JSON.stringify([...this.diagnostics.keys()])}`)), ms);
      const check = () => {
        const value = probe();
        if (value) {
          clearTimeout(timer);
          resolve(value);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.process.kill();
  }
}
