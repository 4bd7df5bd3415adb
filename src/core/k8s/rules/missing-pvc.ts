/** See ../missing-reference.ts for when a missing PersistentVolumeClaim is reported and why. */
import { reportMissing } from '../missing-reference';
import type { KubernetesRule } from '../rule';

export const missingPvc: KubernetesRule = {
  meta: {
    id: 'k8s-missing-pvc',
    domain: 'kubernetes',
    defaultSeverity: 'warning',
    description: 'PersistentVolumeClaims mounted by a pod must be defined in the workspace.',
    practice: 'correctness',
  },
  check(object, context) {
    reportMissing(object, 'PersistentVolumeClaim', context, 'PersistentVolumeClaim');
  },
};
