'use strict';
const { suite, test } = require('../harness/runner');
const h = require('../harness/helpers');
const { vscode, assert } = h;

suite('Workspace lint command', () => {
  test('shipshape.lintWorkspace reports on a Dockerfile that was never opened', async () => {
    const uri = h.fixtureUri('services/api/Dockerfile');
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()),
      'services/api/Dockerfile is already open; this test needs it closed',
    );
    await vscode.commands.executeCommand('shipshape.lintWorkspace');
    await h.waitForDiagnostics(uri, (l) => l.some((d) => h.ruleOf(d) === 'no-latest-tag'), 'no no-latest-tag in the Problems panel after shipshape.lintWorkspace');
  });
});
