/**
 * Snippets teach by example, so each one, with its default placeholder values, must pass our own
 * checks: Dockerfile snippets lint without warnings, YAML snippets parse (and, where the YAML checks
 * are available, validate).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { lintDockerfile } from '../../src/core/dockerfile';
import { REPO_ROOT } from './shared-data';

type Snippets = Record<string, { prefix: string[]; body: string[]; description: string }>;

/** Expands `${1:default}` to `default` and `$1` to nothing, unescaping `\$`, like VS Code does. */
export function expandSnippet(body: string[]): string {
  let text = body.join('\n');
  for (let guard = 0; guard < 5 && /\$\{\d+:[^{}]*\}/.test(text); guard++) text = text.replace(/\$\{\d+:([^{}]*)\}/g, '$1');
  return text.replace(/\$\{?\d+\}?/g, '').replace(/\\([$}\\])/g, '$1');
}

function load(name: string): Snippets {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'snippets', name), 'utf8')) as Snippets;
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));

test('every snippet file is contributed in package.json', () => {
  const paths = manifest.contributes.snippets.map((s: { path: string }) => s.path);
  assert.deepEqual(paths.sort(), ['./snippets/compose.json', './snippets/dockerfile.json', './snippets/kubernetes.json']);
});

test('snippet prefixes are unique', () => {
  const prefixes = ['dockerfile.json', 'compose.json', 'kubernetes.json'].flatMap((f) => Object.values(load(f)).flatMap((s) => s.prefix));
  assert.equal(new Set(prefixes).size, prefixes.length);
});

for (const [name, snippet] of Object.entries(load('dockerfile.json'))) {
  test(`Dockerfile snippet "${name}" follows our own rules`, () => {
    let text = expandSnippet(snippet.body);
    // Fragments are checked inside a minimal complete Dockerfile.
    if (!/^FROM /m.test(text)) text = `FROM debian:12-slim\n${text}\n${/^USER /m.test(text) ? '' : 'USER nobody\n'}${/^CMD /m.test(text) ? '' : 'CMD ["app"]\n'}`;
    const findings = lintDockerfile(text).filter((d) => d.severity === 'error' || d.severity === 'warning');
    assert.deepEqual(findings.map((d) => `${d.rule}@${d.range.start.line + 1}: ${d.message}`), [], text);
  });
}

for (const file of ['compose.json', 'kubernetes.json']) {
  for (const [name, snippet] of Object.entries(load(file))) {
    test(`YAML snippet "${name}" parses`, () => {
      const docs = parseAllDocuments(expandSnippet(snippet.body));
      for (const doc of docs) assert.deepEqual(doc.errors.map((e) => e.message), []);
    });
  }
}
