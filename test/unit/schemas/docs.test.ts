/** Every rule has docs/rules/<id>.md whose Bad example triggers it and whose Good example does not. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateYamlFile, yamlRules } from '../../../src/core/schemas';
import { REPO_ROOT } from '../shared-data';
import { testSchemaDir } from './schema-dir';

function example(markdown: string, heading: 'Bad' | 'Good'): string {
  const m = new RegExp(`## ${heading}\\n+\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(markdown);
  assert.ok(m, `no ${heading} example`);
  return m[1];
}

test('each rule doc has a bad example that triggers the rule and a good one that does not', () => {
  assert.ok(yamlRules.length >= 9);
  for (const rule of yamlRules) {
    const markdown = readFileSync(join(REPO_ROOT, 'docs/rules', `${rule.id}.md`), 'utf8');
    assert.match(markdown, new RegExp(`^# ${rule.id}\\n`));
    const rulesIn = (text: string) => validateYamlFile(text, 'example.yaml', { schemaDir: testSchemaDir() }).map((d) => d.rule);
    assert.ok(rulesIn(example(markdown, 'Bad')).includes(rule.id), `${rule.id}: bad example does not trigger it`);
    assert.deepEqual(rulesIn(example(markdown, 'Good')), [], `${rule.id}: good example is not clean`);
  }
});

test('rule ids are unique and metadata is complete', () => {
  const ids = yamlRules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of yamlRules) assert.ok(r.description.length > 20 && /^(yaml|k8s|compose)-/.test(r.id), r.id);
});
