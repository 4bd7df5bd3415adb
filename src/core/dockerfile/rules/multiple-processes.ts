import type { DockerfileRule } from '../check/rule';
import { commandName, startsBackgroundProcess } from '../../containers/processes';

/**
 * One container, one process: a CMD/ENTRYPOINT that leaves a process running in the background
 * (`nginx & node app.js`, `service nginx start && php-fpm`) runs processes that Docker neither watches,
 * restarts nor stops cleanly. Run each in its own container and connect them over a network.
 * Commands chained with `&&` that finish before the next starts (`npm run migrate && node app.js`) are fine.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'multiple-processes',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'CMD and ENTRYPOINT should start one long-running process, not several.',
    practice: 'single-process',
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if ((instruction.keyword !== 'CMD' && instruction.keyword !== 'ENTRYPOINT') || !instruction.shell) continue;
      const commands = instruction.shell.commands.filter((c) => c.name);
      const index = commands.findIndex(startsBackgroundProcess);
      if (index === -1) continue;
      const first = commands[index];
      // Later commands of the same backgrounded group (`(a; b) &`) belong to that one process.
      const later = commands.slice(index + 1).filter((c) => !(first.background && c.background && c.statementIndex === first.statementIndex));
      if (later.length === 0) continue;
      report({
        start: first.start,
        end: first.end,
        message: `\`${commandName(first)}\` keeps running in the background while ${instruction.keyword} goes on to start more; give each process its own container and connect them over a network.`,
      });
    }
  },
};
export default rule;
