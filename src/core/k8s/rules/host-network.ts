/** `hostNetwork` puts the pod in the node's network namespace: its ports collide and it sees node traffic. */
import type { KubernetesRule } from '../rule';

export const hostNetwork: KubernetesRule = {
  meta: {
    id: 'k8s-host-network',
    domain: 'kubernetes',
    defaultSeverity: 'warning',
    description: 'Pods should not share the node network namespace (`hostNetwork: true`).',
    practice: 'security',
    aliases: ['host-network', 'CKV_K8S_19'],
  },
  check(object, context) {
    const template = object.podTemplate;
    if (template?.spec.hostNetwork !== true) return;
    context.report({
      path: [...template.specPath, 'hostNetwork'],
      message: 'The pod uses the node network (`hostNetwork: true`); expose it through a Service instead.',
    });
  },
};
