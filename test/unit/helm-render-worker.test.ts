/**
 * The editor renders charts in a worker thread: the result equals the core's, a runaway template is
 * stopped by its budget, cancel stops a render at once (and the next render still works), and the
 * host's event loop keeps running while a chart renders.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderChart } from '../../src/core/helm';
import { renderForCheck } from '../../src/core/project/charts';
import { RenderCancelled, RenderClient, type CancelSignal } from '../../src/core/helm/worker/render-client';
import { buildSync } from 'esbuild';
import { REPO_ROOT } from './shared-data';

/** The worker runs as it ships: bundled by esbuild (a .ts entry cannot be loaded in a worker thread). */
let workerScript = '';
before(() => {
  workerScript = join(mkdtempSync(join(tmpdir(), 'shipshape-worker-bundle-')), 'helm-render-worker.js');
  buildSync({ entryPoints: [join(REPO_ROOT, 'src/core/helm/worker/render-worker.ts')], outfile: workerScript, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
});

function chart(templates: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-worker-'));
  mkdirSync(join(dir, 'templates'));
  writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: demo\nversion: 0.1.0\n');
  writeFileSync(join(dir, 'values.yaml'), 'replicas: 2\n');
  for (const [name, text] of Object.entries(templates)) writeFileSync(join(dir, 'templates', name), text);
  return dir;
}

function cancelSource(): CancelSignal & { cancel(): void } {
  const listeners: (() => void)[] = [];
  const signal = {
    isCancellationRequested: false,
    onCancellationRequested(listener: () => void) {
      listeners.push(listener);
      return { dispose: () => listeners.splice(listeners.indexOf(listener), 1) };
    },
    cancel() {
      signal.isCancellationRequested = true;
      for (const l of [...listeners]) l();
    },
  };
  return signal;
}

const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicas }}\n';
const runaway = '{{- range $i := until 1000000 }}{{- range $j := until 1000000 }}{{ $i }}{{ end }}{{ end }}';

test('a worker render equals the core render, with template line maps', { timeout: 60_000 }, async () => {
  const client = new RenderClient(workerScript, () => undefined);
  try {
    const dir = chart({ 'deployment.yaml': deployment });
    const reply = await client.renderJob({ chartDir: dir, options: { releaseName: 'web' }, budgetMs: 20_000 });
    assert.ok(reply.ok);
    const expected = renderChart(dir, { releaseName: 'web' });
    assert.equal(reply.output, expected.output);
    assert.deepEqual(reply.manifests[0].templateLines, expected.manifests[0].templateLines);
  } finally {
    client.dispose();
  }
});

test('template errors come back with the template and line', { timeout: 60_000 }, async () => {
  const client = new RenderClient(workerScript, () => undefined);
  try {
    const dir = chart({ 'broken.yaml': 'a: 1\nb: {{ required "b is required" .Values.b }}\n' });
    const reply = await client.renderJob({ chartDir: dir, options: {}, budgetMs: 20_000 });
    assert.ok(!reply.ok);
    assert.match(reply.error.message, /b is required/);
    assert.equal(reply.error.templatePath, 'demo/templates/broken.yaml');
    assert.equal(reply.error.line, 2);
  } finally {
    client.dispose();
  }
});

test('a runaway template is stopped by the budget while the host keeps running; cancel stops at once', { timeout: 90_000 }, async () => {
  const client = new RenderClient(workerScript, () => undefined);
  try {
    const dir = chart({ 'loop.yaml': runaway });
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const reply = await client.renderJob({ chartDir: dir, options: { limits: { maxSteps: 1e12, maxOutputBytes: 1e12 } }, budgetMs: 1_500 });
    clearInterval(ticker);
    assert.ok(!reply.ok);
    assert.match(reply.error.message, /longer than 1\.5 s/);
    assert.ok(ticks >= 20, `the host's event loop was blocked (${ticks} ticks)`);

    const source = cancelSource();
    const cancelled = client.renderJob({ chartDir: dir, options: { limits: { maxSteps: 1e12, maxOutputBytes: 1e12 } }, budgetMs: 60_000 }, source);
    const asked = Date.now();
    setTimeout(() => source.cancel(), 300);
    await assert.rejects(cancelled, RenderCancelled);
    assert.ok(Date.now() - asked < 5_000, 'cancel took too long');

    const again = await client.renderJob({ chartDir: chart({ 'deployment.yaml': deployment }), options: {}, budgetMs: 20_000 });
    assert.ok(again.ok, 'a render after a cancel works');
  } finally {
    client.dispose();
  }
});

test("a chart rendered for checking in the worker (the server's renderer) equals the render in place; a runaway one ends in one finding", { timeout: 60_000 }, async () => {
  const client = new RenderClient(workerScript, () => undefined);
  try {
    const dir = chart({ 'deployment.yaml': deployment });
    const request = { chartDir: dir, overrides: { [join(dir, 'values.yaml')]: 'replicas: 5\n' }, valuesFiles: [] };
    const render = await client.render(request);
    assert.deepEqual(render, renderForCheck(request));
    assert.match(render.documents[0].manifest.content, /replicas: 5/, 'unsaved buffers are rendered');
    assert.deepEqual(render.documents[0].manifest.templateLines, renderForCheck(request).documents[0].manifest.templateLines);

    const loop = chart({ 'loop.yaml': runaway });
    const stopped = await client.render({ chartDir: loop, overrides: {}, valuesFiles: [] }, 1_000);
    assert.equal(stopped.documents.length, 0);
    assert.equal(stopped.error?.rule, 'helm-render');
    assert.match(stopped.error?.message ?? '', /longer than 1 s/);
    assert.ok((await client.render(request)).documents.length > 0, 'the next chart renders');
  } finally {
    client.dispose();
  }
});
