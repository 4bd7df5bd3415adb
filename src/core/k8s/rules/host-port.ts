/**
 * Host ports the API server rejects on a pod in the node's network: with `hostNetwork: true`, a
 * container's hostPort must equal its containerPort. Mirrors kubernetes/pkg/apis/core/validation
 * .validateHostNetwork: it looks at the regular containers, and lets hostPort 0 or unset through
 * (defaulted to containerPort when the pod is created).
 */
import { asArray, asRecord } from '../../rules/yaml-values';
import { isBuiltIn } from '../api-validation';
import type { KubernetesRule } from '../rule';

export const hostPort: KubernetesRule = {
  meta: {
    id: 'k8s-host-port',
    domain: 'kubernetes',
    defaultSeverity: 'error',
    description: 'With hostNetwork: true, a container port’s hostPort must be unset or equal to its containerPort.',
    practice: 'correctness',
  },
  check(object, context) {
    const template = object.podTemplate;
    if (!isBuiltIn(object) || template?.spec.hostNetwork !== true) return;
    asArray(template.spec.containers).forEach((container, i) => {
      asArray(asRecord(container)?.ports).forEach((item, j) => {
        const port = asRecord(item);
        if (!port || typeof port.hostPort !== 'number' || typeof port.containerPort !== 'number') return;
        if (port.hostPort === 0 || port.hostPort === port.containerPort) return;
        context.report({
          path: [...template.specPath, 'containers', i, 'ports', j, 'hostPort'],
          message: `hostPort ${port.hostPort} must match \`containerPort\` (${port.containerPort}) when \`hostNetwork\` is true: the container listens on the node's port directly.`,
        });
      });
    });
  },
};
