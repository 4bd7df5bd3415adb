/** The workspace inventory and the preview tree built from it (see inventory.ts, tree.ts). */
export { WorkspaceInventory, interestIn, templateChartDir } from './inventory';
export type { Interest } from './inventory';
export { rootNodes } from './tree';
export type { TreeNode, TreeOptions } from './tree';
export { findingsOf, snapshotTree } from './snapshot';
export type { Finding, FindingCount, NodeSnapshot, SnapshotOptions } from './snapshot';
export type * from './types';
