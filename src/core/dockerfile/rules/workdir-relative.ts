import type { DockerfileRule } from '../check/rule';

/** A relative WORKDIR depends on every earlier WORKDIR, including the base image's; absolute paths say what they mean. */
const rule: DockerfileRule = {
  meta: {
    id: 'workdir-relative',
    domain: 'dockerfile',
    defaultSeverity: 'error',
    description: 'WORKDIR should be an absolute path.',
    practice: 'correctness',
    aliases: ['DL3000', 'WorkdirRelativePath', 'WORKDIR_IS_NOT_ABSOLUTE'],
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'WORKDIR' || !instruction.args[0]) continue;
      const path = instruction.args[0].value.replace(/^["']|["']$/g, '');
      if (path.startsWith('/') || path.startsWith('$') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\')) continue;
      report({ start: instruction.args[0].start, end: instruction.args[0].end, message: `\`${path}\` is relative to the previous WORKDIR; use an absolute path.` });
    }
  },
};
export default rule;
