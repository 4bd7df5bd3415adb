/**
 * A define's `.` inferred from its call sites (define-context.ts through the chart model), table-driven
 * on inline charts: what the define's reads resolve to (values paths and their ranges, built-ins,
 * reads left unresolved), then hover/definition/references/completion on them, then the
 * undefined-values lint (rule ids and ranges). Every case has a read that the root assumption gets
 * wrong or misses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthoringIndex } from '../../../src/core/helm/authoring/chart-model';
import { definitionOf, hoverAt, referencesOf, targetAt, templateCompletions, type AssistContext } from '../../../src/core/helm/authoring/assist';
import { lintTemplate, lintValues } from '../../../src/core/helm/authoring/lint';
import { inferDefineContexts } from '../../../src/core/helm/authoring/define-context';
import { Project } from '../../../src/core/project';
import { semanticTokens } from '../../../src/core/helm/authoring/tokens';
import type { Position } from '../../../src/core/diagnostics';

const CHART = 'apiVersion: v2\nname: app\nversion: 0.1.0\n';
const SUB = 'apiVersion: v2\nname: sub\nversion: 0.1.0\n';
const VALUES = 'image:\n  repository: nginx\n  tag: "1.27"\nfoo:\n  x: 1\n  bar: 2\nlist: []\na: 1\nb:\n  x: 2\n';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function chart(files_: Record<string, string>): { dir: string; context(file: string): AssistContext; text(file: string): string } {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-define-context-'));
  const all = { 'Chart.yaml': CHART, 'values.yaml': VALUES, ...files_ };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const index = new AuthoringIndex({
    read: (p) => (existsSync(p) && statSync(p).isFile() ? readFileSync(p, 'utf8') : undefined),
    list: (d) => (existsSync(d) ? files(d) : []),
    exists: existsSync,
  });
  return {
    dir,
    context: (file) => ({ chart: index.chartOf(join(dir, file))!, file: join(dir, file) }),
    text: (file) => all[file as keyof typeof all],
  };
}

/** The position of the `nth` occurrence of `needle` in `text` (plus `shift` characters). */
function at(text: string, needle: string, shift = 0, nth = 0): Position {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} in the text`);
  const lines = text.slice(0, offset + shift).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

const r = (range: { start: Position; end: Position }) => `${range.start.line}:${range.start.character}-${range.end.character}`;

/** What a template's reads resolve to: values paths (at their last key), built-ins, unresolved reads. */
function reads(ctx: AssistContext): string[] {
  const scan = ctx.chart.scan(ctx.file)!;
  return [
    ...scan.values.filter((v) => v.segments?.[v.path.length - 1]).map((v) => `values ${v.path.join('.')}@${r(v.segments![v.path.length - 1]!)}`),
    ...scan.builtins.map((b) => `builtin ${b.path.join('.')}@${r(b.range)}`),
    ...(scan.unresolved ?? []).map((u) => `unresolved ${u.define} .${u.path.join('.')}@${r(u.range)}`),
  ].sort();
}

const H = 'templates/_helpers.tpl';
const CM = (body: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n${body}\n`;

