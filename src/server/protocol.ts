/** Shipshape's requests and notifications beyond standard LSP (the VS Code client uses them; any client may). */

/** Request, no params: `{ items: TreeItemData[] }`, the preview tree with finding counts (core/project/tree.ts). */
export const TREE_REQUEST = 'shipshape/tree';
/** Notification from the server: what the tree shows has changed. */
export const TREE_CHANGED = 'shipshape/treeChanged';
/** Request, no params: checks and publishes every file of the workspace now; resolves `{ files }` when done. */
export const CHECK_WORKSPACE_REQUEST = 'shipshape/checkWorkspace';
/** Notification from the client, `{ chart, valuesFiles }` (absolute paths): the values files a chart is rendered with (the render command's choice). */
export const CHART_VALUES_NOTIFICATION = 'shipshape/chartValuesFiles';
/**
 * Request, `{ chart, name, segments }` (core/project/rendered.ts Segment[]): checks the documents of a rendered chart (the
 * Render Helm Chart view) with the chart's options; resolves `{ problems }` (RenderedProblem[]), or null when cancelled.
 */
export const CHECK_RENDERED_REQUEST = 'shipshape/checkRendered';
/** Request, `{ chart, text }`: the text with the chart's secret values hidden (what a `helm` binary printed); resolves `{ text }`. */
export const HIDE_SECRETS_REQUEST = 'shipshape/hideSecrets';
/** Request, `{ uri }`: what Shipshape takes the file for, `{ kind, kubernetesVersion?, chart? }` (kind as core/project/kinds.ts). */
export const FILE_INFO_REQUEST = 'shipshape/fileInfo';
