'use strict';
// "Shipshape: Render Helm Chart" on the fixture charts in charts/ (web: renders, with a schema typo in
// deployment.yaml; broken: a `required` value missing unless values-fixed.yaml is chosen).
const fs = require('fs');
const os = require('os');
const path = require('path');
const { suite, test, after } = require('../harness/runner');
const h = require('../harness/helpers');
const { vscode, assert } = h;

/** What the core renders for the same request: `shipshape render` from this extension's own bundle. */
function cliPath() {
  const ext = vscode.extensions.all.find((e) => e.packageJSON && e.packageJSON.name === 'shipshape' && e.packageJSON.publisher === 'shipshape');
  assert.ok(ext, 'the Shipshape extension is not installed');
  return path.join(ext.extensionPath, 'dist', 'cli.js');
}

function coreRender(args) {
  const cli = require(cliPath());
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

  test("the rendered view applies the user's severities (shipshape.rules) like every other check", async () => {
    const settings = vscode.workspace.getConfiguration('shipshape');
    await settings.update('rules', { 'k8s-schema': 'info' }, vscode.ConfigurationTarget.Workspace);
    try {
      await h.resetEditors();
      const doc = await render({ chart: h.fixtureUri('charts/web'), valuesFiles: [], releaseName: 'sev', namespace: 'default' });
      const typo = h.rangeOf(doc, 'imagePullPolicyy');
      const list = await h.waitForDiagnostics(doc.uri, (l) => l.some((d) => h.ruleOf(d) === 'k8s-schema' && d.range.start.line === typo.start.line), 'no k8s-schema problem on the typo');
      const problem = list.find((d) => h.ruleOf(d) === 'k8s-schema' && d.range.start.line === typo.start.line);
      assert.strictEqual(problem.severity, vscode.DiagnosticSeverity.Information, 'the rendered view ignored shipshape.rules');
    } finally {
      await settings.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      await h.resetEditors();
    }
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

  test('an error inside an included template is shown where it is raised and where it is included, linked', async () => {
    const helpers = await vscode.workspace.openTextDocument(h.fixtureUri('charts/nested/templates/_helpers.tpl'));
    const configmap = await vscode.workspace.openTextDocument(h.fixtureUri('charts/nested/templates/configmap.yaml'));
    await render({ chart: h.fixtureUri('charts/nested'), valuesFiles: [], releaseName: 'demo', namespace: 'default' });
    const raised = (await h.waitForDiagnostics(helpers.uri, (l) => l.some((d) => h.ruleOf(d) === 'helm-render'), 'no error in _helpers.tpl')).find(
      (d) => h.ruleOf(d) === 'helm-render',
    );
    const included = (await h.waitForDiagnostics(configmap.uri, (l) => l.some((d) => h.ruleOf(d) === 'helm-render'), 'no error at the include')).find(
      (d) => h.ruleOf(d) === 'helm-render',
    );
    const failAction = h.rangeOf(helpers, '{{ fail "name must be set" }}');
    const includeAction = h.rangeOf(configmap, '{{ include "nested.name" . }}');
    assert.ok(raised.range.isEqual(failAction), `raised at ${h.fmtRange(raised.range)}, expected ${h.fmtRange(failAction)}`);
    assert.ok(included.range.isEqual(includeAction), `included at ${h.fmtRange(included.range)}, expected ${h.fmtRange(includeAction)}`);
    assert.match(raised.message, /name must be set/);
    const link = (d) => (d.relatedInformation || []).map((r) => `${path.basename(r.location.uri.fsPath)}:${r.location.range.start.line}`);
    assert.deepStrictEqual(link(raised), [`configmap.yaml:${includeAction.start.line}`]);
    assert.deepStrictEqual(link(included), [`_helpers.tpl:${failAction.start.line}`]);
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

  test('with shipshape.helm.useHelmBinary and helm on PATH, helm template renders the view', async () => {
    // A stand-in helm: `helm template` takes the same arguments as `shipshape render`, plus a marker.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-helm-'));
    fs.writeFileSync(
      path.join(bin, 'helm'),
      `#!${process.execPath}\n` +
        `let out = '', err = '';\n` +
        `const code = require(${JSON.stringify(cliPath())}).main(['render', ...process.argv.slice(3)], { out: (s) => (out += s), err: (s) => (err += s) });\n` +
        `process.stdout.write(out ? out + '# rendered by the helm binary\\n' : '');\nprocess.stderr.write(err);\nprocess.exitCode = code;\n`,
      { mode: 0o755 },
    );
    const savedPath = process.env.PATH;
    const config = () => vscode.workspace.getConfiguration('shipshape');
    process.env.PATH = `${bin}${path.delimiter}${savedPath}`;
    await config().update('helm.useHelmBinary', true, vscode.ConfigurationTarget.Global);
    try {
      assert.ok(vscode.workspace.isTrusted, 'the test workspace is not trusted');
      const chart = h.fixtureUri('charts/web');
      const doc = await render({ chart, valuesFiles: ['values-prod.yaml'], releaseName: 'shop', namespace: 'prod' });
      const expected = coreRender(['shop', chart.fsPath, '--namespace', 'prod', '--values', path.join(chart.fsPath, 'values-prod.yaml')]);
      assert.strictEqual(doc.getText(), `${expected}# rendered by the helm binary\n`);
      // helm's output gets the same checks and links (its lines are matched to the template text).
      const typo = h.rangeOf(doc, 'imagePullPolicyy');
      const list = await h.waitForDiagnostics(doc.uri, (l) => l.some((d) => h.ruleOf(d) === 'k8s-schema' && d.range.start.line === typo.start.line), 'no k8s-schema problem on the helm output');
      const problem = list.find((d) => h.ruleOf(d) === 'k8s-schema' && d.range.start.line === typo.start.line);
      assert.match(problem.message, /web\/templates\/deployment\.yaml:22/);

      // helm's error text on stderr becomes a problem on the template line.
      const template = await vscode.workspace.openTextDocument(h.fixtureUri('charts/broken/templates/configmap.yaml'));
      await render({ chart: h.fixtureUri('charts/broken'), valuesFiles: [], releaseName: 'demo', namespace: 'default' });
      const errors = await h.waitForDiagnostics(template.uri, (l) => l.some((d) => h.ruleOf(d) === 'helm-render'), 'no helm-render problem from the helm binary');
      assert.strictEqual(errors.find((d) => h.ruleOf(d) === 'helm-render').range.start.line, 5);
    } finally {
      process.env.PATH = savedPath;
      await config().update('helm.useHelmBinary', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('without arguments, the command renders the active file\'s chart with the choices remembered for it', async () => {
    // The previous test rendered charts/web with values-prod.yaml as release shop in namespace prod.
    await h.openFixture('charts/web/templates/service.yaml');
    let settled = false;
    let result;
    const pending = vscode.commands.executeCommand('shipshape.renderHelmChart');
    pending.then((r) => {
      result = r;
      settled = true;
    });
    // Enter on each prompt: the values pick (remembered files preselected), release name, namespace.
    await h.waitFor(
      async () => {
        if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return settled;
      },
      { timeoutMs: 20_000, intervalMs: 250, message: 'the prompts of Render Helm Chart did not complete' },
    );
    assert.ok(result instanceof vscode.Uri, `the command returned ${result}`);
    const doc = await vscode.workspace.openTextDocument(result);
    const chart = h.fixtureUri('charts/web');
    assert.strictEqual(doc.getText(), coreRender(['shop', chart.fsPath, '-n', 'prod', '-f', path.join(chart.fsPath, 'values-prod.yaml')]));
    // Rendered again (the first choice, "as last time"): the same view, not another tab.
    const again = vscode.commands.executeCommand('shipshape.renderHelmChart');
    let done = false;
    again.then(() => (done = true));
    await h.waitFor(async () => {
      if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return done;
    }, { timeoutMs: 20_000, intervalMs: 250, message: 'the second render did not complete' });
    assert.strictEqual((await again).toString(), result.toString());
    const views = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input && t.input.uri && t.input.uri.toString() === result.toString());
    assert.strictEqual(views.length, 1, 'one view per chart');
    assert.match(result.path, /^\/web\/web \(rendered\)\.yaml$/);
  });

  test('an unsaved edit to a template updates the rendered view', async () => {
    const doc = await render({ chart: h.fixtureUri('charts/web'), valuesFiles: [], releaseName: 'shop', namespace: 'default' });
    const editor = await h.openFixture('charts/web/templates/service.yaml');
    await h.setText(editor.document, editor.document.getText().replace('- port: 80', '- port: 8081'));
    await h.waitFor(() => doc.getText().includes('- port: 8081\n'), {
      timeoutMs: 15_000,
      message: () => `the view did not follow the unsaved edit: ${(/- port: .*/.exec(doc.getText()) || ['?'])[0]}`,
    });
    await h.resetEditors();
  });

  test('closing the rendered views takes their problems out of the Problems panel', async () => {
    const template = h.fixtureUri('charts/broken/templates/configmap.yaml');
    const doc = await render({ chart: h.fixtureUri('charts/broken'), valuesFiles: [], releaseName: 'demo', namespace: 'default' });
    await h.waitForDiagnostics(template, (l) => l.some((d) => h.ruleOf(d) === 'helm-render'), 'no helm-render problem before closing');
    await h.resetEditors();
    // What stays is the workspace check's own finding (the one `shipshape check` reports on Chart.yaml).
    const leftovers = () =>
      vscode.languages
        .getDiagnostics()
        .filter(([uri, list]) => list.length > 0 && (uri.scheme === 'shipshape-helm' || list.some((d) => h.ruleOf(d) === 'helm-render' && !uri.path.endsWith('/Chart.yaml'))));
    await h.waitFor(() => leftovers().length === 0, {
      timeoutMs: 15_000,
      message: () => `problems left after closing ${doc.uri.toString()}: ${leftovers().map(([uri, l]) => `${uri.toString()}: ${h.describeDiagnostics(l)}`).join(' | ')}`,
    });
  });
});
