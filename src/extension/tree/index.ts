/**
 * The Shipshape preview tree in the Explorer: what the workspace's files define (images, compose
 * services, Kubernetes objects, Helm charts), from the language server, which keeps it current.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TreeItemData } from '../../core/project/tree';
import { CHECK_WORKSPACE_REQUEST } from '../../server/protocol';
import { PreviewTreeProvider } from './provider';
import { snapshotItems, type ItemSnapshot } from './snapshot';

export function registerPreviewTree(client: LanguageClient): vscode.Disposable[] {
  const provider = new PreviewTreeProvider(client);
  const view = vscode.window.createTreeView('shipshape.workspace', { treeDataProvider: provider, showCollapseAll: true });
  return [
    provider,
    view,
    vscode.commands.registerCommand('shipshape.refreshTree', async () => {
      await client.sendRequest(CHECK_WORKSPACE_REQUEST);
      provider.refresh();
    }),
    // The tree's context action: the render command takes the chart directory, not a tree item.
    vscode.commands.registerCommand('shipshape.tree.renderChart', (item?: TreeItemData) =>
      vscode.commands.executeCommand('shipshape.renderHelmChart', item?.chartDir !== undefined ? { chart: vscode.Uri.file(item.chartDir) } : undefined),
    ),
    // For tests: the whole tree as plain JSON, as the view gets it.
    vscode.commands.registerCommand('shipshape.internal.treeSnapshot', async (): Promise<ItemSnapshot[]> => {
      await client.sendRequest(CHECK_WORKSPACE_REQUEST); // findings as they are now
      provider.refresh();
      return snapshotItems(provider);
    }),
  ];
}
