/**
 * Every Dockerfile rule has a unique id, a doc (`docs/rules/<id>.md`) whose "Bad" example triggers it
 * and whose "Good" example does not, and its own table-driven test file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dockerfileRules, lintDockerfile } from '../../../src/core/dockerfile';
import { REPO_ROOT } from '../shared-data';

export function exampleAfter(markdown: string, heading: string): string | undefined {
  const match = new RegExp(`^##\\s+${heading}\\b[^\\n]*\\n[\\s\\S]*?\`\`\`(?:dockerfile|Dockerfile)?\\n([\\s\\S]*?)\`\`\``, 'm').exec(markdown);
  return match?.[1];
}

test('rule ids are unique kebab-case', () => {
  const ids = dockerfileRules.map((r) => r.meta.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate rule ids');
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
});

for (const rule of dockerfileRules) {
  const id = rule.meta.id;
  test(`${id}: doc examples and test file`, () => {
    const doc = join(REPO_ROOT, 'docs/rules', `${id}.md`);
    assert.ok(existsSync(doc), `missing docs/rules/${id}.md`);
    assert.ok(existsSync(join(REPO_ROOT, 'test/unit/dockerfile/rules', `${id}.test.ts`)), `missing test file for ${id}`);
    const markdown = readFileSync(doc, 'utf8');
    assert.match(markdown, new RegExp(`^# ${id}$`, 'm'));
    const bad = exampleAfter(markdown, 'Bad');
    const good = exampleAfter(markdown, 'Good');
    assert.ok(bad !== undefined && good !== undefined, 'doc needs a "## Bad" and a "## Good" dockerfile example');
    // Rules that need configuration (trustedRegistries) show it in a ```json block under "## Options".
    const optionsJson = /^##\s+Options\b[^\n]*\n[\s\S]*?```json\n([\s\S]*?)```/m.exec(markdown)?.[1];
    const options = optionsJson ? JSON.parse(optionsJson) : {};
    assert.ok(lintDockerfile(bad!, options, [rule]).some((d) => d.rule === id), `Bad example of ${id} does not trigger it`);
    assert.deepEqual(lintDockerfile(good!, options, [rule]).filter((d) => d.rule === id), [], `Good example of ${id} triggers it`);
  });
}
