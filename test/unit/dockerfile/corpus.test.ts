/**
 * Conformance on real-world Dockerfiles (../shared/corpus/dockerfiles): the whole linter runs on
 * every file without crashing or a rule throwing, and its findings match the reviewed expectation
 * file. After a rule change, run `npx tsx scripts/update-corpus-expectations.ts` and review every
 * new finding by hand: on these files a new finding is a false positive until shown otherwise.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintDockerfileDetailed } from '../../../src/core/dockerfile';
import { corpusFiles, readCorpusFile } from '../../../scripts/update-corpus-expectations';
import { REPO_ROOT } from '../shared-data';

const expected = JSON.parse(readFileSync(join(REPO_ROOT, 'test/unit/dockerfile/corpus-expected.json'), 'utf8')) as Record<string, string[]>;
const files = corpusFiles();

test('the corpus and the expectation file list the same files', () => {
  assert.ok(files.length > 0, 'no corpus files found');
  assert.deepEqual(Object.keys(expected).sort(), files);
});

for (const file of files) {
  test(`corpus: ${file}`, () => {
    const result = lintDockerfileDetailed(readCorpusFile(file));
    assert.deepEqual(
      result.ruleErrors.map((e) => `${e.rule}: ${e.error.stack}`),
      [],
      'rules threw',
    );
    const found = result.diagnostics.map((d) => `${d.rule}@${d.range.start.line + 1}:${d.range.start.character + 1}`);
    assert.deepEqual(found, expected[file] ?? [], 'findings changed: review them, then run scripts/update-corpus-expectations.ts');
  });
}
