/**
 * Claims the API server rejects for their size: a PersistentVolumeClaim's spec.resources.requests
 * must hold `storage`, greater than zero. Mirrors kubernetes/pkg/apis/core/validation
 * .ValidatePersistentVolumeClaimSpec (Required, then ValidatePositiveQuantityValue), which also
 * validates the claim templates of generic ephemeral volumes and, on recent servers (1.34), of a
 * StatefulSet's volumeClaimTemplates (older servers accept the StatefulSet and then fail to
 * create its claims). A quantity that does not parse is the schema's.
 */
import { asArray, asRecord, dig } from '../../rules/yaml-values';
import { apiGroupOf, isBuiltIn, isTemplated } from '../api-validation';
import type { K8sObject, YamlPath } from '../model';
import type { KubernetesRule, KubernetesRuleContext } from '../rule';
import { parseExactQuantity } from './resource-quantity';

export const storageRequest: KubernetesRule = {
  meta: {
    id: 'k8s-storage-request',
    domain: 'kubernetes',
    defaultSeverity: 'error',
    description: 'A PersistentVolumeClaim (or claim template) must request storage, and more than zero.',
    practice: 'correctness',
  },
  check(object, context) {
    if (!isBuiltIn(object)) return;
    for (const path of claimSpecPaths(object)) {
      const spec = asRecord(dig(object.value, ...(path as (string | number)[])));
      if (spec) checkClaimSpec(context, spec, path);
    }
  },
};

/** The PersistentVolumeClaimSpecs of the object: its own, its StatefulSet templates', its ephemeral volumes'. */
function claimSpecPaths(object: K8sObject): YamlPath[] {
  const paths: YamlPath[] = [];
  const group = apiGroupOf(object.apiVersion);
  if (object.kind === 'PersistentVolumeClaim' && group === '') paths.push(['spec']);
  if (object.kind === 'StatefulSet' && group === 'apps') {
    asArray(dig(object.value, 'spec', 'volumeClaimTemplates')).forEach((_, i) => paths.push(['spec', 'volumeClaimTemplates', i, 'spec']));
  }
  const template = object.podTemplate;
  if (template) {
    asArray(template.spec.volumes).forEach((volume, i) => {
      if (asRecord(dig(volume, 'ephemeral', 'volumeClaimTemplate', 'spec'))) paths.push([...template.specPath, 'volumes', i, 'ephemeral', 'volumeClaimTemplate', 'spec']);
    });
  }
  return paths;
}

function checkClaimSpec(context: KubernetesRuleContext, spec: Record<string, unknown>, path: YamlPath): void {
  const resources = asRecord(spec.resources);
  const requests = asRecord(resources?.requests);
  if (requests && Object.keys(requests).some(isTemplated)) return;
  if (!requests || !('storage' in requests)) {
    const where: YamlPath = requests ? [...path, 'resources', 'requests'] : resources ? [...path, 'resources'] : path;
    context.report({ path: where, target: 'key', message: 'The claim needs resources.requests.storage: the API server requires a storage request (e.g. storage: 1Gi).' });
    return;
  }
  const value = requests.storage;
  if (typeof value === 'string' && isTemplated(value)) return;
  const quantity = parseExactQuantity(value);
  if (quantity && quantity.num <= 0n) {
    context.report({ path: [...path, 'resources', 'requests', 'storage'], message: `requests.storage ${String(value)} must be greater than zero.` });
  }
}
