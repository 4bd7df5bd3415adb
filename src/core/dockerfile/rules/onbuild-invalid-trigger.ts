import type { DockerfileRule } from '../check/rule';

/** `ONBUILD ONBUILD`, `ONBUILD FROM` and `ONBUILD MAINTAINER` are rejected by the builder. */
const rule: DockerfileRule = {
  meta: {
    id: 'onbuild-invalid-trigger',
    domain: 'dockerfile',
    defaultSeverity: 'error',
    description: 'ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER.',
    practice: 'correctness',
    aliases: ['DL3043', 'ONBUILD_CHAINING_DISALLOWED', 'ONBUILD_TRIGGER_DISALLOWED'],
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      const trigger = instruction.onbuild;
      if (!trigger || !['ONBUILD', 'FROM', 'MAINTAINER'].includes(trigger.keyword)) continue;
      report({ start: trigger.keywordToken.start, end: trigger.keywordToken.end, message: `ONBUILD cannot trigger ${trigger.keyword}.` });
    }
  },
};
export default rule;
