/**
 * Completion after `.` knows what `.` holds at the cursor (helm/authoring/cursor-scope.ts): inside
 * `with .Values.x` the keys below it, nested and relative `with`s, `$` as the root, an `else` or `end`
 * going back out, inside `range` over a values list its items' keys, a `with` inside a define called with a values path, and
 * while the action at the cursor is still unclosed (the file does not parse). Through the Project, as
 * the language server asks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Project } from '../../../src/core/project';

const VALUES = 'image:\n  repository: nginx\n  tag: "1.27"\n  pull:\n    policy: Always\n    secrets: []\nlist:\n  - a: 1\nhosts:\n  - host: a.example.com\n    paths: [/]\n  - host: b.example.com\n    tls: true\n  - plain\n';
const OBJECTS = ['Capabilities', 'Chart', 'Files', 'Release', 'Subcharts', 'Template', 'Values'];

const cases: { name: string; template: string; helpers?: string; expected: string[] }[] = [
  { name: 'inside with: the keys below its values path', template: '{{- with .Values.image }}\na: {{ .| }}\n{{- end }}\n', expected: ['pull', 'repository', 'tag'] },
  { name: 'a with relative to another, and a key chain after the dot', template: '{{ with .Values.image }}{{ with .pull }}{{ .| }}{{ end }}{{ .pull.| }}{{ end }}\n', expected: ['policy', 'secrets'] },
  { name: 'a with that declares a variable', template: '{{ with $img := .Values.image }}{{ .| }}{{ end }}\n', expected: ['pull', 'repository', 'tag'] },
  { name: '$ is the root inside with', template: '{{ with .Values.image }}{{ $.| }}{{ end }}\n', expected: OBJECTS },
  { name: "with's else branch has the outer dot", template: '{{ with .Values.image }}x{{ else }}{{ .| }}{{ end }}\n', expected: OBJECTS },
  { name: 'after end, the root again', template: '{{ with .Values.image }}{{ end }}{{ .| }}\n', expected: OBJECTS },
  { name: 'inside range over a values list: the keys of its items', template: '{{ range .Values.hosts }}{{ .| }}{{ end }}\n', expected: ['host', 'paths', 'tls'] },
  { name: 'inside range with variables, and below an item key nothing is guessed', template: '{{ range $i, $h := .Values.hosts }}{{ .| }}{{ .paths.x }}{{ end }}\n', expected: ['host', 'paths', 'tls'] },
  { name: 'below an item key: not known', template: '{{ range .Values.hosts }}{{ .paths.| }}{{ end }}\n', expected: [] },
  { name: 'inside range over what is not a values path: nothing offered', template: '{{ range until 3 }}{{ .| }}{{ end }}\n', expected: [] },
  { name: 'inside if: unchanged', template: '{{ with .Values.image }}{{ if .tag }}{{ .| }}{{ end }}{{ end }}\n', expected: ['pull', 'repository', 'tag'] },
  {
    name: "a with inside a define called with a values path",
    template: '{{ include "x.img" .Values.image }}\n',
    helpers: '{{- define "x.img" -}}\n{{ with .pull }}{{ .| }}{{ end }}\n{{- end }}\n',
    expected: ['policy', 'secrets'],
  },
  { name: 'while the action at the cursor is unclosed', template: '{{- with .Values.image }}\na: {{ .|\n{{- end }}\n', expected: ['pull', 'repository', 'tag'] },
];

for (const c of cases) {
  test(`completion scope: ${c.name}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-completion-scope-'));
    const inHelpers = c.helpers !== undefined;
    const files: Record<string, string> = {
      'Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\n',
      'values.yaml': VALUES,
      'templates/cm.yaml': (inHelpers ? c.template : c.template.replace('|', '')),
      ...(inHelpers ? { 'templates/_helpers.tpl': c.helpers!.replace('|', '') } : {}),
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const marked = inHelpers ? c.helpers! : c.template;
    const at = marked.indexOf('|');
    const lines = marked.slice(0, at).split('\n');
    const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
    const project = new Project({ roots: [dir] });
    project.scan();
    const key = join(dir, inHelpers ? 'templates/_helpers.tpl' : 'templates/cm.yaml');
    const labels = project.completions(key, position).map((e) => e.label).sort();
    assert.deepStrictEqual(labels, c.expected);
  });
}
