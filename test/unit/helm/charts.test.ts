/**
 * The real charts in ../shared/charts render with their default values and with every values file of
 * their `ci/` directory (the upstream chart-testing inputs), and what they render is well-formed.
 * Two charts deliberately refuse their bare defaults with a `required` message, exactly as helm does;
 * for those the test checks that message and renders again with the values it asks for.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from '../shared-data';
import { findCharts, renderChart, ChartRenderError, type RenderOptions, type RenderResult } from '../../../src/core/helm/index';

const chartsRoot = sharedPath('charts');

/** Charts whose defaults fail on purpose: the chart's own message, and the values that satisfy it. */
const REQUIRES_VALUES: Record<string, { message: RegExp; options: RenderOptions }> = {
  'opentelemetry-collector': {
    message: /^execution error at \(opentelemetry-collector\/templates\/NOTES\.txt:\d+:\d+\): \[ERROR\] 'image\.repository' must be set/,
    options: { set: ['image.repository=otel/opentelemetry-collector-k8s', 'mode=deployment'] },
  },
  rocketchat: {
    message: /^execution error at \(rocketchat\/templates\/secret\.yaml:\d+:\d+\): Please specify a MongoDB password$/,
    options: { set: ['mongodb.mongodbPassword=pw', 'mongodb.mongodbRootPassword=root'] },
  },
};

function assertWellFormed(result: RenderResult): void {
  assert.ok(result.manifests.length > 0, 'renders at least one document');
  assert.ok(result.output.startsWith('---\n# Source: '));
  for (const m of result.manifests) {
    assert.match(m.source, /\/templates\//);
    assert.ok(result.output.includes(`# Source: ${m.source}\n`));
    // A document without a kind is only acceptable when it holds nothing but comments.
    if (!m.kind) assert.ok(m.content.split('\n').every((l) => l.trim() === '' || l.trim().startsWith('#')), `${m.source}: document without kind`);
  }
}

for (const dir of findCharts(chartsRoot)) {
  const name = dir.slice(chartsRoot.length + 1);
  const required = REQUIRES_VALUES[name];
  test(`chart ${name} renders with default values`, () => {
    if (!required) {
      assertWellFormed(renderChart(dir));
      return;
    }
    assert.throws(() => renderChart(dir), (e: Error) => e instanceof ChartRenderError && required.message.test(e.message));
    assertWellFormed(renderChart(dir, required.options));
  });
  const ci = join(dir, 'ci');
  if (!existsSync(ci)) continue;
  for (const file of readdirSync(ci).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    test(`chart ${name} renders with ci/${file}`, () => {
      assertWellFormed(renderChart(dir, { valuesFiles: [join(ci, file)] }));
    });
  }
}

test('rendering the same chart twice gives the same output (no state leaks between renders)', () => {
  const dir = sharedPath('charts/podinfo');
  // Test hooks carry random names (randAlphaNum); the manifests do not.
  const manifests = (r: RenderResult): string[] => r.manifests.filter((m) => !m.hook).map((m) => m.content);
  const first = manifests(renderChart(dir, { set: ['replicaCount=3'] }));
  assert.ok(first.some((c) => c.includes('replicas: 3')));
  renderChart(dir, { set: ['replicaCount=5'] });
  assert.deepEqual(manifests(renderChart(dir, { set: ['replicaCount=3'] })), first);
});
