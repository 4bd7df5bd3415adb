/**
 * The preview tree as plain data, with each finding counted on exactly one item: the one with the
 * smallest span that holds the finding's line (a stage rather than its image, a service rather than
 * its ports; the shallower item on a tie). The server sends this to the editor, so the tree counts the
 * same findings the Problems panel lists, for every file, not only open ones.
 */
import type { Diagnostic } from '../diagnostics';
import { rootNodes, type SourceSpan, type TreeNode, type WorkspaceInventory } from '../workspace/inventory';

export interface FindingTally {
  errors: number;
  warnings: number;
  /** Info and style findings. */
  notes: number;
}

export interface TreeItemData {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  icon: string;
  contextValue: string;
  at?: SourceSpan;
  chartDir?: string;
  findings?: FindingTally;
  children?: TreeItemData[];
}

export function buildTree(
  inventory: WorkspaceInventory,
  findingsOf: (path: string) => readonly Diagnostic[],
  displayPath?: (path: string) => string,
  maxNodes = 20_000,
): TreeItemData[] {
  let budget = maxNodes;
  const owners: { item: TreeItemData; spans: SourceSpan[]; depth: number }[] = [];
  const walk = (node: TreeNode, depth: number): TreeItemData => {
    budget--;
    const item: TreeItemData = { id: node.id, label: node.label, icon: node.icon, contextValue: node.contextValue };
    if (node.description !== undefined) item.description = node.description;
    if (node.tooltip !== undefined) item.tooltip = node.tooltip;
    if (node.at) item.at = node.at;
    if (node.chartDir !== undefined) item.chartDir = node.chartDir;
    if (node.ownsFindings && node.at) owners.push({ item, spans: [node.at, ...(node.alsoCovers ?? [])], depth });
    if (node.children && budget > 0) item.children = node.children().map((child) => walk(child, depth + 1));
    return item;
  };
  const roots = rootNodes(inventory, { displayPath }).map((n) => walk(n, 0));
  const byPath = new Map<string, { item: TreeItemData; span: SourceSpan; depth: number }[]>();
  for (const owner of owners) {
    for (const span of owner.spans) {
      const list = byPath.get(span.path) ?? [];
      list.push({ item: owner.item, span, depth: owner.depth });
      byPath.set(span.path, list);
    }
  }
  for (const [path, candidates] of byPath) {
    for (const finding of findingsOf(path)) {
      const line = finding.range.start.line;
      let best: { item: TreeItemData; span: SourceSpan; depth: number } | undefined;
      for (const c of candidates) {
        if (line < c.span.line || line > c.span.endLine) continue;
        const size = c.span.endLine - c.span.line;
        const bestSize = best ? best.span.endLine - best.span.line : Infinity;
        if (size < bestSize || (size === bestSize && best && c.depth < best.depth)) best = c;
      }
      if (!best) continue;
      const tally = (best.item.findings ??= { errors: 0, warnings: 0, notes: 0 });
      if (finding.severity === 'error') tally.errors++;
      else if (finding.severity === 'warning') tally.warnings++;
      else tally.notes++;
    }
  }
  return roots;
}
