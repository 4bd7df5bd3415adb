/**
 * `npm run bench -- regex`: Go regexp (src/core/sprig/re2.ts: lazy DFA, reverse DFA, Pike VM on the
 * span) in ms per MiB of input, on the classic catastrophic patterns (where V8's backtracking RegExp
 * is exponential or high-polynomial, so it is not run) and on ordinary chart and schema patterns,
 * where V8 is safe and serves as the reference. Medians of 5 runs after one warm-up run, on the
 * esbuild bundle of the engine (what ships; tsx's per-module shims would be measured otherwise).
 * Also: first-use costs of the Unicode data ((?i) fold orbits, \pL ranges) in a fresh process.
 */
import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Re2 from '../src/core/sprig/re2';

const dir = mkdtempSync(join(tmpdir(), 'regex-bench-'));
const bundle = join(dir, 're2.js');
buildSync({ entryPoints: [join(__dirname, '../src/core/sprig/re2.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, logLevel: 'error' });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const re2 = require(bundle) as typeof Re2;

const MiB = 1 << 20;
const RUNS = 5;

function median(fn: () => unknown): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

const words = 'the quick brown fox jumps over the lazy dog image tag release name '.split(' ');
const prose = Array.from({ length: 200_000 }, (_, i) => words[(i * 7919) % words.length]).join(' ').slice(0, MiB - 40) + ' contact admin@example.com now';
const line = 'abc-123-'.repeat(MiB / 8);

interface Row {
  pattern: string;
  input: string;
  text: string;
  what: 'MatchString' | 'FindString' | 'ReplaceAllString $1';
  /** A JavaScript equivalent where V8 is safe (no nested or overlapping repetition); null otherwise. */
  js: RegExp | null;
}

const rows: Row[] = [
  { pattern: '(a|aa){1,100}b', input: "1 MiB of 'a'", text: 'a'.repeat(MiB), what: 'MatchString', js: null },
  { pattern: '(x+x+)+y', input: "1 MiB of 'x'", text: 'x'.repeat(MiB), what: 'MatchString', js: null },
  { pattern: '(a*)*b', input: "1 MiB of 'a'", text: 'a'.repeat(MiB), what: 'MatchString', js: null },
  { pattern: '(.*a){20}', input: "1 MiB of 'a'", text: 'a'.repeat(MiB), what: 'MatchString', js: null },
  { pattern: '(.*a){20}', input: "1 MiB of 'a'", text: 'a'.repeat(MiB), what: 'FindString', js: null },
  { pattern: '(x+x+)+(y)', input: "1 MiB of 'x'", text: 'x'.repeat(MiB), what: 'ReplaceAllString $1', js: null },
  { pattern: '(.*a){20}', input: "1 MiB of 'a'", text: 'a'.repeat(MiB), what: 'ReplaceAllString $1', js: null },
  { pattern: '(.*a){200}', input: "1 MiB of 'a'", text: 'a'.repeat(MiB), what: 'ReplaceAllString $1', js: null },
  { pattern: '^[a-z0-9-]+$', input: '1 MiB line', text: line, what: 'MatchString', js: /^[a-z0-9-]+$/ },
  { pattern: '^[a-z0-9-]+$', input: '1 MiB line', text: line, what: 'FindString', js: /^[a-z0-9-]+$/ },
  { pattern: '^[a-z0-9-]+$', input: '1 MiB line, bad first character', text: 'A' + line.slice(1), what: 'MatchString', js: /^[a-z0-9-]+$/ },
  { pattern: '([a-z0-9]+)-', input: '1 MiB line', text: line, what: 'ReplaceAllString $1', js: /([a-z0-9]+)-/g },
  { pattern: '([a-z0-9-]+)', input: '1 MiB line', text: line, what: 'ReplaceAllString $1', js: /([a-z0-9-]+)/g },
  { pattern: '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}', input: '1 MiB prose, email at the end', text: prose, what: 'FindString', js: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/ },
  { pattern: '(?i)LAZY DOG', input: '1 MiB prose', text: prose, what: 'FindString', js: /LAZY DOG/i },
  { pattern: 'release|image', input: '1 MiB prose', text: prose, what: 'FindString', js: /release|image/ },
  { pattern: '@sha256:[a-f0-9]+', input: '1 MiB prose, none', text: prose, what: 'FindString', js: /@sha256:[a-f0-9]+/ },
];

function ours(row: Row): () => unknown {
  const re = re2.compileGoRegexp(row.pattern);
  if (row.what === 'MatchString') return () => re2.matchGoRegexp(re, row.text);
  if (row.what === 'FindString') return () => re2.findAt(re, row.text, 0);
  return () => re2.replaceAll(re, row.text, '<$1>', true);
}

function v8(row: Row): (() => unknown) | null {
  const js = row.js;
  if (!js) return null;
  if (row.what === 'MatchString') return () => js.test(row.text);
  if (row.what === 'FindString') return () => js.exec(row.text);
  return () => row.text.replace(js, '<$1>');
}

console.log('| pattern | input | what | ours ms/MiB | V8 ms/MiB | ours / V8 |');
console.log('|---|---|---|---:|---:|---:|');
for (const row of rows) {
  const perMiB = (ms: number) => (ms * MiB) / row.text.length;
  const run = ours(row);
  let failed = '';
  const mine = perMiB(median(() => {
    try {
      run();
    } catch (e) {
      failed = (e as Error).message;
    }
  }));
  const ref = v8(row);
  const theirs = ref ? perMiB(median(ref)) : null;
  const cell = failed ? `${mine.toFixed(1)} (stops: submatch budget)` : mine.toFixed(1);
  console.log(`| \`${row.pattern}\` | ${row.input} | ${row.what} | ${cell} | ${theirs === null ? 'not run (backtracks)' : theirs.toFixed(1)} | ${theirs === null ? '' : (mine / theirs).toFixed(1) + '×'} |`);
}

// First use of the Unicode data in a fresh process: the fold orbits for (?i), the \pL ranges.
const cold = spawnSync(process.execPath, ['-e', `
  const re2 = require(${JSON.stringify(bundle)});
  const t = (p) => { const s = process.hrtime.bigint(); re2.compileGoRegexp(p); return (Number(process.hrtime.bigint() - s) / 1e6).toFixed(1); };
  console.log(JSON.stringify({ plain: t('^[a-z]+$'), fold: t('(?i)abc'), foldAll: t('(?i)é'), letters: t('\\\\pL+'), greek: t('\\\\p{Greek}') }));
`], { encoding: 'utf8' });
const c = JSON.parse(cold.stdout) as Record<string, string>;
console.log(`\nFirst compile in a fresh process: plain ${c.plain} ms; first (?i) on ASCII ${c.fold} ms (built-in orbits), then (?i)é ${c.foldAll} ms (loads every fold orbit); first \\pL ${c.letters} ms, then \\p{Greek} ${c.greek} ms.`);
console.log(`\nNode ${process.version}, ${cpus().length} cores (${cpus()[0].model}), load average ${loadavg()[0].toFixed(1)} at the end.`);
rmSync(dir, { recursive: true, force: true });
