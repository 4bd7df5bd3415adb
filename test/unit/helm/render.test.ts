/**
 * Behaviour of renderChart a chart author would notice: template context, include/tpl, define
 * precedence, subcharts, errors pointing at the template line, and limits on runaway templates.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { renderChart, executeTemplate, parseSetFlag, ChartRenderError, type RenderOptions } from '../../../src/core/helm/index';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function chart(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-render-'));
  dirs.push(dir);
  const all = { 'Chart.yaml': 'apiVersion: v2\nname: demo\nversion: 1.2.3\n', ...files };
  for (const [name, content] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Renders a one-template chart and returns that template's document. */
function renderOne(template: string, extra: Record<string, string> = {}, options: RenderOptions = {}): string {
  const result = renderChart(chart({ 'templates/cm.yaml': template, ...extra }), options);
  return result.manifests.find((m) => m.source === 'demo/templates/cm.yaml')?.content.trimEnd() ?? '';
}

function renderError(files: Record<string, string>, options: RenderOptions = {}): ChartRenderError {
  try {
    renderChart(chart(files), options);
  } catch (e) {
    assert.ok(e instanceof ChartRenderError, `expected ChartRenderError, got ${String(e)}`);
    return e;
  }
  assert.fail('render did not fail');
}

test('context: .Release, .Chart, .Template, .Values, .Capabilities', () => {
  const cases: [string, RenderOptions, string][] = [
    ['{{ .Release.Name }} {{ .Release.Namespace }} {{ .Release.IsInstall }} {{ .Release.Revision }}', { releaseName: 'rel', namespace: 'ns' }, 'rel ns true 1'],
    ['{{ .Release.IsUpgrade }}', { isUpgrade: true }, 'true'],
    ['{{ .Chart.Name }}-{{ .Chart.Version }} {{ .Chart.IsRoot }}', {}, 'demo-1.2.3 true'],
    ['{{ .Template.Name }} {{ .Template.BasePath }}', {}, 'demo/templates/cm.yaml demo/templates'],
    ['{{ .Values.n }} {{ .Values.f }} {{ .Values.s }}', { set: ['n=1234567', 'f=1.5'] }, '1234567 1.5 from-values'],
    ['{{ .Values.big }}', {}, '1.234567e+06'],
    ['{{ .Capabilities.KubeVersion.Version }} {{ .Capabilities.APIVersions.Has "apps/v1" }}', { kubeVersion: '1.29.3' }, 'v1.29.3 true'],
    ['{{ .Capabilities.APIVersions.Has "example.com/v1" }}', { apiVersions: ['example.com/v1'] }, 'true'],
    ['[{{ .Values.missing }}]', {}, '[]'],
  ];
  for (const [template, options, expected] of cases) {
    const out = renderOne(`# ${template}\nkind: ConfigMap`, { 'values.yaml': 's: from-values\nbig: 1234567\n' }, options);
    assert.equal(out.split('\n')[0], `# ${expected}`, template);
  }
});

test('include returns text for pipelines; the root chart\'s define wins over a subchart\'s', () => {
  const out = renderOne('kind: ConfigMap\ndata:\n  v: {{ include "name" . | upper | quote }}', {
    'templates/_helpers.tpl': '{{ define "name" }}root-{{ .Chart.Name }}{{ end }}',
    'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
    'charts/sub/templates/_helpers.tpl': '{{ define "name" }}sub{{ end }}',
  });
  assert.match(out, /v: "ROOT-DEMO"/);
});

test('tpl renders values as templates; its defines stay local', () => {
  const out = renderOne('kind: ConfigMap\ndata:\n  a: {{ tpl .Values.t . }}\n  b: {{ tpl "{{ define \\"x\\" }}X{{ end }}{{ template \\"x\\" }}" . }}\n  c: {{ include "x" . }}', {
    'values.yaml': 't: "{{ .Release.Name }}-svc"\n',
    'templates/_x.tpl': '{{ define "x" }}file{{ end }}',
  });
  assert.match(out, /a: release-name-svc\n {2}b: X\n {2}c: file/);
});

