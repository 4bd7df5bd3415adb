'use strict';
// "Shipshape: Render Helm Chart" on the fixture charts in charts/ (web: renders, with a schema typo in
// deployment.yaml; broken: a `required` value missing unless values-fixed.yaml is chosen).
const path = require('path');
const { suite, test, after } = require('../harness/runner');
const h = require('../harness/helpers');
const { vscode, assert } = h;

/** What the core renders for the same request: `shipshape render` from this extension's own bundle. */
function coreRender(args) {
  const ext = vscode.extensions.all.find((e) => e.packageJSON && e.packageJSON.name === 'shipshape' && e.packageJSON.publisher === 'shipshape');
  assert.ok(ext, 'the Shipshape extension is not installed');
  const cli = require(path.join(ext.extensionPath, 'dist', 'cli.js'));
  let out = '';
  let err = '';
  const code = cli.main(['render', ...args], { out: (s) => (out += s), err: (s) => (err += s) });
  assert.strictEqual(code, 0, `shipshape render ${args.join(' ')} failed: ${err}`);
  return out;
}

async function render(args) {
  const uri = await vscode.commands.executeCommand('shipshape.renderHelmChart', args);
  assert.ok(uri instanceof vscode.Uri, `the command returned ${uri}, not the rendered document's Uri`);
  assert.strictEqual(uri.scheme, 'shipshape-helm');
  return vscode.workspace.openTextDocument(uri);
}

/** All diagnostics (any source) of a uri, described for failure messages. */
const describe = (uri) => h.describeDiagnostics(vscode.languages.getDiagnostics(uri));

suite('Helm render', () => {
  after(() => h.resetEditors());

  test('the rendered document is what the core renders, with the chosen values, release and namespace', async () => {
    const chart = h.fixtureUri('charts/web');
    const doc = await render({ chart, valuesFiles: ['values-prod.yaml', 'ci/test-values.yaml'], releaseName: 'shop', namespace: 'prod' });
    assert.strictEqual(doc.languageId, 'yaml');
    const expected = coreRender(['shop', chart.fsPath, '-n', 'prod', '-f', path.join(chart.fsPath, 'values-prod.yaml'), '-f', path.join(chart.fsPath, 'ci/test-values.yaml')]);
    assert.strictEqual(doc.getText(), expected);
    // The values files really were applied (not just the defaults on both sides).
    assert.match(doc.getText(), /replicas: 4\n/);
    assert.match(doc.getText(), /containerPort: 9090\n/);
    assert.match(doc.getText(), /namespace: prod\n/);
    const shown = vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === doc.uri.toString());
    assert.ok(shown, 'the rendered document is not shown in an editor');
  });

  test('a schema error in the rendered output links back to the template line that produced it', async () => {
    const chart = h.fixtureUri('charts/web');
    const doc = await render({ chart, valuesFiles: [], releaseName: 'shop', namespace: 'default' });
    const typo = h.rangeOf(doc, 'imagePullPolicyy');
    const list = await h.waitForDiagnostics(
      doc.uri,
      (l) => l.some((d) => h.ruleOf(d) === 'k8s-schema' && d.range.start.line === typo.start.line),
      'no k8s-schema problem on imagePullPolicyy in the rendered document',
    );
    const problem = list.find((d) => h.ruleOf(d) === 'k8s-schema' && d.range.start.line === typo.start.line);
    assert.match(problem.message, /imagePullPolicyy/);
    assert.match(problem.message, /web\/templates\/deployment\.yaml:22/, 'the message does not say which template produced the line');
    const related = problem.relatedInformation || [];
    assert.strictEqual(related.length, 1, `relatedInformation: ${JSON.stringify(related)}`);
    const template = await vscode.workspace.openTextDocument(h.fixtureUri('charts/web/templates/deployment.yaml'));
    assert.strictEqual(related[0].location.uri.toString(), template.uri.toString());
    assert.strictEqual(related[0].location.range.start.line, h.rangeOf(template, 'imagePullPolicyy').start.line);
  });

  test('a template error is a problem on the template line; a successful render clears it', async () => {
    const chart = h.fixtureUri('charts/broken');
    const template = await vscode.workspace.openTextDocument(h.fixtureUri('charts/broken/templates/configmap.yaml'));
    const doc = await render({ chart, valuesFiles: [], releaseName: 'demo', namespace: 'default' });
    assert.match(doc.getText(), /image\.tag is required/, 'the rendered document does not explain the failure');
    const action = h.rangeOf(template, '{{ required "image.tag is required" .Values.image.tag }}');
    const list = await h.waitForDiagnostics(template.uri, (l) => l.some((d) => h.ruleOf(d) === 'helm-render'), 'no helm-render problem on the template');
    const error = list.find((d) => h.ruleOf(d) === 'helm-render');
    assert.strictEqual(error.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(error.range.isEqual(action), `error at ${h.fmtRange(error.range)}, expected the failing action at ${h.fmtRange(action)}`);
    assert.match(error.message, /image\.tag is required/);

    const fixed = await render({ chart, valuesFiles: ['values-fixed.yaml'], releaseName: 'demo', namespace: 'default' });
    assert.match(fixed.getText(), /image: nginx:1\.27\n/);
    await h.waitFor(() => !h.shipshapeDiagnostics(template.uri).some((d) => h.ruleOf(d) === 'helm-render'), {
      message: () => `the template error was not cleared after a successful render: ${describe(template.uri)}`,
    });
  });

  test('the rendered document follows changes to the chart files', async () => {
    const chart = h.fixtureUri('charts/web');
    const values = h.fixtureUri('charts/web/values.yaml');
    const original = await vscode.workspace.fs.readFile(values);
    const doc = await render({ chart, valuesFiles: [], releaseName: 'shop', namespace: 'default' });
    assert.match(doc.getText(), /replicas: 2\n/);
    try {
      await vscode.workspace.fs.writeFile(values, Buffer.from(Buffer.from(original).toString('utf8').replace('replicas: 2', 'replicas: 7')));
      await h.waitFor(() => /replicas: 7\n/.test(doc.getText()), {
        timeoutMs: 15_000,
        message: () => `the rendered document did not update after values.yaml changed; it has: ${(/replicas: .*/.exec(doc.getText()) || ['?'])[0]}`,
      });
    } finally {
      await vscode.workspace.fs.writeFile(values, original);
    }
  });
});
