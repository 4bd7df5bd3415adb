/**
 * Kubernetes and Compose diagnostics for open YAML documents, checked against every manifest of the
 * workspace: the workspace's YAML is indexed in the background after activation (bounded), kept
 * current by document events and a file watcher, and a change to one manifest re-checks the other
 * open manifests, whose cross-file findings (a Service selecting nothing, a missing ConfigMap) may
 * have changed. Edits are debounced; a newer edit supersedes a pending check.
 */
import * as vscode from 'vscode';
import { looksLikeKubernetes } from '../../core/yaml/detect';
import { YamlProject } from '../../core/workspace/yaml-project';
import { toVscodeDiagnostic } from '../convert';
import { debounceMs, isEnabled } from '../settings';
import { fileKey, isCandidate, kindOf, MAX_EDITOR_CHARS, yamlOptionsFor } from './documents';

/** Files over this size are not indexed from disk (generated dumps, not hand-written manifests). */
const MAX_SCAN_FILE_BYTES = 5 * 1024 * 1024;
const MAX_SCAN_FILES = 3000;
/** Parse trees cost tens of times the text: bound what the index may hold in total. */
const MAX_SCAN_TOTAL_BYTES = 64 * 1024 * 1024;
const SCAN_EXCLUDE = '{**/node_modules/**,**/.git/**,**/.vscode-test/**}';
/** Other open files are re-checked after a cross-file change once edits settle. */
const OTHERS_DELAY_MS = 250;

export class YamlDiagnostics implements vscode.Disposable {
  readonly project = new YamlProject();
  private readonly collection = vscode.languages.createDiagnosticCollection('shipshape-yaml');
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private othersTimer?: ReturnType<typeof setTimeout>;
  private othersExcept?: vscode.TextDocument;
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private disposed = false;
  /** Documents whose last editor tab was closed: no findings shown until one is opened again. */
  private readonly hidden = new Set<string>();
  private scannedBytes = 0;
  /** Until the workspace is indexed, only schema findings: a ConfigMap in an unread file is not missing. */
  private indexed = false;
  /** Resolves when the initial workspace scan has finished (tests and the tree may wait on it). */
  readonly scanned: Promise<void>;

