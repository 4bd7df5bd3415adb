/**
 * The RE2 engines (src/core/sprig/re2*.ts) against Go's regexp: parse errors with Go's exact text,
 * leftmost-first matches and submatches as Go reports them (FindStringSubmatch, FindAllString), a
 * seeded differential run against V8 on the patterns where both engines must agree, linear time on
 * the classic catastrophic patterns at 1 MiB, and the bounds on program size and DFA cache.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileGoRegexp, findAll, findAt, matchGoRegexp, replaceAll } from '../../../src/core/sprig/re2';
import { Backtracker } from '../../../src/core/sprig/re2backtrack';
import { LazyDFA, SearchBudgetError } from '../../../src/core/sprig/re2dfa';
import { compileTree } from '../../../src/core/sprig/re2prog';
import { parse } from '../../../src/core/sprig/re2syntax';
import { foldableCodePoints, foldOrbit } from '../../../src/core/sprig/re2unicode';
import { PikeVM, SubmatchBudgetError } from '../../../src/core/sprig/re2vm';

const ALL_GROUPS = Array.from({ length: 30 }, (_, i) => i + 1);

/** Go's FindStringSubmatch: the match and each group, undefined for a group that did not take part. */
function submatch(pattern: string, s: string): (string | undefined)[] | null {
  const re = compileGoRegexp(pattern);
  const m = findAt(re, s, 0, ALL_GROUPS);
  if (!m) return null;
  const out: (string | undefined)[] = [];
  for (let g = 0; g < re.names.length; g++) out.push(m.slots[2 * g] < 0 ? undefined : s.slice(m.slots[2 * g], m.slots[2 * g + 1]));
  return out;
}

test('parse errors are Go\'s, word for word', () => {
  const rows: [string, string][] = [
    ['a**', 'invalid nested repetition operator: `**`'],
    ['a*?+', 'invalid nested repetition operator: `*?+`'],
    ['x{2}{3}', 'invalid nested repetition operator: `{2}{3}`'],
    ['*', 'missing argument to repetition operator: `*`'],
    ['(*)', 'missing argument to repetition operator: `*`'],
    ['a|+?', 'missing argument to repetition operator: `+?`'],
    ['x{1001}', 'invalid repeat count: `{1001}`'],
    ['x{2,1}', 'invalid repeat count: `{2,1}`'],
    ['x{100000000}', 'invalid repeat count: `{100000000}`'],
    ['(x{500}){3}', 'invalid repeat count: `{3}`'], // the product of nested counts is capped too
    ['(?=a)', 'invalid or unsupported Perl syntax: `(?=`'],
    ['(?!a)', 'invalid or unsupported Perl syntax: `(?!`'],
    ['(?<=a)b', 'invalid named capture: `(?<=a)b`'],
    ['(?i', 'invalid or unsupported Perl syntax: `(?i`'],
    ['(?-)', 'invalid or unsupported Perl syntax: `(?-)`'],
    ['(?P=n)', 'invalid or unsupported Perl syntax: `(?P`'],
    ['(?P<>a)', 'invalid named capture: `(?P<>`'],
    ['(?P<a-b>x)', 'invalid named capture: `(?P<a-b>`'],
    ['(a)\\1', 'invalid escape sequence: `\\1`'],
    ['\\8', 'invalid escape sequence: `\\8`'],
    ['\\C', 'invalid escape sequence: `\\C`'],
    ['[\\Q]', 'invalid escape sequence: `\\Q`'],
    ['\\x{110000}', 'invalid escape sequence: `\\x{110000`'],
    ['a\\', 'trailing backslash at end of expression: ``'],
    ['[a', 'missing closing ]: `[a`'],
    ['[a-', 'missing closing ]: `[a-`'],
    ['[z-a]', 'invalid character class range: `z-a`'],
    ['[[:foo:]]', 'invalid character class range: `[:foo:]`'],
    ['\\p{Foo}', 'invalid character class range: `\\p{Foo}`'],
    ['\\p{L', 'invalid character class range: `\\p{L`'],
    ['(a', 'missing closing ): `(a`'],
    ['a)', 'unexpected ): `a)`'],
    ['('.repeat(1001) + ')'.repeat(1001), `expression nests too deeply: \`${'('.repeat(1001) + ')'.repeat(1001)}\``],
  ];
  for (const [pattern, message] of rows) {
    assert.throws(() => compileGoRegexp(pattern), { message: `error parsing regexp: ${message}` }, pattern);
  }
});

