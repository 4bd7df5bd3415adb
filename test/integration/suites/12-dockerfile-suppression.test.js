'use strict';
const { suite, test, after } = require('../harness/runner');
const h = require('../harness/helpers');
const { vscode, assert } = h;

suite('Dockerfile inline suppressions', () => {
  after(() => h.resetEditors());

  test('# shipshape ignore=no-latest-tag above FROM removes only that diagnostic', async () => {
    const doc = (await h.openFixture('suppress/Dockerfile')).document;
    await h.waitForDiagnostics(
      doc.uri,
      (l) => h.findDiagnostic(l, 'no-latest-tag', h.rangeOf(doc, 'latest')) && h.findDiagnostic(l, 'exec-form-cmd', h.rangeOf(doc, 'node server.js')),
      'no-latest-tag and exec-form-cmd not both reported',
    );
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), '# shipshape ignore=no-latest-tag\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    // The other finding, now one line lower, proves the file was linted again and not just cleared.
    const cmd = h.rangeOf(doc, 'node server.js');
    assert.strictEqual(cmd.start.line, 2);
    const list = await h.waitForDiagnostics(
      doc.uri,
      (l) => !l.some((d) => h.ruleOf(d) === 'no-latest-tag') && h.findDiagnostic(l, 'exec-form-cmd', cmd),
      'no-latest-tag still reported (or exec-form-cmd not re-reported on line 3) after adding the suppression',
    );
    assert.ok(list.length >= 1);

    // Taking the comment out brings the warning back.
    await vscode.commands.executeCommand('undo');
    assert.ok(!doc.getText().includes('shipshape ignore'), 'undo did not remove the comment');
    await h.waitForDiagnostics(doc.uri, (l) => h.findDiagnostic(l, 'no-latest-tag', h.rangeOf(doc, 'latest')), 'no-latest-tag not reported again after removing the suppression');
  });

  test('# shipshape ignore=exec-form-cmd above CMD (not the first line) removes only that diagnostic', async () => {
    await h.resetEditors();
    const doc = (await h.openFixture('suppress/Dockerfile')).document;
    assert.strictEqual(doc.getText(), 'FROM node:latest\nCMD node server.js\n', 'the fixture was not restored');
    await h.waitForDiagnostics(
      doc.uri,
      (l) => h.findDiagnostic(l, 'no-latest-tag', h.rangeOf(doc, 'latest')) && h.findDiagnostic(l, 'exec-form-cmd', h.rangeOf(doc, 'node server.js')),
      'no-latest-tag and exec-form-cmd not both reported',
    );
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(1, 0), '# shipshape ignore=exec-form-cmd\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const latest = h.rangeOf(doc, 'latest');
    await h.waitForDiagnostics(
      doc.uri,
      (l) => !l.some((d) => h.ruleOf(d) === 'exec-form-cmd') && h.findDiagnostic(l, 'no-latest-tag', latest),
      'exec-form-cmd still reported (or no-latest-tag gone) after adding the suppression above CMD',
    );
  });
});