test('subcharts get their own values, globals, .Chart and .Subcharts', () => {
  const dir = chart({
    'values.yaml': 'global: {env: prod}\nsub: {port: 8080}\n',
    'templates/cm.yaml': 'kind: ConfigMap\nmetadata:\n  name: {{ .Subcharts.sub.Values.port }}',
    'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
    'charts/sub/values.yaml': 'port: 80\nname: s\n',
    'charts/sub/templates/svc.yaml': 'kind: Service\nmetadata:\n  name: {{ .Values.name }}-{{ .Values.port }}-{{ .Values.global.env }}-{{ .Chart.Name }}-{{ .Chart.IsRoot }}',
  });
  const result = renderChart(dir);
  const svc = result.manifests.find((m) => m.source === 'demo/charts/sub/templates/svc.yaml');
  assert.match(svc?.content ?? '', /name: s-8080-prod-sub-false/);
  assert.match(result.manifests.find((m) => m.kind === 'ConfigMap')?.content ?? '', /name: 8080/);
});

test('a disabled subchart is not rendered', () => {
  const files = {
    'Chart.yaml': 'apiVersion: v2\nname: demo\nversion: 1.0.0\ndependencies:\n  - name: sub\n    version: 0.1.0\n    condition: sub.enabled\n',
    'templates/cm.yaml': 'kind: ConfigMap',
    'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
    'charts/sub/templates/svc.yaml': 'kind: Service',
  };
  const dir = chart(files);
  assert.equal(renderChart(dir).manifests.length, 2);
  assert.equal(renderChart(dir, { set: ['sub.enabled=false'] }).manifests.length, 1);
});

test('errors carry the template path and line of the failing action', () => {
  const cases: [Record<string, string>, string, number | undefined, RegExp][] = [
    [{ 'templates/a.yaml': 'kind: A\n\nx: {{ required "give x" .Values.x }}' }, 'demo/templates/a.yaml', 3, /^execution error at \(demo\/templates\/a\.yaml:3:6\): give x$/],
    [{ 'templates/a.yaml': 'kind: A\nx: {{ .Values.a.b }}' }, 'demo/templates/a.yaml', 2, /nil pointer evaluating interface \{\}\.b/],
    [{ 'templates/a.yaml': 'kind: A\nx: {{ .Values.x | nope }}' }, 'demo/templates/a.yaml', 2, /^parse error at \(demo\/templates\/a\.yaml:2\): function "nope" not defined$/],
    [{ 'templates/a.yaml': 'kind: A\n{{ if }}' }, 'demo/templates/a.yaml', 2, /^parse error at \(demo\/templates\/a\.yaml:2\)/],
    [
      { 'templates/a.yaml': 'kind: A\nx: {{ include "h" . }}', 'templates/_h.tpl': '{{ define "h" }}\n{{ fail "inner" }}{{ end }}' },
      'demo/templates/_h.tpl',
      2,
      /inner/,
    ],
    // An error inside tpl'd text points at the template that called tpl.
    [{ 'templates/a.yaml': 'kind: A\nx: {{ tpl "{{ .x " . }}' }, 'demo/templates/a.yaml', 2, /cannot parse template "\{\{ \.x ": template: gotpl:1: unclosed action/],
  ];
  for (const [files, path, line, message] of cases) {
    const e = renderError(files);
    assert.match(e.message, message);
    assert.equal(e.templatePath, path, e.message);
    assert.equal(e.line, line, e.message);
  }
});

test('lint mode renders past required/fail, as helm lint does', () => {
  const files = { 'templates/a.yaml': 'kind: A\nx: [{{ required "give x" .Values.x }}]\n{{ fail "stop" }}' };
  assert.match(renderError(files).message, /give x/);
  const out = renderChart(chart(files), { lintMode: true }).manifests[0].content;
  assert.match(out, /x: \[\]/);
});

test('functions Helm 4 added are unknown in Helm 3 mode', () => {
  const files = { 'templates/a.yaml': 'kind: A\nx: {{ mustToYaml .Values }}' };
  assert.match(renderError(files, { helmCompat: 3 }).message, /function "mustToYaml" not defined/);
  assert.ok(renderChart(chart(files)).output.includes('kind: A'));
});

test('Helm 3 prints Go\'s one-line exec error, Helm 4 the multi-line trace', () => {
  const files = { 'templates/a.yaml': 'kind: A\nx: {{ .Values.a | b64enc }}' };
  assert.match(renderError(files, { helmCompat: 3 }).message, /^template: demo\/templates\/a\.yaml:2:18: executing "demo\/templates\/a\.yaml" at <b64enc>: /);
  assert.match(renderError(files).message, /^demo\/templates\/a\.yaml:2:18\n {2}executing "demo\/templates\/a\.yaml" at <b64enc>:\n {4}/);
});

