/** See ../missing-reference.ts for when a missing ConfigMap is reported and why. */
import { reportMissing } from '../missing-reference';
import type { KubernetesRule } from '../rule';

export const missingConfigMap: KubernetesRule = {
  meta: {
    id: 'k8s-missing-configmap',
    domain: 'kubernetes',
    defaultSeverity: 'warning',
    description: 'ConfigMaps referenced by env, envFrom or volumes must be defined in the workspace.',
    practice: 'config-env',
  },
  check(object, context) {
    reportMissing(object, 'ConfigMap', context, 'ConfigMap');
  },
};
