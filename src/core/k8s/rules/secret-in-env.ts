/** A password written as a plain `env` value is in every copy of the manifest and in `kubectl describe`. */
import { asArray, asRecord, asString } from '../../rules/yaml-values';
import { isPlainSecret } from '../../rules/secret-values';
import { containersOf } from '../pod-spec';
import type { KubernetesRule } from '../rule';

export const secretInEnv: KubernetesRule = {
  meta: {
    id: 'k8s-secret-in-env',
    domain: 'kubernetes',
    defaultSeverity: 'warning',
    description: 'Secrets (passwords, tokens, keys) must come from a Secret, not a literal `env` value.',
    practice: 'security',
    aliases: ['env-var-secret'],
  },
  check(object, context) {
    for (const ref of containersOf(object)) {
      asArray(ref.container.env).forEach((item, i) => {
        const env = asRecord(item);
        const name = asString(env?.name);
        if (!env || !name || !isPlainSecret(name, env.value)) return;
        context.report({
          path: [...ref.path, 'env', i, 'value'],
          message: `\`${name}\` holds a literal secret; read it from a Secret with \`valueFrom.secretKeyRef\`.`,
        });
      });
    }
  },
};
