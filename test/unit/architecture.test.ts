/** src/core must never import `vscode`: the CLI and the tests run it without VS Code. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './shared-data';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('no module under src/core imports vscode', () => {
  const offenders = sources(join(REPO_ROOT, 'src/core')).filter((file) =>
    /(?:from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\))/.test(readFileSync(file, 'utf8')),
  );
  assert.deepEqual(offenders, []);
});

test('the built core bundle does not require vscode', { skip: !safeExists(join(REPO_ROOT, 'dist/core.js')) && 'dist/core.js not built' }, () => {
  assert.doesNotMatch(readFileSync(join(REPO_ROOT, 'dist/core.js'), 'utf8'), /require\(["']vscode["']\)/);
});

function safeExists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

test('the built shipshape/core exports every capability for programmatic use', { skip: !safeExists(join(REPO_ROOT, 'dist/core.js')) && 'dist/core.js not built' }, () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const core = require(join(REPO_ROOT, 'dist/core.js')) as Record<string, unknown>;
  for (const name of ['lintDockerfile', 'validateYamlFile', 'KubernetesWorkspace', 'checkComposeFile', 'renderChart', 'executeTemplate']) {
    assert.equal(typeof core[name], 'function', `shipshape/core lacks ${name}`);
  }
  const executeTemplate = core.executeTemplate as (text: string, data: unknown, options: object) => string;
  assert.equal(executeTemplate('{{ .name | upper }}', { name: 'web' }, { functions: 'helm' }), 'WEB');
});
