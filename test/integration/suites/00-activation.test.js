'use strict';
const { suite, test } = require('../harness/runner');
const { vscode, assert, waitFor } = require('../harness/helpers');

suite('Extension activation', () => {
  test('shipshape.shipshape is installed and activates in a workspace with a Dockerfile', async () => {
    const ext = vscode.extensions.getExtension('shipshape.shipshape');
    assert.ok(
      ext,
      `extension shipshape.shipshape is not installed; installed non-builtin: ${vscode.extensions.all
        .filter((e) => !e.id.startsWith('vscode.') && !e.id.startsWith('ms-vscode.'))
        .map((e) => e.id)
        .join(', ')}`,
    );
    // workspaceContains:**/Dockerfile activates it without any action from the test.
    await waitFor(() => ext.isActive, { timeoutMs: 30_000, message: 'shipshape.shipshape did not activate' });
  });

  test('contributes and registers the shipshape.renderHelmChart and shipshape.lintWorkspace commands', async () => {
    const ext = vscode.extensions.getExtension('shipshape.shipshape');
    assert.ok(ext, 'extension shipshape.shipshape is not installed');
    const wanted = ['shipshape.renderHelmChart', 'shipshape.lintWorkspace'];
    const contributed = ((ext.packageJSON.contributes || {}).commands || []).map((c) => c.command);
    const notContributed = wanted.filter((c) => !contributed.includes(c));
    assert.deepStrictEqual(notContributed, [], `package.json contributes.commands lacks ${notContributed.join(', ')} (the command palette would not list them)`);
    let missing = wanted;
    await waitFor(
      async () => {
        const all = await vscode.commands.getCommands(true);
        missing = wanted.filter((c) => !all.includes(c));
        return missing.length === 0;
      },
      { timeoutMs: 15_000, message: () => `commands not registered: ${missing.join(', ')}` },
    );
  });
});
