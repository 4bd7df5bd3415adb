/**
 * The Shipshape tree view's data provider: the server's tree (plain data, with each finding counted on
 * the one item it belongs to), grouped and filtered as the user chose (core/project/tree-view.ts), as
 * TreeItems. A click reveals the definition; items with findings are tinted and say how many. The
 * server says when the tree changed; the view asks again then. A change of grouping asks nothing.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { describeTally } from '../../core/project/tally';
import type { TreeItemData } from '../../core/project/tree';
import { iconOf, regroupTree, tooltipMarkdown, type TreeViewOptions } from '../../core/project/tree-view';
import { TREE_CHANGED, TREE_REQUEST } from '../../server/protocol';

/** Groups open by default: a section, a namespace, a folder, a kind (objects are then two clicks away at most). */
const GROUPS = new Set(['section', 'namespace', 'folder', 'kind']);

/** A path as the tree shows it: relative to its workspace folder (with the folder's name when there are several). */
const relative = (path: string) => vscode.workspace.asRelativePath(path, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);

export class PreviewTreeProvider implements vscode.TreeDataProvider<TreeItemData>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeItemData | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots?: Promise<TreeItemData[]>;
  private shown?: Promise<TreeItemData[]>;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private options: TreeViewOptions = {};

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(client.onNotification(TREE_CHANGED, () => this.refresh()));
  }

  refresh(): void {
    this.roots = undefined;
    this.shown = undefined;
    this.changed.fire(undefined);
  }

  /** Regroups and filters the tree the server sent last (no request). */
  setView(options: TreeViewOptions): void {
    this.options = options;
    this.shown = undefined;
    this.changed.fire(undefined);
  }

  /** The roots as shown; the server is asked once per change. */
  items(): Promise<TreeItemData[]> {
    this.roots ??= this.client.sendRequest<{ items: TreeItemData[] }>(TREE_REQUEST).then((r) => r.items);
    this.shown ??= this.roots.then((roots) => regroupTree(roots, { ...this.options, displayPath: relative }));
    return this.shown;
  }

  async getChildren(item?: TreeItemData): Promise<TreeItemData[]> {
    return item ? (item.children ?? []) : this.items();
  }

  getTreeItem(item: TreeItemData): vscode.TreeItem {
    const state = !item.children
      ? vscode.TreeItemCollapsibleState.None
      : GROUPS.has(item.contextValue)
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
    const tree = new vscode.TreeItem(item.label, state);
    tree.id = item.id;
    tree.description = item.description;
    tree.tooltip = new vscode.MarkdownString(tooltipMarkdown(item, relative));
    tree.contextValue = item.contextValue;
    const f = item.findings;
    const color = f?.errors ? 'list.errorForeground' : f?.warnings ? 'list.warningForeground' : undefined;
    tree.iconPath = new vscode.ThemeIcon(iconOf(item), color ? new vscode.ThemeColor(color) : undefined);
    const summary = describeTally(f);
    if (summary) tree.description = [item.description, summary].filter(Boolean).join(' · ');
    if (item.at) {
      const uri = vscode.Uri.file(item.at.path);
      tree.resourceUri = item.contextValue === 'dockerfile' || item.contextValue === 'composeFile' ? uri : undefined;
      const position = new vscode.Position(item.at.line, item.at.character);
      tree.command = { title: 'Open', command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(position, position), preview: true }] };
    }
    return tree;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
