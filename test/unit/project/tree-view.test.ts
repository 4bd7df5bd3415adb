/** The preview tree as the view shows it (core/project/tree-view.ts): grouping, filters, icons, tooltips, on a tree built from inline files. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeFilter, iconOf, regroupTree, tooltipMarkdown, type TreeViewOptions } from '../../../src/core/project/tree-view';
import { buildTree, type TreeItemData } from '../../../src/core/project/tree';
import type { FindingTally } from '../../../src/core/project/tally';
import { range, type Diagnostic, type Severity } from '../../../src/core/diagnostics';
import { WorkspaceInventory } from '../../../src/core/workspace/inventory';

const FILES: Record<string, string> = {
  '/ws/app/Dockerfile': 'FROM golang:latest AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\nUSER 10001\nCMD ["/app"]\n',
  '/ws/compose.yaml': 'services:\n  web:\n    image: web:1\n  db:\n    image: postgres:16\n',
  '/ws/k8s/app.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    '  namespace: shop',
    'spec:',
    '  selector: { matchLabels: { app: api } }',
    '  template:',
    '    metadata: { labels: { app: api } }',
    '    spec:',
    '      containers:',
    '        - name: api',
    '          image: api:1',
    '---',
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: api',
    '  namespace: shop',
    'spec:',
    '  selector: { app: api }',
    '  ports: [{ port: 80 }]',
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: settings',
    '---',
    'apiVersion: rbac.authorization.k8s.io/v1',
    'kind: ClusterRole',
    'metadata:',
    '  name: reader',
    '',
  ].join('\n'),
  '/ws/charts/shop/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 0.1.0\n',
  '/ws/charts/shop/templates/cm.yaml': '',
  '/ws/charts/shop/charts/cache/Chart.yaml': 'apiVersion: v2\nname: cache\nversion: 1.0.0\n',
};

/** Findings per file by (0-based) line. */
const FINDINGS: Record<string, [number, Severity][]> = {
  '/ws/app/Dockerfile': [[0, 'warning']],
  '/ws/k8s/app.yaml': [[11, 'error'], [20, 'warning'], [25, 'info']],
};

function serverTree(): TreeItemData[] {
  const inventory = new WorkspaceInventory();
  for (const [path, text] of Object.entries(FILES)) inventory.update(path, text);
  const findingsOf = (path: string): Diagnostic[] =>
    (FINDINGS[path] ?? []).map(([line, severity]) => ({ rule: 'r', severity, message: 'm', range: range(line, 0, line, 1) }));
  return buildTree(inventory, findingsOf, (p) => p.slice('/ws/'.length));
}