const readCases: { name: string; files: Record<string, string>; file?: string; expected: string[] }[] = [
  {
    name: 'called with a .Values path: `.repository` is that path\'s key',
    files: { [H]: '{{- define "x.image" -}}\n{{ .repository }}:{{ .tag }}\n{{- end }}\n', 'templates/cm.yaml': CM('  a: {{ include "x.image" .Values.image }}') },
    expected: ['values image.repository@1:4-14', 'values image.tag@1:22-25'],
  },
  {
    name: 'template with a .Values path, as include',
    files: { [H]: '{{- define "x.image" -}}\n{{ .repository }}\n{{- end }}\n', 'templates/cm.yaml': CM('  a: {{ template "x.image" .Values.image }}') },
    expected: ['values image.repository@1:4-14'],
  },
  {
    name: 'a dict of $ and a .Values path: `.vals.x` and `.ctx.Values.a`, `.ctx.Chart.Name` a built-in, a literal\'s key not known',
    files: {
      [H]: '{{- define "x.env" -}}\n{{ .vals.x }} {{ .ctx.Values.a }} {{ .ctx.Chart.Name }} {{ .name.x }}\n{{- end }}\n',
      'templates/cm.yaml': CM('  a: {{ include "x.env" (dict "ctx" $ "vals" .Values.foo "name" "n") }}'),
    },
    expected: ['builtin Chart.Name@1:41-52', 'unresolved x.env .name.x@1:59-66', 'values a@1:29-30', 'values foo.x@1:9-10'],
  },
  {
    name: 'nested includes pass the context on (`.` and a key below it)',
    files: {
      [H]: '{{- define "x.outer" -}}\n{{ include "x.inner" . }}{{ include "x.tag" .tag }}\n{{- end }}\n{{- define "x.inner" -}}\n{{ .repository }}\n{{- end }}\n{{- define "x.tag" -}}\n{{ . }}{{ .deep }}\n{{- end }}\n',
      'templates/cm.yaml': CM('  a: {{ include "x.outer" .Values.image }}'),
    },
    expected: ['values image.repository@4:4-14', 'values image.tag.deep@7:11-15', 'values image.tag@1:45-48'],
  },
  {
    name: 'called from inside `with`: `.` is the with\'s value; `$` is still the root',
    files: {
      [H]: '{{- define "x.foo" -}}\n{{ .bar }}\n{{- end }}\n{{- define "x.root" -}}\n{{ .Values.a }}\n{{- end }}\n',
      'templates/cm.yaml': CM('  {{- with .Values.foo }}\n  a: {{ include "x.foo" . }}\n  b: {{ include "x.root" $ }}\n  {{- end }}'),
    },
    expected: ['values a@4:11-12', 'values foo.bar@1:4-7'],
  },
  {
    name: 'called from inside `range`: not known, its reads are left unresolved',
    files: {
      [H]: '{{- define "x.item" -}}\n{{ .name }} {{ .Values.a }} {{ $.Values.b.x }}\n{{- end }}\n',
      'templates/cm.yaml': CM('  {{- range .Values.list }}\n  a: {{ include "x.item" . }}\n  {{- end }}'),
    },
    expected: ['unresolved x.item .Values.a@1:15-24', 'unresolved x.item .Values.b.x@1:31-43', 'unresolved x.item .name@1:3-8'],
  },
  {
    name: 'callers that disagree: not known; one that agrees with itself is',
    files: {
      [H]: '{{- define "x.two" -}}\n{{ .x }}\n{{- end }}\n{{- define "x.same" -}}\n{{ .x }}\n{{- end }}\n',
      'templates/cm.yaml': CM('  a: {{ include "x.two" .Values.foo }}\n  b: {{ include "x.two" .Values.b }}\n  c: {{ include "x.same" .Values.b }}'),
      'templates/cm2.yaml': CM('  c: {{ include "x.same" .Values.b }}'),
    },
    expected: ['unresolved x.two .x@1:3-5', 'values b.x@4:4-5'],
  },
  {
    name: 'a define calling itself with another `.` is not known; mutual includes with one `.` are, and end',
    files: {
      [H]: '{{- define "x.tree" -}}\n{{ .name }}{{ include "x.tree" .children }}\n{{- end }}\n{{- define "x.ping" -}}\n{{ .tag }}{{ include "x.pong" . }}\n{{- end }}\n{{- define "x.pong" -}}\n{{ .repository }}{{ include "x.ping" . }}\n{{- end }}\n',
      'templates/cm.yaml': CM('  a: {{ include "x.tree" .Values.foo }}\n  b: {{ include "x.ping" .Values.image }}'),
    },
    expected: ['unresolved x.tree .children@1:31-40', 'unresolved x.tree .name@1:3-8', 'values image.repository@7:4-14', 'values image.tag@4:4-7'],
  },
  {
    name: 'a define nothing calls keeps the root assumption; a called one beside it does not',
    files: {
      [H]: '{{- define "x.unused" -}}\n{{ .Values.a }}\n{{- end }}\n{{- define "x.image" -}}\n{{ .Values.a }}{{ .tag }}\n{{- end }}\n',
      'templates/cm.yaml': CM('  a: {{ include "x.image" .Values.image }}'),
    },
    expected: ['values a@1:11-12', 'values image.Values.a@4:11-12', 'values image.tag@4:19-22'],
  },
  {
    name: 'a dict whose callers agree on one key only: that key is known',
    files: {
      [H]: '{{- define "x.render" -}}\n{{ .context.Values.a }} {{ .value.x }}\n{{- end }}\n',
      'templates/cm.yaml': CM('  a: {{ include "x.render" (dict "value" .Values.foo "context" $) }}\n  b: {{ include "x.render" (dict "value" .Values.b "context" $) }}'),
    },
    expected: ['unresolved x.render .value.x@1:27-35', 'values a@1:19-20'],
  },
  {
    name: 'a subchart\'s define called with its own .Values path is known; the parent\'s .Values path is not the subchart\'s',
    files: {
      'charts/sub/Chart.yaml': SUB,
      'charts/sub/values.yaml': 'image:\n  tag: "2"\n',
      'charts/sub/templates/_helpers.tpl': '{{- define "sub.image" -}}\n{{ .tag }}\n{{- end }}\n{{- define "sub.any" -}}\n{{ .tag }}\n{{- end }}\n',
      'charts/sub/templates/cm.yaml': CM('  a: {{ include "sub.image" .Values.image }}\n  b: {{ include "sub.any" .Values.image }}'),
      'templates/cm.yaml': CM('  a: {{ include "sub.any" .Values.image }}'),
    },
    file: 'charts/sub/templates/_helpers.tpl',
    expected: ['unresolved sub.any .tag@4:3-7', 'values image.tag@1:4-7'],
  },
];

