/**
 * Helm authoring rules, table-driven on inline charts (rule ids and ranges, not messages); each rule's
 * doc example as a chart; and the real charts of ../shared/charts, which render clean, get no
 * correctness finding from these rules.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Project } from '../../../src/core/project';
import { helmAuthoringRules } from '../../../src/core/helm/authoring/rules';
import { REPO_ROOT, SHARED } from '../shared-data';

function writeChart(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-authoring-'));
  const all = { 'Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\n', 'values.yaml': '', ...files };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** `rule@line:start-end` of every authoring finding, by chart-relative file. */
function findings(dir: string): string[] {
  const project = new Project({ roots: [dir] });
  project.scan();
  const ids = new Set(helmAuthoringRules.map((r) => r.meta.id));
  return project
    .checkAll()
    .flatMap(({ file, diagnostics }) => diagnostics.filter((d) => ids.has(d.rule)).map((d) => `${file.slice(dir.length + 1)} ${d.rule}@${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`))
    .sort();
}

const CM = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n${data}\n`;

const cases: { name: string; files: Record<string, string>; expected: string[] }[] = [
  { name: 'an action left open is reported where it opens', files: { 'templates/cm.yaml': CM('  a: {{ .Values.a\n  b: x') , 'values.yaml': 'a: 1\n' }, expected: ['templates/cm.yaml helm-template-syntax@5:5-17'] },
  { name: 'an unknown function is reported on its name', files: { 'templates/cm.yaml': CM('  a: {{ .Values.a | upperr }}'), 'values.yaml': 'a: 1\n' }, expected: ['templates/cm.yaml helm-template-syntax@5:20-26'] },
  { name: 'a broken _helpers.tpl is reported on its own line', files: { 'templates/_helpers.tpl': '{{- define "x" }}\n{{ if .Values.a }}\n{{- end }}\n', 'values.yaml': 'a: 1\n' }, expected: ['templates/_helpers.tpl helm-template-syntax@0:0-17'] },
  { name: 'too few arguments, counting the piped value', files: { 'templates/cm.yaml': CM('  a: {{ .Values.a | indent }}\n  b: {{ indent 2 .Values.a }}'), 'values.yaml': 'a: x\n' }, expected: ['templates/cm.yaml helm-function-args@5:20-26'] },
  { name: 'an include of an undefined name (and a defined one)', files: { 'templates/cm.yaml': CM('  a: {{ include "app.nme" . }}\n  b: {{ include "app.name" . }}'), 'templates/_helpers.tpl': '{{- define "app.name" }}x{{ end }}\n' }, expected: ['templates/cm.yaml helm-include-undefined@5:17-24'] },
  { name: 'a piped template', files: { 'templates/cm.yaml': CM('  a: {{ template "app.name" . | quote }}\n  b: {{ template "app.name" . }}'), 'templates/_helpers.tpl': '{{- define "app.name" }}x{{ end }}\n' }, expected: ['templates/cm.yaml helm-template-piped@5:8-16'] },
  {
    name: 'an undefined values path on its first missing key; guarded reads are not',
    files: {
      'templates/cm.yaml': CM(
        [
          '  a: {{ .Values.imge.tag }}',
          '  b: {{ .Values.image.tg }}',
          '  c: {{ .Values.missing | default "x" }}',
          '  {{- if .Values.opt }}\n  d: {{ .Values.opt.deep }}\n  {{- end }}',
          '  {{- with .Values.image }}\n  e: {{ .tag }}\n  f: {{ .tga }}\n  {{- end }}',
          '  g: {{ .Values.resources.limits }}',
          '  h: {{ .Values.host }}',
          '  {{- $v := .Values.nothere }}',
          '  i: {{ index .Values "image" "tag" }}',
        ].join('\n'),
      ),
      'values.yaml': 'image:\n  tag: "1"\nresources: {}\n# host: example.com\n',
    },
    expected: ['templates/cm.yaml helm-values-undefined@5:16-20', 'templates/cm.yaml helm-values-undefined@6:22-24', 'templates/cm.yaml helm-values-undefined@13:9-12'],
  },
  { name: 'a parent sets a subchart value; global is not judged', files: { 'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n', 'charts/sub/values.yaml': 'own: 1\n', 'charts/sub/templates/cm.yaml': CM('  a: {{ .Values.fromParent }}\n  b: {{ .Values.own }}\n  c: {{ .Values.global.x }}'), 'values.yaml': 'sub:\n  fromParent: 2\n' }, expected: [] },
  { name: 'unused values keys, as deep as they are unused', files: { 'templates/cm.yaml': CM('  a: {{ .Values.used.a }}\n  b: {{ toYaml .Values.whole }}'), 'values.yaml': 'used:\n  a: 1\n  b: 2\nwhole:\n  x: 1\nunused:\n  y: 1\nglobal:\n  z: 1\n' }, expected: ['values.yaml helm-values-unused@2:2-3', 'values.yaml helm-values-unused@5:0-6'] },
  {
    name: 'values.yaml against values.schema.json, on the key the pointer names',
    files: { 'templates/cm.yaml': CM('  a: {{ .Values.image.tag | quote }}\n  b: {{ .Values.count | quote }}'), 'values.yaml': 'image:\n  tag: 1\ncount: x\n', 'values.schema.json': '{"type":"object","properties":{"image":{"type":"object","properties":{"tag":{"type":"string"}}},"count":{"type":"integer"}},"required":["image"]}' },
    expected: ['values.yaml helm-values-schema@1:2-5', 'values.yaml helm-values-schema@2:0-5'],
  },
  {
    name: 'a -f values file beside values.yaml is checked as applied over it; its own keys only; no unused hints',
    files: {
      'templates/cm.yaml': CM('  a: {{ .Values.image.tag | quote }}\n  b: {{ .Values.count | quote }}'),
      'values.yaml': 'image:\n  tag: "1"\ncount: x\n',
      'values-prod.yaml': 'image:\n  tag: 2\nextra: 1\n',
      'values.schema.json': '{"type":"object","properties":{"image":{"type":"object","properties":{"tag":{"type":"string"}}},"count":{"type":"integer"}}}',
    },
    expected: ['values-prod.yaml helm-values-schema@1:2-5', 'values.yaml helm-values-schema@2:0-5'],
  },
  {
    name: "chart-testing's ci/*.yaml values files are checked against the schema too, as applied over values.yaml",
    files: {
      'templates/cm.yaml': CM('  a: {{ .Values.image.tag | quote }}'),
      'values.yaml': 'image:\n  tag: "1"\n',
      'ci/bad-values.yaml': 'image:\n  tag: 2\n',
      'ci/good-values.yaml': 'image:\n  tag: "2"\n',
      'values.schema.json': '{"type":"object","properties":{"image":{"type":"object","properties":{"tag":{"type":"string"}}}}}',
    },
    expected: ['ci/bad-values.yaml helm-values-schema@1:2-5'],
  },
  { name: 'no unused values when a template hands .Values whole to a helper', files: { 'templates/cm.yaml': CM('  a: {{ include "h" .Values }}'), 'templates/_helpers.tpl': '{{- define "h" }}{{ .anything }}{{ end }}\n', 'values.yaml': 'x: 1\n' }, expected: [] },
];

for (const c of cases) {
  test(`authoring rules: ${c.name}`, () => {
    assert.deepStrictEqual(findings(writeChart(c.files)), [...c.expected].sort());
  });
}

test('a template that does not parse leaves the other templates rendered and checked', () => {
  const dir = writeChart({ 'templates/broken.yaml': CM('  a: {{ .Values.a'), 'templates/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicaz: 1\n', 'values.yaml': 'a: 1\n' });
  const project = new Project({ roots: [dir] });
  project.scan();
  const byFile = new Map(project.checkAll().map((f) => [f.file.slice(dir.length + 1), f.diagnostics.map((d) => d.rule)]));
  assert.ok(byFile.get('templates/broken.yaml')?.includes('helm-template-syntax'));
  assert.ok(byFile.get('templates/deploy.yaml')?.includes('k8s-schema'), JSON.stringify([...byFile]));
  assert.ok(!byFile.get('Chart.yaml')?.includes('helm-render'), 'no second error on Chart.yaml');
});

/** A doc's example: fenced blocks, each opened by a `# <chart-relative path>` line (`// <path>` in JSON). */
function exampleChart(markdown: string, heading: 'Bad' | 'Good'): Record<string, string> {
  const section = new RegExp(`## ${heading}\\n([\\s\\S]*?)(?=\\n## |$)`).exec(markdown)?.[1] ?? '';
  const files: Record<string, string> = {};
  for (const m of section.matchAll(/```(?:yaml|json)\n(?:#|\/\/) (\S+)\n([\s\S]*?)```/g)) files[m[1]] = m[2];
  assert.ok(Object.keys(files).length > 0, `no ${heading} example`);
  return files;
}

