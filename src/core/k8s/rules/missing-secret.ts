/** See ../missing-reference.ts for when a missing Secret is reported and why. */
import { reportMissing } from '../missing-reference';
import type { KubernetesRule } from '../rule';

export const missingSecret: KubernetesRule = {
  meta: {
    id: 'k8s-missing-secret',
    domain: 'kubernetes',
    defaultSeverity: 'warning',
    description: 'Secrets referenced by env, envFrom or volumes must be defined in the workspace.',
    practice: 'config-env',
  },
  check(object, context) {
    reportMissing(object, 'Secret', context, 'Secret');
  },
};