for (const c of readCases)
  test(`define context: ${c.name}`, () => {
    const model = chart(c.files);
    assert.deepStrictEqual(reads(model.context(c.file ?? H)), c.expected);
  });

test('define context: the inference is bounded and ends on a dict passed to itself ever deeper', () => {
  const contexts = inferDefineContexts([
    { chart: '/c', site: { name: 'd', arg: { dict: new Map([['a', 'root' as const]]) } } },
    { chart: '/c', site: { name: 'd', arg: { dict: new Map([['a', { param: [] }]]) }, from: 'd' } },
  ]);
  assert.deepStrictEqual(contexts.get('d'), { dict: new Map([['a', 'unknown']]) });
});

// ---- hover, definition, references, completion -----------------------------------------------------

const HELPERS = [
  '{{- define "x.image" -}}', //          0
  '{{ .repository }}:{{ .tag }}', //      1
  '{{- end }}', //                        2
  '{{- define "x.item" -}}', //           3
  '{{ .repository }}', //                 4
  '{{- end }}', //                        5
  '{{- define "x.env" -}}', //            6
  '{{ .vals.bar }}', //                   7
  '{{- end }}', //                        8
  '',
].join('\n');
const TEMPLATE = CM('  a: {{ include "x.image" .Values.image }}\n  {{- range .Values.list }}\n  b: {{ include "x.item" . }}\n  {{- end }}\n  c: {{ include "x.env" (dict "ctx" $ "vals" .Values.foo) }}');

