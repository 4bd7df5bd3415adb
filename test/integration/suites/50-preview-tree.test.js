'use strict';
// The Shipshape preview tree (Explorer view shipshape.workspace) on the fixtures in tree/: what the
// tree data provider gives the view (TreeItems: labels, descriptions, icons, tooltips, where a click
// goes), through the shipshape.internal.treeSnapshot command (plain JSON); grouping and filters through
// the view title's commands, and what the title then says (shipshape.internal.treeView).
const { suite, test, before, after } = require('../harness/runner');
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

const all = (nodes) => (nodes || []).flatMap((n) => [n, ...all(n.children)]);

/** The one object of `kind` named `name` in namespace `ns` in a tree grouped by kind of file. */
function objectAt(roots, kind, name, ns) {
  const objects = nodeAt(roots, 'Kubernetes objects', kind).children.filter((n) => n.label === name && n.description.startsWith(`${ns} · `));
  assert.strictEqual(objects.length, 1, `${kind} ${name} in ${ns}: ${objects.length} found under Kubernetes objects > ${kind}`);
  return objects[0];
}

const view = () => vscode.commands.executeCommand('shipshape.internal.treeView');

/** The view as a user first sees it: by kind of file, no filter. */
async function resetView() {
  await vscode.commands.executeCommand('shipshape.tree.clearFilter');
  await vscode.commands.executeCommand('shipshape.tree.groupBy', 'kind');
}

const zero = { errors: 0, warnings: 0, notes: 0 };
const sum = (nodes) => nodes.reduce((t, n) => ({ errors: t.errors + (n.findings || zero).errors, warnings: t.warnings + (n.findings || zero).warnings, notes: t.notes + (n.findings || zero).notes }), zero);

