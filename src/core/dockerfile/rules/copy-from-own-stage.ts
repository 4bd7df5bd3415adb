import { flagOf, type DockerfileRule } from '../check/rule';

/** A stage cannot copy from itself: the build fails with a dependency cycle. */
const rule: DockerfileRule = {
  meta: {
    id: 'copy-from-own-stage',
    domain: 'dockerfile',
    defaultSeverity: 'error',
    description: '`COPY --from` must not reference the stage it is in.',
    practice: 'multistage',
    aliases: ['DL3023'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
        const from = flagOf(instruction, 'from');
        if (!from?.value || from.valueStart === undefined) continue;
        if (model.stageByName.get(from.value.toLowerCase()) !== stage) continue;
        report({
          start: from.valueStart,
          end: from.valueStart + from.value.length,
          message: `\`--from=${from.value}\` is the current stage; a stage cannot copy from itself.`,
        });
      }
    }
  },
};
export default rule;