test('define context: hover, definition and references of a key read through a define\'s `.`', () => {
  const model = chart({ [H]: HELPERS, 'templates/cm.yaml': TEMPLATE });
  const helpers = model.context(H);
  const repository = at(HELPERS, 'repository', 1);
  assert.deepStrictEqual(targetAt(helpers, repository), { kind: 'values', path: ['image', 'repository'], range: { start: { line: 1, character: 4 }, end: { line: 1, character: 14 } } });
  const hover = hoverAt(helpers, repository)!;
  assert.equal(r(hover.range), '1:4-14');
  assert.match(hover.markdown, /nginx/, 'the value');
  const values = join(model.dir, 'values.yaml');
  assert.deepStrictEqual(definitionOf(helpers, repository).map((l) => `${l.file === values ? 'values.yaml' : l.file}@${r(l.range)}`), ['values.yaml@1:2-12']);
  const fromValues = { ...helpers, file: values };
  const refs = referencesOf(fromValues, { line: 1, character: 4 }, false).map((l) => `${l.file.slice(model.dir.length + 1)}@${r(l.range)}`);
  assert.deepStrictEqual(refs, ['templates/_helpers.tpl@1:4-14']);
  // Through a dict key.
  assert.deepStrictEqual(targetAt(helpers, at(HELPERS, '.vals.bar', 7)), { kind: 'values', path: ['foo', 'bar'], range: { start: { line: 7, character: 9 }, end: { line: 7, character: 12 } } });
  // Called from `range`: the read is not known, and hover says so (no values target).
  const unknown = at(HELPERS, 'repository', 1, 1);
  assert.deepStrictEqual(targetAt(helpers, unknown), { kind: 'unresolved', define: 'x.item', path: ['repository'], range: { start: { line: 4, character: 3 }, end: { line: 4, character: 14 } } });
  assert.equal(r(hoverAt(helpers, unknown)!.range), '4:3-14');
  assert.deepStrictEqual(definitionOf(helpers, unknown), []);
  // The define's name tells what its callers pass.
  assert.match(hoverAt(helpers, at(HELPERS, 'x.image', 1))!.markdown, /`\.Values\.image`/);
  assert.match(hoverAt(helpers, at(HELPERS, 'x.env', 1))!.markdown, /`dict\(ctx: root, vals: \.Values\.foo\)`/);
});

/** The text of `text` up to `position`, as completion is given it. */
const upTo = (text: string, position: Position) => [...text.split('\n').slice(0, position.line), text.split('\n')[position.line].slice(0, position.character)].join('\n');

const completionCases: { name: string; position: Position; expected: string[] }[] = [
  { name: 'the keys below the .Values path the callers pass', position: { line: 1, character: 4 }, expected: ['repository', 'tag'] },
  { name: 'the same, after another read on the line', position: { line: 1, character: 22 }, expected: ['repository', 'tag'] },
  { name: 'a dict\'s keys, and the keys below one of them', position: { line: 7, character: 9 }, expected: ['bar', 'x'] },
  { name: 'nothing where the define\'s `.` is not known', position: { line: 4, character: 4 }, expected: [] },
];

for (const c of completionCases)
  test(`define context completion: ${c.name}`, () => {
    const model = chart({ [H]: HELPERS, 'templates/cm.yaml': TEMPLATE });
    const entries = templateCompletions(model.context(H), upTo(HELPERS, c.position), true, ['include'])!;
    assert.deepStrictEqual(entries.map((e) => e.label).sort(), c.expected);
  });

test('define context completion: a dict\'s own keys after its `.`', () => {
  const model = chart({ [H]: HELPERS, 'templates/cm.yaml': TEMPLATE });
  assert.deepStrictEqual(templateCompletions(model.context(H), upTo(HELPERS, { line: 7, character: 4 }), true, ['include'])!.map((e) => `${e.kind} ${e.label}`).sort(), ['field ctx', 'field vals']);
});

// ---- the undefined-values lint ---------------------------------------------------------------------

