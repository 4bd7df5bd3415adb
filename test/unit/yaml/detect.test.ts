import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectYamlKind } from '../../../src/core/yaml/detect';

const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n';

test('detects Kubernetes by content, Compose by name or shape, and stays out of other YAML', () => {
  const cases: [text: string, file: string, expected: string][] = [
    [pod, 'anything.yaml', 'kubernetes'],
    ['# first doc is config\nfoo: 1\n---\n' + pod, 'multi.yml', 'kubernetes'],
    ['{"apiVersion": "apps/v1", "kind": "Deployment"}', 'd.json', 'kubernetes'],
    ['services:\n  web: {image: nginx}\n', 'compose.yaml', 'compose'],
    ['services:\n  web: {image: nginx}\n', 'stack.yaml', 'compose'],
    ['name: x\n', 'docker-compose.yml', 'compose'],
    ['name: x\n', 'docker-compose.prod.yml', 'compose'],
    ['name: x\n', 'compose.override.yaml', 'compose'],
    ['name: x\n', '/a/b/compose.yml', 'compose'],
    ['on: push\njobs: {}\n', '.github/workflows/ci.yml', 'other'],
    ['apiVersion: v1\nname: x\n', 'Chart.yaml', 'other'], // apiVersion without kind
    ['  apiVersion: v1\n  kind: Pod\n', 'nested.yaml', 'other'], // not top-level
  ];
  for (const [text, file, expected] of cases) assert.equal(detectYamlKind(text, file), expected, `${file}: ${text}`);
});

test('never treats a Helm template as a manifest', () => {
  const template = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "x.fullname" . }}\n';
  assert.equal(detectYamlKind(template, 'chart/templates/svc.yaml', { isHelmTemplate: true }), 'helm-template');
  const withChart = (p: string) => p === '/repo/chart/Chart.yaml';
  assert.equal(detectYamlKind(pod, '/repo/chart/templates/sub/pod.yaml', { fileExists: withChart }), 'helm-template');
  assert.equal(detectYamlKind(pod, '/repo/other/templates/pod.yaml', { fileExists: withChart }), 'kubernetes');
  assert.equal(detectYamlKind(template, 'chart/templates/svc.yaml'), 'helm-template');
});

test('a modeline forces the kind', () => {
  assert.equal(detectYamlKind('# shipshape: kind=none\n' + pod, 'p.yaml'), 'other');
  assert.equal(detectYamlKind('# shipshape: kind=compose\nx-foo: 1\n', 'base.yaml'), 'compose');
  assert.equal(detectYamlKind('# shipshape: kind=kubernetes\nfoo: 1\n', 'x.yaml'), 'kubernetes');
});
