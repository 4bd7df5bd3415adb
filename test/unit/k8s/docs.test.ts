/** Every Kubernetes rule has a doc whose bad example triggers it and whose good example does not. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kubernetesRules } from '../../../src/core/k8s';
import { parseYamlFile } from '../../../src/core/yaml/parse';
import { REPO_ROOT } from '../shared-data';
import { exampleUnder, workspaceOf } from './helpers';

for (const rule of kubernetesRules) {
  test(`docs/rules/${rule.id}.md: bad example triggers the rule, good example does not`, () => {
    const path = join(REPO_ROOT, 'docs/rules', `${rule.id}.md`);
    assert.ok(existsSync(path), `missing doc ${path}`);
    const markdown = readFileSync(path, 'utf8');
    assert.match(markdown, new RegExp(`^# ${rule.id}$`, 'm'));
    const fires = (yaml: string) => {
      const { workspace } = workspaceOf({ '/docs/example.yaml': yaml });
      return workspace.check('/docs/example.yaml').some((d) => d.rule === rule.id);
    };
    for (const heading of ['Bad', 'Good']) {
      const errors = parseYamlFile(exampleUnder(markdown, heading)).documents.flatMap((d) => d.doc.errors);
      assert.deepEqual(errors.map((e) => e.message), [], `${heading} example is valid YAML`);
    }
    assert.equal(fires(exampleUnder(markdown, 'Bad')), true, 'bad example');
    assert.equal(fires(exampleUnder(markdown, 'Good')), false, 'good example');
  });
}

test('rule ids are unique and metadata is complete', () => {
  const ids = kubernetesRules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const rule of kubernetesRules) {
    assert.match(rule.id, /^k8s-[a-z0-9-]+$/);
    assert.equal(rule.domain, 'kubernetes');
    assert.ok(rule.description.endsWith('.'), rule.id);
  }
});
