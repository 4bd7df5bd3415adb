/**
 * The Shipshape tree view's data provider: core TreeNodes as TreeItems. A click reveals the
 * definition; nodes whose span holds Shipshape errors or warnings are tinted and say how many.
 */
import * as vscode from 'vscode';
import { findingsOf, rootNodes } from '../../core/workspace/inventory';
import type { Finding, FindingCount, TreeNode } from '../../core/workspace/inventory';
import type { InventoryScanner } from './scanner';

export class PreviewTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Shipshape findings per inventory path, read once per refresh. */
  private findings = new Map<string, Finding[]>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly scanner: InventoryScanner) {
    this.disposables.push(
      scanner.onDidChange(() => this.refresh()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        // Only findings in files the tree shows matter; lint bursts are coalesced.
        if (!e.uris.some((u) => scanner.uris.has(u.path))) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.refresh(), 250);
      }),
    );
  }

  refresh(): void {
    this.findings.clear();
    this.changed.fire(undefined);
  }

  roots(): TreeNode[] {
    return rootNodes(this.scanner.inventory, { displayPath: (path) => this.displayPath(path) });
  }

  displayPath(path: string): string {
    const uri = this.scanner.uris.get(path);
    return uri ? vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1) : path;
  }

  /** The roots wait for the first scan (the view shows progress meanwhile, not its "nothing found" text). */
  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) return node.children?.() ?? [];
    await this.scanner.ready();
    return this.roots();
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const state = !node.children
      ? vscode.TreeItemCollapsibleState.None
      : node.contextValue === 'section'
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.contextValue = node.contextValue;
    const count = this.findingsOf(node);
    const color = count?.errors ? 'list.errorForeground' : count?.warnings ? 'list.warningForeground' : undefined;
    item.iconPath = new vscode.ThemeIcon(node.icon, color ? new vscode.ThemeColor(color) : undefined);
    if (count && color) {
      const summary = [count.errors && `${count.errors} error${count.errors > 1 ? 's' : ''}`, count.warnings && `${count.warnings} warning${count.warnings > 1 ? 's' : ''}`]
        .filter(Boolean)
        .join(', ');
      item.description = [node.description, summary].filter(Boolean).join(' · ');
      item.tooltip = [node.tooltip ?? node.label, `Shipshape: ${summary}`].join('\n');
    }
    const uri = node.at && this.scanner.uris.get(node.at.path);
    if (uri && node.at) {
      item.resourceUri = node.contextValue === 'dockerfile' || node.contextValue === 'composeFile' ? uri : undefined;
      const position = new vscode.Position(node.at.line, node.at.character);
      item.command = { title: 'Open', command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(position, position), preview: true }] };
    }
    return item;
  }

  /** Errors and warnings that belong to the node (its own span), or undefined for links and groups. */
  findingsOf(node: TreeNode): FindingCount | undefined {
    return findingsOf(node, (path) => this.fileFindings(path));
  }

  private fileFindings(path: string): Finding[] {
    let list = this.findings.get(path);
    if (!list) {
      const uri = this.scanner.uris.get(path);
      list = (uri ? vscode.languages.getDiagnostics(uri) : []).flatMap((d): Finding[] => {
        if (d.source !== 'shipshape') return [];
        if (d.severity === vscode.DiagnosticSeverity.Error) return [{ line: d.range.start.line, severity: 'error' }];
        return d.severity === vscode.DiagnosticSeverity.Warning ? [{ line: d.range.start.line, severity: 'warning' }] : [];
      });
      this.findings.set(path, list);
    }
    return list;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
