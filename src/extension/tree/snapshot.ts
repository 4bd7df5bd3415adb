/**
 * `shipshape.internal.treeSnapshot`: the tree as the view gets it (through getChildren and
 * getTreeItem), as plain JSON, so tests check what the user sees: labels, descriptions with finding
 * counts, and where a click goes.
 */
import * as vscode from 'vscode';
import type { FindingCount, TreeNode } from '../../core/workspace/inventory';
import type { PreviewTreeProvider } from './provider';

export interface ItemSnapshot {
  id: string;
  label: string;
  description?: string;
  contextValue?: string;
  /** Where a click reveals: the file as shown in the tree, and 1-based line and column. */
  file?: string;
  line?: number;
  column?: number;
  findings?: FindingCount;
  chartDir?: string;
  children?: ItemSnapshot[];
}

/** Bound on the nodes expanded, so a huge workspace cannot make the snapshot unbounded. */
const MAX_NODES = 20_000;

export async function snapshotItems(provider: PreviewTreeProvider): Promise<ItemSnapshot[]> {
  let budget = MAX_NODES;
  const walk = async (node: TreeNode): Promise<ItemSnapshot> => {
    budget--;
    const item = provider.getTreeItem(node);
    const snapshot: ItemSnapshot = { id: item.id ?? node.id, label: String(item.label), contextValue: item.contextValue };
    if (typeof item.description === 'string') snapshot.description = item.description;
    const [uri, options] = (item.command?.arguments ?? []) as [vscode.Uri?, { selection?: vscode.Range }?];
    if (item.command?.command === 'vscode.open' && uri) {
      snapshot.file = vscode.workspace.asRelativePath(uri, false);
      snapshot.line = (options?.selection?.start.line ?? 0) + 1;
      snapshot.column = (options?.selection?.start.character ?? 0) + 1;
    }
    const findings = provider.findingsOf(node);
    if (findings && (findings.errors > 0 || findings.warnings > 0)) snapshot.findings = findings;
    if (node.chartDir !== undefined) snapshot.chartDir = node.chartDir;
    if (item.collapsibleState !== vscode.TreeItemCollapsibleState.None && budget > 0) {
      const children: ItemSnapshot[] = [];
      for (const child of await provider.getChildren(node)) children.push(await walk(child));
      snapshot.children = children;
    }
    return snapshot;
  };
  const roots: ItemSnapshot[] = [];
  for (const root of await provider.getChildren()) roots.push(await walk(root));
  return roots;
}
