/**
 * Go RE2 semantics through Sprig's regex functions (syntax, rejected constructs, Go's empty-match
 * iteration) and Masterminds/semver v3 constraint checking as Helm charts use it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GoValue } from '../../../src/core/gotemplate/values';
import { SemverVersion } from '../../../src/core/sprig';
import { call } from './helpers';

test('FindAll/ReplaceAll/Split skip an empty match right after a match, as Go does', () => {
  assert.deepEqual(call('regexFindAll', 'a*', 'baaac', -1n), ['', 'aaa', '']);
  assert.equal(call('regexReplaceAll', 'a*', 'baaac', '-'), '-b-c-');
  assert.deepEqual(call('regexSplit', '', 'abc', -1n), ['a', 'b', 'c']);
  assert.deepEqual(call('regexSplit', 'a', 'banana', -1n), ['b', 'n', 'n', '']);
  assert.deepEqual(call('regexFindAll', 'x', 'xxx', 2n), ['x', 'x']);
});

test('RE2 syntax where it differs from JavaScript\'s', () => {
  const rows: [string, string, boolean][] = [
    ['(?i)^ABC$', 'abc', true],
    ['^a.b$', 'a\rb', true], // Go's . excludes only \n
    ['^a.b$', 'a\nb', false],
    ['(?s)^a.b$', 'a\nb', true],
    ['^\\s$', '\v', false], // RE2 \s is [\t\n\f\r ]
    ['\\Aab\\z', 'ab', true],
    ['\\Aab\\z', 'ab\n', false],
    ['^[[:alpha:]]+$', 'abcXYZ', true],
    ['^[[:digit:]]+$', 'abc', false],
    ['^\\pL+$', 'héllo', true],
    ['^\\p{Greek}+$', 'αβγ', true],
    ['^\\Qa.b\\E$', 'a.b', true],
    ['^\\Qa.b\\E$', 'axb', false],
    ['^\\x{41}\\101$', 'AA', true],
    ['^[]a]+$', ']a]', true],
    ['a{2}', 'aa', true],
    ['^x{,2}$', 'x{,2}', true], // not a repetition in RE2: literal
    ['^a(?i)b$', 'aB', true], // flags anywhere, as Go allows
    ['^a(?i)b$', 'AB', false],
  ];
  for (const [re, s, want] of rows) assert.equal(call('mustRegexMatch', re, s), want, `${re} on ${JSON.stringify(s)}`);
});

test('named groups expand with Go\'s $name and ${name} rules', () => {
  assert.equal(call('regexReplaceAll', '(?P<y>\\d{4})-(?P<m>\\d{2})', '2024-05', '${m}/${y}'), '05/2024');
  assert.equal(call('regexReplaceAll', '(?<y>\\d{4})', '2024', '[$y]'), '[2024]');
  assert.equal(call('regexReplaceAll', '(a)', 'a', '$1x|${1}x|$$1'), '|ax|$1');
  assert.equal(call('regexReplaceAllLiteral', '(a)', 'a', '$1'), '$1');
});

test('constructs RE2 rejects are errors (regexMatch alone answers false)', () => {
  const rows: [string, RegExp][] = [
    ['(?=a)', /invalid or unsupported Perl syntax: `\(\?=`/],
    ['(a)\\1', /invalid escape sequence: `\\1`/],
    ['a**', /invalid nested repetition operator/],
    ['*a', /missing argument to repetition operator/],
    ['a{1001}', /invalid repeat count/],
    ['[a', /missing closing \]/],
    ['(a', /missing closing \)/],
  ];
  for (const [re, msg] of rows) {
    assert.throws(() => call('mustRegexMatch', re, 'a'), msg, re);
    assert.throws(() => call('regexFind', re, 'a'), /regexp: Compile/, re);
    assert.equal(call('regexMatch', re, 'a'), false);
  }
  assert.equal(call('regexQuoteMeta', 'a.b*c[d]'), 'a\\.b\\*c\\[d\\]');
});

test('nested repetition runs in linear time (RE2 guarantee) with Go\'s capture semantics', () => {
  const started = Date.now();
  assert.equal(call('regexMatch', '^(a+)+$', 'a'.repeat(40) + '!'), false);
  assert.equal(call('regexMatch', '(a|aa)*b', 'a'.repeat(5000)), false);
  assert.ok(Date.now() - started < 2000);
  // Go keeps a group's last capture across iterations; JavaScript would reset $2.
  assert.equal(call('regexReplaceAll', '((a)|b)+', 'ab', '[$1|$2]'), '[b|a]');
  assert.equal(call('regexReplaceAll', '(\\w+)(?:\\s*,\\s*(\\w+))*', 'a , b,c', '[$1|$2]'), '[a|c]');
  assert.equal(call('regexReplaceAll', '(a*)*', 'b', 'x'), 'xbx');
  assert.equal(call('regexReplaceAll', '(a|b)*?c', 'abc', '<$1>'), '<b>');
  assert.deepEqual(call('regexSplit', '(,\\s*)+', 'a,, b', -1n), ['a', 'b']);
  assert.deepEqual(call('regexFindAll', '(?i)(x|y)+', 'XyZxx', -1n), ['Xy', 'xx']);
});

test('semverCompare: Masterminds v3 constraint rules', () => {
  const rows: [string, string, boolean][] = [
    ['>=1.2.3', '1.2.3', true], ['>1.2.3', '1.2.3', false],
    ['^1.2.3', '1.9.9', true], ['^1.2.3', '2.0.0', false],
    ['^0.2.3', '0.2.9', true], ['^0.2.3', '0.3.0', false], ['^0.0.3', '0.0.4', false],
    ['~1.2.3', '1.2.9', true], ['~1.2.3', '1.3.0', false], ['~1', '1.9.0', true],
    ['1.2.x', '1.2.7', true], ['1.2.x', '1.3.0', false], ['*', '5.0.0', true],
    ['>=1.2.3 <2', '1.5.0', true], ['>=1.2.3, <2', '2.0.0', false],
    ['>= 1.2, < 3.0.0 || >= 4.2.3', '4.5.0', true], ['>= 1.2, < 3.0.0 || >= 4.2.3', '3.5.0', false],
    ['1.1 - 2', '2.5.0', true], ['1.1 - 2', '3.0.0', false],
    ['!=1.2.3', '1.2.4', true], ['!=1.2.3', '1.2.3', false],
    // prereleases only match constraints that carry one
    ['>=1.2.3', '1.2.4-beta', false], ['>=1.2.3-0', '1.2.4-beta', true], ['^1.2.3-alpha', '1.2.3-beta', true],
    // the Kubernetes-version idiom in charts
    ['>=1.19-0', 'v1.20.0', true], ['>=1.19-0', 'v1.20.0-gke.100', true], ['<1.19-0', 'v1.18.5-eks-1', true],
    ['>=1.21.0', 'v1.20.15', false],
  ];
  for (const [c, v, want] of rows) assert.equal(call('semverCompare', c, v), want, `${c} vs ${v}`);
  assert.throws(() => call('semverCompare', 'abc', '1.0.0'), /improper constraint: abc/);
  assert.throws(() => call('semverCompare', '>1', 'x.y'), { message: 'invalid semantic version' });
});

test('semver returns a Version with Go methods', () => {
  const v = call('semver', '1.2.3-beta.1+c0ff33') as SemverVersion;
  assert.equal(v.Major(), 1n);
  assert.equal(v.Prerelease(), 'beta.1');
  assert.equal(v.Metadata(), 'c0ff33');
  assert.equal(v.String(), '1.2.3-beta.1+c0ff33');
  const short = call('semver', 'v1.2') as SemverVersion;
  assert.equal(short.String(), '1.2.0');
  assert.equal(short.Original(), 'v1.2');
  const cmp = (a: string, b: string): GoValue => (call('semver', a) as SemverVersion).Compare(call('semver', b));
  assert.equal(cmp('1.0.0-alpha.2', '1.0.0-alpha.10'), -1n);
  assert.equal(cmp('1.0.0-alpha', '1.0.0-alpha.1'), -1n);
  assert.equal(cmp('1.0.0-1', '1.0.0-alpha'), -1n);
  assert.equal(cmp('1.0.0', '1.0.0-rc.1'), 1n);
  assert.throws(() => call('semver', '1.2.3-01'), /starts with 0/);
});
