import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateYamlFile } from '../../../src/core/schemas';
import { parseYamlFile } from '../../../src/core/yaml/parse';
import { REPO_ROOT, sharedPath } from '../shared-data';
import { testSchemaDir } from './schema-dir';

const kopsCrds = sharedPath('schemas/kops/crds');
const documented = Object.keys(
  (JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/conformance-disagreements.json'), 'utf8')) as { kops: Record<string, string> }).kops,
);

function check(text: string, options: Record<string, unknown> = {}) {
  return validateYamlFile(text, 'cr.yaml', { schemaDir: testSchemaDir(), kind: 'kubernetes', ...options });
}

test('kops cluster specs validate against the kops CRDs (only documented disagreements)', () => {
  const files = readdirSync(sharedPath('corpus/kops'));
  assert.ok(files.length >= 5);
  for (const name of files) {
    const text = readFileSync(sharedPath('corpus/kops', name), 'utf8');
    const found = check(text, { crdDirs: [kopsCrds] }).map((d) => `${name}#/${pathOfUnknown(d.message)}`);
    assert.deepEqual(found, documented.filter((k) => k.startsWith(`${name}#`)), name);
  }
});

/** "Unknown field "x" in `spec`" → "spec/x", to match the documented list. */
function pathOfUnknown(message: string): string {
  const m = /Unknown field "([^"]+)" in `([^`]+)`/.exec(message);
  return m ? `${m[2].replace(/\./g, '/')}/${m[1]}` : message;
}

test('a typo in a kops spec is caught, on the key, with a suggestion', () => {
  const original = readFileSync(sharedPath('corpus/kops/ha.in-v1alpha2.yaml'), 'utf8');
  const text = original.replace('kubernetesVersion:', 'kubernetesVersoin:');
  const [d] = check(text, { crdDirs: [kopsCrds] });
  assert.match(d.message, /Unknown field "kubernetesVersoin"; did you mean "kubernetesVersion"\? \(in `spec`\)/);
  const line = text.split('\n')[d.range.start.line];
  assert.equal(line.slice(d.range.start.character, d.range.end.character), 'kubernetesVersoin');
});

const crd = (schema: string, group = 'example.com') => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.${group}}
spec:
  group: ${group}
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
${schema.replace(/^/gm, '        ')}
`;

const widgetSchema = `type: object
properties:
  spec:
    type: object
    required: [size]
    properties:
      size: {type: integer, minimum: 1}
      port: {x-kubernetes-int-or-string: true}
      note: {type: string, nullable: true}
      extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
      mode: {type: string, enum: [fast, slow]}`;

test('structural-schema semantics of CRDs, from the same file or from extraCrds', () => {
  const cr = (spec: string) => `---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n${spec}`;
  const cases: { spec: string; expect: RegExp[] }[] = [
    { spec: '  size: 2\n  port: http\n  note: null\n  extra: {anything: [1, 2]}\n  mode: fast\n', expect: [] },
    { spec: '  size: 0\n', expect: [/must be >= 1/] },
    { spec: '  size: 1\n  colour: red\n', expect: [/Unknown field "colour"/] },
    { spec: '  port: 8080\n', expect: [/Missing required field "size"/] },
    { spec: '  size: 1\n  mode: medium\n', expect: [/"medium" is not allowed .*"fast", "slow"/] },
  ];
  const crdText = crd(widgetSchema);
  for (const c of cases) {
    const sameFile = check(crdText + cr(c.spec)).map((d) => d.message);
    const extra = check(cr(c.spec), { extraCrds: [parseYamlFile(crdText)] }).map((d) => d.message);
    for (const messages of [sameFile, extra]) {
      assert.equal(messages.length, c.expect.length, `${c.spec}: ${messages.join(' | ')}`);
      c.expect.forEach((re, i) => assert.match(messages[i], re));
    }
  }
});

test('a CRD with a broken schema gives a clear diagnostic, not a crash', () => {
  const text = crd('type: object\nproperties:\n  spec: {type: banana}') + '---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {}\n';
  const [d] = check(text);
  assert.match(d.message, /CustomResourceDefinition of Widget .* cannot be used/);
});

test('a pattern that would backtrack catastrophically runs in linear time (RE2) and reports the mismatch', () => {
  const text =
    crd("type: object\nproperties:\n  spec:\n    type: object\n    properties:\n      name: {type: string, pattern: '^(a+)+$'}") +
    `---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  name: ${'a'.repeat(40)}!\n`;
  const started = Date.now();
  const diagnostics = check(text);
  assert.ok(Date.now() - started < 10_000, 'bounded time');
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].severity, 'error');
  assert.match(diagnostics[0].message, /pattern/);
});

test('kubeconform-style JSON Schema files in a CRD folder are used', () => {
  const text = readFileSync(sharedPath('corpus/k8s/kubeconform/grafana-alert-rule-group-sample.yaml'), 'utf8');
  assert.equal(check(text)[0]?.rule, 'k8s-schema-unknown-kind');
  assert.deepEqual(check(text, { crdDirs: [sharedPath('corpus/k8s/kubeconform')] }), []);
});
