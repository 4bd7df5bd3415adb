'use strict';
// Helm template authoring in a real VS Code, through the language server: hover of a values path,
// completion after `.Values.` in unsaved text, definition of an include, and a typo'd values path
// reported on its line and fixed by its quick fix. Fixture: helm-language/highlight (renders clean).
const { suite, test, after } = require('../harness/runner');
const h = require('../harness/helpers');
const { vscode, assert } = h;

const TEMPLATE = 'helm-language/highlight/templates/configmap.yaml';
const HELPERS = 'helm-language/highlight/templates/_helpers.tpl';

function hoverText(hovers) {
  return hovers.flatMap((hover) => hover.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

suite('Helm template authoring', () => {
  after(() => h.resetEditors());

  test('hover of a values path shows its value; definition of an include lands on its define', async () => {
    const { document } = await h.openFixture(TEMPLATE);
    assert.strictEqual(document.languageId, 'helm');
    const greeting = h.rangeOf(document, 'greeting }}');
    const text = await h.waitFor(async () => {
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, greeting.start.translate(0, 2));
      const value = hoverText(hovers);
      return /greeting: Hello/.test(value) && value;
    }, { message: 'a hover with the value of .Values.greeting' });
    assert.match(text, /\.Values\.greeting/);
    const include = h.rangeOf(document, 'highlight.fullname');
    const locations = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', document.uri, include.start.translate(0, 3));
    const targets = locations.map((l) => [vscode.workspace.asRelativePath(l.uri || l.targetUri), (l.range || l.targetRange).start.line]);
    assert.deepStrictEqual(targets, [[HELPERS, h.rangeOf(await vscode.workspace.openTextDocument(h.fixtureUri(HELPERS)), 'define "highlight.fullname"').start.line]]);
  });

  test('completion after `.Values.` in unsaved text lists the top-level keys', async () => {
    const { document } = await h.openFixture(TEMPLATE);
    const original = document.getText();
    await h.setText(document, original.replace('"{{ .Values.greeting }}', '"{{ .Values. }}'));
    const at = h.rangeOf(document, '.Values. }}').start.translate(0, '.Values.'.length);
    const labels = await h.waitFor(async () => {
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, at, '.');
      const names = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return names.includes('greeting') && names;
    }, { message: 'values keys offered after .Values.' });
    for (const key of ['enabled', 'port', 'greeting', 'extra', 'config']) assert.ok(labels.includes(key), `${key} in ${labels.join(', ')}`);
    await h.resetEditors();
  });

  test('a typo in a values path is reported on its line as typed, and its quick fix corrects it', async () => {
    const { document } = await h.openFixture(TEMPLATE);
    await h.setText(document, document.getText().replace('.Values.greeting }}', '.Values.greting }}'));
    const typo = h.rangeOf(document, 'greting');
    const [finding] = await h.waitForDiagnostics(document.uri, (list) => list.some((d) => h.ruleOf(d) === 'helm-values-undefined'), 'a helm-values-undefined finding');
    assert.ok(finding.range.isEqual(typo), `on the typo: ${h.fmtRange(finding.range)} vs ${h.fmtRange(typo)}`);
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, typo, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Change to `greeting`');
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(document.getText(), /\.Values\.greeting }}/);
    await h.waitForDiagnostics(document.uri, (list) => !list.some((d) => h.ruleOf(d) === 'helm-values-undefined'), 'the finding gone after the fix');
    await h.resetEditors();
  });
});
