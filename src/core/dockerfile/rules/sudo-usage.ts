import type { DockerfileRule } from '../check/rule';
import { runInstructions } from './util/commands';

/** RUN already runs as the current USER; `sudo` adds a setuid binary and unpredictable TTY and environment behaviour. */
const rule: DockerfileRule = {
  meta: {
    id: 'sudo-usage',
    domain: 'dockerfile',
    defaultSeverity: 'error',
    description: 'Do not use `sudo` in RUN; switch users with USER (or `gosu` in an entrypoint).',
    practice: 'security',
    aliases: ['DL3004'],
  },
  check({ model, report }) {
    for (const instruction of runInstructions(model.instructions)) {
      for (const command of instruction.shell?.commands ?? []) {
        if (command.name?.value === 'sudo') report({ start: command.name.start, end: command.name.end, message: '`sudo` in a Dockerfile: RUN as root with `USER root`, then drop back with `USER <name>`.' });
      }
    }
  },
};
export default rule;
