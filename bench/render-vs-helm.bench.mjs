// `node bench/render-vs-helm.bench.mjs [--runs N] [--filter TEXT] [--helm PATH]...`: `shipshape render` end to end
// (a fresh process per run, as a CI step runs it) against the real `helm template`, on every chart of
// ../shared/charts with its default values and with each of its ci/*.yaml. Prints the median wall time
// per case and tool, the ratio ours/helm, whether the outputs are identical, and the median ratio.
//
// helm binaries: --helm PATH (repeatable), $SHIPSHAPE_HELM, or every `helm` below
// ~/.cache/shipshape/helm-oracle/ (where the conformance tests install them). Without one the helm
// columns are left out, with a line saying so.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SHARED = process.env.SHIPSHAPE_SHARED ?? resolve(ROOT, '../shared');
const argv = process.argv.slice(2);
const flag = (name) => argv.flatMap((a, i) => (a === name && argv[i + 1] !== undefined ? [argv[i + 1]] : []));
// One measured run after one unmeasured: 91 cases make the median over cases robust, and the run short.
const RUNS = Number(flag('--runs')[0] ?? 1);
const FILTER = flag('--filter')[0];
const BIN = join(ROOT, 'bin/shipshape.js');

/** Values the charts' `required` calls ask for (as in bench/helm.bench.ts and the chart tests). */
const EXTRA = {
  'opentelemetry-collector': ['--set', 'image.repository=otel/opentelemetry-collector-k8s', '--set', 'mode=deployment'],
  rocketchat: ['--set', 'mongodb.mongodbPassword=pw', '--set', 'mongodb.mongodbRootPassword=root'],
};

function findHelms() {
  const given = [...flag('--helm'), ...(process.env.SHIPSHAPE_HELM ? [process.env.SHIPSHAPE_HELM] : [])];
  if (given.length) return given.map((p) => resolve(p));
  const found = [];
  const walk = (dir, depth) => {
    if (depth > 5 || !existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat?.isDirectory()) walk(path, depth + 1);
      else if (stat?.isFile() && name === 'helm' && stat.mode & 0o111) found.push(path);
    }
  };
  walk(join(homedir(), '.cache/shipshape/helm-oracle'), 0);
  return found;
}

function cases() {
  const root = join(SHARED, 'charts');
  const out = [];
  for (const name of readdirSync(root).sort()) {
    const chart = join(root, name);
    if (!existsSync(join(chart, 'Chart.yaml'))) continue;
    const extra = EXTRA[name] ?? [];
    out.push({ id: name, args: [chart, ...extra] });
    const ci = join(chart, 'ci');
    if (!existsSync(ci)) continue;
    for (const file of readdirSync(ci).filter((f) => /\.ya?ml$/.test(f)).sort()) {
      out.push({ id: `${name} ci/${file}`, args: [chart, ...extra, '-f', join(ci, file)] });
    }
  }
  return FILTER ? out.filter((c) => c.id.includes(FILTER)) : out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timed(command, args) {
  const samples = [];
  let last;
  for (let i = -1; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    last = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (i >= 0) samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { ms: median(samples), status: last.status, stdout: last.stdout, stderr: last.stderr };
}

const helms = findHelms();
if (helms.length === 0) {
  console.log('render-vs-helm: no helm binary (none under ~/.cache/shipshape/helm-oracle/, no --helm or $SHIPSHAPE_HELM): helm columns skipped.\n');
}
const version = (helm) => spawnSync(helm, ['version', '--short'], { encoding: 'utf8' }).stdout.trim() || helm;
const labels = helms.map(version);
// Each helm is compared with our render under its rules (--helm-compat), so "same output" means it.
const compatOf = (label) => (/^v3\./.test(label) ? '3' : /^v4\.[01]\./.test(label) ? '4.1' : '4');
console.log(`render-vs-helm: median of ${RUNS} fresh process(es) per case (one unmeasured run first), ${process.version}\n`);
console.log(['| case | shipshape ms |', ...labels.map((l) => ` ${l} ms | ratio (ours with --helm-compat ${compatOf(l)}) | same output |`)].join(''));
console.log(['|---|---:|', ...labels.map(() => '---:|---:|---|')].join(''));
const ratios = helms.map(() => []);
const ours = [];
for (const c of cases()) {
  const runs = new Map();
  const oursUnder = (compat) => {
    if (!runs.has(compat)) runs.set(compat, timed(process.execPath, [BIN, 'render', ...c.args, '--helm-compat', compat]));
    return runs.get(compat);
  };
  const first = oursUnder(helms.length ? compatOf(labels[0]) : '4');
  ours.push(first.ms);
  const cells = [`${first.ms.toFixed(0)}${first.status === 0 ? '' : ` (exit ${first.status})`}`];
  helms.forEach((helm, i) => {
    const us = oursUnder(compatOf(labels[i]));
    const them = timed(helm, ['template', ...c.args]);
    const ratio = us.ms / them.ms;
    ratios[i].push(ratio);
    const same = us.status === them.status && (us.status === 0 ? us.stdout === them.stdout : true);
    cells.push(`${them.ms.toFixed(0)}${them.status === 0 ? '' : ` (exit ${them.status})`}`, `${ratio.toFixed(2)}x`, same ? 'yes' : 'no');
  });
  console.log(`| ${c.id} | ${cells.join(' | ')} |`);
}
console.log(`\n${ours.length} cases; shipshape median ${median(ours).toFixed(0)} ms.`);
helms.forEach((helm, i) => console.log(`median ratio shipshape / ${labels[i]} (${basename(helm)}): ${median(ratios[i]).toFixed(2)}x (goal <= 1.0x)`));
