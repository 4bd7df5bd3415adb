/** Document order by kind: Helm 4 installs webhook configurations last of the known kinds; Helm 3 does not know them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HELM3_INSTALL_ORDER, sortByKind } from '../../../src/core/helm/sort';

const kinds = ['ValidatingWebhookConfiguration', '', 'Deployment', 'MutatingWebhookConfiguration', 'APIService', 'Zebra', 'ConfigMap'];
const order = (list: readonly string[]) => sortByKind(kinds.map((kind) => ({ kind })), list).map((d) => d.kind);

test('Helm 4: webhook configurations in the install order, after APIService', () => {
  assert.deepStrictEqual(sortByKind(kinds.map((kind) => ({ kind }))).map((d) => d.kind), [
    'ConfigMap', 'Deployment', 'APIService', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', '', 'Zebra',
  ]);
});

test('Helm 3: webhook configurations are unknown kinds, after documents with no kind, alphabetically', () => {
  assert.deepStrictEqual(order(HELM3_INSTALL_ORDER), ['ConfigMap', 'Deployment', 'APIService', '', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'Zebra']);
});
