/**
 * Keeps Dockerfile diagnostics current: lint on open, on change (debounced, and a newer change cancels
 * the pending lint), on settings or config-file changes; clear on close. Linting is synchronous and
 * linear, so a typical file costs a few milliseconds of the extension host.
 */
import * as vscode from 'vscode';
import { lintDockerfileDetailed } from '../core/dockerfile';
import { readDockerignore } from '../core/dockerfile/context/read';
import { isDockerfileName } from '../core/workspace/file-kinds';
import { toVscodeDiagnostic } from './convert';
import { debounceMs, isEnabled, optionsFor } from './settings';

export function isDockerfileDocument(document: vscode.TextDocument): boolean {
  return document.languageId === 'dockerfile' || isDockerfileName(document.uri.path);
}

export class DockerfileDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('shipshape-dockerfile');
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(private readonly log: (message: string) => void) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.lintNow(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('shipshape') && this.lintAll()),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/{.shipshape.yaml,.shipshape.yml,.hadolint.yaml,.hadolint.yml,.dockerignore,*.dockerignore}');
    watcher.onDidChange(() => this.lintAll());
    watcher.onDidCreate(() => this.lintAll());
    watcher.onDidDelete(() => this.lintAll());
    this.disposables.push(watcher);
    this.lintAll();
  }

  lintAll(): void {
    for (const document of vscode.workspace.textDocuments) this.lintNow(document);
  }

  private schedule(document: vscode.TextDocument): void {
    if (!isDockerfileDocument(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => this.lintNow(document), debounceMs()));
  }

  lintNow(document: vscode.TextDocument): void {
    if (!isDockerfileDocument(document)) return;
    this.pending.delete(document.uri.toString());
    if (!isEnabled(document.uri)) {
      this.collection.delete(document.uri);
      return;
    }
    const started = Date.now();
    // The build context is taken to be the Dockerfile's folder, as `docker build .` beside it.
    const dockerignore = document.uri.scheme === 'file' ? readDockerignore(document.uri.fsPath) : undefined;
    const result = lintDockerfileDetailed(document.getText(), { ...optionsFor(document.uri, this.log), dockerignore });
    for (const { rule, error } of result.ruleErrors) this.log(`rule ${rule} failed on ${document.uri.fsPath}: ${error.stack ?? error.message}`);
    this.collection.set(document.uri, result.diagnostics.map(toVscodeDiagnostic));
    const elapsed = Date.now() - started;
    if (elapsed > 100) this.log(`linting ${document.uri.fsPath} took ${elapsed} ms`);
  }

  private forget(uri: vscode.Uri): void {
    clearTimeout(this.pending.get(uri.toString()));
    this.pending.delete(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}
