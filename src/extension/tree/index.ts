/**
 * The Shipshape preview tree in the Explorer: what the workspace's files define (images, compose
 * services, Kubernetes objects, Helm charts), kept current by a file watcher. Reading starts when the
 * view is first shown or a command asks for it, never during activation.
 */
import * as vscode from 'vscode';
import type { TreeNode } from '../../core/workspace/inventory';
import type { RegisterFeature } from '../feature';
import { PreviewTreeProvider } from './provider';
import { InventoryScanner } from './scanner';
import { snapshotItems } from './snapshot';
import type { ItemSnapshot } from './snapshot';

export const registerPreviewTree: RegisterFeature = ({ log }) => {
  const scanner = new InventoryScanner(log);
  const provider = new PreviewTreeProvider(scanner);
  const view = vscode.window.createTreeView('shipshape.workspace', { treeDataProvider: provider, showCollapseAll: true });
  const start = () => {
    scanner.ready().catch((error) => log(`preview tree: scan failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  };
  if (view.visible) start();
  return [
    scanner,
    provider,
    view,
    view.onDidChangeVisibility((e) => e.visible && start()),
    vscode.commands.registerCommand('shipshape.refreshTree', async () => {
      await scanner.rescan();
      provider.refresh();
    }),
    // The tree's context action: the render command takes the chart directory, not a tree node.
    vscode.commands.registerCommand('shipshape.tree.renderChart', (node?: TreeNode) => {
      const chartYaml = node?.chartDir !== undefined ? scanner.uris.get(`${node.chartDir}/Chart.yaml`) : undefined;
      return vscode.commands.executeCommand('shipshape.renderHelmChart', chartYaml ? { chart: vscode.Uri.joinPath(chartYaml, '..') } : undefined);
    }),
    // For tests: the whole tree as plain JSON, once the workspace has been read.
    vscode.commands.registerCommand('shipshape.internal.treeSnapshot', async (): Promise<ItemSnapshot[]> => {
      await scanner.ready();
      provider.refresh(); // findings as they are now, not as last cached
      return snapshotItems(provider);
    }),
  ];
};
