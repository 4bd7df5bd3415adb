/**
 * The Shipshape preview tree in the Explorer: what the workspace's files define (images, compose
 * services, Kubernetes objects, Helm charts), from the language server, which keeps it current.
 * The view's title groups it (kind of file, namespace, folder) and filters it (text, only items with
 * problems); the choice is remembered per workspace and a filter that is on is said in the title.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TreeItemData } from '../../core/project/tree';
import { describeFilter, type TreeGrouping, type TreeViewOptions } from '../../core/project/tree-view';
import { CHECK_WORKSPACE_REQUEST } from '../../server/protocol';
import { PreviewTreeProvider } from './provider';
import { snapshotItems, type ItemSnapshot } from './snapshot';

const STATE_KEY = 'shipshape.tree.view';

const GROUPINGS: { id: TreeGrouping; label: string; detail: string }[] = [
  { id: 'kind', label: '$(files) Kind of file', detail: 'Images, Compose services, Kubernetes objects (by kind), Helm charts' },
  { id: 'namespace', label: '$(symbol-namespace) Kubernetes namespace', detail: 'Objects by namespace (unset is default), then the rest' },
  { id: 'folder', label: '$(folder) Folder', detail: 'What each folder of the workspace defines' },
];

export function registerPreviewTree(client: LanguageClient, state?: vscode.Memento): vscode.Disposable[] {
  const provider = new PreviewTreeProvider(client);
  const view = vscode.window.createTreeView('shipshape.workspace', { treeDataProvider: provider, showCollapseAll: true });
  // VS Code 1.100 sends the title with every description change, and an unset one blanks the view's name.
  view.title = 'Shipshape';
  let options: TreeViewOptions = sanitize(state?.get<TreeViewOptions>(STATE_KEY));

  const apply = (next: TreeViewOptions, remember = true) => {
    options = sanitize(next);
    provider.setView(options);
    view.description = describeFilter(options);
    // The title's actions and the welcome text follow these.
    void vscode.commands.executeCommand('setContext', 'shipshape.tree.filtered', view.description !== undefined);
    void vscode.commands.executeCommand('setContext', 'shipshape.tree.onlyProblems', options.onlyProblems === true);
    void vscode.commands.executeCommand('setContext', 'shipshape.tree.groupBy', options.groupBy ?? 'kind');
    if (remember) void state?.update(STATE_KEY, options);
  };
  apply(options, false);

  const groupBy = async (grouping?: TreeGrouping) => {
    if (grouping === undefined) {
      const current = options.groupBy ?? 'kind';
      const items = GROUPINGS.map((g) => ({ ...g, description: g.id === current ? 'current' : undefined }));
      const pick = await vscode.window.showQuickPick(items, { title: 'Shipshape: Group the tree by', placeHolder: 'Group the Shipshape tree by', matchOnDetail: true });
      grouping = pick?.id;
    }
    if (grouping && GROUPINGS.some((g) => g.id === grouping)) apply({ ...options, groupBy: grouping });
  };

  // Filters as you type; Escape puts back the filter there was.
  const filter = async (text?: string) => {
    if (typeof text === 'string') return apply({ ...options, text });
    const before = options;
    const input = vscode.window.createInputBox();
    input.title = 'Shipshape: Filter the tree';
    input.placeholder = "Name, kind, namespace, image or file, e.g. 'api' (empty: no text filter)";
    input.value = options.text ?? '';
    let accepted = false;
    await new Promise<void>((resolve) => {
      input.onDidChangeValue((value) => apply({ ...options, text: value }, false));
      input.onDidAccept(() => {
        accepted = true;
        input.hide();
      });
      input.onDidHide(() => {
        apply(accepted ? { ...options, text: input.value } : before);
        input.dispose();
        resolve();
      });
      input.show();
    });
  };

  return [
    provider,
    view,
    vscode.commands.registerCommand('shipshape.refreshTree', async () => {
      await client.sendRequest(CHECK_WORKSPACE_REQUEST);
      provider.refresh();
    }),
    vscode.commands.registerCommand('shipshape.tree.groupBy', (grouping?: TreeGrouping) => groupBy(grouping)),
    vscode.commands.registerCommand('shipshape.tree.filter', (text?: string) => filter(text)),
    vscode.commands.registerCommand('shipshape.tree.showOnlyProblems', () => apply({ ...options, onlyProblems: true })),
    vscode.commands.registerCommand('shipshape.tree.showAllItems', () => apply({ ...options, onlyProblems: false })),
    vscode.commands.registerCommand('shipshape.tree.clearFilter', () => apply({ groupBy: options.groupBy })),
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
    // For tests: the view's grouping and filter, and what its title says.
    vscode.commands.registerCommand('shipshape.internal.treeView', () => ({ ...options, description: view.description, remembered: state?.get(STATE_KEY) })),
  ];
}

/** A remembered choice as it may have been stored by another version: only what this one knows. */
function sanitize(raw: TreeViewOptions | undefined): TreeViewOptions {
  const options: TreeViewOptions = {};
  if (raw?.groupBy && GROUPINGS.some((g) => g.id === raw.groupBy)) options.groupBy = raw.groupBy;
  if (raw?.onlyProblems === true) options.onlyProblems = true;
  if (typeof raw?.text === 'string' && raw.text.trim()) options.text = raw.text.trim();
  return options;
}