const displayPath = (p: string) => p.replace(/^\/ws\//, '');

/** `label [description] {e,w,n}` per item, indented by depth: the tree as a reader sees it. */
function outline(items: readonly TreeItemData[], depth = 0, maxDepth = 9): string[] {
  const tally = (f?: FindingTally) => (f ? ` {${f.errors},${f.warnings},${f.notes}}` : '');
  return items.flatMap((item) => [
    `${'  '.repeat(depth)}${item.label}${item.description ? ` [${item.description}]` : ''}${tally(item.findings)}`,
    ...(depth < maxDepth ? outline(item.children ?? [], depth + 1, maxDepth) : []),
  ]);
}

const sum = (items: readonly TreeItemData[]) =>
  items.reduce((t, i) => ({ errors: t.errors + (i.findings?.errors ?? 0), warnings: t.warnings + (i.findings?.warnings ?? 0), notes: t.notes + (i.findings?.notes ?? 0) }), { errors: 0, warnings: 0, notes: 0 });

const cases: { name: string; options: TreeViewOptions; maxDepth?: number; expected: string[] }[] = [
  {
    name: 'by kind of file: the sections, Kubernetes objects by kind with namespace and file (three levels, not four)',
    options: { groupBy: 'kind' },
    maxDepth: 2,
    expected: [
      'Images [1] {0,1,0}',
      '  app/Dockerfile [2 stages] {0,1,0}',
      '    build [FROM golang:latest] {0,1,0}',
      '    gcr.io/distroless/static [final]',
      'Compose services [2]',
      '  compose.yaml [2 services]',
      '    web [web:1]',
      '    db [postgres:16]',
      'Kubernetes objects [4] {1,1,1}',
      '  ClusterRole [1]',
      '    reader [k8s/app.yaml]',
      '  ConfigMap [1] {0,0,1}',
      '    settings [default · k8s/app.yaml] {0,0,1}',
      '  Deployment [1] {1,0,0}',
      '    api [shop · k8s/app.yaml] {1,0,0}',
      '  Service [1] {0,1,0}',
      '    api [shop · k8s/app.yaml] {0,1,0}',
      'Helm charts [2]',
      '  shop [0.1.0 · charts/shop]',
      '    Subcharts [1]',
      '    Templates [1]',
    ],
  },
  {
    name: 'by namespace: namespaces (unset is default), then cluster-scoped, then the other sections',
    options: { groupBy: 'namespace' },
    maxDepth: 1,
    expected: [
      'default [1 object] {0,0,1}',
      '  settings [ConfigMap · k8s/app.yaml] {0,0,1}',
      'shop [2 objects] {1,1,0}',
      '  api [Deployment · k8s/app.yaml] {1,0,0}',
      '  api [Service · k8s/app.yaml] {0,1,0}',
      '(cluster-scoped) [1 object]',
      '  reader [ClusterRole · k8s/app.yaml]',
      'Images [1] {0,1,0}',
      '  app/Dockerfile [2 stages] {0,1,0}',
      'Compose services [2]',
      '  compose.yaml [2 services]',
      'Helm charts [2]',
      '  shop [0.1.0 · charts/shop]',
    ],
  },
  {
    name: 'by folder: each folder with what its files define, files by name, a chart in its own folder',
    options: { groupBy: 'folder', displayPath },
    maxDepth: 1,
    expected: [
      '(workspace root) [1]',
      '  compose.yaml [2 services]',
      'app [1] {0,1,0}',
      '  Dockerfile [2 stages] {0,1,0}',
      'charts/shop [1]',
      '  shop [0.1.0]',
      'k8s [4] {1,1,1}',
      '  reader [ClusterRole · app.yaml]',
      '  settings [ConfigMap · default · app.yaml] {0,0,1}',
      '  api [Deployment · shop · app.yaml] {1,0,0}',
      '  api [Service · shop · app.yaml] {0,1,0}',
    ],
  },
  {
    name: 'only with problems: clean items and sections go, counts and tallies are of what is shown',
    options: { groupBy: 'kind', onlyProblems: true },
    expected: [
      'Images [1] {0,1,0}',
      '  app/Dockerfile [2 stages] {0,1,0}',
      '    build [FROM golang:latest] {0,1,0}',
      'Kubernetes objects [3] {1,1,1}',
      '  ConfigMap [1] {0,0,1}',
      '    settings [default · k8s/app.yaml] {0,0,1}',
      '  Deployment [1] {1,0,0}',
      '    api [shop · k8s/app.yaml] {1,0,0}',
      '      container api [api:1] {1,0,0}',
      '  Service [1] {0,1,0}',
      '    api [shop · k8s/app.yaml] {0,1,0}',
    ],
  },
  {
    name: 'text: a matching item keeps what is below it, others keep only matching branches (case-insensitive)',
    options: { groupBy: 'namespace', text: 'DB' },
    expected: ['Compose services [1]', '  compose.yaml [2 services]', '    db [postgres:16]', '      image [postgres:16]'],
  },
  {
    name: 'text matches a namespace group: the whole namespace stays',
    options: { groupBy: 'namespace', text: 'shop', onlyProblems: true },
    maxDepth: 1,
    expected: ['shop [2 objects] {1,1,0}', '  api [Deployment · k8s/app.yaml] {1,0,0}', '  api [Service · k8s/app.yaml] {0,1,0}'],
  },
  {
    name: 'text and problems together narrow to both',
    options: { groupBy: 'folder', displayPath, text: 'api', onlyProblems: true },
    maxDepth: 1,
    expected: ['k8s [2] {1,1,0}', '  api [Deployment · shop · app.yaml] {1,0,0}', '  api [Service · shop · app.yaml] {0,1,0}'],
  },
  { name: 'a text nothing matches leaves nothing', options: { text: 'no-such-thing' }, expected: [] },
  { name: 'blank text is no filter', options: { groupBy: 'namespace', text: '   ' }, maxDepth: 0, expected: ['default [1 object] {0,0,1}', 'shop [2 objects] {1,1,0}', '(cluster-scoped) [1 object]', 'Images [1] {0,1,0}', 'Compose services [2]', 'Helm charts [2]'] },
  {
    name: 'text matching a subchart keeps its parent chart; the section counts charts with their subcharts, as the server does',
    options: { text: 'cache' },
    expected: ['Helm charts [2]', '  shop [0.1.0 · charts/shop]', '    Subcharts [1]', '      cache [1.0.0 · charts/shop/charts/cache]'],
  },
];

for (const c of cases) {
  test(`regroupTree: ${c.name}`, () => {
    assert.deepEqual(outline(regroupTree(serverTree(), c.options), 0, c.maxDepth), c.expected);
  });
}

test('regroupTree: every finding is counted once in every grouping, and a group tallies the sum of its items', () => {
  const total = { errors: 1, warnings: 2, notes: 1 };
  for (const groupBy of ['kind', 'namespace', 'folder'] as const) {
    const roots = regroupTree(serverTree(), { groupBy, displayPath });
    assert.deepEqual(sum(roots), total, groupBy);
    const owned = { errors: 0, warnings: 0, notes: 0 };
    const walk = (items: readonly TreeItemData[]) => {
      for (const item of items) {
        if (item.owned) (['errors', 'warnings', 'notes'] as const).forEach((k) => (owned[k] += item.owned![k]));
        if (item.children && (item.id.startsWith('view:') || item.contextValue === 'section')) assert.deepEqual(item.findings ?? { errors: 0, warnings: 0, notes: 0 }, sum(item.children), `${groupBy}: ${item.label}`);
        walk(item.children ?? []);
      }
    };
    walk(roots);
    assert.deepEqual(owned, total, `${groupBy}: owned findings`);
  }
});

test('regroupTree: ids stay unique and an item keeps its id across groupings (the view keeps expansion and selection)', () => {
  const ids = (items: readonly TreeItemData[]): string[] => items.flatMap((i) => [i.id, ...ids(i.children ?? [])]);
  const byGrouping = (['kind', 'namespace', 'folder'] as const).map((groupBy) => ids(regroupTree(serverTree(), { groupBy, displayPath })));
  for (const list of byGrouping) assert.equal(new Set(list).size, list.length);
  const objects = (list: string[]) => list.filter((id) => id.startsWith('k8s:obj:')).sort();
  assert.deepEqual(objects(byGrouping[1]), objects(byGrouping[0]));
  assert.deepEqual(objects(byGrouping[2]), objects(byGrouping[0]));
});

test('regroupTree leaves the server data unchanged', () => {
  const roots = serverTree();
  const before = JSON.stringify(roots);
  for (const groupBy of ['kind', 'namespace', 'folder'] as const) regroupTree(roots, { groupBy, displayPath, text: 'api', onlyProblems: true });
  assert.equal(JSON.stringify(roots), before);
});

test('describeFilter: what the view title shows when a filter is on', () => {
  const table: [TreeViewOptions, string | undefined][] = [
    [{}, undefined],
    [{ groupBy: 'folder' }, undefined],
    [{ text: ' ' }, undefined],
    [{ text: 'api' }, "filtered: 'api'"],
    [{ onlyProblems: true }, 'filtered: only with problems'],
    [{ text: 'api', onlyProblems: true }, "filtered: 'api' · only with problems"],
  ];
  for (const [options, expected] of table) assert.equal(describeFilter(options), expected, JSON.stringify(options));
});

test('iconOf: an icon per kind of object and item', () => {
  const items = new Map<string, string>();
  const walk = (list: readonly TreeItemData[]) => list.forEach((i) => (items.set(`${i.contextValue} ${i.label}`, iconOf(i)), walk(i.children ?? [])));
  walk(regroupTree(serverTree(), { groupBy: 'kind' }));
  const table: [string, string][] = [
    ['k8sObject reader', 'key'],
    ['k8sObject settings', 'gear'],
    ['kind Deployment', 'rocket'],
    ['kind Service', 'radio-tower'],
    ['container container api', 'vm-running'],
    ['relation-selects selects Deployment api', 'rocket'],
    ['stage build', 'layers'],
    ['stage gcr.io/distroless/static', 'layers-active'],
    ['composeService web', 'server-process'],
    ['image image', 'package'],
    ['helmChart shop', 'graph'],
    ['helmTemplate cm.yaml', 'file-code'],
  ];
  for (const [item, icon] of table) assert.equal(items.get(item), icon, item);
});

test('tooltipMarkdown: kind, name, namespace, file:line and findings', () => {
  const find = (items: readonly TreeItemData[], test: (i: TreeItemData) => boolean): TreeItemData | undefined => {
    for (const i of items) {
      const hit = test(i) ? i : find(i.children ?? [], test);
      if (hit) return hit;
    }
    return undefined;
  };
  const roots = serverTree();
  const table: [(i: TreeItemData) => boolean, string][] = [
    [(i) => i.k8s?.kind === 'Deployment', '**Deployment** api · apps/v1  \nNamespace: shop  \n/ws/k8s/app.yaml:4  \nShipshape: 1 error'],
    [(i) => i.k8s?.kind === 'ClusterRole', '**ClusterRole** reader · rbac.authorization.k8s.io/v1  \nCluster-scoped (no namespace)  \n/ws/k8s/app.yaml:32'],
    [(i) => i.label === 'build', '**Build stage** build  \nFROM golang:latest  \n/ws/app/Dockerfile:1  \nShipshape: 1 warning'],
    [(i) => i.label === 'gcr.io/distroless/static', '**Final build stage** gcr.io/distroless/static  \nFROM gcr.io/distroless/static  \n/ws/app/Dockerfile:3'],
    [(i) => i.label === 'cm.yaml', '**Helm template** cm.yaml  \n/ws/charts/shop/templates/cm.yaml:1'],
  ];
  for (const [which, expected] of table) {
    const item = find(roots, which);
    assert.ok(item);
    assert.equal(tooltipMarkdown(item), expected);
  }
  // Markdown punctuation in names shows as written.
  assert.equal(tooltipMarkdown({ id: 'x', label: '_helpers.tpl', icon: 'file', contextValue: 'helmTemplate' }), '**Helm template** \\_helpers.tpl');
});

test("a finding on any line of a container (its image, not only its `- name:`) is the container's", () => {
  const inventory = new WorkspaceInventory();
  inventory.update('/ws/k8s/app.yaml', FILES['/ws/k8s/app.yaml']);
  // Line 12 is `image: api:1`, line 11 `- name: api`, line 7 `template:` (the Deployment's own).
  const findingsOf = (): Diagnostic[] => [12, 11, 7].map((line) => ({ rule: 'r', severity: 'warning', message: 'm', range: range(line, 0, line, 1) }));
  const tree = buildTree(inventory, findingsOf, (p) => p.slice('/ws/'.length));
  const container = findByContext(tree, 'container', 'container api');
  assert.equal(container?.owned?.warnings, 2, 'the name and image lines');
  assert.equal(findByContext(tree, 'k8sObject', 'api', 'Deployment')?.owned?.warnings, 1, "the template line stays the Deployment's");
});

function findByContext(items: readonly TreeItemData[], contextValue: string, label?: string, kind?: string): TreeItemData | undefined {
  for (const item of items) {
    if (item.contextValue === contextValue && (label === undefined || item.label === label) && (kind === undefined || JSON.stringify(item).includes(kind))) return item;
    const below = findByContext(item.children ?? [], contextValue, label, kind);
    if (below) return below;
  }
  return undefined;
}
