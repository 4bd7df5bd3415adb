/**
 * Snippets teach by example, so each one, with its default placeholder values, must pass our own
 * checks: Dockerfile snippets lint without warnings; Kubernetes and Compose snippets validate (schemas
 * and the checks across files) with no error or warning; chart snippets render into a chart that does.
 * One file per file kind (`snippets/<kind>.json`, the kinds of src/core/project/kinds.ts), one prefix
 * scheme, and tab stops in reading order ending at `$0`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintDockerfile } from '../../src/core/dockerfile';
import type { FileKind } from '../../src/core/project/kinds';
import { main } from '../../src/cli/main';
import { REPO_ROOT } from './shared-data';

type Snippets = Record<string, { prefix: string[]; body: string[]; description: string }>;

/** Expands `${1:default}` to `default` and `$1` to nothing, unescaping `\$`, like VS Code does. */
export function expandSnippet(body: string[]): string {
  let text = body.join('\n');
  for (let guard = 0; guard < 5 && /\$\{\d+:[^{}]*\}/.test(text); guard++) text = text.replace(/\$\{\d+:([^{}]*)\}/g, '$1');
  return text.replace(/\$\{?\d+\}?/g, '').replace(/\\([$}\\])/g, '$1');
}

const KINDS: FileKind[] = ['dockerfile', 'kubernetes', 'compose', 'helm-template', 'chart'];
const files = readdirSync(join(REPO_ROOT, 'snippets')).filter((f) => f.endsWith('.json'));
const load = (name: string): Snippets => JSON.parse(readFileSync(join(REPO_ROOT, 'snippets', name), 'utf8')) as Snippets;
const all = files.flatMap((f) => Object.entries(load(f)).map(([name, snippet]) => ({ file: f, name, ...snippet })));
const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));

