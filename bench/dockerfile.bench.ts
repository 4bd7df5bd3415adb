/**
 * Dockerfile linting, side by side on the same inputs: dockerfile-ast's parse alone (the floor),
 * Shipshape (cold: shell-parse cache cleared; warm: re-lint of unchanged text; edit: re-lint after one
 * keystroke in one RUN), dockerfile-utils' validate and dockerfilelint. Plus growth with file size
 * and the two shapes that are quadratic in dockerfile-ast (stages with comments; ARG/ENV chains).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { lintDockerfile } from '../src/core/dockerfile';
import { clearShellCache } from '../src/core/dockerfile/parse/shell';

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
const parseOnly = (texts: string[]) => () => texts.forEach((t) => DockerfileParser.parse(t));
const oursCold = (texts: string[]) => () => {
  clearShellCache();
  texts.forEach((t) => lintDockerfile(t));
};
const oursWarm = (texts: string[]) => () => texts.forEach((t) => lintDockerfile(t));
const utils = (texts: string[]) => () => texts.forEach((t) => validate(t));
// dockerfilelint looks for a .dockerfilelintrc in the folder it is given on every run; give it an empty one.
const emptyConfigDir = mkdtempSync(join(tmpdir(), 'dockerfilelint-'));
const dflint = (texts: string[]) => () => texts.forEach((t) => dockerfilelint.run(emptyConfigDir, t));

console.log(`Corpus: ${corpus.length} real Dockerfiles, ${corpus.reduce((n, t) => n + t.split('\n').length, 0)} lines. Median of repeated runs, ms.\n`);
console.log('| input | dockerfile-ast parse | shipshape cold | shipshape warm | dockerfile-utils validate | dockerfilelint | cold / parse | warm / parse |');
console.log('|---|---|---|---|---|---|---|---|');
const row = (name: string, texts: string[], withDflint = true) => {
  const p = time(parseOnly(texts));
  const c = time(oursCold(texts));
  const w = time(oursWarm(texts));
  const u = time(utils(texts));
  const d = withDflint ? time(dflint(texts)) : NaN;
  console.log(`| ${name} | ${fmt(p)} | ${fmt(c)} | ${fmt(w)} | ${fmt(u)} | ${withDflint ? fmt(d) : 'n/a'} | ${(c / p).toFixed(2)}x | ${(w / p).toFixed(2)}x |`);
};
row('whole corpus', corpus);
const sorted = [...corpus].sort((a, b) => a.length - b.length);
row('median file', [sorted[sorted.length >> 1]]);
row('largest file', [sorted[sorted.length - 1]]);

// A keystroke: one character changes inside one RUN of a typical file; the other RUNs hit the cache.
const typical = sorted.find((t) => (t.match(/^RUN /gm) ?? []).length >= 3) ?? sorted[sorted.length >> 1];
const runAt = typical.indexOf('RUN ') + 8;
let toggle = 0;
const edit = time(() => {
  toggle++;
  lintDockerfile(typical.slice(0, runAt) + (toggle % 2 ? 'x' : 'y') + typical.slice(runAt));
});
console.log(`\nRe-lint after one keystroke in a RUN of a ${typical.split('\n').length}-line file: ${fmt(edit)} ms (goal < 5 ms).`);

// Growth: a realistic mix repeated; cold each time.
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
console.log('\nGrowth with file size (ms; warm = re-lint with shell parses cached, as in the editor):\n');
console.log('| lines | dockerfile-ast parse | shipshape cold | shipshape warm | dockerfile-utils validate |');
console.log('|---|---|---|---|---|');
for (const lines of [1000, 2000, 5000, 10000]) {
  const text = synthetic(lines);
  console.log(`| ${lines} | ${fmt(time(parseOnly([text]), 300, 20))} | ${fmt(time(oursCold([text]), 300, 20))} | ${fmt(time(oursWarm([text]), 300, 20))} | ${fmt(time(utils([text]), 300, 10))} |`);
}

// The quadratic shapes of dockerfile-ast: we must stay linear (dockerfile-utils goes through them).
const stagesWithComments = (n: number) => Array.from({ length: n }, (_, i) => `# stage ${i}\nFROM alpine:3.20 AS s${i}\n# run it\nRUN echo ${i}`).join('\n');
const argEnvChain = (n: number) => 'FROM alpine:3.20\n' + Array.from({ length: n }, (_, i) => `ARG A${i}=$A${i - 1}x\nENV E${i}=\${A${i}}`).join('\n');
console.log('\nPathological shapes (ms; dockerfile-ast is quadratic on both):\n');
console.log('| shape | n | shipshape cold | dockerfile-utils validate |');
console.log('|---|---|---|---|');
for (const [name, make] of [['stages with comments', stagesWithComments], ['ARG/ENV chain', argEnvChain]] as const) {
  for (const n of [2000, 8000]) {
    const text = make(n);
    const ours = time(oursCold([text]), 200, 3);
    const theirs = n <= 2000 ? fmt(time(utils([text]), 200, 3)) : 'skipped (seconds)';
    console.log(`| ${name} | ${n} | ${fmt(ours)} | ${theirs} |`);
  }
}
