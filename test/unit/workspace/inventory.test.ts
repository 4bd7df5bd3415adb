/** The workspace inventory and its preview tree, on inline files. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, WorkspaceInventory, interestIn, rootNodes, snapshotTree } from '../../../src/core/workspace/inventory';
import type { Finding, NodeSnapshot, TreeNode } from '../../../src/core/workspace/inventory';

const multistage = [
  'ARG GO=1.22',
  'FROM golang:${GO} AS build',
  'COPY . /src',
  'RUN go build -o /app ./cmd',
  '',
  'FROM node:20 AS assets',
  'RUN npm ci && npm run build',
  '',
  'FROM gcr.io/distroless/base AS runtime',
  'COPY --from=build /app /app',
  'COPY --from=assets /web /web',
  'COPY --from=nginx:1.27 /etc/nginx/mime.types /etc/',
  'EXPOSE 8080 9090/udp',
  'ENTRYPOINT ["/app"]',
  'CMD ["serve"]',
  '',
].join('\n');

const deployment = (name: string, labels: string, extra = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  selector:\n    matchLabels: ${labels}\n  template:\n    metadata:\n      labels: ${labels}\n    spec:\n      containers:\n        - name: c\n          image: a:1\n${extra}`;

test('a multistage Dockerfile: stages, bases, COPY --from edges, ports and the final command', () => {
  const inventory = new WorkspaceInventory();
  inventory.update('/ws/app/Dockerfile', multistage);
  const [file] = inventory.dockerfiles();
  assert.deepEqual(
    file.stages.map((s) => [s.name, s.baseImage, s.final]),
    [
      ['build', 'golang:1.22', false],
      ['assets', 'node:20', false],
      ['runtime', 'gcr.io/distroless/base', true],
    ],
  );
  const runtime = file.stages[2];
  assert.deepEqual(
    runtime.copiesFrom.map((c) => [c.from, c.isStage, c.at.line + 1]),
    [
      ['build', true, 10],
      ['assets', true, 11],
      ['nginx:1.27', false, 12],
    ],
  );
  assert.deepEqual(runtime.exposedPorts.map((p) => p.port), ['8080', '9090/udp']);
  assert.equal(runtime.entrypoint?.text, '["/app"]');
  assert.equal(runtime.command?.text, '["serve"]');
  assert.equal(runtime.at.line, 8);
  assert.equal(runtime.at.endLine, 14);
});

test('the final stage shows the command it inherits from its base stage', () => {
  const inventory = new WorkspaceInventory();
  inventory.update('/ws/Dockerfile', 'FROM python:3.12 AS base\nCMD ["python", "app.py"]\nFROM base\nRUN pip install flask\n');
  const final = inventory.dockerfiles()[0].stages[1];
  assert.equal(final.baseStage, 'base');
  assert.equal(final.command?.text, '["python", "app.py"]');
  assert.equal(final.command?.at.line, 1);
});

test('a Service selects the Deployment whose pod template carries its selector labels, across files', () => {
  const inventory = new WorkspaceInventory();
  inventory.update('/ws/k8s/web.yaml', deployment('web', '{app: web, tier: front}'));
  inventory.update('/ws/k8s/api.yaml', deployment('api', '{app: api}'));
  inventory.update('/ws/k8s/svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n');
  const service = inventory.kubernetesObjects().find((o) => o.kind === 'Service')!;
  const relations = inventory.relationsOf(service);
  assert.deepEqual(
    relations.map((r) => [r.relation, r.kind, r.name, r.target?.path]),
    [['selects', 'Deployment', 'web', '/ws/k8s/web.yaml']],
  );
  // The relation reveals the Deployment's name line.
  assert.equal(relations[0].target?.at.line, 3);

  // Incremental: relabel the Deployment and the Service selects nothing any more.
  inventory.update('/ws/k8s/web.yaml', deployment('web', '{app: website}'));
  assert.deepEqual(inventory.relationsOf(inventory.kubernetesObjects().find((o) => o.kind === 'Service')!), []);
});

test('an Ingress routes to Services and a workload uses ConfigMaps, Secrets, PVCs and its ServiceAccount', () => {
  const inventory = new WorkspaceInventory();
  const refs = [
    '          envFrom: [{configMapRef: {name: settings}}]',
    '          env: [{name: P, valueFrom: {secretKeyRef: {name: db, key: password}}}]',
    '      serviceAccountName: web-sa',
    '      volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]',
    '',
  ].join('\n');
  inventory.update(
    '/ws/all.yaml',
    [
      deployment('web', '{app: web}', refs),
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\ndata: {a: "1"}\n',
      'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec: {selector: {app: web}}\n',
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: front, namespace: shop}\nspec:\n  rules:\n    - http:\n        paths:\n          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}\n          - {path: /x, pathType: Prefix, backend: {service: {name: gone, port: {number: 80}}}}\n',
    ].join('---\n'),
  );
  const objects = inventory.kubernetesObjects();
  const ingress = objects.find((o) => o.kind === 'Ingress')!;
  assert.deepEqual(
    inventory.relationsOf(ingress).map((r) => [r.relation, r.name, r.target?.kind]),
    [
      ['routes-to', 'web', 'Service'],
      ['routes-to', 'gone', undefined],
    ],
  );
  const web = objects.find((o) => o.kind === 'Deployment')!;
  assert.deepEqual(
    inventory.relationsOf(web).map((r) => [r.kind, r.name, r.target !== undefined]),
    [
      ['Secret', 'db', false],
      ['ConfigMap', 'settings', true],
      ['PersistentVolumeClaim', 'data', false],
      ['ServiceAccount', 'web-sa', false],
    ],
  );
});

test("a compose service's image or build, ports, networks, dependencies and volumes", () => {
  const inventory = new WorkspaceInventory();
  inventory.update(
    '/ws/compose.yaml',
    [
      'services:',
      '  web:',
      '    build: {context: ./web, dockerfile: Dockerfile.prod}',
      '    ports: ["8080:80", {target: 443, published: 8443}]',
      '    networks: [front, back]',
      '    depends_on:',
      '      db: {condition: service_healthy}',
      '      cache: {condition: service_started}',
      '  db:',
      '    image: postgres:16',
      '    ports:',
      '      - 5432:5432',
      '    volumes: [data:/var/lib/postgresql/data]',
      '  cache:',
      '    image: redis:7',
      'volumes: {data: {}}',
      '',
    ].join('\n'),
  );
  const [file] = inventory.composeFiles();
  const web = file.services.find((s) => s.name === 'web')!;
  assert.equal(web.build, './web (Dockerfile.prod)');
  assert.equal(web.buildDockerfile, '/ws/web/Dockerfile.prod');
  assert.deepEqual(web.ports, ['8080:80', '8443:443']);
  assert.deepEqual(web.networks, ['front', 'back']);
  assert.deepEqual(web.dependsOn, ['db', 'cache']);
  const db = file.services.find((s) => s.name === 'db')!;
  // YAML 1.1 would read 5432:5432 as a base-60 number.
  assert.deepEqual(db.ports, ['5432:5432']);
  assert.deepEqual(db.volumes, ['data:/var/lib/postgresql/data']);
  assert.deepEqual([db.at.line, db.at.endLine], [8, 12]);

  // The service's build node reveals the Dockerfile it builds, once the workspace has it.
  inventory.update('/ws/web/Dockerfile.prod', 'FROM nginx:1.27\n');
  const [compose] = snapshotTree(rootNodes(inventory)).filter((n) => n.label === 'Compose services');
  const build = compose.children![0].children!.find((s) => s.label === 'web')!.children!.find((c) => c.label === 'build')!;
  assert.deepEqual([build.description, build.file, build.line], ['./web (Dockerfile.prod)', '/ws/web/Dockerfile.prod', 1]);
});

test('a chart with a subchart: dependency resolved to charts/, templates listed, subchart nested', () => {
  const inventory = new WorkspaceInventory();
  inventory.update('/ws/shop/Chart.yaml', 'apiVersion: v2\nname: shop\nversion: 1.2.0\ndependencies:\n  - name: redis\n    version: 18.x\n    repository: https://charts.example.com\n  - name: common\n    version: 2.0.0\n');
  inventory.update('/ws/shop/templates/deployment.yaml', 'kind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n');
  inventory.update('/ws/shop/templates/_helpers.tpl');
  inventory.update('/ws/shop/charts/common/Chart.yaml', 'apiVersion: v2\nname: common\nversion: 2.0.0\ntype: library\n');
  inventory.update('/ws/shop/charts/common/templates/_names.tpl');
  inventory.update('/ws/shop/values.yaml', 'replicas: 2\n');

  const charts = inventory.charts();
  const shop = charts.find((c) => c.name === 'shop')!;
  assert.equal(shop.version, '1.2.0');
  assert.deepEqual(shop.subcharts, ['/ws/shop/charts/common']);
  assert.deepEqual(
    shop.dependencies.map((d) => [d.name, d.chartDir, d.at.line + 1]),
    [
      ['redis', undefined, 5],
      ['common', '/ws/shop/charts/common', 8],
    ],
  );
  assert.deepEqual(shop.templates, ['/ws/shop/templates/_helpers.tpl', '/ws/shop/templates/deployment.yaml']);
  assert.equal(charts.find((c) => c.name === 'common')?.parentDir, '/ws/shop');
  // Templates are the chart's, never Kubernetes objects of their own (they are not rendered).
  assert.deepEqual(inventory.kubernetesObjects(), []);

  const tree = snapshotTree(rootNodes(inventory, { displayPath: (p) => p.replace('/ws/', '') }));
  const helm = tree.find((n) => n.label === 'Helm charts')!;
  assert.deepEqual(helm.children?.map((c) => c.label), ['shop'], 'a subchart is shown under its parent only');
  const subcharts = helm.children![0].children!.find((c) => c.label === 'Subcharts')!;
  assert.deepEqual(subcharts.children?.map((c) => [c.label, c.contextValue]), [['common', 'helmChart']]);

  inventory.remove('/ws/shop/charts/common/Chart.yaml');
  assert.deepEqual(inventory.charts().find((c) => c.name === 'shop')?.subcharts, []);
});

test('which files the inventory reads, and which it only needs to know exist', () => {
  assert.equal(interestIn('/ws/api.Dockerfile'), 'content');
  assert.equal(interestIn('/ws/k8s/app.yml'), 'content');
  assert.equal(interestIn('/ws/chart/templates/NOTES.txt'), 'path');
  assert.equal(interestIn('/ws/src/main.go'), undefined);
});

const find = (nodes: NodeSnapshot[] | undefined, label: string): NodeSnapshot => {
  const found = nodes?.find((n) => n.label === label);
  assert.ok(found, `no node "${label}" among ${nodes?.map((n) => n.label).join(', ')}`);
  return found;
};

test('the tree: sections, namespaces and kinds, relation links, and ids that survive an unrelated edit', () => {
  const inventory = new WorkspaceInventory();
  inventory.update('/ws/app/Dockerfile', multistage);
  inventory.update('/ws/k8s/web.yaml', deployment('web', '{app: web}'));
  inventory.update('/ws/k8s/svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector: {app: web}\n');
  inventory.update('/ws/k8s/ns.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n');
  const show = (p: string) => p.replace('/ws/', '');
  const before = snapshotTree(rootNodes(inventory, { displayPath: show }), { displayPath: show });
  assert.deepEqual(before.map((n) => n.label), ['Images', 'Kubernetes objects']);

  const runtime = find(find(find(before, 'Images').children, 'app/Dockerfile').children, 'runtime');
  assert.equal(runtime.description, 'FROM gcr.io/distroless/base · final');
  assert.deepEqual(runtime.children?.map((c) => c.label), ['copies from build', 'copies from assets', 'copies from nginx:1.27', 'exposes 8080', 'exposes 9090/udp', 'ENTRYPOINT', 'CMD']);

  const k8s = find(before, 'Kubernetes objects');
  assert.deepEqual(k8s.children?.map((c) => c.label), ['shop', '(cluster-scoped)']);
  const service = find(find(find(k8s.children, 'shop').children, 'Service').children, 'web');
  const link = find(service.children, 'selects Deployment web');
  const workload = find(find(find(k8s.children, 'shop').children, 'Deployment').children, 'web');
  assert.deepEqual(workload.children?.map((c) => [c.label, c.description, c.line]), [['container c', 'a:1', 14]]);
  assert.equal(find(find(k8s.children, '(cluster-scoped)').children, 'Namespace').children?.[0].children, undefined);
  assert.deepEqual([link.file, link.line], ['k8s/web.yaml', 4]);

  inventory.update('/ws/k8s/ns.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {a: b}\n');
  const after = snapshotTree(rootNodes(inventory, { displayPath: show }), { displayPath: show });
  const ids = (nodes: NodeSnapshot[]): string[] => nodes.flatMap((n) => [n.id, ...ids(n.children ?? [])]);
  assert.deepEqual(ids(after), ids(before));
  assert.equal(new Set(ids(after)).size, ids(after).length, 'tree ids must be unique');
});

test('twin definitions in one place still get distinct tree ids', () => {
  const inventory = new WorkspaceInventory();
  inventory.update('/ws/Dockerfile', 'FROM nginx\nEXPOSE 80\nEXPOSE 80\n');
  const [images] = snapshotTree(rootNodes(inventory));
  const stage = images.children![0].children![0];
  assert.deepEqual(stage.children?.map((c) => c.label), ['exposes 80', 'exposes 80']);
  assert.notEqual(stage.children![0].id, stage.children![1].id);
  assert.deepEqual(stage.children?.map((c) => c.line), [2, 3]);

  inventory.update('/ws/Dockerfile', 'FROM nginx\nRUN true\n');
  const [again] = snapshotTree(rootNodes(inventory));
  assert.equal(again.children![0].children![0].children, undefined, 'a stage with nothing to list offers an empty expander');
});

test('half-written and garbage files never throw and never leave stale entries', () => {
  const inventory = new WorkspaceInventory();
  const garbage = ['', '\u0000\u0001\u0002binary', 'FROM', 'services: null\n', 'apiVersion: v1\nkind: Service\nmetadata: [\n', '- a\n- b\n', ':\n  - {{ }}\n', '{"apiVersion": "v1", "kind": "ConfigMap"}'];
  for (const text of garbage) {
    for (const path of ['/ws/Dockerfile', '/ws/compose.yaml', '/ws/k8s.yaml', '/ws/c/Chart.yaml']) inventory.update(path, text);
    assert.doesNotThrow(() => snapshotTree(rootNodes(inventory)));
  }
  inventory.update('/ws/k8s.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n');
  assert.deepEqual(inventory.kubernetesObjects().map((o) => o.name), ['a']);
  inventory.update('/ws/k8s.yaml', 'just: values\n');
  assert.deepEqual(inventory.kubernetesObjects(), [], 'a file that stopped being a manifest keeps no objects');
  assert.equal(interestIn('/ws/Dockerfile.dockerignore'), undefined);
});

test('findings belong to the node whose span holds them; a chart also owns its templates\' findings; links own none', () => {
  const inventory = new WorkspaceInventory();
  inventory.update('/ws/app/Dockerfile', multistage);
  inventory.update('/ws/c/Chart.yaml', 'apiVersion: v2\nname: c\nversion: 1.0.0\n');
  inventory.update('/ws/c/templates/cm.yaml', 'kind: ConfigMap\nmetadata: {name: {{ .Release.Name }}}\n');
  const files: Record<string, Finding[]> = {
    // Line 2 (FROM golang) is in the build stage; line 12 (COPY --from=nginx) in the runtime stage.
    '/ws/app/Dockerfile': [
      { line: 1, severity: 'warning' },
      { line: 11, severity: 'error' },
    ],
    '/ws/c/templates/cm.yaml': [{ line: 1, severity: 'error' }],
  };
  const of = (node: TreeNode) => findingsOf(node, (path) => files[path] ?? []);
  const child = (node: TreeNode, label: string) => node.children!().find((c) => c.label === label)!;
  const [images, helm] = rootNodes(inventory);
  const dockerfile = images.children!()[0];
  assert.deepEqual(of(dockerfile), { errors: 1, warnings: 1 });
  assert.deepEqual(of(child(dockerfile, 'build')), { errors: 0, warnings: 1 });
  const runtime = child(dockerfile, 'runtime');
  assert.deepEqual(of(runtime), { errors: 1, warnings: 0 });
  assert.deepEqual(of(child(runtime, 'copies from nginx:1.27')), { errors: 1, warnings: 0 });
  assert.deepEqual(of(child(runtime, 'exposes 8080')), { errors: 0, warnings: 0 });
  assert.equal(of(images), undefined, 'a section owns no findings of its own');
  assert.deepEqual(of(helm.children!()[0]), { errors: 1, warnings: 0 });
});
