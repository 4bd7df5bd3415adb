import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sortManifests, splitManifests, ManifestYamlError } from '../../../src/core/helm/sort';
import { assembleOutput, ShowOnlyError } from '../../../src/core/helm/output';
import { goPathMatch } from '../../../src/core/helm/path-match';

const doc = (kind: string, name: string, extra = ''): string => `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n${extra}`;
const hook = (kind: string, name: string, event: string): string => doc(kind, name, `  annotations:\n    "helm.sh/hook": ${event}\n`);

test('documents are ordered by kind (InstallOrder), unknown kinds last and alphabetical, ties keep file order', () => {
  const files = new Map([
    ['c/templates/b.yaml', `${doc('Deployment', 'd1')}---\n${doc('Zeta', 'z')}---\n${doc('Alpha', 'a')}`],
    ['c/templates/a.yaml', `${doc('Service', 's1')}---\n${doc('Namespace', 'ns')}---\n${doc('Service', 's2')}`],
    ['c/templates/_helpers.tpl', doc('Namespace', 'partial')],
    ['c/templates/empty.yaml', '  \n\n'],
  ]);
  const { manifests } = sortManifests(files, false);
  assert.deepEqual(
    manifests.map((m) => m.name),
    ['ns', 's1', 's2', 'd1', 'a', 'z'],
  );
});

test('hooks are separated; unknown hook types are dropped; --skip-tests drops test hooks', () => {
  const files = new Map([
    ['c/templates/x.yaml', `${doc('ConfigMap', 'plain')}---\n${hook('Pod', 'tester', 'test')}---\n${hook('Job', 'migrate', 'pre-install, post-upgrade')}---\n${hook('Job', 'weird', 'pre-install,nonsense')}`],
  ]);
  const { manifests, hooks } = sortManifests(files, false);
  assert.deepEqual(manifests.map((m) => m.name), ['plain']);
  assert.deepEqual(hooks.map((h) => h.name), ['tester', 'migrate']);
  const out = assembleOutput(manifests, hooks, { trimDocuments: false, skipTests: true });
  assert.ok(out.includes('name: migrate'));
  assert.ok(!out.includes('name: tester'));
});

test('Helm 4 keeps a blank line between documents, Helm 3 trims every document', () => {
  const files = new Map([
    ['c/templates/a.yaml', `${doc('ConfigMap', 'one')}\n---\n${doc('ConfigMap', 'two')}\n`],
  ]);
  const v4 = sortManifests(files, false);
  const v3 = sortManifests(files, true);
  assert.equal(
    assembleOutput(v4.manifests, v4.hooks, { trimDocuments: false }),
    `---\n# Source: c/templates/a.yaml\n${doc('ConfigMap', 'one')}\n\n---\n# Source: c/templates/a.yaml\n${doc('ConfigMap', 'two')}`,
  );
  assert.equal(
    assembleOutput(v3.manifests, v3.hooks, { trimDocuments: true }),
    `---\n# Source: c/templates/a.yaml\n${doc('ConfigMap', 'one')}---\n# Source: c/templates/a.yaml\n${doc('ConfigMap', 'two')}`,
  );
});

test('splitting tolerates `---` with trailing spaces and glued documents', () => {
  assert.equal(splitManifests('a: 1\n---   \nb: 2\n', false).length, 2);
  assert.equal(splitManifests('a: 1\n---\n---\nb: 2', true).length, 2);
});

test('invalid YAML in a rendered document fails with the file name', () => {
  const files = new Map([['c/templates/bad.yaml', 'kind: Pod\nmetadata:\n  name: [unclosed\n']]);
  assert.throws(() => sortManifests(files, false), (e: Error) => e instanceof ManifestYamlError && e.message.startsWith('YAML parse error on c/templates/bad.yaml:'));
});

test('--show-only keeps matching templates in flag order and fails on a glob that matches nothing', () => {
  const files = new Map([
    ['c/templates/svc.yaml', doc('Service', 's')],
    ['c/templates/sub/role.yaml', doc('Role', 'r')],
    ['c/charts/dep/templates/svc.yaml', doc('Service', 'dep')],
  ]);
  const { manifests, hooks } = sortManifests(files, true);
  const out = assembleOutput(manifests, hooks, { trimDocuments: true, showOnly: ['templates/sub/*', 'charts/dep/templates/svc.yaml'] });
  assert.equal(out, `---\n# Source: c/templates/sub/role.yaml\n${doc('Role', 'r').trim()}\n---\n# Source: c/charts/dep/templates/svc.yaml\n${doc('Service', 'dep').trim()}\n`);
  assert.throws(() => assembleOutput(manifests, hooks, { trimDocuments: true, showOnly: ['templates/nope.yaml'] }), ShowOnlyError);
});

test('Go filepath.Match semantics for globs', () => {
  const cases: [string, string, boolean][] = [
    ['templates/*', 'templates/a.yaml', true],
    ['templates/*', 'templates/sub/a.yaml', false],
    ['templates/?.yaml', 'templates/a.yaml', true],
    ['templates/[a-c].yaml', 'templates/b.yaml', true],
    ['templates/[^a-c].yaml', 'templates/b.yaml', false],
    ['templates/\\*.yaml', 'templates/*.yaml', true],
  ];
  for (const [pattern, path, expected] of cases) assert.equal(goPathMatch(pattern, path), expected, `${pattern} ${path}`);
  assert.throws(() => goPathMatch('templates/[a-', 'x'));
});

test('a document with a control character or bytes that are not UTF-8 fails as go-yaml reads it', () => {
  const cases: Array<[string, string]> = [
    ['kind: ConfigMap\na: "x\u0001y"\n', 'control characters are not allowed'],
    ['kind: ConfigMap\n# \udcff\n', 'invalid leading UTF-8 octet'],
    ['kind: ConfigMap\n# \udcc3(\n', 'invalid trailing UTF-8 octet'],
    ['kind: ConfigMap\n# \udcc3', 'incomplete UTF-8 octet sequence'],
    ['kind: ConfigMap\n# \udcc0\udcaf\n', 'invalid length of a UTF-8 sequence'],
    ['kind: ConfigMap\n# \udced\udca0\udc80\n', 'invalid Unicode character'],
  ];
  for (const [doc, problem] of cases) {
    assert.throws(() => sortManifests(new Map([['c/templates/a.yaml', doc]]), true), { message: `YAML parse error on c/templates/a.yaml: error converting YAML to JSON: yaml: ${problem}` }, problem);
  }
  assert.doesNotThrow(() => sortManifests(new Map([['c/templates/a.yaml', 'kind: ConfigMap\na: "\ufeff\u0085 tab\t ok \u{1f600}"\n']]), true));
});
