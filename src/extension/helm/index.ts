/**
 * "Shipshape: Render Helm Chart": renders a chart (see session.ts) into a read-only `shipshape-helm:`
 * document that follows the chart: any change to a file of the chart re-renders it (debounced) and the
 * open document updates through onDidChange.
 */
import * as vscode from 'vscode';
import { join, relative, sep } from 'node:path';
import type { RegisterFeature } from '../feature';
import { debounceMs } from '../settings';
import { rememberedChoices, resolveRequest, rememberedRequest, type RenderCommandArgs } from './prompts';
import { RenderClient } from '../../core/helm/worker/render-client';
import { ChartSession, displayName, type SessionServices } from './session';
import { settled } from './settled';

export const HELM_SCHEME = 'shipshape-helm';
/** File events arrive in bursts (a save, a git checkout): wait for the burst to end. */
const MIN_RERENDER_DELAY_MS = 300;

/**
 * One document per chart, reused by every render of it: `shipshape-helm:/<name>/<name> (rendered).yaml?<chart dir>`
 * (the folder part makes the Problems panel read "web (rendered).yaml  web", not a bare "/").
 */
function documentUri(chartDir: string): vscode.Uri {
  const name = displayName(chartDir);
  return vscode.Uri.from({ scheme: HELM_SCHEME, path: `/${name}/${name} (rendered).yaml`, query: encodeURIComponent(chartDir) });
}

interface Live {
  session: ChartSession;
  watcher: vscode.FileSystemWatcher;
  timer?: ReturnType<typeof setTimeout>;
  shown?: boolean;
}