const lintCases: { name: string; files: Record<string, string>; expected: string[] }[] = [
  {
    name: 'a typo below the .Values path the callers pass is reported on it',
    files: { [H]: '{{- define "x.image" -}}\n{{ .repositry }}:{{ .tag }}\n{{- end }}\n', 'templates/cm.yaml': CM('  a: {{ include "x.image" .Values.image }}'), 'values.yaml': 'image:\n  repository: nginx\n  tag: "1"\n' },
    expected: ['templates/_helpers.tpl helm-values-undefined@1:4-13'],
  },
  {
    name: 'not where the callers disagree or pass what cannot be followed; the root assumption stays for an uncalled define',
    files: {
      [H]: '{{- define "x.ranged" -}}\n{{ .Values.image.tga }}\n{{- end }}\n{{- define "x.two" -}}\n{{ .tga }}{{ .Values.image.tga }}\n{{- end }}\n{{- define "x.unused" -}}\n{{ .Values.image.tga }}\n{{- end }}\n',
      'templates/cm.yaml': CM('  {{- range .Values.list }}\n  a: {{ include "x.ranged" . }}\n  {{- end }}\n  b: {{ include "x.two" .Values.image }}\n  c: {{ include "x.two" . }}'),
      'values.yaml': 'image:\n  tag: "1"\nlist: []\n',
    },
    expected: ['templates/_helpers.tpl helm-values-undefined@7:17-20'],
  },
  {
    name: 'a values key read only by a define whose `.` is not known is not called unused; one read nowhere is',
    files: {
      [H]: '{{- define "x.ranged" -}}\n{{ .Values.onlyHere }}{{ .ctx.Values.viaCtx }}{{ .Values.image.tga }}\n{{- end }}\n',
      'templates/cm.yaml': CM('  {{- range .Values.list }}\n  a: {{ include "x.ranged" . }}\n  {{- end }}'),
      'values.yaml': 'image:\n  tag: "1"\nlist: []\nonlyHere: 1\nviaCtx: 2\nnowhere: 3\n',
    },
    expected: ['values.yaml helm-values-unused@1:2-5', 'values.yaml helm-values-unused@5:0-7'],
  },
];

for (const c of lintCases)
  test(`define context lint: ${c.name}`, () => {
    const model = chart(c.files);
    const ctx = model.context(H);
    const values = join(model.dir, 'values.yaml');
    const found = [
      ...lintTemplate(ctx.chart, ctx.file).map((d) => `${H} ${d.rule}@${r(d.range)}`),
      ...lintValues(ctx.chart, values, readFileSync(values, 'utf8')).map((d) => `values.yaml ${d.rule}@${r(d.range)}`),
    ];
    assert.deepStrictEqual(found.sort(), c.expected);
  });

test('define context completion through the Project: the define at the cursor, when two share the line\'s text', () => {
  const helpers = '{{- define "x.image" -}}\n{{ . }}\n{{- end }}\n{{- define "x.foo" -}}\n{{ . }}\n{{- end }}\n';
  const model = chart({ [H]: helpers, 'templates/cm.yaml': CM('  a: {{ include "x.image" .Values.image }}\n  b: {{ include "x.foo" .Values.foo }}') });
  const project = new Project({ roots: [model.dir] });
  project.scan();
  const key = join(model.dir, H);
  const labels = (line: number) => project.completions(key, { line, character: 4 }).map((c) => c.label).sort();
  assert.deepStrictEqual(labels(1), ['repository', 'tag']);
  assert.deepStrictEqual(labels(4), ['bar', 'x']);
});

test('semantic tokens: a read in a define whose `.` is not known is still a property (a known one is readonly)', () => {
  const helpers = '{{- define "x.two" -}}\n{{ .repository }}\n{{- end }}\n{{- define "x.image" -}}\n{{ .repository }}\n{{- end }}\n';
  const model = chart({ [H]: helpers, 'templates/cm.yaml': CM('  a: {{ include "x.two" .Values.image }}\n  b: {{ include "x.two" . }}\n  c: {{ include "x.image" .Values.image }}') });
  const context = model.context(H);
  const tokens = semanticTokens(context.chart, join(model.dir, H), helpers).filter((t) => t.type === 'property');
  assert.deepStrictEqual(tokens.map((t) => `${t.line}:${t.character}+${t.length} ${t.modifiers.join(',')}`), ['1:4+10 ', '4:4+10 readonly']);
});
