/**
 * Real Helm output as the oracle: text that Helm's toYaml produced (collector configs committed by the
 * OpenTelemetry charts, Helm's own issue-9027 golden) must come out byte-identical when we read it as
 * values and print it with our toYaml again.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { parseYamlValues, toYaml } from '../../../src/core/helm/functions';
import { sharedPath } from '../shared-data';

/** `data.relay` of every rendered collector ConfigMap: `relay: |` + toYaml of the config. */
function collectorConfigs(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const chart of ['opentelemetry-collector', 'opentelemetry-target-allocator', 'opentelemetry-operator']) {
    const examples = sharedPath('charts', chart, 'examples');
    if (!existsSync(examples)) continue;
    for (const example of readdirSync(examples)) {
      const rendered = join(examples, example, 'rendered');
      if (!existsSync(rendered)) continue;
      for (const file of readdirSync(rendered).filter((f) => f.startsWith('configmap'))) {
        for (const doc of parseAllDocuments(readFileSync(join(rendered, file), 'utf8'))) {
          const data = (doc.toJS() as { data?: Record<string, unknown> } | null)?.data ?? {};
          for (const [key, text] of Object.entries(data)) {
            if (typeof text === 'string' && text.includes(':')) out.push([`${chart}/${example}/${file}:${key}`, text]);
          }
        }
      }
    }
  }
  return out;
}

const configs = collectorConfigs();

test('there are committed collector configs to compare with', () => {
  assert.ok(configs.length >= 10, `found ${configs.length}`);
});

for (const [name, text] of configs) {
  test(`toYaml reproduces ${name}`, () => {
    assert.equal(toYaml(parseYamlValues(text)) + '\n', text);
  });
}

test('toYaml reproduces the `.Values | toYaml` documents of Helm golden issue-9027', () => {
  const golden = readFileSync(sharedPath('helm-golden/helm-v4/pkg/cmd/testdata/output/issue-9027.txt'), 'utf8');
  const bodies = golden
    .split(/^---\n# Source: .*\n/m)
    .filter((b) => b.trim() !== '')
    .map((b) => b.replace(/\n+$/, ''));
  assert.equal(bodies.length, 2);
  for (const body of bodies) assert.equal(toYaml(parseYamlValues(body)), body);
});
