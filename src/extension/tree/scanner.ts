/**
 * Keeps a WorkspaceInventory in step with the workspace's files on disk: one bounded scan (a few
 * files at a time, never awaited by activation), then a file watcher whose events are batched.
 */
import * as vscode from 'vscode';
import { interestIn, templateChartDir, WorkspaceInventory } from '../../core/workspace/inventory';

/** Bounds for big workspaces: generated dumps are not hand-written definitions. */
const MAX_FILES = 5000;
const MAX_FILE_BYTES = 2 * 1024 * 1024;
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/.vscode-test/**}';
const CONTENT_GLOB = '**/{Dockerfile,Dockerfile.*,*.Dockerfile,*.dockerfile,Containerfile,Containerfile.*,*.Containerfile,*.yaml,*.yml}';
/** A chart's template files are listed by name only: a bound per chart, apart from the files read. */
const MAX_TEMPLATES = 2000;
/** File events come in bursts (a save, a git checkout): wait for the burst to end. */
const BATCH_DELAY_MS = 300;

export function isExcluded(uri: vscode.Uri): boolean {
  return /\/(?:node_modules|\.git|\.vscode-test)\//.test(uri.path);
}

export class InventoryScanner implements vscode.Disposable {
  readonly inventory = new WorkspaceInventory();
  /** The inventory's paths (`uri.path`) back to their URIs. */
  readonly uris = new Map<string, vscode.Uri>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Pending events: the URI, and whether it was a deletion (a folder's deletion is one event). */
  private readonly queue = new Map<string, { uri: vscode.Uri; event: 'changed' | 'deleted' | 'created' }>();
  private timer?: ReturnType<typeof setTimeout>;
  private scan?: Promise<void>;
  private flushing: Promise<void> = Promise.resolve();
  private disposed = false;
  private scanning = false;

  constructor(private readonly log: (message: string) => void) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const enqueue = (uri: vscode.Uri, event: 'changed' | 'deleted' | 'created') => {
      // Until the view is first shown nothing is read; the first scan will see the files as they are then.
      if (!this.scan) return;
      // Only creations may be folders worth reading (a folder moved in is one event).
      if (uri.scheme !== 'file' || isExcluded(uri) || (event === 'changed' && !interestIn(uri.path))) return;
      this.queue.set(uri.path, { uri, event });
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.flush(), BATCH_DELAY_MS);
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate((u) => enqueue(u, 'created')),
      watcher.onDidChange((u) => enqueue(u, 'changed')),
      watcher.onDidDelete((u) => enqueue(u, 'deleted')),
    );
    this.disposables.push(vscode.workspace.onDidChangeWorkspaceFolders(() => void (this.scan && this.rescan())));
  }

  /** Starts the first scan (once); resolves when it and any batched change are applied. */
  ready(): Promise<void> {
    this.scan ??= this.scanWorkspace();
    return this.scan.then(() => this.flush());
  }

  /** Forgets everything and reads the workspace again (the Refresh button). */
  rescan(): Promise<void> {
    for (const path of [...this.uris.keys()]) this.inventory.remove(path);
    this.uris.clear();
    this.scan = this.scanWorkspace();
    return this.scan;
  }

  private async scanWorkspace(): Promise<void> {
    const started = Date.now();
    this.scanning = true;
    try {
      const uris = (await vscode.workspace.findFiles(CONTENT_GLOB, EXCLUDE, MAX_FILES + 1)).filter((u) => interestIn(u.path) === 'content');
      if (uris.length > MAX_FILES) this.log(`preview tree: reading only the first ${MAX_FILES} matching files`);
      for (const [i, uri] of uris.slice(0, MAX_FILES).entries()) {
        if (this.disposed) return;
        await this.read(uri);
        // Yield now and then so the extension host stays responsive on a big workspace.
        if (i % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
      }
      // Charts are known now: list their template files (a web app's templates/ folder is not a chart's).
      for (const chartYaml of uris.filter((u) => u.path.endsWith('/Chart.yaml') && this.uris.has(u.path))) {
        if (this.disposed) return;
        await this.addTemplatesOf(chartYaml);
      }
    } finally {
      this.scanning = false;
    }
    this.log(`preview tree: read ${this.inventory.size} file(s) in ${Date.now() - started} ms`);
    this.changed.fire();
  }

  /** A file under a chart's templates/ folder whose content the tree does not need (`_helpers.tpl`, NOTES.txt). */
  private addTemplate(uri: vscode.Uri): boolean {
    const chartDir = templateChartDir(uri.path);
    if (interestIn(uri.path) !== 'path' || chartDir === undefined || !this.inventory.isChartDir(chartDir)) return false;
    this.uris.set(uri.path, uri);
    return this.inventory.update(uri.path);
  }

  /** A chart that appeared after the first scan: list its templates. */
  private async addTemplatesOf(chartYaml: vscode.Uri): Promise<void> {
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.joinPath(chartYaml, '..'), 'templates/**'), EXCLUDE, MAX_TEMPLATES);
    for (const uri of found) this.addTemplate(uri);
  }

  private flush(): Promise<void> {
    clearTimeout(this.timer);
    const batch = [...this.queue.values()];
    this.queue.clear();
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing.then(async () => {
      let changed = false;
      try {
        for (const { uri, event } of batch) {
          if (event === 'deleted') changed = this.forgetUnder(uri.path) || changed;
          else if (interestIn(uri.path)) changed = (await this.read(uri)) || changed;
          else if (event === 'created') changed = (await this.readFolder(uri)) || changed;
        }
      } catch (error) {
        // One failed batch must not stop the ones after it (they chain on this promise).
        this.log(`preview tree: applying file changes failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (changed) this.changed.fire();
    });
    return this.flushing;
  }

  /** Reads one file into the inventory, or drops it when it is gone or too big. */
  private async read(uri: vscode.Uri): Promise<boolean> {
    const path = uri.path;
    const interest = interestIn(path);
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      return this.forget(path); // deleted meanwhile
    }
    if (stat.type & vscode.FileType.Directory || !interest) return false;
    if (this.uris.size >= MAX_FILES && !this.uris.has(path)) return false;
    if (interest === 'path') return this.addTemplate(uri);
    if (stat.size > MAX_FILE_BYTES) {
      this.log(`preview tree: skipping ${path}: ${stat.size} bytes is over the ${MAX_FILE_BYTES}-byte limit`);
      return this.forget(path);
    }
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const isNewChart = path.endsWith('/Chart.yaml') && !this.uris.has(path);
      this.uris.set(path, uri);
      const changed = this.inventory.update(path, text);
      if (isNewChart && !this.scanning) await this.addTemplatesOf(uri);
      return changed;
    } catch (error) {
      this.log(`preview tree: reading ${path} failed: ${error instanceof Error ? error.message : String(error)}`);
      return this.forget(path);
    }
  }

  /** A folder that appeared (moved or checked out): read what it holds, within the same bounds. */
  private async readFolder(uri: vscode.Uri): Promise<boolean> {
    try {
      if (!((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory)) return false;
    } catch {
      return false;
    }
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*'), EXCLUDE, MAX_FILES);
    let changed = false;
    for (const file of found) if (interestIn(file.path)) changed = (await this.read(file)) || changed;
    return changed;
  }

  private forget(path: string): boolean {
    this.uris.delete(path);
    return this.inventory.remove(path);
  }

  private forgetUnder(path: string): boolean {
    let changed = this.forget(path);
    for (const known of [...this.uris.keys()]) if (known.startsWith(`${path}/`)) changed = this.forget(known) || changed;
    return changed;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
