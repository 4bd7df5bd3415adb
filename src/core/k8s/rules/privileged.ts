/** A privileged container is root on the node: it can load kernel modules and read every device. */
import { dig } from '../../rules/yaml-values';
import { containersOf } from '../pod-spec';
import type { KubernetesRule } from '../rule';

export const privileged: KubernetesRule = {
  meta: {
    id: 'k8s-privileged',
    domain: 'kubernetes',
    defaultSeverity: 'warning',
    description: 'Containers should not run privileged.',
    practice: 'security',
    aliases: ['privileged-container', 'container-security-context-privileged', 'CKV_K8S_16'],
  },
  check(object, context) {
    for (const ref of containersOf(object)) {
      if (dig(ref.container, 'securityContext', 'privileged') !== true) continue;
      context.report({
        path: [...ref.path, 'securityContext', 'privileged'],
        message: `Container "${ref.name}" runs privileged, with full access to the node; grant only the capabilities it needs.`,
      });
    }
  },
};
