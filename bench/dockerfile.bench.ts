/**
 * Dockerfile linting, side by side on the same inputs: dockerfile-ast's parse alone (the floor),
 * dockerfile-utils' validate and dockerfilelint, then Shipshape (cold: shell-parse caches cleared;
 * warm: re-lint of unchanged text, as after a keystroke elsewhere). Plus growth with file size and the
 * two shapes that are quadratic in dockerfile-ast (stages with comments; ARG/ENV chains).
 *
 * Shipshape patches its copy of dockerfile-ast (no quadratic comment pass, memoized argument split);
 * in one process the patch would speed up the other tools too. So every baseline is measured first,
 * on the unmodified packages, and Shipshape's linter is loaded only afterwards.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const dockerfilelint = require('dockerfilelint') as { run(configDir: string, content: string): unknown[] };

const SHARED = process.env.SHIPSHAPE_SHARED ?? resolve(__dirname, '../../shared');
const corpusDir = join(SHARED, 'corpus/dockerfiles');
const corpus = readdirSync(corpusDir).filter((f) => f.endsWith('Dockerfile')).map((f) => readFileSync(join(corpusDir, f), 'utf8'));

/** Median time in ms of `fn` over enough runs to fill ~`budgetMs`, after a warm-up. */
function time(fn: () => void, budgetMs = 400, maxRuns = 200): number {
  fn();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < 3 || (performance.now() - started < budgetMs && samples.length < maxRuns)) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

const fmt = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));
const each = (texts: string[], f: (t: string) => unknown) => () => texts.forEach(f);
// dockerfilelint looks for a .dockerfilelintrc in the folder it is given on every run; give it an empty one.
const emptyConfigDir = mkdtempSync(join(tmpdir(), 'dockerfilelint-'));

function synthetic(lines: number): string {
  const unit = [
    '# install the toolchain',
    'FROM debian:12-slim AS build{i}',
    'ARG VERSION{i}=1.{i}',
    'ENV PATH=/opt/bin{i}:$PATH',
    'RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 \\',
    '    && curl -fsSL https://example.com/{i}.tgz | tar -xz -C /opt \\',
    '    && rm -rf /var/lib/apt/lists/*',
    'COPY --from=build{i} /opt /opt',
    'WORKDIR /app',
    'CMD ["node", "server{i}.js"]',
  ];
  const out: string[] = [];
  for (let i = 0; out.length < lines; i++) out.push(...unit.map((l) => l.replace(/\{i\}/g, String(i))));
  return out.slice(0, lines).join('\n') + '\n';
}
const stagesWithComments = (n: number) => Array.from({ length: n }, (_, i) => `# stage ${i}\nFROM alpine:3.20 AS s${i}\n# run it\nRUN echo ${i}`).join('\n');
const argEnvChain = (n: number) => 'FROM alpine:3.20\n' + Array.from({ length: n }, (_, i) => `ARG A${i}=$A${i - 1}x\nENV E${i}=\${A${i}}`).join('\n');

const sorted = [...corpus].sort((a, b) => a.length - b.length);
const rows: { name: string; texts: string[] }[] = [
  { name: 'whole corpus', texts: corpus },
  { name: 'median file', texts: [sorted[sorted.length >> 1]] },
  { name: 'largest file', texts: [sorted[sorted.length - 1]] },
];
const growth = [1000, 2000, 5000, 10000].map((lines) => ({ lines, text: synthetic(lines) }));
const shapes = (
  [
    ['stages with comments', stagesWithComments],
    ['ARG/ENV chain', argEnvChain],
  ] as const
).flatMap(([name, make]) => [2000, 8000].map((n) => ({ name, n, text: make(n) })));

// Phase 1: the unmodified packages.
const base = rows.map((r) => ({
  parse: time(each(r.texts, (t) => DockerfileParser.parse(t))),
  utils: time(each(r.texts, (t) => validate(t))),
  dflint: time(each(r.texts, (t) => dockerfilelint.run(emptyConfigDir, t))),
}));
const growthBase = growth.map((g) => ({ parse: time(each([g.text], (t) => DockerfileParser.parse(t)), 300, 20), utils: time(each([g.text], (t) => validate(t)), 300, 10) }));
const shapesBase = shapes.map((s) => (s.n <= 2000 ? time(each([s.text], (t) => validate(t)), 200, 3) : undefined));

// Phase 2: Shipshape.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lintDockerfile } = require('../src/core/dockerfile') as typeof import('../src/core/dockerfile');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { clearShellCache } = require('../src/core/dockerfile/parse/shell') as typeof import('../src/core/dockerfile/parse/shell');
const cold = (texts: string[]) => () => {
  clearShellCache();
  texts.forEach((t) => lintDockerfile(t));
};
const warm = (texts: string[]) => each(texts, (t) => lintDockerfile(t));

console.log(`Corpus: ${corpus.length} real Dockerfiles, ${corpus.reduce((n, t) => n + t.split('\n').length, 0)} lines. Median of repeated runs, ms.\n`);
console.log('| input | dockerfile-ast parse | shipshape cold | shipshape warm | dockerfile-utils validate | dockerfilelint | cold / parse | warm / parse |');
console.log('|---|---|---|---|---|---|---|---|');
rows.forEach((r, i) => {
  const c = time(cold(r.texts));
  const w = time(warm(r.texts));
  const b = base[i];
  console.log(`| ${r.name} | ${fmt(b.parse)} | ${fmt(c)} | ${fmt(w)} | ${fmt(b.utils)} | ${fmt(b.dflint)} | ${(c / b.parse).toFixed(2)}x | ${(w / b.parse).toFixed(2)}x |`);
});

// A keystroke: one character changes inside one RUN of a typical file; the other RUNs hit the cache.
const typical = sorted.find((t) => (t.match(/^RUN /gm) ?? []).length >= 3) ?? sorted[sorted.length >> 1];
const runAt = typical.indexOf('RUN ') + 8;
let toggle = 0;
const edit = time(() => {
  toggle++;
  lintDockerfile(typical.slice(0, runAt) + (toggle % 2 ? 'x' : 'y') + typical.slice(runAt));
});
console.log(`\nRe-lint after one keystroke in a RUN of a ${typical.split('\n').length}-line file: ${fmt(edit)} ms (goal < 5 ms).`);

console.log('\nGrowth with file size (ms; warm = re-lint with shell parses cached, as in the editor):\n');
console.log('| lines | dockerfile-ast parse | shipshape cold | shipshape warm | dockerfile-utils validate |');
console.log('|---|---|---|---|---|');
growth.forEach((g, i) => {
  console.log(`| ${g.lines} | ${fmt(growthBase[i].parse)} | ${fmt(time(cold([g.text]), 300, 20))} | ${fmt(time(warm([g.text]), 300, 20))} | ${fmt(growthBase[i].utils)} |`);
});

console.log('\nPathological shapes (ms; dockerfile-ast is quadratic on both):\n');
console.log('| shape | n | shipshape cold | dockerfile-utils validate |');
console.log('|---|---|---|---|');
shapes.forEach((s, i) => {
  const theirs = shapesBase[i];
  console.log(`| ${s.name} | ${s.n} | ${fmt(time(cold([s.text]), 200, 3))} | ${theirs === undefined ? 'skipped (seconds)' : fmt(theirs)} |`);
});
