/**
 * Containers should be forced to run as a non-root user. The container's securityContext overrides
 * the pod's, as in the kubelet, so both are merged per container. `runAsUser` > 0 without
 * `runAsNonRoot` is accepted: it already names a non-root user.
 */
import { asRecord } from '../../rules/yaml-values';
import { containerAnchor, containersOf } from '../pod-spec';
import type { KubernetesRule } from '../rule';
import type { YamlPath } from '../model';

export const runAsRoot: KubernetesRule = {
  meta: {
    id: 'k8s-run-as-root',
    domain: 'kubernetes',
    defaultSeverity: 'warning',
    description: 'Containers should set `runAsNonRoot: true` (or a non-zero `runAsUser`) and never run as user 0.',
    practice: 'security',
    aliases: ['run-as-non-root', 'container-security-context-user-group-id', 'CKV_K8S_23', 'CKV_K8S_40'],
  },
  check(object, context) {
    const template = object.podTemplate;
    if (!template) return;
    const podContext = asRecord(template.spec.securityContext);
    const podPath: YamlPath = [...template.specPath, 'securityContext'];
    for (const ref of containersOf(object)) {
      const own = asRecord(ref.container.securityContext);
      const ownPath: YamlPath = [...ref.path, 'securityContext'];
      const pick = (field: string): { value: unknown; path: YamlPath } | undefined =>
        own?.[field] !== undefined ? { value: own[field], path: [...ownPath, field] } : podContext?.[field] !== undefined ? { value: podContext[field], path: [...podPath, field] } : undefined;
      const user = pick('runAsUser');
      const nonRoot = pick('runAsNonRoot');
      if (user?.value === 0) {
        context.report({ path: user.path, message: `Container "${ref.name}" runs as root (\`runAsUser: 0\`).` });
      } else if (nonRoot?.value === false && !(typeof user?.value === 'number' && user.value > 0)) {
        context.report({ path: nonRoot.path, message: `Container "${ref.name}" allows running as root (\`runAsNonRoot: false\`).` });
      } else if (nonRoot?.value !== true && !(typeof user?.value === 'number' && user.value > 0)) {
        context.report({
          path: own ? [...ownPath] : containerAnchor(ref),
          target: own ? 'key' : 'value',
          message: `Container "${ref.name}" may run as root: set \`runAsNonRoot: true\` or a non-zero \`runAsUser\`.`,
        });
      }
    }
  },
};