test('programs are bounded: Go\'s repeat limits, and ours on total size', () => {
  assert.doesNotThrow(() => compileGoRegexp('x{1000}'));
  assert.doesNotThrow(() => compileGoRegexp('(?:x{10}){100}'));
  // Go accepts up to 3.3M instructions; we stop at 100k, each engine being O(program) per character.
  const big = 'x{1000}'.repeat(101);
  assert.throws(() => compileGoRegexp(big), { message: `error parsing regexp: expression too large: \`${big}\`` });
});

test('syntax Go accepts and JavaScript does not, or reads differently', () => {
  const rows: [pattern: string, input: string, want: (string | undefined)[] | null][] = [
    ['a(?i)b', 'aB', ['aB']], // flags anywhere
    ['(?i:a)b', 'Ab', ['Ab']],
    ['(?i:a)b', 'AB', null],
    ['(?i)a(?-i)b', 'Ab', ['Ab']],
    ['(?i)a(?-i)b', 'AB', null],
    ['(?U)a+', 'aaa', ['a']], // ungreedy: x+ is lazy, x+? greedy
    ['(?U)a+?', 'aaa', ['aaa']],
    ['(?s)a.b', 'a\nb', ['a\nb']],
    ['a.b', 'a\rb', ['a\rb']], // . excludes only \n
    ['a.b', 'a\nb', null],
    ['a$', 'a\n', null], // $ without (?m) is \z
    ['(?m)a$', 'a\n', ['a']],
    ['(?m)^b', 'a\nb', ['b']],
    ['\\Aab\\z', 'ab', ['ab']],
    ['\\s+', '\t\n\f\r \v', ['\t\n\f\r ']], // \s has no \v
    ['[[:^alpha:]]+', 'ab12cd', ['12']],
    ['[[:word:]]+', 'a_1-', ['a_1']],
    ['\\pL+', 'héllo wörld', ['héllo']],
    ['\\p{Greek}+', 'abc αβγ', ['αβγ']],
    ['\\PL+', 'ab12cd', ['12']],
    ['\\p{^L}+', 'ab12cd', ['12']],
    ['[\\p{Lu}\\d]+', 'abC1Dx', ['C1D']],
    ['\\Qa.b\\E+', 'a.bbb', ['a.bbb']],
    ['\\x41\\101\\x{1F600}', 'AA😀', ['AA😀']],
    ['x{,2}', 'x{,2}', ['x{,2}']], // not a repetition: literal
    ['x{01}', 'x{01}', ['x{01}']], // leading zero: literal
    ['^*a', 'a', ['a']], // a repeated assertion is allowed
    ['[]a]+', ']a]', [']a]']],
    ['[^]a]', ']ab', ['b']],
    ['[a-]+', '-a-', ['-a-']],
    ['[^a]', '\n', ['\n']], // a negated class matches \n
    ['(?P<y>\\d+)-(?<m>\\d+)', '2024-05', ['2024-05', '2024', '05']],
    ['(?P<x>a)|(?P<x>b)', 'b', ['b', undefined, 'b']], // duplicate names are allowed
  ];
  for (const [pattern, input, want] of rows) assert.deepEqual(submatch(pattern, input), want, `${pattern} on ${JSON.stringify(input)}`);
});

