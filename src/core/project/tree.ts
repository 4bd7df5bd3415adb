/**
 * The preview tree as plain data, with each finding counted on exactly one item: the one with the
 * smallest span that holds the finding's line (a stage rather than its image, a service rather than
 * its ports; the shallower item on a tie). The server sends this to the editor, so the tree counts the
 * same findings the Problems panel lists, for every file, not only open ones.
 */
import type { Diagnostic } from '../diagnostics';
import type { FindingTally } from './tally';
import { rootNodes, type SourceSpan, type TreeNode, type WorkspaceInventory } from '../workspace/inventory';


/** A tree node as the client receives it: plain data, with its findings counted. */
export interface TreeItemData extends Pick<TreeNode, 'id' | 'label' | 'description' | 'tooltip' | 'icon' | 'contextValue' | 'at' | 'chartDir'> {
  /** Findings of this item and the items below it (what its description summarises). */
  findings?: FindingTally;
  /** Findings that belong to this item alone: each finding is owned by exactly one item. */
  owned?: FindingTally;
  /** A Kubernetes object's kind, apiVersion and namespace (unset means `default`; none when cluster-scoped), for the client's grouping, icons and tooltips. */
  k8s?: { kind: string; apiVersion: string; name?: string; namespace?: string };
  children?: TreeItemData[];
}

export function buildTree(
  inventory: WorkspaceInventory,
  findingsOf: (path: string) => readonly Diagnostic[],
  displayPath?: (path: string) => string,
  maxNodes = 20_000,
): TreeItemData[] {
  let budget = maxNodes;
  const objects = new Map(inventory.kubernetesObjects().map((o) => [`k8s:obj:${o.key}`, o]));
  const owners: { item: TreeItemData; spans: SourceSpan[]; depth: number }[] = [];
  const walk = (node: TreeNode, depth: number): TreeItemData => {
    budget--;
    const item: TreeItemData = { id: node.id, label: node.label, icon: node.icon, contextValue: node.contextValue };
    if (node.description !== undefined) item.description = node.description;
    if (node.tooltip !== undefined) item.tooltip = node.tooltip;
    if (node.at) item.at = node.at;
    if (node.chartDir !== undefined) item.chartDir = node.chartDir;
    // Twins get a `#n` suffix (uniqueIds); the object is the same.
    const object = node.contextValue === 'k8sObject' ? objects.get(node.id.replace(/#\d+$/, '')) : undefined;
    if (object) {
      item.k8s = { kind: object.kind, apiVersion: object.apiVersion, name: object.name, namespace: object.clusterScoped ? undefined : (object.namespace ?? 'default') };
      if (object.name === undefined) delete item.k8s.name;
    }
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
        const first = c.span.startLine ?? c.span.line;
        if (line < first || line > c.span.endLine) continue;
        const size = c.span.endLine - first;
        const bestSize = best ? best.span.endLine - (best.span.startLine ?? best.span.line) : Infinity;
        if (size < bestSize || (size === bestSize && best && c.depth < best.depth)) best = c;
      }
      if (!best) continue;
      const tally = (best.item.owned ??= { errors: 0, warnings: 0, notes: 0 });
      if (finding.severity === 'error') tally.errors++;
      else if (finding.severity === 'warning') tally.warnings++;
      else tally.notes++;
    }
  }
  const owning = new Set(owners.map((o) => o.item));
  const sum = (item: TreeItemData): FindingTally => {
    const total = { ...(item.owned ?? { errors: 0, warnings: 0, notes: 0 }) };
    for (const child of item.children ?? []) {
      const sub = sum(child);
      total.errors += sub.errors;
      total.warnings += sub.warnings;
      total.notes += sub.notes;
    }
    // Sections and links summarise nothing: only items that stand for a file or an object do.
    if (owning.has(item) && total.errors + total.warnings + total.notes > 0) item.findings = total;
    return total;
  };
  roots.forEach(sum);
  return roots;
}
