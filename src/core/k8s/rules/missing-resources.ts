/**
 * Containers should declare CPU and memory requests (so the scheduler can place them) and a memory
 * limit (so one leak cannot take the node). A CPU limit is not required: it throttles bursts and
 * many teams deliberately leave it out.
 */
import { asRecord, dig } from '../../rules/yaml-values';
import { containerAnchor, containersOf } from '../pod-spec';
import type { KubernetesRule } from '../rule';

const REQUIRED: [string, string][] = [
  ['requests', 'cpu'],
  ['requests', 'memory'],
  ['limits', 'memory'],
];

export const missingResources: KubernetesRule = {
  meta: {
    id: 'k8s-missing-resources',
    domain: 'kubernetes',
    defaultSeverity: 'warning',
    description: 'Containers should set CPU and memory requests and a memory limit.',
    practice: 'correctness',
    aliases: ['container-resources', 'unset-cpu-requirements', 'unset-memory-requirements', 'CKV_K8S_10', 'CKV_K8S_12', 'CKV_K8S_13'],
  },
  check(object, context) {
    for (const ref of containersOf(object)) {
      if (ref.kind === 'ephemeral') continue; // ephemeral containers may not set resources
      const resources = asRecord(ref.container.resources);
      const missing = REQUIRED.filter(([group, resource]) => dig(resources, group, resource) === undefined).map(([g, r]) => `${g}.${r}`);
      if (missing.length === 0) continue;
      context.report({
        path: resources ? [...ref.path, 'resources'] : containerAnchor(ref),
        target: resources ? 'key' : 'value',
        message: `Container "${ref.name}" does not set ${missing.join(', ')}.`,
      });
    }
  },
};
