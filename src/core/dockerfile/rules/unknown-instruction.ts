import type { DockerfileRule } from '../check/rule';

const KNOWN = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

/** A misspelt keyword (`RUM`, `COPPY`) fails the build; often it is a continuation line whose `\` was forgotten. */
const rule: DockerfileRule = {
  meta: {
    id: 'unknown-instruction',
    domain: 'dockerfile',
    defaultSeverity: 'error',
    description: 'Every instruction must be a Dockerfile keyword.',
    practice: 'correctness',
    aliases: ['UNKNOWN_INSTRUCTION'],
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (KNOWN.has(instruction.keyword)) continue;
      const previous = model.instructions[instruction.index - 1];
      const hint = previous && previous.keyword === 'RUN' ? ' Did the previous line miss a trailing `\\`?' : '';
      report({ start: instruction.keywordToken.start, end: instruction.keywordToken.end, message: `\`${instruction.keywordToken.value}\` is not a Dockerfile instruction.${hint}` });
    }
  },
};
export default rule;
