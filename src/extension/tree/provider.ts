/**
 * The Shipshape tree view's data provider: the server's tree (plain data, with each finding counted on
 * the one item it belongs to) as TreeItems. A click reveals the definition; items with findings are
 * tinted and say how many. The server says when the tree changed; the view asks again then.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { describeTally } from '../../core/project/tally';
import type { TreeItemData } from '../../core/project/tree';
import { TREE_CHANGED, TREE_REQUEST } from '../../server/protocol';

export class PreviewTreeProvider implements vscode.TreeDataProvider<TreeItemData>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeItemData | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots?: Promise<TreeItemData[]>;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(client.onNotification(TREE_CHANGED, () => this.refresh()));
  }

  refresh(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  /** The roots, asked of the server once per change. */
  items(): Promise<TreeItemData[]> {
    this.roots ??= this.client.sendRequest<{ items: TreeItemData[] }>(TREE_REQUEST).then((r) => r.items);
    return this.roots;
  }

  async getChildren(item?: TreeItemData): Promise<TreeItemData[]> {
    return item ? (item.children ?? []) : this.items();
  }

  getTreeItem(item: TreeItemData): vscode.TreeItem {
    const state = !item.children
      ? vscode.TreeItemCollapsibleState.None
      : item.contextValue === 'section'
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
    const tree = new vscode.TreeItem(item.label, state);
    tree.id = item.id;
    tree.description = item.description;
    tree.tooltip = item.tooltip ?? item.label;
    tree.contextValue = item.contextValue;
    const f = item.findings;
    const color = f?.errors ? 'list.errorForeground' : f?.warnings ? 'list.warningForeground' : undefined;
    tree.iconPath = new vscode.ThemeIcon(item.icon, color ? new vscode.ThemeColor(color) : undefined);
    const summary = describeTally(f);
    if (summary) {
      tree.description = [item.description, summary].filter(Boolean).join(' · ');
      tree.tooltip = `${tree.tooltip}\nShipshape: ${summary}`;
    }
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
