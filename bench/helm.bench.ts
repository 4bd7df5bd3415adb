/**
 * `npm run bench -- helm`: time to render each chart in ../shared/charts with renderChart.
 * cold = caches cleared first (loading, parsing and rendering, in a fresh process for the first chart);
 * warm = chart and parsed templates reused, after two untimed renders (what the editor pays on a change). Goal: warm < 50 ms per chart. Charts whose defaults fail
 * on purpose get the values their `required` asks for (as in test/unit/helm/charts.test.ts).
 */
import { resolve } from 'node:path';
import { clearTemplateCache, findCharts, renderChart, type RenderOptions } from '../src/core/helm/index';

const SHARED = process.env.SHIPSHAPE_SHARED ?? resolve(__dirname, '../../shared');
const chartsRoot = resolve(SHARED, 'charts');
const WARM_RUNS = 5;
/** Untimed renders before measuring warm: lets the JIT settle, as in a long-running editor session. */
const WARM_UP = 2;

const EXTRA: Record<string, RenderOptions> = {
  'opentelemetry-collector': { set: ['image.repository=otel/opentelemetry-collector-k8s', 'mode=deployment'] },
  rocketchat: { set: ['mongodb.mongodbPassword=pw', 'mongodb.mongodbRootPassword=root'] },
};

/**
 * Charts that call genCA/genSignedCert/genPrivateKey spend most of a render generating RSA keys
 * (helm does the same); that time is measured apart so the renderer's own cost stays visible.
 */
let keygenMs = 0;
// The CommonJS module object itself (an ES namespace import would be a read-only copy).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const crypto = require('node:crypto') as Record<string, unknown>;
const generateKeyPairSync = crypto.generateKeyPairSync as (...args: unknown[]) => unknown;
try {
  crypto.generateKeyPairSync = (...args: unknown[]): unknown => {
    const start = process.hrtime.bigint();
    try {
      return generateKeyPairSync(...args);
    } finally {
      keygenMs += Number(process.hrtime.bigint() - start) / 1e6;
    }
  };
} catch {
  /* not patchable in this runtime: the keygen column then stays 0 */
}

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log('| chart | output (KB) | cold ms | warm ms (median of 5) | of which RSA keygen ms | warm without keygen | goal < 50 ms |');
console.log('|---|---:|---:|---:|---:|---:|---|');
for (const dir of findCharts(chartsRoot)) {
  const name = dir.slice(chartsRoot.length + 1);
  const options = EXTRA[name] ?? {};
  let size = 0;
  let cold: number;
  try {
    clearTemplateCache();
    cold = time(() => {
      size = renderChart(dir, options).output.length;
    });
  } catch (e) {
    console.log(`| ${name} | — | error: ${(e as Error).message.split('\n')[0].slice(0, 80)} | — | — | — | — |`);
    continue;
  }
  for (let i = 0; i < WARM_UP; i++) renderChart(dir, options);
  const warm: number[] = [];
  const keygen: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    keygenMs = 0;
    warm.push(time(() => renderChart(dir, options)));
    keygen.push(keygenMs);
  }
  const w = median(warm);
  const k = median(keygen);
  const own = w - k;
  console.log(`| ${name} | ${(size / 1024).toFixed(1)} | ${cold.toFixed(1)} | ${w.toFixed(1)} | ${k.toFixed(1)} | ${own.toFixed(1)} | ${own < 50 ? 'ok' : 'over'} |`);
}