test('runaway templates stop with a clear error instead of hanging', () => {
  const recursive = { 'templates/a.yaml': 'kind: A\n{{ include "loop" . }}', 'templates/_l.tpl': '{{ define "loop" }}{{ include "loop" . }}{{ end }}' };
  assert.match(renderError(recursive).message, /nested/);
  const endless = { 'templates/a.yaml': 'kind: A\n{{ range until 10000 }}{{ range until 10000 }}x{{ end }}{{ end }}' };
  assert.ok(renderError(endless, { limits: { maxSteps: 100000 } }).message.length > 0);
  const huge = { 'templates/a.yaml': 'kind: A\n{{ range until 100000 }}{{ "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" }}{{ end }}' };
  assert.ok(renderError(huge, { limits: { maxOutputBytes: 100000 } }).message.length > 0);
  assert.match(renderError({ 'templates/a.yaml': 'kind: A' }, { shouldCancel: () => true }).message, /cancel/);
});

test('a cancelled render does not affect the next render of the same chart (parsed templates are shared)', () => {
  const dir = chart({ 'templates/a.yaml': 'kind: A\n# {{ range until 20000 }}{{ include "x" . }}{{ end }}', 'templates/_x.tpl': '{{ define "x" }}x{{ end }}' });
  let calls = 0;
  assert.throws(() => renderChart(dir, { shouldCancel: () => ++calls > 1 }), /cancel/);
  assert.equal(renderChart(dir).manifests.length, 1);
});

