import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sharedPath } from '../shared-data';
import { loadChartPath, findChartDirs, ChartLoadError } from '../../../src/core/helm/load/loader';
import { readTarGz } from '../../../src/core/helm/load/tar';
import { HelmIgnore } from '../../../src/core/helm/load/helmignore';
import { chartFullPath } from '../../../src/core/helm/chart';

function tempChart(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-helm-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const CHART_YAML = 'apiVersion: v2\nname: demo\nversion: 1.0.0\n';

test('files are routed: templates, values, schema, subcharts and everything else as .Files', () => {
  const dir = tempChart({
    'Chart.yaml': CHART_YAML,
    'values.yaml': 'a: 1\n',
    'values.schema.json': '{}',
    'templates/deploy.yaml': 'kind: Deployment',
    'templates/_helpers.tpl': '{{/* */}}',
    'templates/.hidden.yaml': 'x',
    'files/conf.ini': 'k=v',
    'README.md': '# demo',
    'charts/sub/Chart.yaml': 'apiVersion: v2\nname: realname\nversion: 0.1.0\n',
    'charts/sub/templates/svc.yaml': 'kind: Service',
  });
  try {
    const chart = loadChartPath(dir);
    assert.deepEqual(chart.templates.map((t) => t.name), ['templates/_helpers.tpl', 'templates/deploy.yaml']);
    assert.deepEqual(chart.files.map((f) => f.name), ['README.md', 'files/conf.ini']);
    assert.deepEqual(chart.values, { a: 1 });
    assert.ok(chart.schema);
    assert.equal(chart.dependencies.length, 1);
    // Template names use the subchart's Chart.yaml name, not its directory name.
    assert.equal(chartFullPath(chart.dependencies[0]), 'demo/charts/realname');
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('.helmignore rules apply while loading, and the UTF-8 BOM is stripped', () => {
  const dir = tempChart({
    'Chart.yaml': CHART_YAML,
    '.helmignore': '# comment\n*.bak\nsecret/\n/top.txt\n',
    'templates/a.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('kind: A')]),
    'templates/a.yaml.bak': 'old',
    'secret/key': 'k',
    'top.txt': 'ignored at root',
    'files/top.txt': 'kept: pattern is anchored',
  });
  try {
    const chart = loadChartPath(dir);
    assert.deepEqual(chart.templates.map((t) => t.name), ['templates/a.yaml']);
    assert.equal(Buffer.from(chart.templates[0].data).toString(), 'kind: A');
    assert.deepEqual(chart.files.map((f) => f.name).sort(), ['.helmignore', 'files/top.txt']);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('helmignore quirks: base-name match without slash, ** rejected', () => {
  const rules = HelmIgnore.parse('*.md\ndocs/*.txt\n');
  const cases: [string, boolean, boolean][] = [
    ['README.md', false, true],
    ['sub/dir/NOTES.md', false, true],
    ['docs/a.txt', false, true],
    ['x/docs/a.txt', false, false],
    ['templates/.gitkeep', false, true],
    ['templates/ok.yaml', false, false],
  ];
  for (const [path, isDir, expected] of cases) assert.equal(rules.ignores(path, isDir), expected, path);
  assert.throws(() => HelmIgnore.parse('**/x'), /double-star/);
});

test('invalid charts give Helm\'s messages', () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ 'values.yaml': 'a: 1' }, /Chart.yaml file is missing/],
    [{ 'Chart.yaml': 'apiVersion: v2\nversion: 1.0.0\n' }, /validation: chart.metadata.name is required/],
    [{ 'Chart.yaml': 'apiVersion: v2\nname: x\nversion: one\n' }, /validation: chart.metadata.version "one" is invalid/],
    [{ 'Chart.yaml': `${CHART_YAML}type: Library\n` }, /validation: chart.metadata.type must be application or library/],
    [{ 'Chart.yaml': CHART_YAML, 'values.yaml': 'a: [1\n' }, /cannot load values.yaml/],
    [{ 'Chart.yaml': CHART_YAML, 'values.yaml': '- 1\n' }, /cannot load values.yaml/],
  ];
  for (const [files, message] of cases) {
    const dir = tempChart(files);
    try {
      assert.throws(() => loadChartPath(dir), message);
    } finally {
      rmSync(dir, { recursive: true });
    }
  }
});

test('packaged charts and .tgz subcharts load', () => {
  const packaged = loadChartPath(sharedPath('helm-golden/helm-v4/pkg/cmd/testdata/testcharts/compressedchart-0.1.0.tgz'));
  assert.equal(packaged.metadata.name, 'compressedchart');
  assert.deepEqual(packaged.templates.map((t) => t.name), ['templates/template.tpl']);
  const withArchive = loadChartPath(sharedPath('helm-golden/helm-v4/pkg/cmd/testdata/testcharts/chart-with-template-lib-archive-dep'));
  assert.deepEqual(withArchive.dependencies.map((d) => [d.metadata.name, d.metadata.type]), [['common', 'library']]);
});

test('a corrupt or truncated archive is a clear error', () => {
  assert.throws(() => readTarGz(Buffer.from('not gzip at all')), /gzip/);
  const header = Buffer.alloc(512);
  header.write('demo/Chart.yaml', 0);
  header.write('00000001000\0', 124); // claims 512 bytes that are not there
  header.write('0', 156);
  assert.throws(() => readTarGz(gzipSync(header)), /unexpected EOF/);
  const dir = tempChart({ 'Chart.yaml': CHART_YAML, 'charts/broken.tgz': 'garbage' });
  try {
    assert.throws(() => loadChartPath(dir), (e: Error) => e instanceof ChartLoadError && /subchart broken.tgz/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('findCharts lists chart roots, not their subcharts', () => {
  const found = findChartDirs(sharedPath('charts')).map((d) => d.slice(sharedPath('charts').length + 1));
  assert.ok(found.includes('prometheus'));
  assert.ok(found.includes('podinfo'));
  assert.ok(!found.some((d) => d.includes('/charts/')));
});
