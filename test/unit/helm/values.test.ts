import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFiles } from '../../../src/core/helm/load/loader';
import { coalesceValues } from '../../../src/core/helm/values/coalesce';
import { processDependencies } from '../../../src/core/helm/dependencies';
import type { Chart } from '../../../src/core/helm/chart';
import type { GoMap } from '../../../src/core/gotemplate/values';

/** Builds a chart from inline files; `charts/<sub>/...` paths become subcharts, as on disk. */
function chart(files: Record<string, string>): Chart {
  return loadFiles(
    Object.entries(files).map(([name, text]) => ({ name, data: new TextEncoder().encode(text) })),
    'inline',
  );
}

const parentWithSub = (parentValues: string, subValues: string, deps = ''): Chart =>
  chart({
    'Chart.yaml': `apiVersion: v2\nname: parent\nversion: 1.0.0\n${deps}`,
    'values.yaml': parentValues,
    'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
    'charts/sub/values.yaml': subValues,
  });

test('user values win over defaults; maps merge, lists replace, null deletes', () => {
  const c = chart({
    'Chart.yaml': 'apiVersion: v2\nname: c\nversion: 1.0.0\n',
    'values.yaml': 'image: {repo: nginx, tag: "1.0"}\nports: [80, 443]\nextra: keep\ndrop: me\n',
  });
  const out = coalesceValues(c, { image: { tag: '2.0' }, ports: [8080n], drop: null }, 4);
  assert.deepEqual(out, { image: { repo: 'nginx', tag: '2.0' }, ports: [8080n], extra: 'keep' });
});

test('coalescing does not mutate the user values or the chart defaults', () => {
  const c = chart({ 'Chart.yaml': 'apiVersion: v2\nname: c\nversion: 1.0.0\n', 'values.yaml': 'a: {b: 1}\n' });
  const user: GoMap = { a: { c: 2 } };
  coalesceValues(c, user, 4);
  assert.deepEqual(user, { a: { c: 2 } });
  assert.deepEqual(coalesceValues(c, {}, 4), { a: { b: 1 } });
});

test('subchart defaults appear under its name, and parent globals reach it (parent wins)', () => {
  const c = parentWithSub('global: {env: prod, shared: {a: 1}}\nsub: {replicas: 3}\n', 'global: {env: dev, shared: {b: 2}}\nreplicas: 1\nport: 80\n');
  const out = coalesceValues(c, {}, 4);
  assert.deepEqual(out.sub, { replicas: 3, port: 80, global: { env: 'prod', shared: { a: 1, b: 2 } } });
  assert.deepEqual(out.global, { env: 'prod', shared: { a: 1 } });
});

test('a null in chart defaults: Helm 4 ignores it, Helm 3 lets it delete the subchart default', () => {
  const c = parentWithSub('sub: {hash: {k1: null, k3: 13}}\n', 'hash: {k1: 1, k2: 2, k3: 3}\n');
  assert.deepEqual((coalesceValues(c, {}, 4).sub as GoMap).hash, { k1: 1, k2: 2, k3: 13 });
  assert.deepEqual((coalesceValues(c, {}, 3).sub as GoMap).hash, { k2: 2, k3: 13 });
});

test('a non-map value where a subchart\'s values belong is an error', () => {
  const c = parentWithSub('', 'a: 1\n');
  assert.throws(() => coalesceValues(c, { sub: 'oops' }, 4), { message: 'type mismatch on sub: %!t(string=oops)' });
});

const depsBlock = (extra: string): string =>
  `dependencies:\n  - name: sub\n    version: 0.1.0\n${extra}`;

test('condition and tags decide whether a subchart is rendered', () => {
  const cases: { deps: string; values: string; user: GoMap; enabled: boolean }[] = [
    { deps: '    condition: sub.enabled\n', values: 'sub: {enabled: false}\n', user: {}, enabled: false },
    { deps: '    condition: sub.enabled\n', values: 'sub: {enabled: false}\n', user: { sub: { enabled: true } }, enabled: true },
    { deps: '    condition: nope.x,sub.active\n', values: 'sub: {active: false}\n', user: {}, enabled: false },
    { deps: '    condition: sub.enabled\n', values: 'sub: {enabled: "no"}\n', user: {}, enabled: true },
    { deps: '    tags: [back]\n', values: 'tags: {back: false}\n', user: {}, enabled: false },
    { deps: '    tags: [back, front]\n', values: 'tags: {back: false, front: true}\n', user: {}, enabled: true },
    { deps: '    tags: [back]\n    condition: sub.enabled\n', values: 'tags: {back: false}\nsub: {enabled: true}\n', user: {}, enabled: true },
  ];
  for (const { deps, values, user, enabled } of cases) {
    const resolved = processDependencies(parentWithSub(values, 'x: 1\n', depsBlock(deps)), user, 4);
    assert.equal(resolved.dependencies.length === 1, enabled, `${deps} ${values} ${JSON.stringify(user)}`);
  }
});

test('an alias renames the subchart and its values key', () => {
  const resolved = processDependencies(parentWithSub('', 'x: 1\n', depsBlock('    alias: other\n')), {}, 4);
  assert.deepEqual(
    resolved.dependencies.map((d) => d.metadata.name),
    ['other'],
  );
  assert.deepEqual(coalesceValues(resolved, {}, 4).other, { x: 1, global: {} });
});

test('one subchart used twice under two aliases gets two independent copies', () => {
  const deps = 'dependencies:\n  - name: sub\n    version: 0.1.0\n    alias: one\n  - name: sub\n    version: 0.1.0\n    alias: two\n';
  const resolved = processDependencies(parentWithSub('two: {x: 2}\n', 'x: 1\n', deps), {}, 4);
  assert.deepEqual(resolved.dependencies.map((d) => d.metadata.name), ['one', 'two']);
  const values = coalesceValues(resolved, {}, 4);
  assert.deepEqual([(values.one as GoMap).x, (values.two as GoMap).x], [1, 2]);
});

test('import-values: exported tables land in the parent underneath its own values', () => {
  // The string form imports the *contents* of `exports.<name>` at the parent's top level.
  const c = parentWithSub(
    'own: parent\n',
    'exports: {data: {own: child, extra: imported}}\nsettings: {a: 1}\n',
    depsBlock('    import-values:\n      - data\n      - child: settings\n        parent: fromChild\n'),
  );
  const values = coalesceValues(processDependencies(c, {}, 4), { extra: 'user' }, 4);
  assert.equal(values.own, 'parent');
  assert.equal(values.extra, 'user');
  assert.equal(coalesceValues(processDependencies(c, {}, 4), {}, 4).extra, 'imported');
  assert.deepEqual(values.fromChild, { a: 1 });
});

test('the loaded chart is left untouched by dependency processing', () => {
  const c = parentWithSub('sub: {enabled: false}\n', 'x: 1\n', depsBlock('    condition: sub.enabled\n'));
  processDependencies(c, {}, 4);
  assert.equal(c.dependencies.length, 1);
});
