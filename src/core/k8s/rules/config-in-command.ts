/**
 * The talk's "configuration through the environment": a start command that writes a config file
 * (`echo ... > /etc/app.conf && app`) hides configuration in a script. A ConfigMap or Secret volume,
 * or environment variables, keep it declarative and changeable without a new image or command.
 */
import { configFileWrittenBy } from '../../rules/container-command';
import { containerCommands } from '../pod-spec';
import type { KubernetesRule } from '../rule';

export const configInCommand: KubernetesRule = {
  meta: {
    id: 'k8s-config-in-command',
    domain: 'kubernetes',
    defaultSeverity: 'info',
    description: 'Containers should receive configuration from ConfigMaps, Secrets or env, not write config files in their command.',
    practice: 'config-env',
  },
  check(object, context) {
    for (const { ref, argv, field } of containerCommands(object)) {
      const file = configFileWrittenBy(argv);
      if (!file) continue;
      context.report({
        path: [...ref.path, field],
        target: 'key',
        message: `Container "${ref.name}" writes its configuration to \`${file}\` at start; mount it from a ConfigMap or Secret, or pass it as env.`,
      });
    }
  },
};