test('chart-level checks use helm\'s messages', () => {
  const cases: [Record<string, string>, RenderOptions, RegExp][] = [
    [{ 'Chart.yaml': 'apiVersion: v2\nname: lib\nversion: 1.0.0\ntype: library\n' }, {}, /^library charts are not installable$/],
    [{ 'Chart.yaml': 'apiVersion: v2\nname: d\nversion: 1.0.0\ndependencies:\n  - name: gone\n    version: 1.0.0\n' }, {}, /^an error occurred while checking for chart dependencies\. .*missing in charts\/ directory: gone$/],
    [{ 'Chart.yaml': 'apiVersion: v2\nname: d\nversion: 1.0.0\ndependencies:\n  - name: gone\n    version: 1.0.0\n' }, { helmCompat: 3 }, /^An error occurred while checking for chart dependencies\. /],
    [{ 'Chart.yaml': 'apiVersion: v2\nname: d\nversion: 1.0.0\nkubeVersion: ">=1.30.0-0"\n' }, { kubeVersion: '1.29.0' }, /^chart requires kubeVersion: >=1\.30\.0-0 which is incompatible with Kubernetes v1\.29\.0$/],
    [{ 'templates/a.yaml': 'kind: A' }, { releaseName: 'Bad_Name' }, /^release name "Bad_Name": invalid release name/],
    [{ 'templates/a.yaml': 'kind: A' }, { kubeVersion: 'latest' }, /^invalid kube version 'latest': could not parse "latest" as version$/],
    [{ 'templates/a.yaml': 'kind: A' }, { kubeVersion: 'latest', helmCompat: 3 }, /^invalid kube version 'latest': Invalid Semantic Version$/],
    [{ 'templates/a.yaml': 'kind: A' }, { set: ['a[x]=1'] }, /^failed parsing --set data: /],
    [{ 'templates/a.yaml': 'kind: A' }, { valuesFiles: ['/nonexistent/values.yaml'] }, /^open \/nonexistent\/values\.yaml: no such file or directory$/],
    [{ 'templates/a.yaml': 'kind: A' }, { setJson: ['a={bad'] }, /^failed parsing --set-json data a=\{bad$/],
    [{ 'templates/a.yaml': 'kind: A' }, { setJson: ['{"a": '] }, /^failed parsing --set-json data JSON: \{"a": $/],
    [{ 'templates/a.yaml': 'kind: A' }, { setFile: ['a=/nonexistent/file'] }, /^failed parsing --set-file data: open \/nonexistent\/file: no such file or directory$/],
    [{ 'templates/a.yaml': 'kind: A' }, { showOnly: ['templates/b.yaml'] }, /^could not find template templates\/b\.yaml in chart$/],
    [{ 'templates/a.yaml': 'kind: A\n  bad: [' }, {}, /^YAML parse error on demo\/templates\/a\.yaml: /],
    [{ 'values.schema.json': '{"required": ["port"]}', 'templates/a.yaml': 'kind: A' }, {}, /^values don't meet the specifications of the schema\(s\) in the following chart\(s\):\ndemo:\n- at '': missing property 'port'\n$/],
  ];
  for (const [files, options, message] of cases) assert.match(renderError(files, options).message, message);
});

test('errors in values.yaml or a -f file name the file and line', () => {
  const dir = chart({ 'templates/a.yaml': 'kind: A', 'values.yaml': 'a: 1\nb: [\n' });
  const e = renderError({ 'templates/a.yaml': 'kind: A', 'values.yaml': 'ok: 1\n  bad: 2\n' });
  assert.match(e.message, /^cannot load values\.yaml: error converting YAML to JSON: yaml: line \d+: /);
  assert.ok(e.filePath?.endsWith('values.yaml'));
  assert.equal(typeof e.line, 'number');
  const f = join(dir, 'extra.yaml');
  writeFileSync(f, 'x: 1\n  y: 2\n');
  try {
    renderChart(chart({ 'templates/a.yaml': 'kind: A' }), { valuesFiles: [f] });
    assert.fail('should fail');
  } catch (err) {
    assert.ok(err instanceof ChartRenderError);
    assert.equal(err.filePath, f);
    assert.match(err.message, /^failed to parse .*extra\.yaml: /);
  }
});

test('values precedence: -f files in order, then --set-json, --set, --set-string, --set-literal', () => {
  const dir = chart({ 'values.yaml': 'a: default\nb: default\nc: default\nd: default\n', 'templates/cm.yaml': 'kind: ConfigMap\n# {{ .Values.a }} {{ .Values.b }} {{ .Values.c }} {{ .Values.d }} {{ .Values.n }}' });
  const f1 = join(dir, 'f1.yaml');
  const f2 = join(dir, 'f2.yaml');
  writeFileSync(f1, 'a: f1\nb: f1\n');
  writeFileSync(f2, 'b: f2\n');
  const out = renderChart(dir, { valuesFiles: [f1, f2], set: ['c=set', 'n=7'], setString: ['d=str'], setJson: ['c="json"'] }).manifests[0].content;
  assert.match(out, /# f1 f2 set str 7/);
  // Helm 4 also merges a whole JSON object given to --set-json.
  const json = renderChart(dir, { setJson: ['{"a": "obj", "n": 2}'] }).manifests[0].content;
  assert.match(json, /# obj default default default 2/);
});

test('--show-only, --skip-tests and --include-crds shape the output', () => {
  const dir = chart({
    'templates/a.yaml': 'kind: ConfigMap\nmetadata:\n  name: a',
    'templates/tests/t.yaml': 'kind: Pod\nmetadata:\n  name: t\n  annotations:\n    "helm.sh/hook": test',
    'crds/crd.yaml': 'kind: CustomResourceDefinition\nmetadata:\n  name: {{ not templated }}',
  });
  assert.ok(renderChart(dir).output.includes('name: t'));
  assert.ok(!renderChart(dir, { skipTests: true }).output.includes('name: t'));
  assert.ok(renderChart(dir, { includeCrds: true }).output.startsWith('---\n# Source: demo/crds/crd.yaml\nkind: CustomResourceDefinition\nmetadata:\n  name: {{ not templated }}\n'));
  assert.equal(renderChart(dir, { showOnly: ['templates/a.yaml'] }).output, '---\n# Source: demo/templates/a.yaml\nkind: ConfigMap\nmetadata:\n  name: a\n\n');
});

test('NOTES.txt: the root chart\'s notes are returned, not printed; subchart notes are dropped', () => {
  const result = renderChart(chart({
    'templates/NOTES.txt': 'Installed {{ .Release.Name }}',
    'templates/a.yaml': 'kind: A',
    'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
    'charts/sub/templates/NOTES.txt': 'sub notes',
  }));
  assert.equal(result.notes, 'Installed release-name');
  assert.ok(!result.output.includes('Installed') && !result.output.includes('sub notes'));
});

test('file overrides (unsaved editor buffers) replace what is on disk, and only for that render', () => {
  const dir = chart({ 'templates/a.yaml': 'kind: A\nv: disk', 'values.yaml': 'x: 1\n' });
  const edited = renderChart(dir, { fileOverrides: { [join(dir, 'templates/a.yaml')]: 'kind: A\nv: buffer-{{ .Values.x }}', [join(dir, 'values.yaml')]: 'x: 2\n' } });
  assert.match(edited.manifests[0].content, /v: buffer-2/);
  assert.match(renderChart(dir).manifests[0].content, /v: disk/);
});

test('a changed file on disk is picked up by the next render (caches are invalidated)', () => {
  const dir = chart({ 'templates/a.yaml': 'kind: A\nv: one' });
  assert.match(renderChart(dir).manifests[0].content, /v: one/);
  writeFileSync(join(dir, 'templates/a.yaml'), 'kind: A\nv: two-{{ .Values.z }}');
  writeFileSync(join(dir, 'values.yaml'), 'z: new\n');
  assert.match(renderChart(dir).manifests[0].content, /v: two-new/);
});

test('rendered lines map back to template lines where the text matches', () => {
  const result = renderChart(chart({ 'templates/a.yaml': 'kind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n{{- if true }}\ndata:\n  k: v\n{{- end }}\n' }));
  const m = result.manifests[0];
  assert.deepEqual(m.content.trimEnd().split('\n'), ['kind: ConfigMap', 'metadata:', '  name: release-name', 'data:', '  k: v']);
  assert.deepEqual(m.templateLines.slice(0, 5), [1, 2, 3, 5, 6]);
});

test('executeTemplate and parseSetFlag work on their own', () => {
  assert.equal(executeTemplate('{{ .a | upper }}-{{ toYaml .b }}', { a: 'hi', b: { k: 1n } }), 'HI-k: 1');
  assert.equal(executeTemplate('{{ .missing }}', {}, { missingkey: 'default' }), '<no value>');
  assert.throws(() => executeTemplate('{{ upper .a }}', { a: 'x' }, { functions: 'go' }), (e: Error) => e instanceof ChartRenderError && /function "upper" not defined/.test(e.message));
  const into = {};
  parseSetFlag('set', 'a.b=1,c={x,y}', into);
  assert.deepEqual(into, { a: { b: 1n }, c: ['x', 'y'] });
  assert.throws(() => parseSetFlag('set', 'a.b', {}), { message: 'failed parsing --set data: key "b" has no value' });
});

test('garbage charts (binary files, template soup) fail with a ChartRenderError or render, never crash or hang', () => {
  let seed = 7;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const bytes = (n: number): string => Buffer.from(Array.from({ length: n }, () => Math.floor(rnd() * 256))).toString('latin1');
  const pieces = ['{{', '}}', '{{-', '-}}', 'define', 'end', 'if', 'range', '.Values', 'include', 'tpl', '"x"', ':', '\n', '---', 'kind: A', '  ', '- ', '|', '&a', '*a', '{', '[', '"', '\t', '#'];
  const soup = (n: number): string => Array.from({ length: n }, () => pieces[Math.floor(rnd() * pieces.length)]).join('');
  for (let i = 0; i < 60; i++) {
    const which = i % 4;
    const files: Record<string, string> = {
      'values.yaml': which === 1 ? bytes(80) : which === 2 ? soup(30) : 'a: 1\n',
      'templates/a.yaml': which === 3 ? bytes(100) : soup(40),
    };
    if (which === 0) files['Chart.yaml'] = bytes(50);
    try {
      renderChart(chart(files), { limits: { maxSteps: 100000 } });
    } catch (e) {
      assert.ok(e instanceof ChartRenderError && e.message.length > 0, `case ${i}: ${String(e)}`);
      // A JavaScript failure wrapped as a render error would be a bug of ours, not a helm message.
      assert.doesNotMatch(e.message, /Cannot read propert|is not a function|is not iterable|Maximum call stack/, `case ${i}`);
    }
  }
});

// Found by the helm oracle: helm 3.17.3's Masterminds/semver capitalises its error, 4.1.4's does not.
test('semver errors use the wording of the imitated helm', () => {
  const files = { 'templates/a.yaml': 'kind: A\nv: {{ semver "x" }}' };
  assert.match(renderError(files).message, /error calling semver: invalid semantic version$/);
  assert.match(renderError(files, { helmCompat: 3 }).message, /error calling semver: Invalid Semantic Version$/);
});

// Found by the helm oracle: helm 4.1.4 prints "error calling include:" at every level of nested includes.
test('Helm 4 error trace of nested includes keeps each level\'s "error calling include:"', () => {
  const files = {
    'templates/_h.tpl': '{{- define "l1" }}{{ include "l2" . }}{{ end -}}\n{{- define "l2" }}{{ .Chart.Name }}{{ end -}}\n',
    'templates/a.yaml': 'a: {{ include "l1" 1 }}',
  };
  assert.equal(
    renderError(files).message,
    [
      'demo/templates/a.yaml:1:6',
      '  executing "demo/templates/a.yaml" at <include "l1" 1>:',
      '    error calling include:',
      'demo/templates/_h.tpl:1:21',
      '  executing "l1" at <include "l2" .>:',
      '    error calling include:',
      'demo/templates/_h.tpl:2:27',
      '  executing "l2" at <.Chart.Name>:',
      "    can't evaluate field Chart in type int",
    ].join('\n'),
  );
});
