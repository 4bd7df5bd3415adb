/**
 * `shipshape.internal.treeSnapshot`: the tree as the view gets it (through getChildren and
 * getTreeItem), as plain JSON, so tests check what the user sees: labels, descriptions with finding
 * counts, and where a click goes.
 */
import * as vscode from 'vscode';
import type { FindingTally } from '../../core/project/tally';
import type { TreeItemData } from '../../core/project/tree';
import type { PreviewTreeProvider } from './provider';

export interface ItemSnapshot {
  id: string;
  label: string;
  description?: string;
  contextValue?: string;
  /** The codicon id shown. */
  icon?: string;
  /** The hover's Markdown. */
  tooltip?: string;
  /** Where a click reveals: the file as shown in the tree, and 1-based line and column. */
  file?: string;
  line?: number;
  column?: number;
  /** Findings summarised by the item (its own and those below it). */
  findings?: FindingTally;
  /** Findings that belong to this item alone. */
  owned?: FindingTally;
  chartDir?: string;
  children?: ItemSnapshot[];
}

export async function snapshotItems(provider: PreviewTreeProvider): Promise<ItemSnapshot[]> {
  const walk = async (item: TreeItemData): Promise<ItemSnapshot> => {
    const tree = provider.getTreeItem(item);
    const snapshot: ItemSnapshot = { id: tree.id ?? item.id, label: String(tree.label), contextValue: tree.contextValue };
    if (typeof tree.description === 'string') snapshot.description = tree.description;
    if (tree.iconPath instanceof vscode.ThemeIcon) snapshot.icon = tree.iconPath.id;
    if (tree.tooltip !== undefined) snapshot.tooltip = typeof tree.tooltip === 'string' ? tree.tooltip : tree.tooltip.value;
    const [uri, options] = (tree.command?.arguments ?? []) as [vscode.Uri?, { selection?: vscode.Range }?];
    if (tree.command?.command === 'vscode.open' && uri) {
      snapshot.file = vscode.workspace.asRelativePath(uri, false);
      snapshot.line = (options?.selection?.start.line ?? 0) + 1;
      snapshot.column = (options?.selection?.start.character ?? 0) + 1;
    }
    if (item.findings) snapshot.findings = item.findings;
    if (item.owned) snapshot.owned = item.owned;
    if (item.chartDir !== undefined) snapshot.chartDir = item.chartDir;
    if (tree.collapsibleState !== vscode.TreeItemCollapsibleState.None) {
      const children: ItemSnapshot[] = [];
      for (const child of await provider.getChildren(item)) children.push(await walk(child));
      snapshot.children = children;
    }
    return snapshot;
  };
  const roots: ItemSnapshot[] = [];
  for (const root of await provider.getChildren()) roots.push(await walk(root));
  return roots;
}
