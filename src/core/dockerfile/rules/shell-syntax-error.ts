import type { DockerfileRule } from '../check/rule';

/** A shell syntax error (unclosed quote, stray `fi`) fails at build time, after minutes of earlier layers. */
const rule: DockerfileRule = {
  meta: {
    id: 'shell-syntax-error',
    domain: 'dockerfile',
    defaultSeverity: 'error',
    description: 'Shell commands in RUN, CMD and ENTRYPOINT must parse.',
    practice: 'correctness',
    aliases: ['SC1000'],
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      const error = instruction.shell?.error;
      if (!error) continue;
      report({ start: error.start, end: Math.max(error.end, error.start + 1), message: `Shell syntax error: ${error.message}.` });
    }
  },
};
export default rule;