test('case folding follows Go\'s SimpleFold orbits, not JavaScript\'s toLowerCase', () => {
  const rows: [pattern: string, input: string, matches: boolean][] = [
    ['(?i)k', '\u212a', true], // KELVIN SIGN folds to k
    ['(?i)\u212a', 'k', true],
    ['(?i)[a-z]+', 'K\u212a\u017f', true],
    ['(?i)[k]', '\u212a', true],
    ['(?i)s', '\u017f', true], // LATIN SMALL LETTER LONG S folds to s
    ['(?i)\\w', '\u017f', true], // a folded \w takes the fold orbits of its letters
    ['(?i)\\W', '\u017f', false],
    ['(?i)i', '\u0131', false], // dotless i has no simple folding
    ['(?i)i', '\u0130', false],
    ['(?i)σ', 'ς', true],
    ['(?i)ǅ', 'Ǆ', true],
    ['(?i)ǅ', 'ǆ', true],
    ['(?i)ß', 'ẞ', true],
    ['(?i)ß', 'ss', false], // simple folding only: no multi-character folds
    ['(?i)\\p{Lu}', 'a', true],
    ['\\p{Lu}', 'a', false],
    ['(?i)[^k]', 'K', false],
  ];
  for (const [pattern, input, want] of rows) {
    assert.equal(matchGoRegexp(compileGoRegexp(pattern), input), want, `${pattern} on ${JSON.stringify(input)}`);
  }
  // ASCII orbits are built in (no table to load for the common case); they must be the table's.
  for (const c of foldableCodePoints()) {
    const orbit = foldOrbit(c)!;
    if (orbit.some((x) => x < 0x80)) for (const x of orbit) assert.deepEqual(foldOrbit(x), orbit, `orbit of U+${x.toString(16)}`);
  }
});

test('leftmost-first matches and submatches as Go reports them', () => {
  const rows: [pattern: string, input: string, want: (string | undefined)[] | null][] = [
    ['(a|ab)(c|bcd)(d*)', 'abcd', ['abcd', 'a', 'bcd', '']],
    ['((a)|b)+', 'ab', ['ab', 'b', 'a']], // a group keeps its last iteration's value
    ['(a*)*', 'b', ['', '']], // x* of a nullable x is (x+)?: the group matched empty
    ['(a*)+', 'b', ['', '']],
    ['(|a)*', 'aa', ['', '']],
    ['(a|b)*?c', 'abc', ['abc', 'b']],
    ['(a+?)(a*)', 'aaa', ['aaa', 'a', 'aa']],
    ['(a){0}b', 'ab', ['b', undefined]],
    ['(a){2,3}', 'aaaa', ['aaa', 'a']],
    ['(a){2,3}?', 'aaaa', ['aa', 'a']],
    ['a|', 'b', ['']],
    ['|a', 'a', ['']],
    ['(\\w+)(?:\\s*,\\s*(\\w+))*', 'a , b,c', ['a , b,c', 'a', 'c']],
    ['x*', '😀x', ['']],
    ['.', '😀', ['😀']], // one code point, not one UTF-16 unit
    ['\\bfoo\\b', 'a foobar foo', ['foo']],
    ['\\Bo', 'o fo', ['o']],
    ['(?m)(^|x)$', 'ab\n', ['', '']],
    ['(a)|(b)|(c)', 'c', ['c', undefined, undefined, 'c']],
  ];
  for (const [pattern, input, want] of rows) assert.deepEqual(submatch(pattern, input), want, `${pattern} on ${JSON.stringify(input)}`);
});

