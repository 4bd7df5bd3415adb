/** `.dockerignore` matching as the builder does it (moby/patternmatcher semantics). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerignore } from '../../../src/core/dockerfile/context/dockerignore';

const cases: [string, string, string | undefined][] = [
  ['*.md', 'README.md', '*.md'],
  ['*.md', 'docs/README.md', undefined], // * does not cross folders
  ['**/*.md', 'docs/deep/README.md', '**/*.md'],
  ['**/*.md', 'README.md', '**/*.md'],
  ['node_modules', 'node_modules/x/index.js', 'node_modules'], // a folder excludes its content
  ['/build/', 'build/out.js', '/build/'],
  ['./tmp', 'tmp/a', './tmp'],
  ['*.md\n!README.md', 'README.md', undefined], // the last matching line wins
  ['!README.md\n*.md', 'README.md', '*.md'],
  ['docs\n!docs/keep.md', 'docs/keep.md', undefined],
  ['file?.txt', 'file1.txt', 'file?.txt'],
  ['file[0-9].txt', 'filea.txt', undefined],
  ['# comment\n\n  .git  ', '.git/HEAD', '.git'],
  ['a/**/z', 'a/b/c/z', 'a/**/z'],
];

for (const [patterns, path, expected] of cases) {
  test(`${JSON.stringify(patterns)} ${expected ? 'excludes' : 'keeps'} ${path}`, () => {
    assert.equal(parseDockerignore(patterns).excludedBy(path), expected);
  });
}
