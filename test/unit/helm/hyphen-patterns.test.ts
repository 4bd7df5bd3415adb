/** Hyphens in path patterns (.helmignore lines, --show-only, .Files.Glob) are literal characters, as in Go. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goPathMatch } from '../../../src/core/helm/path-match';
import { compileGlob, globMatcher } from '../../../src/core/helm/functions/glob';

test('Go path patterns: a hyphen outside and inside a class', () => {
  const cases: [string, string, boolean][] = [
    ['my-file.txt', 'my-file.txt', true],
    ['my-file.txt', 'my_file.txt', false],
    ['templates/web-*.yaml', 'templates/web-deploy.yaml', true],
    ['templates/web-*.yaml', 'templates/api-deploy.yaml', false],
    ['[a-c]-x', 'b-x', true],
    ['[a-c]-x', 'd-x', false],
  ];
  for (const [pattern, name, expected] of cases) assert.equal(goPathMatch(pattern, name), expected, `${pattern} ~ ${name}`);
});

test('.Files.Glob: a hyphen is literal, and a valid pattern never falls back to matching everything', () => {
  assert.ok(compileGlob('files/my-config.json'), 'the pattern compiles');
  const match = globMatcher('config/app-*.yaml');
  assert.equal(match('config/app-prod.yaml'), true);
  assert.equal(match('README.md'), false);
  assert.equal(match('.helmignore'), false);
  assert.equal(globMatcher('{a-b,c}.txt')('a-b.txt'), true);
});