for (const rule of helmAuthoringRules) {
  test(`docs/rules/${rule.meta.id}.md: the bad chart triggers the rule, the good one does not`, () => {
    const markdown = readFileSync(join(REPO_ROOT, 'docs/rules', `${rule.meta.id}.md`), 'utf8');
    assert.match(markdown, new RegExp(`^# ${rule.meta.id}\\n`));
    const rulesIn = (files: Record<string, string>) => findings(writeChart(files)).map((f) => f.split(' ')[1].split('@')[0]);
    assert.ok(rulesIn(exampleChart(markdown, 'Bad')).includes(rule.meta.id), 'bad example does not trigger it');
    assert.deepStrictEqual(rulesIn(exampleChart(markdown, 'Good')), [], 'good example is not clean');
  });
}

const CHARTS = join(SHARED, 'charts');
test('real charts that render clean get no correctness finding from the authoring rules', { skip: existsSync(CHARTS) ? false : 'no ../shared/charts' }, () => {
  const correctness = new Set(helmAuthoringRules.filter((r) => r.meta.defaultSeverity !== 'style').map((r) => r.meta.id));
  const found: string[] = [];
  for (const name of readdirSync(CHARTS)) {
    const dir = join(CHARTS, name);
    if (!existsSync(join(dir, 'Chart.yaml'))) continue;
    const project = new Project({ roots: [dir] });
    project.scan();
    for (const { file, diagnostics } of project.checkAll()) for (const d of diagnostics) if (correctness.has(d.rule)) found.push(`${file.slice(CHARTS.length + 1)}:${d.range.start.line + 1} ${d.rule} ${d.message}`);
  }
  assert.deepStrictEqual(found, []);
});

