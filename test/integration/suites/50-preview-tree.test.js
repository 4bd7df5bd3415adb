'use strict';
// The Shipshape preview tree (Explorer view shipshape.workspace) on the fixtures in tree/: what the
// tree data provider gives the view (TreeItems: labels, descriptions, where a click goes), through the
// shipshape.internal.treeSnapshot command (plain JSON).
const { suite, test } = require('../harness/runner');
const h = require('../harness/helpers');
const { vscode, assert } = h;

const snapshot = () => vscode.commands.executeCommand('shipshape.internal.treeSnapshot');

/** Follows labels from the roots; fails with what was there instead. */
function nodeAt(roots, ...labels) {
  let nodes = roots;
  let node;
  for (const label of labels) {
    node = (nodes || []).find((n) => n.label === label);
    assert.ok(node, `no tree node "${label}" under ${labels.slice(0, labels.indexOf(label)).join(' > ') || 'the root'}; there: ${(nodes || []).map((n) => n.label).join(', ') || '(nothing)'}`);
    nodes = node.children;
  }
  return node;
}

/** 1-based line of the first line of a fixture containing `needle`. */
async function lineOf(relative, needle) {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(h.fixtureUri(relative)));
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(index >= 0, `${needle} not in ${relative}`);
  return index + 1;
}

/** A description without the finding counts the view appends (other suites may have linted the file). */
const plain = (description) => (description || '').replace(/ · \d+ (errors?|warnings?|info)(, \d+ (warnings?|info))*$/, '');

const labels = (node) => (node.children || []).map((c) => c.label);

const ids = (nodes) => (nodes || []).flatMap((n) => [n.id, ...ids(n.children)]);