test('one snippet file per file kind, and package.json contributes only those', () => {
  assert.deepEqual(files.map((f) => f.replace(/\.json$/, '')).sort(), [...KINDS].sort());
  for (const { path } of manifest.contributes.snippets as { path: string }[]) assert.ok(files.includes(path.replace(/^\.\/snippets\//, '')), path);
});

// VS Code gives compose.yaml, docker-compose.yml and the like the language `dockercompose` (its built-in
// YAML extension), so compose snippets go there and Kubernetes ones stay out of compose files. Chart
// templates have the `helm` language: their own snippets and the Kubernetes objects they usually are.
test('snippets are contributed to the language of their file kind', () => {
  const pairs = (manifest.contributes.snippets as { language: string; path: string }[]).map((s) => `${s.language} ${s.path}`).sort();
  assert.deepEqual(pairs, [
    'dockercompose ./snippets/compose.json',
    'dockerfile ./snippets/dockerfile.json',
    'helm ./snippets/helm-template.json',
    'helm ./snippets/kubernetes.json',
    'yaml ./snippets/chart.json',
    'yaml ./snippets/kubernetes.json',
  ]);
});

// Word-based suggestions otherwise outrank a snippet: `deploy` + Enter inserted the document's word
// "Deployment" instead of ss-deployment.
test('snippets are listed above words in every language they are contributed to', () => {
  for (const { language } of manifest.contributes.snippets as { language: string }[]) {
    assert.equal(manifest.contributes.configurationDefaults?.[`[${language}]`]?.['editor.snippetSuggestions'], 'top', language);
  }
});

test('one prefix scheme, ss-<words>, and no prefix twice', () => {
  const prefixes = all.flatMap((s) => s.prefix);
  for (const prefix of prefixes) assert.match(prefix, /^ss-[a-z0-9]+(-[a-z0-9]+)*$/);
  assert.equal(new Set(prefixes).size, prefixes.length);
});

/** Tab stop numbers in the order they first appear (escaped `\$` skipped). */
function tabStopOrder(body: string[]): number[] {
  const order: number[] = [];
  for (const m of body.join('\n').matchAll(/(?<!\\)\$(?:\{(\d+)[:}]|(\d+))/g)) {
    const n = Number(m[1] ?? m[2]);
    if (!order.includes(n)) order.push(n);
  }
  return order;
}

for (const s of all) {
  test(`snippet "${s.name}": tab stops in reading order, ending at $0`, () => {
    const order = tabStopOrder(s.body);
    assert.deepEqual(order, [...order.slice(0, -1).map((_, i) => i + 1), 0]);
    assert.match(s.body.join('\n'), /\$0\s*$/, 'the final cursor position is the end of the snippet');
  });
}

for (const s of all.filter((x) => x.file === 'dockerfile.json')) {
  test(`Dockerfile snippet "${s.name}" follows our own rules`, () => {
    let text = expandSnippet(s.body);
    // Fragments are checked inside a minimal complete Dockerfile.
    if (!/^FROM /m.test(text)) text = `FROM debian:12-slim\n${text}\n${/^USER /m.test(text) ? '' : 'USER nobody\n'}${/^CMD /m.test(text) ? '' : 'CMD ["app"]\n'}`;
    const findings = lintDockerfile(text).filter((d) => d.severity === 'error' || d.severity === 'warning');
    assert.deepEqual(findings.map((d) => `${d.rule}@${d.range.start.line + 1}: ${d.message}`), [], text);
  });
}

function check(tree: Record<string, string>, paths = ['.']): { findings: string[]; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-snippets-'));
  for (const [name, text] of Object.entries(tree)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  let out = '';
  const cwd = process.cwd();
  process.chdir(root);
  try {
    main(['check', ...paths, '--format', 'json'], { out: (x) => (out += x), err: (x) => (out += x) });
  } finally {
    process.chdir(cwd);
  }
  const findings = (JSON.parse(out) as { file: string; line: number; rule: string; severity: string; message: string }[])
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.file}:${f.line} ${f.rule}: ${f.message}`);
  return { findings, root };
}

const slug = (name: string) => name.replace(/\W+/g, '-').toLowerCase();
const indent = (text: string, by: string) => text.split('\n').map((l) => (l ? by + l : l)).join('\n');

test('Kubernetes snippets validate, together as a user would write them', () => {
  const tree = Object.fromEntries(Object.entries(load('kubernetes.json')).map(([name, s]) => [`${slug(name)}.yaml`, expandSnippet(s.body) + '\n']));
  assert.deepEqual(check(tree).findings, []);
});

for (const [name, s] of Object.entries(load('compose.json'))) {
  test(`Compose snippet "${name}" validates`, () => {
    let text = expandSnippet(s.body) + '\n';
    // Fragments go where they are written: a service under services:, a healthcheck in a service.
    if (s.body[0].startsWith('healthcheck:')) text = `services:\n  app:\n    image: registry.example.com/app:1.0.0\n${indent(text, '    ')}`;
    else if (!/^services:/m.test(text)) text = `services:\n${indent(text, '  ')}networks:\n  backend: {}\n`;
    assert.deepEqual(check({ 'compose.yaml': text }).findings, [], text);
  });
}

test('chart snippets render into a chart whose output validates', () => {
  const tree: Record<string, string> = {
    'chart/Chart.yaml': expandSnippet(load('chart.json')['Helm Chart.yaml'].body) + '\n',
    // The values the template snippets' descriptions name.
    'chart/values.yaml': 'replicaCount: 2\nimage:\n  repository: registry.example.com/app\n  tag: "1.0.0"\nservice:\n  port: 8080\nresources:\n  requests: {cpu: 100m, memory: 128Mi}\n  limits: {memory: 256Mi}\n',
  };
  for (const [name, s] of Object.entries(load('helm-template.json'))) tree[`chart/templates/${slug(name)}.yaml`] = expandSnippet(s.body) + '\n';
  const { findings, root } = check(tree, ['chart']);
  assert.deepEqual(findings, []);
  let rendered = '';
  assert.equal(main(['render', 'rel', join(root, 'chart')], { out: (x) => (rendered += x), err: (x) => (rendered += x) }), 0, rendered);
  assert.deepEqual([...rendered.matchAll(/^kind: (\w+)$/gm)].map((m) => m[1]).sort(), ['Deployment', 'Service']);
});
