import type { DockerfileRule } from '../check/rule';
import { isKeepAlive } from '../../containers/processes';

/**
 * `tail -f /dev/null` or `sleep infinity` as the container's command keeps it running with nothing to
 * supervise: the real work happens in background processes that Docker cannot watch, restart or stop.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'keep-alive-command',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'The container command should be the application, not `tail -f /dev/null` or `sleep infinity`.',
    practice: 'single-process',
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'CMD' && instruction.keyword !== 'ENTRYPOINT') continue;
      if (instruction.shell) {
        for (const command of instruction.shell.commands) {
          if (isKeepAlive(command)) report({ start: command.start, end: command.end, message: `\`${model.text.slice(command.start, command.end)}\` only keeps the container alive; run the application itself as the command.` });
        }
        continue;
      }
      const exec = instruction.execForm;
      if (!exec || exec.length === 0) continue;
      const words = exec.map((t) => t.value);
      const name = words[0].split('/').pop();
      const keepAlive = (name === 'tail' && words.includes('/dev/null') && words.some((w) => w === '-f' || w === '-F')) || (name === 'sleep' && words.length === 2 && (words[1] === 'infinity' || /^\d{5,}$/.test(words[1])));
      if (keepAlive) report({ start: exec[0].start, end: exec[exec.length - 1].end, message: `\`${words.join(' ')}\` only keeps the container alive; run the application itself as the command.` });
    }
  },
};
export default rule;
