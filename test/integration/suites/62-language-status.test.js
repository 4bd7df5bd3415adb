'use strict';
// The language status item: what Shipshape takes the active file for, and the Kubernetes version a
// manifest is validated against, switched by its command.
const { suite, test, after } = require('../harness/runner');
const h = require('../harness/helpers');
const { vscode, assert } = h;

function api() {
  const ext = vscode.extensions.all.find((e) => e.packageJSON && e.packageJSON.name === 'shipshape' && e.packageJSON.publisher === 'shipshape');
  assert.ok(ext && ext.isActive, 'the Shipshape extension is active');
  return ext.exports;
}

async function statusBecomes(pattern, what) {
  return h.waitFor(() => pattern.test(api().languageStatus()) && api().languageStatus(), { message: () => `${what}; the item shows "${api().languageStatus()}"` });
}

suite('Language status', () => {
  after(async () => {
    await vscode.workspace.getConfiguration('shipshape').update('kubernetesVersion', undefined, vscode.ConfigurationTarget.Workspace);
    await h.resetEditors();
  });

  test('shows the kind of the active file and the Kubernetes version; its command switches the version', async () => {
    await h.openFixture('Dockerfile');
    await statusBecomes(/^Dockerfile$/, 'a Dockerfile');
    const manifest = (await vscode.workspace.findFiles('k8s/**/*.yaml', undefined, 1))[0];
    assert.ok(manifest, 'a manifest fixture');
    await vscode.window.showTextDocument(manifest);
    await statusBecomes(/^Kubernetes manifest · Kubernetes 1\.34$/, 'a manifest at the default version');
    assert.strictEqual(await vscode.commands.executeCommand('shipshape.chooseKubernetesVersion', '1.32'), '1.32');
    assert.strictEqual(vscode.workspace.getConfiguration('shipshape').get('kubernetesVersion'), '1.32');
    await statusBecomes(/Kubernetes 1\.32$/, 'the switched version');
  });
});