  constructor(private readonly log: (message: string) => void) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => {
        this.hidden.delete(d.uri.toString());
        this.schedule(d, 0);
      }),
      vscode.window.tabGroups.onDidChangeTabs((e) => this.tabsChanged(e)),
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => void this.closed(d)),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('shipshape') && this.checkAllOpen()),
    );
    const configs = vscode.workspace.createFileSystemWatcher('**/{.shipshape.yaml,.shipshape.yml,.hadolint.yaml,.hadolint.yml}');
    const yaml = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
    for (const event of [configs.onDidChange, configs.onDidCreate, configs.onDidDelete]) event(() => this.checkAllOpen(), undefined, this.disposables);
    yaml.onDidCreate((uri) => void this.diskChanged(uri), undefined, this.disposables);
    yaml.onDidChange((uri) => void this.diskChanged(uri), undefined, this.disposables);
    yaml.onDidDelete((uri) => this.project.remove(uri.fsPath) && this.scheduleOthers(), undefined, this.disposables);
    this.disposables.push(configs, yaml);
    // After activation returns: the first check compiles schemas (~1 s), the scan reads files.
    setTimeout(() => this.checkAllOpen(), 0);
    this.scanned = new Promise((done) => setTimeout(done, 0)).then(() => this.scanWorkspace());
  }

  /** Checks `document` after the debounce delay; a later call for the same document replaces this one. */
  schedule(document: vscode.TextDocument, delay = debounceMs()): void {
    if (!isCandidate(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    const version = document.version;
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        // Superseded: a newer edit has its own check pending.
        if (!document.isClosed && document.version === version) this.checkNow(document, true);
      }, delay),
    );
  }

  /**
   * A closed document lingers in memory for minutes after its tab closes: its findings go with the
   * tab, as a user expects, and come back when it is shown again.
   */
  private tabsChanged(event: vscode.TabChangeEvent): void {
    const shown = new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs.map(tabUri)).filter((u): u is string => !!u));
    for (const key of event.closed.map(tabUri)) {
      if (!key || shown.has(key)) continue;
      this.hidden.add(key);
      this.collection.delete(vscode.Uri.parse(key));
    }
    for (const key of event.opened.map(tabUri)) {
      if (!key || !this.hidden.delete(key)) continue;
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (document) this.schedule(document, 0);
    }
  }

  checkAllOpen(): void {
    for (const document of vscode.workspace.textDocuments) if (isCandidate(document)) this.checkNow(document, false);
  }

  /** Checks one open document; `propagate`: re-check the other open manifests if its objects changed. */
  checkNow(document: vscode.TextDocument, propagate: boolean): void {
    if (this.disposed) return;
    const key = fileKey(document.uri);
    const text = document.getText();
    const kind = kindOf(document);
    const changed = this.project.textOf(key) !== text;
    if (this.hidden.has(document.uri.toString())) {
      // Not shown, but still what the other files are checked against (e.g. changed on disk).
      if (changed && kind === 'kubernetes' && text.length <= MAX_EDITOR_CHARS) {
        this.project.setManifest(key, text);
        if (propagate) this.scheduleOthers(document);
      }
      return;
    }
    if (kind === 'helm-template' || kind === undefined || !isEnabled(document.uri)) {
      this.collection.delete(document.uri);
      // Templates and unchecked manifests still tell other files what exists; other YAML leaves the index.
      const indexed = kind === 'helm-template' || kind === 'kubernetes';
      const indexChanged = indexed ? changed && text.length <= MAX_EDITOR_CHARS && (this.project.setManifest(key, text), true) : this.project.remove(key);
      if (propagate && indexChanged) this.scheduleOthers(document);
      return;
    }
    if (text.length > MAX_EDITOR_CHARS) {
      const message = `Shipshape: this file is ${(text.length / 1048576).toFixed(1)} MB; files over ${MAX_EDITOR_CHARS / 1048576} MB are not validated in the editor (use \`shipshape check\`).`;
      const notice = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Information);
      notice.source = 'shipshape';
      this.collection.set(document.uri, [notice]);
      return;
    }
    const started = Date.now();
    try {
      const diagnostics = this.project.lint(key, text, kind, yamlOptionsFor(document.uri, this.log), undefined, this.indexed);
      this.collection.set(document.uri, diagnostics.map(toVscodeDiagnostic));
    } catch (error) {
      // A checker bug must not take the editor down; the log says what happened.
      this.log(`checking ${key} failed: ${(error as Error).stack ?? String(error)}`);
      this.collection.delete(document.uri);
    }
    const elapsed = Date.now() - started;
    if (elapsed > 200) this.log(`checking ${key} took ${elapsed} ms`);
    if (propagate && changed && kind === 'kubernetes') this.scheduleOthers(document);
  }

  /** Re-checks every other open manifest once things settle (cross-file findings may have changed). */
  private scheduleOthers(except?: vscode.TextDocument): void {
    // Merging with a pending request: skip only a document both requests skip.
    if (this.othersTimer && this.othersExcept !== except) except = undefined;
    clearTimeout(this.othersTimer);
    this.othersExcept = except;
    this.othersTimer = setTimeout(() => {
      this.othersTimer = undefined;
      for (const document of vscode.workspace.textDocuments) {
        if (document !== except && isCandidate(document) && !this.pending.has(document.uri.toString())) this.checkNow(document, false);
      }
    }, OTHERS_DELAY_MS);
  }

  private async closed(document: vscode.TextDocument): Promise<void> {
    this.hidden.delete(document.uri.toString());
    clearTimeout(this.pending.get(document.uri.toString()));
    this.pending.delete(document.uri.toString());
    this.collection.delete(document.uri);
    // Unsaved edits are gone with the editor: the index goes back to what is on disk.
    if (document.uri.scheme === 'file') await this.diskChanged(document.uri);
    else if (this.project.remove(fileKey(document.uri))) this.scheduleOthers();
  }

  /** A file changed on disk: re-index it unless an open editor (whose text wins) has it. */
  private async diskChanged(uri: vscode.Uri): Promise<void> {
    if (this.disposed || isExcluded(uri) || vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    if (await this.indexFromDisk(uri)) this.scheduleOthers();
  }

  /** Reads a file into the index (or drops it when it is no manifest); true when the index changed. */
  private async indexFromDisk(uri: vscode.Uri): Promise<boolean> {
    const key = fileKey(uri);
    let text: string;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_SCAN_FILE_BYTES) {
        this.log(`not indexing ${key}: ${stat.size} bytes is over the ${MAX_SCAN_FILE_BYTES}-byte limit for workspace files`);
        return this.project.remove(key);
      }
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return this.project.remove(key); // deleted meanwhile
    }
    if (!looksLikeKubernetes(text) || /^[ \t]*#[ \t]*shipshape:[ \t]*kind=(?:compose|none)\b/m.test(text.slice(0, 4096))) return this.project.remove(key);
    if (this.project.textOf(key) === text) return false;
    try {
      this.project.setManifest(key, text);
    } catch (error) {
      this.log(`indexing ${key} failed: ${(error as Error).message}`);
      return false;
    }
    return true;
  }

  /** Indexes the workspace's manifests a few files at a time, yielding so the editor stays responsive. */
  private async scanWorkspace(): Promise<void> {
    try {
      await this.indexWorkspace();
    } catch (error) {
      this.log(`indexing the workspace failed: ${(error as Error).stack ?? String(error)}`);
    }
    this.indexed = true;
    this.scheduleOthers();
  }

  private async indexWorkspace(): Promise<void> {
    const started = Date.now();
    const uris = await vscode.workspace.findFiles('**/*.{yaml,yml}', SCAN_EXCLUDE, MAX_SCAN_FILES + 1);
    if (uris.length > MAX_SCAN_FILES) this.log(`indexing only the first ${MAX_SCAN_FILES} YAML files of the workspace`);
    for (const [i, uri] of uris.slice(0, MAX_SCAN_FILES).entries()) {
      if (this.disposed) return;
      if (this.scannedBytes > MAX_SCAN_TOTAL_BYTES) {
        this.log(`stopped indexing after ${i} files: ${MAX_SCAN_TOTAL_BYTES} bytes of manifests indexed`);
        break;
      }
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) continue;
      if (await this.indexFromDisk(uri)) this.scannedBytes += this.project.textOf(fileKey(uri))?.length ?? 0;
      if (i % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
    }
    this.log(`indexed ${this.project.size} Kubernetes manifest file(s) of ${uris.length} YAML file(s) in ${Date.now() - started} ms`);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.othersTimer);
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}

function tabUri(tab: vscode.Tab): string | undefined {
  const input = tab.input;
  if (input instanceof vscode.TabInputText) return input.uri.toString();
  if (input instanceof vscode.TabInputTextDiff) return input.modified.toString();
  return undefined;
}

function isExcluded(uri: vscode.Uri): boolean {
  return /[\\/](?:node_modules|\.git|\.vscode-test)[\\/]/.test(uri.path);
}