test('FindAll, ReplaceAll: Go\'s iteration over empty matches and code points', () => {
  const all = (p: string, s: string) => findAll(compileGoRegexp(p), s, -1).map((m) => s.slice(m.index, m.end));
  assert.deepEqual(all('a*', 'baaac'), ['', 'aaa', '']);
  assert.deepEqual(all('', '😀a'), ['', '', '']); // advances by code point: no match inside the pair
  assert.deepEqual(all('\\b', 'ab cd'), ['', '', '', '']);
  assert.deepEqual(all('(?m)^', 'a\nb\n'), ['', '', '']); // also at the end, after the last \n
  assert.deepEqual(all('(?m)$', 'a\nb'), ['', '']);
  assert.deepEqual(all('.', 'a\ud800b'), ['a', '\ud800', 'b']);
  assert.deepEqual(all('^a', 'aaa'), ['a']); // anchored: no search past the start
  assert.deepEqual(all('^a|^b|c', 'abc'), ['a', 'c']);
  assert.deepEqual(all('(^a)*', 'aab'), ['a', '', '']);
  // A literal prefix lets the search skip ahead; the matches are the same.
  assert.deepEqual(all('fo+', 'xfoo fo f foooo'), ['foo', 'fo', 'foooo']);
  assert.deepEqual(all('\\bfo\\b', 'fo fox afo fo'), ['fo', 'fo']);
  assert.deepEqual(all('😀a', 'x😀a😀b😀a'), ['😀a', '😀a']);
  assert.deepEqual(all('@sha256:[a-f0-9]+', 'x'.repeat(100_000) + 'img@sha256:abc1 y@sha256:'), ['@sha256:abc1']); // a lone surrogate is one character (U+FFFD)
  const re = compileGoRegexp('(?P<first>\\w+) (?P<last>\\w+)');
  assert.equal(replaceAll(re, 'John Smith, Jane Doe', '${last} ${first}', true), 'Smith John, Doe Jane');
  assert.equal(replaceAll(compileGoRegexp('a(x*)b'), '-ab-axxb-', '$1W', true), '---'); // $1W names group "1W"
  assert.equal(replaceAll(compileGoRegexp('a(x*)b'), '-ab-axxb-', '${1}W', true), '-W-xxW-');
  assert.equal(replaceAll(compileGoRegexp('(?P<x>a)|(?P<x>b)'), 'ab', '[$x]', true), '[a][b]');
  assert.equal(replaceAll(compileGoRegexp('x*'), 'abc', '-', false), '-a-b-c-');
});

