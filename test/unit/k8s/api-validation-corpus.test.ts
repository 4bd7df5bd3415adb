/**
 * The API-server rules on real manifests: every finding of k8s-object-name, k8s-label-syntax,
 * k8s-annotation-syntax, k8s-port-range and k8s-resource-quantity over ../shared/corpus/k8s and the
 * rendered output of the real charts in ../shared/charts, pinned. Each was checked by hand
 * against the Go validators: a new one is a false positive until shown to be a real rejection.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { KubernetesWorkspace } from '../../../src/core/k8s';
import { findCharts, renderChart, type RenderOptions } from '../../../src/core/helm/index';
import { parseYamlFile } from '../../../src/core/yaml/parse';
import { sharedPath } from '../shared-data';

const RULES = new Set(['k8s-object-name', 'k8s-label-syntax', 'k8s-annotation-syntax', 'k8s-port-range', 'k8s-resource-quantity', 'k8s-finalizer-name', 'k8s-storage-request', 'k8s-host-port', 'k8s-ip-address', 'k8s-quota-resources', 'k8s-limit-range']);

/**
 * Reviewed: none. The corpus's only API-server rejection of this kind, `protocol: tcp` on container
 * ports in two archived kubernetes/examples volume examples, is a schema enum, reported by k8s-schema.
 */
const EXPECTED: string[] = [];

/** As charts-validate.test.ts: the two charts that refuse their bare defaults get the values they ask for. */
const VALUES: Record<string, RenderOptions> = {
  'opentelemetry-collector': { set: ['image.repository=otel/opentelemetry-collector-k8s', 'mode=deployment'] },
  rocketchat: { set: ['mongodb.mongodbPassword=pw', 'mongodb.mongodbRootPassword=root'] },
};

function yamlFilesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? yamlFilesUnder(path) : /\.(ya?ml|json)$/.test(name) ? [path] : [];
  });
}

test('API-server rules on the shared corpus and rendered charts: only the reviewed findings', () => {
  const workspace = new KubernetesWorkspace();
  const names: string[] = [];
  const corpus = sharedPath('corpus/k8s');
  for (const file of yamlFilesUnder(corpus)) {
    const name = file.slice(corpus.length + 1);
    workspace.updateFile(name, parseYamlFile(readFileSync(file, 'utf8')));
    names.push(name);
  }
  let rendered = 0;
  for (const root of [sharedPath('charts')]) {
    for (const dir of findCharts(root)) {
      const chart = dir.slice(root.length + 1);
      let manifests;
      try {
        manifests = renderChart(dir, VALUES[chart] ?? {}).manifests;
      } catch (error) {
        assert.fail(`${chart} does not render: ${String(error)}`);
      }
      manifests.forEach((m, i) => {
        const name = `${chart}:${m.source}#${i}`;
        workspace.updateFile(name, parseYamlFile(m.content));
        names.push(name);
        rendered++;
      });
    }
  }
  assert.ok(rendered > 100, `rendered ${rendered} manifests`);
  const objects = names.reduce((n, name) => n + workspace.objectsOf(name).length, 0);
  assert.ok(objects > 500, `checked ${objects} objects`);
  const found = names.flatMap((name) =>
    workspace
      .check(name)
      .filter((d) => RULES.has(d.rule))
      .map((d) => `${name}:${d.range.start.line + 1} ${d.rule}`),
  );
  assert.deepEqual(found.sort(), EXPECTED);
});