test('a schema error in what include or toYaml wrote lands on the line that called it', () => {
  const dir = writeChart({
    'templates/_helpers.tpl': '{{- define "app.spec" -}}\nreplicaz: 1\n{{- end }}\n',
    'templates/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  {{- include "app.spec" . | nindent 2 }}\n  template:\n    metadata:\n      labels: {{- toYaml .Values.labels | nindent 8 }}\n',
    'values.yaml': 'labels:\n  app: web\n  tier: [1]\n',
  });
  const project = new Project({ roots: [dir] });
  project.scan();
  const deploy = project.checkAll().find((f) => f.file.endsWith('deploy.yaml'))!;
  const schema = deploy.diagnostics.filter((d) => d.rule === 'k8s-schema').map((d) => d.range.start.line).sort();
  assert.deepStrictEqual(schema, [4, 5, 8], JSON.stringify(deploy.diagnostics)); // 4: no selector (on `spec`)
});

test('a rendered value of the wrong type gets a fix on the template line: unquote for a number, quote for a string', () => {
  const dir = writeChart({
    'templates/deploy.yaml': [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: d',
      'spec:',
      '  replicas: "{{ .Values.replicas }}"',
      '  selector: {matchLabels: {app: d}}',
      '  template:',
      '    metadata: {labels: {app: d}}',
      '    spec:',
      '      containers:',
      '        - name: c',
      '          image: nginx:1.27',
      '          env:',
      '            - name: PORT',
      '              value: {{ .Values.port }}',
      '',
    ].join('\n'),
    'values.yaml': 'replicas: 2\nport: 8080\n',
  });
  const project = new Project({ roots: [dir] });
  project.scan();
  const deploy = project.checkAll().find((f) => f.file.endsWith('deploy.yaml'))!;
  const fixes = deploy.diagnostics.filter((d) => d.fixes?.length).map((d) => [d.range.start.line, d.fixes![0].edits.map((e) => [e.range.start.character, e.range.end.character, e.newText])]);
  assert.deepStrictEqual(fixes, [
    [5, [[12, 36, '{{ .Values.replicas }}']]],
    [15, [[37, 37, '| quote ']]],
  ]);
});

test('hostile values and templates: an alias bomb, 100,000-deep nesting, a huge template: findings or nothing, quickly, never a crash', () => {
  const bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n';
  const deep = `x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
  const huge = CM(Array.from({ length: 20_000 }, (_, i) => `  k${i}: {{ .Values.a | quote }}`).join('\n'));
  for (const [name, files] of [
    ['alias bomb', { 'templates/cm.yaml': CM('  a: {{ .Values.g | toString | quote }}'), 'values.yaml': bomb }],
    ['deep nesting', { 'templates/cm.yaml': CM('  a: {{ .Values.x | toString | quote }}'), 'values.yaml': deep }],
    ['huge template', { 'templates/cm.yaml': huge, 'values.yaml': 'a: 1\n' }],
    ['deep template', { 'templates/cm.yaml': CM(`  a: {{ ${'('.repeat(20_000)}1${')'.repeat(20_000)} }}`) }],
  ] as const) {
    const started = Date.now();
    assert.doesNotThrow(() => findings(writeChart(files)), name);
    assert.ok(Date.now() - started < 20_000, `${name} took ${Date.now() - started} ms`);
  }
});
