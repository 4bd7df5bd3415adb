/**
 * Host ports the API server rejects. Mirrors kubernetes/pkg/apis/core/validation: validateHostNetwork
 * (with `hostNetwork: true`, a container's hostPort must equal its containerPort; 0 or unset is
 * let through, defaulted to containerPort when the pod is created) and checkHostPortConflicts /
 * AccumulateUniqueHostPorts (no two ports of the pod's containers on the same hostPort, protocol
 * and hostIP). Both look at the regular containers only.
 */
import { asArray, asRecord } from '../../rules/yaml-values';
import { isBuiltIn } from '../api-validation';
import type { KubernetesRule } from '../rule';

export const hostPort: KubernetesRule = {
  meta: {
    id: 'k8s-host-port',
    domain: 'kubernetes',
    defaultSeverity: 'error',
    description: 'Host ports must not collide within a pod, and with hostNetwork: true a hostPort must be unset or equal to its containerPort.',
    practice: 'correctness',
  },
  check(object, context) {
    const template = object.podTemplate;
    if (!isBuiltIn(object) || !template) return;
    const hostNetwork = template.spec.hostNetwork === true;
    const taken = new Set<string>();
    asArray(template.spec.containers).forEach((container, i) => {
      asArray(asRecord(container)?.ports).forEach((item, j) => {
        const port = asRecord(item);
        if (!port || typeof port.hostPort !== 'number' || port.hostPort === 0) return;
        const path = [...template.specPath, 'containers', i, 'ports', j, 'hostPort'];
        if (hostNetwork && typeof port.containerPort === 'number' && port.hostPort !== port.containerPort) {
          context.report({ path, message: `hostPort ${port.hostPort} must match \`containerPort\` (${port.containerPort}) when \`hostNetwork\` is true: the container listens on the node's port directly.` });
        }
        if (typeof port.protocol !== 'string' && port.protocol !== undefined) return;
        if (typeof port.hostIP !== 'string' && port.hostIP !== undefined) return;
        const protocol = port.protocol || 'TCP';
        const key = `${protocol}/${port.hostIP ?? ''}/${port.hostPort}`;
        if (taken.has(key)) context.report({ path, message: `hostPort ${port.hostPort} (${protocol}${port.hostIP ? ` on ${port.hostIP}` : ''}) is a duplicate: another port of the pod already takes it.` });
        taken.add(key);
      });
    });
  },
};
