/** Quick fixes of schema findings: each case applies the first fix and compares the text produced. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateYamlFile } from '../../../src/core/schemas';
import { applyEdits, at, show } from '../k8s/helpers';
import { testSchemaDir } from './schema-dir';

const deployment = (spec: string, podSpec = '      containers: [{name: a, image: nginx:1}]\n') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n${spec}  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n${podSpec}`;

const cases: { name: string; file?: string; text: string; at: string; fixed?: string }[] = [
  { name: 'integer written as a string', text: deployment('  replicas: "2"\n'), at: 'replicas: |"2"', fixed: deployment('  replicas: 2\n') },
  { name: 'single-quoted integer', text: deployment("  revisionHistoryLimit: '10'\n"), at: "revisionHistoryLimit: |'10'", fixed: deployment('  revisionHistoryLimit: 10\n') },
  {
    name: 'boolean written as a string',
    text: deployment('', '      hostNetwork: "true"\n      containers: [{name: a, image: nginx:1}]\n'),
    at: 'hostNetwork: |"true"',
    fixed: deployment('', '      hostNetwork: true\n      containers: [{name: a, image: nginx:1}]\n'),
  },
  { name: 'a string that spells no integer: reported, no fix', text: deployment('  replicas: "two"\n'), at: 'replicas: |"two"' },
  { name: 'a decimal for an integer: reported, no fix', text: deployment('  replicas: "2.5"\n'), at: 'replicas: |"2.5"' },
  { name: "typo'd key: the did-you-mean applied", text: deployment('  replica: 2\n'), at: '|replica', fixed: deployment('  replicas: 2\n') },
  {
    name: "typo'd key of a required field inside a list item",
    text: deployment('', '      containers:\n      - name: a\n        imgae: nginx:1\n'),
    at: '|imgae',
    fixed: deployment('', '      containers:\n      - name: a\n        image: nginx:1\n'),
  },
  {
    name: "compose: typo'd service key",
    file: 'compose.yaml',
    text: 'services:\n  web:\n    image: nginx:1\n    enviroment: {A: "1"}\n',
    at: '|enviroment',
    fixed: 'services:\n  web:\n    image: nginx:1\n    environment: {A: "1"}\n',
  },
];

for (const c of cases) {
  test(`schema fix: ${c.name}`, () => {
    const check = (text: string) => validateYamlFile(text, c.file ?? 'd.yaml', { schemaDir: testSchemaDir() });
    const found = check(c.text);
    assert.deepEqual(found.map((d) => [d.rule.replace(/^compose-schema$/, 'k8s-schema'), show(d.range)]), [['k8s-schema', at(c.text, c.at)]], found.map((d) => d.message).join(' | '));
    const fixes = found[0].fixes ?? [];
    if (!c.fixed) return assert.deepEqual(fixes, []);
    assert.equal(fixes.length, 1);
    assert.equal(applyEdits(c.text, fixes[0].edits), c.fixed);
    assert.deepEqual(check(c.fixed), []);
  });
}