suite('Preview tree', () => {
  before(resetView);
  after(resetView);

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

  test('kubernetes objects by kind, with namespace and file: Ingress -> Service -> Deployment -> ConfigMap and a missing Secret', async () => {
    const roots = await snapshot();
    const file = 'tree/k8s/app.yaml';
    const ingress = objectAt(roots, 'Ingress', 'web', 'tree-demo');
    assert.strictEqual(ingress.description.replace(/ · \d+ (error|warning|info).*$/, ''), `tree-demo · ${file}`);
    const routes = nodeAt(ingress.children, 'routes to Service web');
    assert.deepStrictEqual([routes.file, routes.description], [file, file]);
    const selects = nodeAt(objectAt(roots, 'Service', 'web', 'tree-demo').children, 'selects Deployment web');
    assert.strictEqual(selects.line, await lineOf(file, '  name: web'), 'the relation does not reveal the Deployment');
    const deployment = objectAt(roots, 'Deployment', 'web', 'tree-demo');
    assert.deepStrictEqual(labels(deployment), ['container web', 'uses Secret web-db', 'uses ConfigMap web-settings']);
    assert.strictEqual(plain(nodeAt(deployment.children, 'container web').description), 'registry.example.com/tree-web:1.4.2');
    assert.strictEqual(objectAt(roots, 'ConfigMap', 'web-settings', 'tree-demo').children, undefined, 'a ConfigMap offers an empty expander');
    assert.strictEqual(nodeAt(deployment.children, 'uses Secret web-db').description, 'not defined in the workspace');
    assert.strictEqual(nodeAt(deployment.children, 'uses ConfigMap web-settings').line, await lineOf(file, '  name: web-settings'));
    // Objects whose manifest sets no namespace are in default, as Kubernetes puts them.
    assert.ok(nodeAt(roots, 'Kubernetes objects', 'Deployment').children.some((n) => n.description.startsWith('default · k8s/')), 'no Deployment of k8s/ in default');
    assert.ok(!all(roots).some((n) => /namespace not set/.test(`${n.label} ${n.description}`)), 'an item says "namespace not set"');
  });

  test('icons per kind and tooltips with kind, name, namespace, file:line and findings', async () => {
    await vscode.commands.executeCommand('shipshape.lintWorkspace');
    const roots = await snapshot();
    const icons = {
      Deployment: objectAt(roots, 'Deployment', 'web', 'tree-demo').icon,
      Service: objectAt(roots, 'Service', 'web', 'tree-demo').icon,
      Ingress: objectAt(roots, 'Ingress', 'web', 'tree-demo').icon,
      ConfigMap: objectAt(roots, 'ConfigMap', 'web-settings', 'tree-demo').icon,
      stage: nodeAt(roots, 'Images', 'tree/app/Dockerfile', 'builder').icon,
      'final stage': nodeAt(roots, 'Images', 'tree/app/Dockerfile', 'runtime').icon,
      'compose service': nodeAt(roots, 'Compose services', 'tree/compose.yaml', 'web').icon,
      chart: nodeAt(roots, 'Helm charts', 'tree-shop').icon,
    };
    assert.deepStrictEqual(icons, { Deployment: 'rocket', Service: 'radio-tower', Ingress: 'globe', ConfigMap: 'gear', stage: 'layers', 'final stage': 'layers-active', 'compose service': 'server-process', chart: 'graph' });
    const deployment = objectAt(roots, 'Deployment', 'web', 'tree-demo');
    const line = await lineOf('tree/k8s/app.yaml', '  name: web');
    assert.ok(deployment.findings, 'the Deployment of tree/k8s/app.yaml has no findings to show');
    const tooltip = deployment.tooltip.split('  \n');
    assert.deepStrictEqual(tooltip.slice(0, 3), ['**Deployment** web · apps/v1', 'Namespace: tree-demo', `tree/k8s/app.yaml:${line}`]);
    assert.match(tooltip[3], /^Shipshape: (\d+ errors?, )?\d+ warnings?/);
    // Every item has a tooltip, and every icon is a codicon id (no path, no empty id).
    for (const node of all(roots)) {
      assert.ok(node.tooltip && node.tooltip.length > 0, `${node.label} has no tooltip`);
      assert.match(node.icon || '', /^[a-z]+(-[a-z]+)*$/, `${node.label}: icon ${node.icon}`);
    }
  });

  test('group by namespace: namespaces hold their objects (kind and file said), then the other sections; tallies add up', async () => {
    try {
      await vscode.commands.executeCommand('shipshape.tree.groupBy', 'namespace');
      const roots = await snapshot();
      const ns = nodeAt(roots, 'tree-demo');
      assert.strictEqual(plain(ns.description), '4 objects');
      assert.deepStrictEqual(ns.children.map((n) => `${n.label} ${plain(n.description)}`), [
        'web-settings ConfigMap · tree/k8s/app.yaml',
        'web Deployment · tree/k8s/app.yaml',
        'web Ingress · tree/k8s/app.yaml',
        'web Service · tree/k8s/app.yaml',
      ]);
      assert.ok(nodeAt(roots, 'default').children.length > 0, 'no objects in default');
      const sections = roots.filter((n) => n.contextValue === 'section').map((n) => n.label);
      assert.deepStrictEqual(sections, ['Images', 'Compose services', 'Helm charts']);
      for (const group of roots) assert.deepStrictEqual(group.findings || zero, sum(group.children || []), `${group.label}: its tally is not the sum of its items'`);
      assert.strictEqual((await view()).groupBy, 'namespace');
      assert.strictEqual((await view()).remembered.groupBy, 'namespace', 'the grouping is not remembered in workspaceState');
    } finally {
      await resetView(); // the tests after these expect the tree as a user first sees it
    }
  });

  test('group by folder: each folder with what its files define', async () => {
    try {
      await vscode.commands.executeCommand('shipshape.tree.groupBy', 'folder');
      const roots = await snapshot();
      assert.deepStrictEqual(labels(nodeAt(roots, 'tree/app')), ['Dockerfile']);
      assert.deepStrictEqual(labels(nodeAt(roots, 'tree/app', 'Dockerfile')), ['builder', 'assets', 'runtime']);
      assert.deepStrictEqual(labels(nodeAt(roots, 'tree')), ['compose.yaml']);
      assert.deepStrictEqual(nodeAt(roots, 'tree/k8s').children.map((n) => `${n.label} ${plain(n.description)}`), [
        'web-settings ConfigMap · tree-demo · app.yaml',
        'web Deployment · tree-demo · app.yaml',
        'web Ingress · tree-demo · app.yaml',
        'web Service · tree-demo · app.yaml',
      ]);
      assert.deepStrictEqual(labels(nodeAt(roots, 'tree/shop')), ['tree-shop']);
      const folders = roots.map((n) => n.label);
      assert.deepStrictEqual(folders, [...folders].sort(), 'folders are not in order');
      for (const group of roots) assert.deepStrictEqual(group.findings || zero, sum(group.children || []), `${group.label}: its tally is not the sum of its items'`);
    } finally {
      await resetView(); // the tests after these expect the tree as a user first sees it
    }
  });

  test("filters: text and only items with problems, said in the view's title, cleared in one step; the tree counts stay right", async () => {
    try {
      await vscode.commands.executeCommand('shipshape.lintWorkspace');
      await vscode.commands.executeCommand('shipshape.tree.groupBy', 'namespace');
      const everything = await snapshot();
      await vscode.commands.executeCommand('shipshape.tree.filter', 'web');
      assert.strictEqual((await view()).description, "filtered: 'web'");
      let roots = await snapshot();
      assert.deepStrictEqual(labels(nodeAt(roots, 'tree-demo')), ['web-settings', 'web', 'web', 'web']);
      assert.ok(!labels(nodeAt(roots, 'Compose services', 'tree/compose.yaml')).includes('db'), 'db does not match "web" but is shown');

      await vscode.commands.executeCommand('shipshape.tree.showOnlyProblems');
      assert.strictEqual((await view()).description, "filtered: 'web' · only with problems");
      roots = await snapshot();
      const shown = all(roots);
      assert.ok(shown.length > 0, 'nothing matches web with problems');
      for (const node of shown) {
        const f = node.findings || node.owned;
        assert.ok(f && f.errors + f.warnings + f.notes > 0, `${node.label} (${node.description}) has no problems but is shown`);
      }
      assert.deepStrictEqual(nodeAt(roots, 'tree-demo').children.map((n) => n.description.split(' · ')[0]), ['Deployment']);
      for (const group of roots) assert.deepStrictEqual(group.findings, sum(group.children), `${group.label}: its tally is not the sum of what it shows`);
      // An item keeps its own tally under a filter: the Deployment's is the same as unfiltered.
      const deployment = (list) => nodeAt(list, 'tree-demo').children.find((n) => n.description.startsWith('Deployment'));
      assert.deepStrictEqual(deployment(roots).findings, deployment(everything).findings);
      assert.deepStrictEqual((await view()).remembered, { groupBy: 'namespace', onlyProblems: true, text: 'web' });

      await vscode.commands.executeCommand('shipshape.tree.filter', 'no-such-item-anywhere');
      assert.deepStrictEqual(await snapshot(), [], 'a filter nothing matches leaves items');
      await vscode.commands.executeCommand('shipshape.tree.clearFilter');
      assert.strictEqual((await view()).description, undefined);
      assert.strictEqual((await view()).groupBy, 'namespace', 'clearing the filter changed the grouping');
      assert.deepStrictEqual(ids(await snapshot()), ids(everything));
    } finally {
      await resetView(); // the tests after these expect the tree as a user first sees it
    }
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
