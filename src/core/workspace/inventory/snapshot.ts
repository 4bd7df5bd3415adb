/** Findings per node, and a plain JSON form of the whole tree (for tests and tools without an editor). */
import type { TreeNode } from './tree';

export interface FindingCount {
  errors: number;
  warnings: number;
}

export interface Finding {
  /** 0-based. */
  line: number;
  severity: 'error' | 'warning';
}

/**
 * The errors and warnings that belong to a node: those within its span (and within the spans of the
 * files it stands for, such as a chart's templates). Links that reveal another definition own none.
 */
export function findingsOf(node: TreeNode, findingsOfFile: (path: string) => readonly Finding[]): FindingCount | undefined {
  if (!node.ownsFindings || !node.at) return undefined;
  const count: FindingCount = { errors: 0, warnings: 0 };
  for (const at of [node.at, ...(node.alsoCovers ?? [])]) {
    for (const f of findingsOfFile(at.path)) {
      if (f.line < (at.startLine ?? at.line) || f.line > at.endLine) continue;
      if (f.severity === 'error') count.errors++;
      else count.warnings++;
    }
  }
  return count;
}

export interface NodeSnapshot {
  id: string;
  label: string;
  description?: string;
  contextValue: string;
  /** The revealed file, as displayed, and the 1-based line. */
  file?: string;
  line?: number;
  /** A chart's directory as the inventory knows it (what the render action receives). */
  chartDir?: string;
  children?: NodeSnapshot[];
}

export interface SnapshotOptions {
  displayPath?: (path: string) => string;
  /** Bound on the nodes expanded, so a huge workspace cannot make the snapshot unbounded. */
  maxNodes?: number;
}

export function snapshotTree(nodes: TreeNode[], options: SnapshotOptions = {}): NodeSnapshot[] {
  let budget = options.maxNodes ?? 20_000;
  const show = options.displayPath ?? ((p: string) => p);
  const walk = (node: TreeNode): NodeSnapshot => {
    budget--;
    const snapshot: NodeSnapshot = { id: node.id, label: node.label, contextValue: node.contextValue };
    if (node.description !== undefined) snapshot.description = node.description;
    if (node.at) {
      snapshot.file = show(node.at.path);
      snapshot.line = node.at.line + 1;
    }
    if (node.chartDir !== undefined) snapshot.chartDir = node.chartDir;
    if (node.children && budget > 0) snapshot.children = node.children().map(walk);
    return snapshot;
  };
  return nodes.map(walk);
}
