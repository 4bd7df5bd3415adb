/**
 * The talk's "one process per container": no sshd, no process supervisor, no `sh -c "a & b"`.
 * Sidecars are the Kubernetes way to run a second process, so several containers per pod are fine.
 */
import { multiProcessReason } from '../../rules/container-command';
import { containerCommands } from '../pod-spec';
import type { KubernetesRule } from '../rule';

export const singleProcess: KubernetesRule = {
  meta: {
    id: 'k8s-single-process',
    domain: 'kubernetes',
    defaultSeverity: 'warning',
    description: 'Each container should run one process; use a sidecar container for a second one.',
    practice: 'single-process',
  },
  check(object, context) {
    for (const { ref, argv, field } of containerCommands(object)) {
      const reason = multiProcessReason(argv);
      if (!reason) continue;
      context.report({
        path: [...ref.path, field],
        target: 'key',
        message: `Container "${ref.name}" runs several processes (${reason}); give each its own container in the pod.`,
      });
    }
  },
};
