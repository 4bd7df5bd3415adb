/**
 * Conformance with the oracles in ../shared/corpus: kubeconform/kubeval's own expectations for their
 * fixtures (strict mode where given, as our default is strict) and the Compose reference run. Every
 * disagreement must be listed, with its reason, in schemas/conformance-disagreements.json.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateYamlFile } from '../../../src/core/schemas';
import { REPO_ROOT, sharedPath } from '../shared-data';
import { testSchemaDir } from './schema-dir';

const disagreements = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/conformance-disagreements.json'), 'utf8')) as Record<string, Record<string, string>>;

/** Fixtures the oracle validated with an extra schema location (kubeconform -schema-location). */
const SCHEMA_LOCATIONS: Record<string, string[]> = {
  'kubeconform/grafana-alert-rule-group-sample.yaml': [sharedPath('corpus/k8s/kubeconform')],
};

function run(area: 'k8s' | 'compose', verdictOf: (entry: Record<string, unknown>) => unknown) {
  const expected = JSON.parse(readFileSync(sharedPath(`corpus/${area}/expected.json`), 'utf8')) as Record<string, Record<string, unknown>>;
  const unexpected: string[] = [];
  let agreed = 0;
  for (const [rel, entry] of Object.entries(expected)) {
    if (rel === '_about') continue;
    const text = readFileSync(sharedPath(`corpus/${area}`, rel), 'utf8');
    const diagnostics = validateYamlFile(text, rel, {
      schemaDir: testSchemaDir(),
      kind: area === 'k8s' ? 'kubernetes' : 'compose',
      crdDirs: SCHEMA_LOCATIONS[rel],
    });
    const valid = diagnostics.every((d) => d.severity !== 'error' && d.severity !== 'warning');
    const agrees = valid === verdictOf(entry);
    const listed = rel in (disagreements[area] ?? {});
    if (agrees && !listed) agreed++;
    else if (agrees && listed) unexpected.push(`${rel}: listed as a disagreement but now agrees; remove it from the list`);
    else if (!listed) unexpected.push(`${rel}: expected valid=${String(verdictOf(entry))}, got ${valid}: ${diagnostics.slice(0, 2).map((d) => d.message).join(' | ')}`);
  }
  return { agreed, unexpected };
}

test('Kubernetes corpus: same verdicts as kubeconform/kubeval expect (strict where given)', () => {
  const { agreed, unexpected } = run('k8s', (e) => e.valid_strict ?? e.valid);
  assert.deepEqual(unexpected, []);
  assert.ok(agreed >= 60, `only ${agreed} files agreed`);
});

test('Compose corpus: same verdicts as the reference run', () => {
  const { agreed, unexpected } = run('compose', (e) => e.schema_valid);
  assert.deepEqual(unexpected, []);
  assert.ok(agreed >= 135, `only ${agreed} files agreed`);
});

test('Compose errors name the service and the field, like docker compose', () => {
  const rel = 'docker-compose-e2e/wrong-composefile/compose.yaml';
  const [d] = validateYamlFile(readFileSync(sharedPath('corpus/compose', rel), 'utf8'), 'compose.yaml', { schemaDir: testSchemaDir() });
  assert.match(d.message, /Unknown field "wrongField" in `services\.simple`/);
  assert.equal(d.range.start.line, 3);
});
