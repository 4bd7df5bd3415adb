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

test('half an identity beside metadata is a manifest missing the other half; elsewhere it is not', () => {
  const cases: [text: string, file: string, expected: string][] = [
    // kubeconform's missing_apiversion fixture, and the reverse.
    ['kind: ReplicationController\nmetadata:\n  name: "bob"\nspec: {}\n', 'rc.yaml', 'kubernetes'],
    ['apiVersion: v1\nmetadata:\n  name: x\ndata:\n  a: b\n', 'cm.yaml', 'kubernetes'],
    ['apiVersion: "apps/v1"  # comment\nmetadata: {name: x}\n', 'd.yaml', 'kubernetes'],
    ['apiVersion: cert-manager.io/v1beta1\r\nmetadata:\r\n  name: x\r\n', 'crlf.yaml', 'kubernetes'],
    // `kind:` with no value is as good as absent (kubeconform's missing_kind_value).
    ['apiVersion: v1\nkind:\nmetadata: {name: x}\n', 'null-kind.yaml', 'kubernetes'],
    // In a later document of the stream.
    ['foo: 1\n---\napiVersion: batch/v1\nmetadata: {name: j}\n', 'multi.yaml', 'kubernetes'],
    // No metadata: other tools' files with an apiVersion or a kind.
    ['apiVersion: v2\nname: chart\nversion: 1.0.0\n', 'Chart.yml', 'other'],
    ['kind: of a list\nitems: [1]\n', 'notes.yaml', 'other'],
    ['apiVersion: v1\nentries: {}\n', 'index.yaml', 'other'],
    // An apiVersion that is no group/version, or a kind that is no Kind.
    ['apiVersion: 2.1\nmetadata: {title: x}\n', 'doc.yaml', 'other'],
    ['kind: article\nmetadata: {title: x}\n', 'post.yaml', 'other'],
    // Indented keys are not top-level.
    ['spec:\n  apiVersion: v1\n  metadata: {}\n', 'nested.yaml', 'other'],
    // kustomize fills in a missing apiVersion or kind of its own files.
    ['kind: Kustomization\nmetadata: {name: x}\nresources: [a.yaml]\n', 'base/kustomization.yaml', 'other'],
    ['apiVersion: kustomize.config.k8s.io/v1beta1\nmetadata: {name: x}\n', 'kustomization.yml', 'other'],
    ['apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n', 'kustomization.yaml', 'kubernetes'],
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
