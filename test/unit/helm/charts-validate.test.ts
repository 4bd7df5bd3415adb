/**
 * What the real charts in ../shared/charts render is valid Kubernetes: every rendered document passes
 * the 1.34 schemas (the editor's Render Helm Chart view shows the same validation).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCharts, renderChart, type RenderOptions } from '../../../src/core/helm/index';
import { validateYamlFile } from '../../../src/core/schemas';
import { parseYamlFile } from '../../../src/core/yaml/parse';
import { testSchemaDir } from '../schemas/schema-dir';
import { sharedPath } from '../shared-data';

const chartsRoot = sharedPath('charts');

/** The two charts that refuse their bare defaults (see charts.test.ts) get the values they ask for. */
const VALUES: Record<string, RenderOptions> = {
  'opentelemetry-collector': { set: ['image.repository=otel/opentelemetry-collector-k8s', 'mode=deployment'] },
  rocketchat: { set: ['mongodb.mongodbPassword=pw', 'mongodb.mongodbRootPassword=root'] },
};

/**
 * Real problems of the charts, which the validator must keep reporting: rocketchat bundles a 2019
 * mongodb subchart that hard-codes `policy/v1beta1` PodDisruptionBudgets, removed in Kubernetes 1.25
 * (`kubectl apply` on 1.34 rejects them too).
 */
const KNOWN_ERRORS: Record<string, string[]> = {
  rocketchat: [
    'rocketchat/charts/mongodb/templates/poddisruptionbudget-arbiter-rs.yaml:1 k8s-schema-removed-api',
    'rocketchat/charts/mongodb/templates/poddisruptionbudget-secondary-rs.yaml:1 k8s-schema-removed-api',
  ],
};

for (const dir of findCharts(chartsRoot)) {
  const name = dir.slice(chartsRoot.length + 1);
  test(`chart ${name}: the rendered manifests validate against the Kubernetes schemas`, () => {
    const result = renderChart(dir, VALUES[name] ?? {});
    const crds = result.manifests.filter((m) => m.kind === 'CustomResourceDefinition').map((m) => m.content).join('\n---\n');
    const errors: string[] = [];
    for (const manifest of result.manifests) {
      if (!manifest.kind) continue;
      const findings = validateYamlFile(manifest.content, `${manifest.source}.yaml`, {
        schemaDir: testSchemaDir(),
        kind: 'kubernetes',
        kubernetesVersion: '1.34',
        // Custom resources (ServiceMonitor, ...) validate only against CRDs the chart itself ships.
        extraCrds: crds ? [parseYamlFile(crds)] : undefined,
      });
      for (const f of findings.filter((d) => d.severity === 'error')) errors.push(`${manifest.source}:${f.range.start.line + 1} ${f.rule}`);
    }
    assert.deepEqual(errors.sort(), KNOWN_ERRORS[name] ?? []);
  });
}
