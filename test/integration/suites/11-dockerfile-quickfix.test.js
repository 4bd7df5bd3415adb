'use strict';
const { suite, test, after } = require('../harness/runner');
const h = require('../harness/helpers');
const { vscode, assert } = h;

suite('Dockerfile quick fixes', () => {
  after(() => h.resetEditors());

  test("'Convert to exec form' rewrites CMD node server.js and the warning goes away", async () => {
    const doc = (await h.openFixture('quickfix/Dockerfile')).document;
    const range = h.rangeOf(doc, 'node server.js');
    await h.waitForDiagnostics(doc.uri, (l) => h.findDiagnostic(l, 'exec-form-cmd', range), `no exec-form-cmd diagnostic on ${h.fmtRange(range)}`);

    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, range)) || [];
    const fix = actions.find((a) => a.title === 'Convert to exec form');
    assert.ok(fix, `no 'Convert to exec form' action; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind is ${fix.kind && fix.kind.value}, not quickfix`);
    assert.ok(fix.edit || fix.command, 'the quick fix has neither an edit nor a command');
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit returned false');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments || []));

    assert.strictEqual(doc.lineAt(2).text, 'CMD ["node", "server.js"]');
    assert.strictEqual(doc.lineAt(0).text, 'FROM node:20-alpine', 'the fix touched other lines');
    await h.waitForDiagnostics(doc.uri, (l) => !l.some((d) => h.ruleOf(d) === 'exec-form-cmd'), 'exec-form-cmd still reported after the fix');
  });
});
