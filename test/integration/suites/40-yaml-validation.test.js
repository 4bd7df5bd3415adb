'use strict';
// Kubernetes and Compose validation in a real editor: schema errors on the exact key, cross-file
// findings that follow other files, Compose references, hover and completion.
const { suite, test, after } = require('../harness/runner');
const h = require('../harness/helpers');
const { vscode, assert } = h;

const API_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: nginx:1.27
`;

suite('Kubernetes and Compose validation', () => {
  const settings = () => vscode.workspace.getConfiguration('shipshape');
  after(async () => {
    await settings().update('composeFiles', undefined, vscode.ConfigurationTarget.Workspace);
    await settings().update('kubernetesVersion', undefined, vscode.ConfigurationTarget.Workspace);
    await settings().update('crdDirectories', undefined, vscode.ConfigurationTarget.Workspace);
    await h.resetEditors();
    await vscode.workspace.fs.delete(h.fixtureUri('k8s/shop/api.yaml')).then(undefined, () => undefined);
  });

  test('a misspelt key (contianers) is a k8s-schema error on that key', async () => {
    const doc = (await h.openFixture('k8s/typo.yaml')).document;
    const range = h.rangeOf(doc, 'contianers');
    const list = await h.waitForDiagnostics(doc.uri, (l) => h.findDiagnostic(l, 'k8s-schema', range), `no k8s-schema error on ${h.fmtRange(range)}`);
    const d = h.findDiagnostic(list, 'k8s-schema', range);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /containers/);
  });

  test('a Service selecting no Pod is reported, and clears when a Deployment with its labels appears in another file', async () => {
    const doc = (await h.openFixture('k8s/shop/service.yaml')).document;
    const selector = h.rangeOf(doc, 'selector');
    await h.waitForDiagnostics(doc.uri, (l) => h.findDiagnostic(l, 'k8s-service-selects-nothing', selector), 'no k8s-service-selects-nothing on the selector');
    // Another file, written to disk as a tool or `git checkout` would, and never opened.
    await vscode.workspace.fs.writeFile(h.fixtureUri('k8s/shop/api.yaml'), Buffer.from(API_DEPLOYMENT));
    await h.waitForDiagnostics(doc.uri, (l) => !h.findDiagnostic(l, 'k8s-service-selects-nothing'), 'the finding stayed after the Deployment was created');
    // Deleting it brings the finding back.
    await vscode.workspace.fs.delete(h.fixtureUri('k8s/shop/api.yaml'));
    await h.waitForDiagnostics(doc.uri, (l) => h.findDiagnostic(l, 'k8s-service-selects-nothing', selector), 'the finding did not come back after the Deployment was deleted');
  });

  test('an unsaved edit in another open manifest updates the Service finding', async () => {
    const service = (await h.openFixture('k8s/shop/service.yaml')).document;
    await h.waitForDiagnostics(service.uri, (l) => h.findDiagnostic(l, 'k8s-service-selects-nothing'), 'no k8s-service-selects-nothing to start with');
    const web = (await h.openFixture('k8s/shop/web.yaml')).document;
    await h.setText(web, `${web.getText()}---\n${API_DEPLOYMENT}`);
    await h.waitForDiagnostics(service.uri, (l) => !h.findDiagnostic(l, 'k8s-service-selects-nothing'), 'the finding stayed after typing the Deployment');
    await h.resetEditors();
  });

  test('compose: depends_on naming an undefined service is reported on the name', async () => {
    const doc = (await h.openFixture('compose/compose.yaml')).document;
    const range = h.rangeOf(doc, 'db');
    const list = await h.waitForDiagnostics(doc.uri, (l) => h.findDiagnostic(l, 'compose-undefined-reference', range), `no compose-undefined-reference on ${h.fmtRange(range)}`);
    assert.match(h.findDiagnostic(list, 'compose-undefined-reference', range).message, /db/);
  });

  test('hover on replicas shows its schema description', async () => {
    const doc = (await h.openFixture('k8s/typo.yaml')).document;
    const at = h.rangeOf(doc, 'replicas').start.translate(0, 2);
    const hovers = await h.waitFor(async () => {
      const result = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, at);
      return result && result.length ? result : undefined;
    }, { timeoutMs: 15_000, message: 'no hover on replicas' });
    const text = hovers.flatMap((hv) => hv.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Number of desired pods/, `hover text: ${text}`);
  });

  test('completion inside spec: of a Deployment offers replicas', async () => {
    const editor = await h.openFixture('k8s/complete.yaml');
    const doc = editor.document;
    const line = h.rangeOf(doc, '  selector:').start.line;
    const edit = new vscode.WorkspaceEdit();
    // A new, empty line under spec: (Ctrl+Space there).
    edit.insert(doc.uri, new vscode.Position(line, 0), '  \n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, 2));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('replicas'), `completion labels: ${labels.slice(0, 40).join(', ')}`);
    assert.ok(!labels.includes('selector'), 'keys already present are not offered');
    await h.resetEditors();
  });

  test('completion of a Compose value offers the schema enum (cgroup: host | private)', async () => {
    const doc = (await h.openFixture('compose/compose.yaml')).document;
    const line = h.rangeOf(doc, '    depends_on:').start.line;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(line, 0), '    cgroup: \n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, 12));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.deepStrictEqual(labels.filter((l) => l === 'host' || l === 'private').sort(), ['host', 'private'], `completion labels: ${labels.slice(0, 40).join(', ')}`);
    await h.resetEditors();
  });

  test('a custom resource is validated against a CRD found in the workspace (indexed in the background)', async () => {
    const doc = (await h.openFixture('k8s/crd/widget.yaml')).document;
    const value = new vscode.Range(5, 8, 5, 11);
    assert.strictEqual(doc.getText(value), 'big');
    const list = await h.waitForDiagnostics(doc.uri, (l) => h.findDiagnostic(l, 'k8s-schema', value), `no k8s-schema error on ${h.fmtRange(value)}`);
    assert.match(h.findDiagnostic(list, 'k8s-schema', value).message, /integer/);
    assert.ok(!h.findDiagnostic(list, 'k8s-schema-unknown-kind'), 'the CRD was not found');
  });

  test('a CRD written as JSON is found in the workspace; shipshape.crdDirectories (relative to the workspace folder) keeps it', async () => {
    const doc = (await h.openFixture('k8s/gadget.yaml')).document;
    const value = h.rangeOf(doc, 'many');
    const validated = (l) => h.findDiagnostic(l, 'k8s-schema', value) && !h.findDiagnostic(l, 'k8s-schema-unknown-kind');
    // k8s/external-crds/gadgets-crd.json: JSON manifests are scanned like YAML ones.
    await h.waitForDiagnostics(doc.uri, validated, `no k8s-schema error on ${h.fmtRange(value)} from the JSON CRD in the workspace`);
    await settings().update('crdDirectories', ['k8s/external-crds'], vscode.ConfigurationTarget.Workspace);
    await h.waitForDiagnostics(doc.uri, validated, `no k8s-schema error on ${h.fmtRange(value)} with the CRD folder`);
    await settings().update('crdDirectories', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('files matching shipshape.composeFiles are validated as Compose files', async () => {
    const doc = (await h.openFixture('compose/stacks/volumes.yml')).document;
    const range = h.rangeOf(doc, 'drievr_opts');
    await settings().update('composeFiles', ['compose/stacks/*.yml'], vscode.ConfigurationTarget.Workspace);
    await h.waitForDiagnostics(doc.uri, (l) => h.findDiagnostic(l, 'compose-schema', range), `no compose-schema error on ${h.fmtRange(range)}`);
    await settings().update('composeFiles', undefined, vscode.ConfigurationTarget.Workspace);
    await h.waitForDiagnostics(doc.uri, (l) => l.length === 0, 'findings stayed after the glob was removed (the file is no Compose file by name or content)');
  });

  test('shipshape.kubernetesVersion selects the schemas: an API removed in 1.32 is fine for 1.31', async () => {
    const doc = (await h.openFixture('k8s/versions/flowschema.yaml')).document;
    await h.waitForDiagnostics(doc.uri, (l) => h.findDiagnostic(l, 'k8s-schema-removed-api'), 'no k8s-schema-removed-api with the default (1.34)');
    await settings().update('kubernetesVersion', '1.31', vscode.ConfigurationTarget.Workspace);
    await h.waitForDiagnostics(doc.uri, (l) => !h.findDiagnostic(l, 'k8s-schema-removed-api'), 'the removed-API error stayed with kubernetesVersion 1.31');
    await settings().update('kubernetesVersion', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('bad input: an alias bomb is one finding; a manifest over 10 MB gets one clear message, not validation', async () => {
    const bomb = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: bomb}', 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++) bomb.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
    bomb.push('data: {x: *a11}');
    const small = await vscode.workspace.openTextDocument({ language: 'yaml', content: bomb.join('\n') + '\n' });
    await vscode.window.showTextDocument(small);
    await h.waitForDiagnostics(small.uri, (l) => l.length === 1 && h.ruleOf(l[0]) === 'yaml-syntax', 'no single yaml-syntax finding on the alias bomb');
    const doc = (i) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  key: "${'x'.repeat(200)}"\n`;
    const content = Array.from({ length: Math.ceil((11 * 1024 * 1024) / doc(0).length) }, (_, i) => doc(i)).join('');
    const big = await vscode.workspace.openTextDocument({ language: 'yaml', content });
    await vscode.window.showTextDocument(big);
    const list = await h.waitForDiagnostics(big.uri, (l) => l.length > 0, 'no message on the 11 MB manifest');
    assert.strictEqual(list.length, 1, h.describeDiagnostics(list));
    assert.match(list[0].message, /over 10 MB are not validated/);
    // The extension host still answers at once.
    const hover = await vscode.commands.executeCommand('vscode.executeHoverProvider', big.uri, new vscode.Position(1, 1));
    assert.ok(Array.isArray(hover));
    for (const d of [small, big]) {
      await vscode.window.showTextDocument(d);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('the extension host stays responsive while a 6 MB manifest is validated (the check runs in the server)', async () => {
    const doc = (i) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  key: "${'x'.repeat(200)}"\n`;
    const count = Math.ceil((6 * 1024 * 1024) / doc(0).length);
    // The last document has an error: its finding says the whole file was checked.
    const content = Array.from({ length: count }, (_, i) => doc(i)).join('') + '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: last\ndata: [1]\n';
    let longestGap = 0;
    let last = Date.now();
    const ticker = setInterval(() => {
      const now = Date.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 10);
    try {
      const big = await vscode.workspace.openTextDocument({ language: 'yaml', content });
      await vscode.window.showTextDocument(big);
      const started = Date.now();
      longestGap = 0;
      last = Date.now();
      await h.waitForDiagnostics(big.uri, (l) => l.some((d) => h.ruleOf(d) === 'k8s-schema' && d.range.start.line >= count * 7), 'no k8s-schema finding on the last document', 120_000);
      const took = Date.now() - started;
      assert.ok(longestGap < 500, `the extension host's event loop stalled for ${longestGap} ms while the server checked for ${took} ms`);
      await vscode.window.showTextDocument(big);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      clearInterval(ticker);
    }
  });

  test('a Helm template is never validated as YAML', async () => {
    const doc = (await h.openFixture('charts/web/templates/deployment.yaml')).document;
    // Give the checker the same chance it had on the other files, then require silence.
    const typo = (await h.openFixture('k8s/typo.yaml')).document;
    await h.waitForDiagnostics(typo.uri, (l) => h.findDiagnostic(l, 'k8s-schema'), 'the manifest check did not run');
    // Checked through the rendered chart: the typo is on its template line; the `{{ }}` never make YAML errors.
    const typoKey = h.rangeOf(doc, 'imagePullPolicyy');
    await h.waitForDiagnostics(doc.uri, (l) => l.some((d) => h.ruleOf(d) === 'k8s-schema' && d.range.start.line === typoKey.start.line), 'no k8s-schema finding on the template line of the typo');
    assert.deepStrictEqual(h.shipshapeDiagnostics(doc.uri).filter((d) => /^yaml-/.test(h.ruleOf(d))).map(h.ruleOf), []);
  });
});
