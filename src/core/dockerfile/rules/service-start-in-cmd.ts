import type { DockerfileRule } from '../check/rule';
import { isServiceStart } from '../../containers/processes';

/**
 * `service nginx start`, `/etc/init.d/x start` or `systemctl` in CMD/ENTRYPOINT: containers have no
 * init system, the daemon detaches, and PID 1 is a shell that Docker stops with SIGKILL.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'service-start-in-cmd',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'CMD and ENTRYPOINT should run the program in the foreground, not through `service`, init scripts or `systemctl`.',
    practice: 'single-process',
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if ((instruction.keyword !== 'CMD' && instruction.keyword !== 'ENTRYPOINT') || !instruction.shell) continue;
      for (const command of instruction.shell.commands) {
        if (!isServiceStart(command)) continue;
        report({ start: command.start, end: command.end, message: 'Containers have no init system: run the daemon itself in the foreground (e.g. `nginx -g "daemon off;"`) as the only process.' });
      }
    }
  },
};
export default rule;
