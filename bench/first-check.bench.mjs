// `node bench/first-check.bench.mjs [--runs N] [--dist DIR]`: what a user waits for when nothing is warm.
// Every sample is a fresh `node` process (no JIT, no module or schema cache carried over):
//   - start-up: `node -e 0`, `shipshape --version`;
//   - `shipshape check` end to end of a folder with one Dockerfile, one Deployment, one compose file;
//   - in-process, after dist/core.js is loaded: the first Kubernetes and the first Compose validation
//     (the schema load/compile the user pays once per start), and the second (warm) one.
// Medians (and minimums) of N runs (default 7). Run `npm run build` (and `npm run schemas`) first.
// `shipshape` runs use bin/shipshape.js (with its V8 code cache, and without: NODE_DISABLE_COMPILE_CACHE).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('--runs', '7'));
const DIST = resolve(arg('--dist', join(ROOT, 'dist')));
const SCHEMAS = join(ROOT, 'schemas/generated');

export const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.27.3
          ports: [{containerPort: 8080}]
          resources: {limits: {cpu: 500m, memory: 128Mi}}
          readinessProbe: {httpGet: {path: /, port: 8080}}
`;
export const COMPOSE = `services:
  web:
    image: nginx:1.27.3
    ports: ["8080:80"]
    environment: {MODE: prod}
    depends_on: [db]
  db:
    image: postgres:16.4
    volumes: [data:/var/lib/postgresql/data]
volumes:
  data: {}
`;
const DOCKERFILE = `FROM node:20.11-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20.11-slim
WORKDIR /app
COPY --from=build /app/dist ./dist
USER node
CMD ["node", "dist/index.js"]
`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median (and min: the machine is shared) wall time of `node args`; one unmeasured run first. */
function wall(args, cwd, env = {}) {
  const samples = [];
  for (let i = -1; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
    if (i < 0) continue;
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  }
  return { median: median(samples), min: Math.min(...samples) };
}

/** A fresh node that loads core.js, then times each validation itself and prints the times as JSON. */
function inProcess(kind) {
  const file = kind === 'compose' ? 'compose.yaml' : 'deploy.yaml';
  const text = kind === 'compose' ? COMPOSE : DEPLOYMENT;
  const script = `
    const t0 = performance.now();
    const core = require(${JSON.stringify(join(DIST, 'core.js'))});
    const t1 = performance.now();
    const text = ${JSON.stringify(text)};
    const first = core.validateYamlFile(text, ${JSON.stringify(file)}, { schemaDir: ${JSON.stringify(SCHEMAS)} });
    const t2 = performance.now();
    core.validateYamlFile(text + '\\n', ${JSON.stringify(file)}, { schemaDir: ${JSON.stringify(SCHEMAS)} });
    const t3 = performance.now();
    process.stdout.write(JSON.stringify({ load: t1 - t0, first: t2 - t1, second: t3 - t2, findings: first.map((d) => d.rule) }));`;
  const rows = [];
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    rows.push(JSON.parse(r.stdout));
  }
  return { load: median(rows.map((r) => r.load)), first: median(rows.map((r) => r.first)), second: median(rows.map((r) => r.second)), findings: rows[0].findings };
}

function folder(name, content) {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-first-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), content);
  return dir;
}

const bin = join(ROOT, 'bin/shipshape.js');
const rows = [];
const row = (what, ms, note = '') => rows.push([what, ms.median.toFixed(1), ms.min === undefined ? '' : ms.min.toFixed(1), note]);
const NO_CACHE = { NODE_DISABLE_COMPILE_CACHE: '1' };
const chart = join(ROOT, '../shared/charts/hello-world');
row('node -e 0', wall(['-e', '0']));
row('shipshape --version', wall([bin, '--version']));
row('shipshape --version, no code cache', wall([bin, '--version'], undefined, NO_CACHE));
row('shipshape check (one Dockerfile)', wall([bin, 'check', '.'], folder('Dockerfile', DOCKERFILE)));
row('shipshape check (one Dockerfile), no code cache', wall([bin, 'check', '.'], folder('Dockerfile', DOCKERFILE), NO_CACHE));
row('shipshape check (one Deployment)', wall([bin, 'check', '.'], folder('deploy.yaml', DEPLOYMENT)));
row('shipshape check (one compose.yaml)', wall([bin, 'check', '.'], folder('compose.yaml', COMPOSE)));
if (existsSync(chart)) {
  row('shipshape render hello-world', wall([bin, 'render', chart]));
  row('shipshape render hello-world, no code cache', wall([bin, 'render', chart], undefined, NO_CACHE));
}
for (const kind of ['kubernetes', 'compose']) {
  const r = inProcess(kind);
  row(`core.js load`, { median: r.load }, `(before the ${kind} run)`);
  row(`first ${kind} validation (cold)`, { median: r.first }, `findings: ${r.findings.join(', ') || 'none'}`);
  row(`second ${kind} validation (warm)`, { median: r.second });
}

console.log(`first-check: ${RUNS} fresh processes each, ${process.version}, dist: ${DIST}\n`);
console.log('| what | median ms | min ms | |\n|---|---:|---:|---|');
for (const [what, ms, min, note] of rows) console.log(`| ${what} | ${ms} | ${min} | ${note} |`);
