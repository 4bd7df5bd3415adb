/**
 * ConfigMaps are not secret: they are readable with broader RBAC, shown in plain text and never
 * encrypted at rest. Flags keys named like secrets, and `name=value` / `name: value` lines inside
 * embedded config files whose name looks like a secret.
 */
import { asRecord } from '../../rules/yaml-values';
import { isLiteralSecretValue, isPlainSecret, looksLikeSecretName } from '../../rules/secret-values';
import type { KubernetesRule } from '../rule';

const EMBEDDED_SETTING = /^[ \t]*["']?([\w.-]+)["']?[ \t]*[:=][ \t]*["']?([^\s"'#]+)/gm;

export const secretInConfigMap: KubernetesRule = {
  meta: {
    id: 'k8s-secret-in-configmap',
    domain: 'kubernetes',
    defaultSeverity: 'warning',
    description: 'Secrets (passwords, tokens, keys) belong in a Secret, not a ConfigMap.',
    practice: 'security',
  },
  check(object, context) {
    if (object.kind !== 'ConfigMap') return;
    for (const [key, value] of Object.entries(asRecord(object.value.data) ?? {})) {
      if (isPlainSecret(key, value)) {
        context.report({ path: ['data', key], target: 'key', message: `ConfigMap key \`${key}\` looks like a secret; move it to a Secret.` });
        continue;
      }
      if (typeof value !== 'string' || !value.includes('\n')) continue;
      for (const match of value.matchAll(EMBEDDED_SETTING)) {
        if (looksLikeSecretName(match[1]) && isLiteralSecretValue(match[2])) {
          context.report({
            path: ['data', key],
            target: 'key',
            message: `\`${key}\` sets \`${match[1]}\` in plain text; keep the file in a Secret or inject the value from one.`,
          });
          break;
        }
      }
    }
  },
};