/** A small seeded generator of patterns over a, b, c, \n (no nullable body under a quantifier). */
function* randomPatterns(seed: number, count: number): Generator<{ src: string; capsInLoop: boolean; flags: string }> {
  let state = seed;
  const rnd = (n: number) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  type G = { src: string; nullable: boolean; capsInLoop: boolean; atom: boolean };
  const gen = (depth: number, inLoop: boolean): G => {
    const r = rnd(depth > 4 ? 6 : 12);
    if (r < 5) return { src: ['a', 'b', '.', '[ab]', '[^a]', 'c', '\\n', '[a-c]'][rnd(8)], nullable: false, capsInLoop: false, atom: true };
    if (r === 5) return { src: ['\\b', '^', '$', '\\B'][rnd(4)], nullable: true, capsInLoop: false, atom: false };
    if (r <= 8) {
      const x = gen(depth + 1, inLoop);
      const y = gen(depth + 1, inLoop);
      const src = r === 8 ? `(?:${x.src}|${y.src})` : x.src + y.src;
      const nullable = r === 8 ? x.nullable || y.nullable : x.nullable && y.nullable;
      return { src, nullable, capsInLoop: x.capsInLoop || y.capsInLoop, atom: r === 8 };
    }
    if (r === 9) {
      const x = gen(depth + 1, inLoop);
      return { src: `(${x.src})`, nullable: x.nullable, capsInLoop: x.capsInLoop || inLoop, atom: true };
    }
    const x = gen(depth + 1, true);
    // JavaScript and Go differ on empty iterations, so only non-nullable bodies are repeated.
    if (x.nullable) return x;
    const q = ['*', '+', '?', '{2}', '{1,3}', '{0,2}', '{2,}'][rnd(7)] + (rnd(3) === 0 ? '?' : '');
    return { src: (x.atom ? x.src : `(?:${x.src})`) + q, nullable: /^[*?]|^\{0/.test(q), capsInLoop: x.capsInLoop, atom: false };
  };
  for (let k = 0; k < count; k++) {
    const g = gen(0, false);
    yield { src: g.src, capsInLoop: g.capsInLoop, flags: ['', 'i', 'm', 's'][rnd(4)] };
  }
}

test('differential: the same matches and submatches as V8 wherever Go and JavaScript agree', () => {
  // Agreement holds for these patterns: no nullable loop bodies (JavaScript rejects empty
  // iterations), captures compared only outside loops (JavaScript resets them per iteration),
  // no \r (JavaScript's . excludes it), positions on code point boundaries.
  let compared = 0;
  let inputSeed = 7;
  const nextInput = () => {
    inputSeed = (Math.imul(inputSeed, 48271) >>> 0) % 0x7fffffff;
    const len = inputSeed % 24;
    let s = '';
    for (let i = 0; i < len; i++) {
      inputSeed = (Math.imul(inputSeed, 48271) >>> 0) % 0x7fffffff;
      s += ['a', 'b', 'c', 'A', '\n', '😀', 'é', '_', ' '][inputSeed % 9];
    }
    return s;
  };
  for (const { src, capsInLoop, flags } of randomPatterns(20261204, 700)) {
    const js = new RegExp(src, 'gu' + flags);
    const re = compileGoRegexp((flags ? `(?${flags})` : '') + src);
    // findAt uses the backtracker on these short spans; the Pike VM must give the same groups.
    const compiled = compileTree(parse(re.expr).root, re.expr);
    const groups = Array.from({ length: re.names.length - 1 }, (_, i) => i + 1);
    const vm = new PikeVM(compiled.forward, compiled.classes, re.names.length * 2, groups);
    for (let t = 0; t < 4; t++) {
      const s = nextInput();
      const mid = (x: number) => x > 0 && x < s.length && s.charCodeAt(x) >= 0xdc00 && s.charCodeAt(x) <= 0xdfff;
      for (let pos = 0; pos <= s.length; pos++) {
        if (mid(pos)) continue;
        js.lastIndex = pos;
        const want = js.exec(s);
        const got = findAt(re, s, pos, ALL_GROUPS);
        // V8 can report an empty match between the halves of a pair; Go has no such position.
        if (want && (mid(want.index) || mid(want.index + want[0].length))) continue;
        const where = `${re.expr} on ${JSON.stringify(s)} from ${pos}`;
        assert.deepEqual(got && [got.index, got.end], want && [want.index, want.index + want[0].length], where);
        if (got && groups.length) {
          const bt = groups.flatMap((g) => [got.slots[2 * g], got.slots[2 * g + 1]]);
          assert.deepEqual(vm.captures(s, got.index, got.end), bt, `${where}: Pike VM and backtracker`);
        }
        if (want && got && !capsInLoop) {
          for (let g = 1; g < want.length; g++) {
            const mine: string | undefined = got.slots[2 * g] < 0 ? undefined : s.slice(got.slots[2 * g], got.slots[2 * g + 1]);
            assert.equal(mine, want[g], `${where}, group ${g}`);
          }
        }
        compared++;
      }
    }
  }
  assert.ok(compared > 20_000, `compared ${compared}`);
});

test('catastrophic patterns on 1 MiB finish (sanity bound; bench/regex.bench.ts has the speed)', () => {
  const MiB = 1 << 20;
  const rows: [pattern: string, input: string, matches: boolean][] = [
    ['(a|aa){1,100}b', 'a'.repeat(MiB), false],
    ['(x+x+)+y', 'x'.repeat(MiB), false],
    ['(a*)*b', 'a'.repeat(MiB), false],
    ['(.*a){20}', 'a'.repeat(MiB), true],
    ['^(a+)+$', 'a'.repeat(MiB) + '!', false],
  ];
  for (const [pattern, input, matches] of rows) {
    const re = compileGoRegexp(pattern);
    const started = performance.now();
    assert.equal(matchGoRegexp(re, input), matches, pattern);
    const m = findAt(re, input, 0);
    assert.equal(m !== null, matches, pattern);
    if (m) assert.deepEqual([m.index, m.end], [0, input.length], pattern);
    const ms = performance.now() - started;
    assert.ok(ms < 5000, `${pattern}: ${ms.toFixed(0)} ms`);
  }
  // Submatches run on the match's span only; a failed search never reaches the Pike VM.
  const started = performance.now();
  assert.equal(replaceAll(compileGoRegexp('(x+x+)+(y)'), 'x'.repeat(MiB), '$2', true).length, MiB);
  assert.equal(replaceAll(compileGoRegexp('([a-z0-9-]+)'), 'ab-1'.repeat(MiB / 4), '<$1>', true).length, MiB + 2);
  assert.ok(performance.now() - started < 5000);
});

test('submatch engines: the backtracker within its bitmap, the Pike VM within its step budget', () => {
  const pattern = '(.*a){20}';
  const { root } = parse(pattern);
  const compiled = compileTree(root, pattern);
  const s = 'a'.repeat(5000);
  const bt = new Backtracker(compiled.forward, compiled.classes, 4, [1]);
  assert.ok(bt.fits(s.length));
  assert.ok(!bt.fits(1 << 24));
  // The first copy's greedy .* leaves one a for each later copy; the group keeps the 20th: the last a.
  assert.deepEqual(bt.captures(s, 0, s.length), [4999, 5000]);
  assert.deepEqual(new PikeVM(compiled.forward, compiled.classes, 4, [1]).captures(s, 0, s.length), [4999, 5000]);
  assert.deepEqual(findAt(compileGoRegexp('(.*a)(.*a)'), 'aaaa', 0, [1, 2])?.slots, [0, 4, 0, 3, 3, 4]);
  const tight = new PikeVM(compiled.forward, compiled.classes, 4, [1], 10_000);
  assert.throws(() => tight.captures(s, 0, s.length), SubmatchBudgetError);
});

test('an automaton that grows with its input stops on its work budget with a clear error', () => {
  // A new DFA state per character, each as large as the program: seconds per MiB in Go too.
  let x = 99;
  let s = '';
  for (let i = 0; i < 100_000; i++) {
    x = (Math.imul(x, 48271) >>> 0) % 0x7fffffff;
    s += x & 1 ? 'a' : 'b';
  }
  const started = performance.now();
  assert.throws(() => matchGoRegexp(compileGoRegexp('[ab]*a[ab]{999}c'), s), /^Error: regexp: "\[ab\]\*a\[ab\]\{999\}c" on a 100000-character input: more than \d+ steps .*simplify the pattern or shorten the input$/);
  assert.ok(performance.now() - started < 10_000, 'the budget stops the search within seconds');
  // The same search within its budget on a shorter input.
  assert.equal(matchGoRegexp(compileGoRegexp('[ab]*a[ab]{999}c'), s.slice(0, 2000) + 'c'), s[1000] === 'a');
  assert.equal(matchGoRegexp(compileGoRegexp('[ab]*a[ab]{999}c'), s.slice(0, 2000) + 'bc'), s[1001] === 'a');
  const { root } = parse('[ab]*a[ab]{9}c');
  const compiled = compileTree(root, '[ab]*a[ab]{9}c');
  assert.throws(() => new LazyDFA(compiled.forward, compiled.classes, false, 1000).searchForward(s, 0, false), SearchBudgetError);
});

test('the DFA cache stays bounded on a pattern with exponentially many states, and stays right', () => {
  // (a|b)*a(a|b){14}: the DFA must remember the last 15 characters, 2^15 states > the cache.
  const pattern = '(a|b)*a(a|b){14}$';
  const { root } = parse(pattern);
  const compiled = compileTree(root, pattern);
  const dfa = new LazyDFA(compiled.forward, compiled.classes, false);
  let x = 12345;
  let s = '';
  for (let i = 0; i < 100_000; i++) {
    x = (Math.imul(x, 48271) >>> 0) % 0x7fffffff;
    s += x & 1 ? 'a' : 'b';
  }
  const tail = 'a' + 'b'.repeat(14);
  for (const input of [s + tail, s + 'b'.repeat(15)]) {
    // It matches when the 15th character from the end is an a (V8 is quadratic on this one).
    assert.equal(dfa.searchForward(input, 0, true) >= 0, input[input.length - 15] === 'a');
  }
  assert.ok(dfa.flushes > 0, 'the cache was flushed instead of growing');
});