class HelmRenderer implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;
  private readonly live = new Map<string, Live>();
  private readonly services: SessionServices;

  constructor(
    private readonly state: vscode.Memento,
    log: (message: string) => void,
    private readonly chartValuesChosen: (chartDir: string, valuesFiles: string[]) => void,
    server: Pick<SessionServices, 'checkRendered' | 'hideSecrets'>,
  ) {
    this.services = {
      log,
      checkRendered: server.checkRendered,
      hideSecrets: server.hideSecrets,
      rendered: vscode.languages.createDiagnosticCollection('shipshape-helm-rendered'),
      templates: vscode.languages.createDiagnosticCollection('shipshape-helm-templates'),
      // Bundled beside extension.js (scripts/build.mjs).
      renderer: new RenderClient(join(__dirname, 'helm-render-worker.js'), log),
    };
  }

  provideTextDocumentContent(uri: vscode.Uri): string | Thenable<string> {
    const live = this.live.get(uri.toString());
    if (live) return live.session.text;
    // A view VS Code restored from an earlier window: render it with the remembered choices.
    const chartDir = decodeURIComponent(uri.query);
    const restored = this.track(uri, rememberedRequest(this.state, chartDir));
    restored.shown = true;
    return restored.session.render().then(() => restored.session.text);
  }

  private track(uri: vscode.Uri, request: ChartSession['request']): Live {
    const session = new ChartSession(uri, request, this.services);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(request.chartDir), '**/*'));
    const live: Live = { session, watcher };
    const schedule = (changed: vscode.Uri) => this.schedule(live, changed);
    watcher.onDidChange(schedule);
    watcher.onDidCreate(schedule);
    watcher.onDidDelete(schedule);
    this.live.set(uri.toString(), live);
    return live;
  }

  /** The command: render with a progress notification whose cancel button stops the render. */
  async renderCommand(arg: RenderCommandArgs | vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
    const request = await resolveRequest(this.state, arg);
    if (!request) return undefined;
    this.chartValuesChosen(request.chartDir, request.valuesFiles);
    const uri = documentUri(request.chartDir);
    const existing = this.live.get(uri.toString());
    const live = existing ?? this.track(uri, request);
    const session = live.session;
    session.request = request;
    let cancelled = false;
    const rendered = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Rendering Helm chart ${displayName(request.chartDir)}`, cancellable: true },
      async (_progress, token) => {
        const done = await session.render(token);
        cancelled = token.isCancellationRequested;
        return done;
      },
    );
    if (cancelled && !rendered) {
      // Nothing new to show; a view that never rendered is not opened at all.
      if (!existing) {
        this.live.delete(uri.toString());
        this.release(live);
      }
      return undefined;
    }
    // A re-render started meanwhile (a file or setting changed) supersedes ours; show the newest.
    await session.idle();
    if (rendered) this.changes.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    // An open view updates asynchronously after onDidChange: return once it shows this render.
    await settled(doc, () => session.text);
    if (doc.languageId !== 'yaml') await vscode.languages.setTextDocumentLanguage(doc, 'yaml');
    // One view per chart: shown again where it already is, else beside the editor.
    const shownIn = vscode.window.tabGroups.all.find((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()));
    await vscode.window.showTextDocument(doc, { preview: false, viewColumn: shownIn?.viewColumn ?? vscode.ViewColumn.Beside });
    live.shown = true;
    return uri;
  }

  private schedule(live: Live, changed: vscode.Uri): void {
    // Only files the render reads: the chart, its subcharts, and the chosen values files.
    const rel = relative(live.session.chartDir, changed.fsPath);
    if (rel.startsWith('..') || rel.split(sep).some((part) => part === '.git' || part === 'node_modules')) return;
    if (live.timer) clearTimeout(live.timer);
    live.timer = setTimeout(() => {
      live.timer = undefined;
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `Rendering ${displayName(live.session.chartDir)}` },
        async () => {
          if (await live.session.render()) this.changes.fire(live.session.uri);
        },
      );
    }, Math.max(MIN_RERENDER_DELAY_MS, debounceMs()));
  }

  /** Unsaved edits to a template re-render too (the view follows typing), unless rendering is slow. */
  onEdited(doc: vscode.TextDocument): void {
    if (doc.uri.scheme !== 'file') return;
    for (const live of this.live.values()) {
      if (!live.session.slow && doc.uri.fsPath.startsWith(live.session.chartDir + sep)) this.schedule(live, doc.uri);
    }
  }

  /** Helm compatibility, the engine choice and validation settings all change what a view shows. */
  onSettingsChanged(): void {
    for (const live of this.live.values()) this.schedule(live, vscode.Uri.file(live.session.chartDir));
  }

  /**
   * A view whose last tab closed stops following its chart and takes its Problems with it. (Tabs, not
   * onDidCloseTextDocument: VS Code disposes an unused document only minutes later.)
   */
  onTabsChanged(): void {
    const open = new Set<string>();
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) if (tab.input instanceof vscode.TabInputText) open.add(tab.input.uri.toString());
    }
    for (const [key, live] of this.live) {
      // A view is only let go once it has been shown: the command creates it before its tab opens.
      if (live.shown && !open.has(key)) {
        this.live.delete(key);
        this.release(live);
      }
    }
  }

  private release(live: Live): void {
    if (live.timer) clearTimeout(live.timer);
    live.watcher.dispose();
    live.session.dispose();
  }

  dispose(): void {
    for (const live of this.live.values()) this.release(live);
    this.live.clear();
    this.changes.dispose();
    this.services.rendered.dispose();
    this.services.templates.dispose();
    this.services.renderer.dispose();
  }
}

export const registerHelmFeatures: RegisterFeature = ({ extension, log, chartValuesChosen, checkRendered, hideSecrets }) => {
  const renderer = new HelmRenderer(extension.workspaceState, log, chartValuesChosen, { checkRendered, hideSecrets });
  // The server learns each chart's remembered values files at start (it answers hovers with them).
  for (const { chartDir, valuesFiles } of rememberedChoices(extension.workspaceState)) chartValuesChosen(chartDir, valuesFiles);
  return [
    renderer,
    vscode.workspace.registerTextDocumentContentProvider(HELM_SCHEME, renderer),
    vscode.commands.registerCommand('shipshape.renderHelmChart', (arg?: RenderCommandArgs | vscode.Uri) => renderer.renderCommand(arg)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) renderer.onEdited(e.document);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('shipshape')) renderer.onSettingsChanged();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => renderer.onSettingsChanged()),
    vscode.window.tabGroups.onDidChangeTabs(() => renderer.onTabsChanged()),
  ];
};
