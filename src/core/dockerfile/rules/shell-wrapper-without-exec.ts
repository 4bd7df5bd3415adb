import type { DockerfileRule } from '../check/rule';

/**
 * `CMD ["sh", "-c", "prepare && node app.js"]`: exec form on the outside, but `sh` stays PID 1 and the
 * app never gets SIGTERM. Prefix the last command with `exec` so it replaces the shell.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'shell-wrapper-without-exec',
    domain: 'dockerfile',
    defaultSeverity: 'info',
    description: 'An exec-form `sh -c` wrapper should `exec` its last command so the application becomes PID 1.',
    practice: 'single-process',
    fixable: true,
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if ((instruction.keyword !== 'CMD' && instruction.keyword !== 'ENTRYPOINT') || !instruction.execForm || !instruction.shell) continue;
      const top = instruction.shell.commands.filter((c) => c.depth === 0 && c.name);
      if (top.length < 2) continue; // a single command: sh execs it directly
      const last = top[top.length - 1];
      if (last.name!.value === 'exec' || last.background || last.conditional) continue;
      report({
        start: last.name!.start,
        end: last.name!.end,
        message: `\`sh -c\` stays PID 1 and does not forward signals; write \`exec ${last.name!.value}\` so it replaces the shell.`,
        fixes: [{ title: `Prefix with exec`, edits: [{ start: last.name!.start, end: last.name!.start, newText: 'exec ' }], preferred: true }],
      });
    }
  },
};
export default rule;
