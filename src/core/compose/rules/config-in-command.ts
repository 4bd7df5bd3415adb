/**
 * The talk's "configuration through the environment", for compose: a command that writes a config
 * file at start hides configuration in a script. Pass it in `environment`, or mount the file with
 * `configs` or a volume.
 */
import { configFileWrittenBy } from '../../rules/container-command';
import { serviceCommands } from '../model';
import type { ComposeRule } from '../rule';

export const configInCommand: ComposeRule = {
  meta: {
    id: 'compose-config-in-command',
    domain: 'compose',
    defaultSeverity: 'info',
    description: 'Services should receive configuration through environment, configs or volumes, not write config files in their command.',
    practice: 'config-env',
  },
  check(project, report) {
    for (const { service, argv, field } of serviceCommands(project)) {
      const file = configFileWrittenBy(argv);
      if (!file) continue;
      report({
        path: [...service.path, field],
        target: 'key',
        message: `Service "${service.name}" writes its configuration to \`${file}\` at start; use \`environment\`, \`configs\` or a mounted file.`,
      });
    }
  },
};