suite('Preview tree', () => {
  test('images: stages with base images, COPY --from edges, ports and the final command, each revealing its line', async () => {
    const dockerfile = nodeAt(await snapshot(), 'Images', 'tree/app/Dockerfile');
    assert.strictEqual(plain(dockerfile.description), '3 stages');
    assert.deepStrictEqual(labels(dockerfile), ['builder', 'assets', 'runtime']);
    const runtime = nodeAt(dockerfile.children, 'runtime');
    assert.strictEqual(plain(runtime.description), 'FROM gcr.io/distroless/static-debian12:nonroot · final');
    assert.deepStrictEqual(labels(runtime), ['copies from builder', 'copies from assets', 'exposes 8080', 'ENTRYPOINT', 'CMD']);
    const copy = nodeAt(runtime.children, 'copies from builder');
    assert.deepStrictEqual([copy.file, copy.line], ['tree/app/Dockerfile', await lineOf('tree/app/Dockerfile', 'COPY --from=builder')]);
    assert.strictEqual(nodeAt(runtime.children, 'CMD').description, '["--static", "/static"]');
    assert.strictEqual(runtime.line, await lineOf('tree/app/Dockerfile', 'AS runtime'));
  });

  test('compose services: build or image, ports, networks, volumes, and depends_on revealing the other service', async () => {
    const file = nodeAt(await snapshot(), 'Compose services', 'tree/compose.yaml');
    assert.deepStrictEqual(labels(file), ['web', 'db']);
    const web = nodeAt(file.children, 'web');
    assert.strictEqual(plain(web.description), 'build ./app');
    assert.deepStrictEqual(labels(web), ['build', 'port 8080:8080', 'depends on db', 'network front', 'network back']);
    const build = nodeAt(web.children, 'build');
    assert.deepStrictEqual([build.description, build.file, build.line], ['./app', 'tree/app/Dockerfile', 1], 'build does not reveal the Dockerfile it builds');
    const dependency = nodeAt(web.children, 'depends on db');
    assert.strictEqual(dependency.line, await lineOf('tree/compose.yaml', '  db:'), 'depends on db does not reveal the db service');
    const db = nodeAt(file.children, 'db');
    assert.deepStrictEqual(labels(db), ['image', 'network back', 'volume pgdata:/var/lib/postgresql/data']);
    assert.strictEqual(nodeAt(db.children, 'image').description, 'postgres:16.3');
  });

  test('kubernetes objects by namespace and kind: Ingress -> Service -> Deployment -> ConfigMap and a missing Secret', async () => {
    const ns = nodeAt(await snapshot(), 'Kubernetes objects', 'tree-demo');
    assert.deepStrictEqual(labels(ns), ['ConfigMap', 'Deployment', 'Ingress', 'Service']);
    const file = 'tree/k8s/app.yaml';
    const routes = nodeAt(ns.children, 'Ingress', 'web', 'routes to Service web');
    assert.deepStrictEqual([routes.file, routes.description], [file, file]);
    const selects = nodeAt(ns.children, 'Service', 'web', 'selects Deployment web');
    assert.strictEqual(selects.line, await lineOf(file, '  name: web'), 'the relation does not reveal the Deployment');
    const deployment = nodeAt(ns.children, 'Deployment', 'web');
    assert.deepStrictEqual(labels(deployment), ['container web', 'uses Secret web-db', 'uses ConfigMap web-settings']);
    assert.strictEqual(plain(nodeAt(deployment.children, 'container web').description), 'registry.example.com/tree-web:1.4.2');
    assert.strictEqual(nodeAt(ns.children, 'ConfigMap', 'web-settings').children, undefined, 'a ConfigMap offers an empty expander');
    assert.strictEqual(nodeAt(deployment.children, 'uses Secret web-db').description, 'not defined in the workspace');
    assert.strictEqual(nodeAt(deployment.children, 'uses ConfigMap web-settings').line, await lineOf(file, '  name: web-settings'));
  });

  test('helm charts: a chart with its subchart dependency and templates; its context action renders it', async () => {
    const chart = nodeAt(await snapshot(), 'Helm charts', 'tree-shop');
    assert.strictEqual(chart.contextValue, 'helmChart');
    assert.strictEqual(nodeAt(chart.children, 'Dependencies', 'cache').description, '1.0.0 · in charts/');
    assert.deepStrictEqual(labels(nodeAt(chart.children, 'Subcharts')), ['cache']);
    assert.deepStrictEqual(labels(nodeAt(chart.children, 'Templates')), ['_helpers.tpl', 'configmap.yaml']);
    const roots = await snapshot();
    assert.ok(!labels(nodeAt(roots, 'Helm charts')).includes('cache'), 'the subchart is also listed as a top-level chart');

    const uri = await vscode.commands.executeCommand('shipshape.tree.renderChart', chart);
    assert.ok(uri instanceof vscode.Uri && uri.scheme === 'shipshape-helm', `the render action returned ${uri}`);
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.match(text, /name: release-name-cache\n/, 'the subchart was not rendered with the chart');
    assert.match(text, /replicas: "1"\n/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('nodes carry the Shipshape warnings inside them: the stage with FROM golang:latest, not the others', async () => {
    const uri = h.fixtureUri('tree/app/Dockerfile');
    await vscode.commands.executeCommand('shipshape.lintWorkspace');
    await h.waitForDiagnostics(uri, (l) => l.some((d) => h.ruleOf(d) === 'no-latest-tag'), 'no no-latest-tag on tree/app/Dockerfile');
    const dockerfile = nodeAt(await snapshot(), 'Images', 'tree/app/Dockerfile');
    const builder = nodeAt(dockerfile.children, 'builder');
    assert.ok(builder.findings && builder.findings.warnings >= 1, `builder stage not decorated: ${JSON.stringify(builder.findings)}`);
    assert.match(builder.description, /^FROM golang:latest · \d+ warnings?(, \d+ info)?$/, 'the builder stage does not say it has warnings');
    assert.ok(dockerfile.findings && dockerfile.findings.warnings >= 1, 'the Dockerfile node is not decorated');
    assert.strictEqual(nodeAt(dockerfile.children, 'runtime').findings, undefined, 'the clean runtime stage is decorated');
  });

  test('the tree follows the files: a new compose file and chart appear and go away with their folder, ids unchanged for the rest', async () => {
    const before = await snapshot();
    const uri = h.fixtureUri('tree/extra/compose.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('services:\n  worker:\n    image: busybox:1.36\n'));
    try {
      const worker = await h.waitFor(
        async () => {
          const file = (nodeAt(await snapshot(), 'Compose services').children || []).find((n) => n.label === 'tree/extra/compose.yaml');
          return file && (file.children || []).find((s) => s.label === 'worker');
        },
        { timeoutMs: 15_000, message: 'tree/extra/compose.yaml did not appear in the tree' },
      );
      assert.strictEqual(worker.description, 'busybox:1.36');
      // A chart that appears later: its templates (written first) are listed once Chart.yaml exists.
      await vscode.workspace.fs.writeFile(h.fixtureUri('tree/extra/mini/templates/NOTES.txt'), new TextEncoder().encode('Thanks for installing.\n'));
      await vscode.workspace.fs.writeFile(h.fixtureUri('tree/extra/mini/Chart.yaml'), new TextEncoder().encode('apiVersion: v2\nname: tree-mini\nversion: 0.1.0\n'));
      const mini = await h.waitFor(
        async () => (nodeAt(await snapshot(), 'Helm charts').children || []).find((n) => n.label === 'tree-mini'),
        { timeoutMs: 15_000, message: 'the new chart tree/extra/mini did not appear in the tree' },
      );
      assert.deepStrictEqual(labels(nodeAt(mini.children, 'Templates')), ['NOTES.txt']);
      const web = nodeAt(await snapshot(), 'Compose services', 'tree/compose.yaml', 'web');
      assert.strictEqual(web.id, nodeAt(before, 'Compose services', 'tree/compose.yaml', 'web').id);
    } finally {
      await vscode.workspace.fs.delete(h.fixtureUri('tree/extra'), { recursive: true });
    }
    await h.waitFor(
      async () => {
        const roots = await snapshot();
        return !labels(nodeAt(roots, 'Compose services')).includes('tree/extra/compose.yaml') && !labels(nodeAt(roots, 'Helm charts')).includes('tree-mini');
      },
      { timeoutMs: 15_000, message: 'tree/extra/compose.yaml stayed in the tree after its folder was deleted' },
    );
  });

  test('Refresh reads the workspace again and keeps every node id', async () => {
    const before = ids(await snapshot());
    await vscode.commands.executeCommand('shipshape.refreshTree');
    const after = ids(await snapshot());
    assert.deepStrictEqual(after, before);
    assert.strictEqual(new Set(after).size, after.length, 'duplicate tree ids');
  });

  test('tree and Problems agree: every finding of a Dockerfile, compose file or manifest is counted on exactly one item of that file', async () => {
    await vscode.commands.executeCommand('shipshape.lintWorkspace');
    const roots = await snapshot();
    const owned = new Map(); // file -> findings owned by its items
    const walk = (items) => {
      for (const item of items || []) {
        if (item.owned && item.file) owned.set(item.file, (owned.get(item.file) || 0) + item.owned.errors + item.owned.warnings + item.owned.notes);
        walk(item.children);
      }
    };
    for (const section of ['Images', 'Compose services', 'Kubernetes objects']) walk([nodeAt(roots, section)]);
    const files = new Set();
    const collect = (items) => (items || []).forEach((i) => (i.file && files.add(i.file), collect(i.children)));
    for (const section of ['Images', 'Compose services', 'Kubernetes objects']) collect([nodeAt(roots, section)]);
    let checked = 0;
    for (const file of files) {
      const problems = h.shipshapeDiagnostics(h.fixtureUri(file)).length;
      assert.strictEqual(owned.get(file) || 0, problems, `${file}: the tree counts ${owned.get(file) || 0} findings, the Problems panel lists ${problems}`);
      checked += problems;
    }
    assert.ok(checked > 0, 'the fixture files have findings to compare');
  });
});
