/** See ../missing-reference.ts for when a missing ServiceAccount is reported and why. */
import { reportMissing } from '../missing-reference';
import type { KubernetesRule } from '../rule';

export const missingServiceAccount: KubernetesRule = {
  meta: {
    id: 'k8s-missing-service-account',
    domain: 'kubernetes',
    defaultSeverity: 'warning',
    description: 'The serviceAccountName of a pod must be a ServiceAccount defined in the workspace (or `default`).',
    practice: 'security',
    aliases: ['non-existent-service-account'],
  },
  check(object, context) {
    reportMissing(object, 'ServiceAccount', context, 'ServiceAccount');
  },
};
