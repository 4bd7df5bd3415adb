import { flagOf, type DockerfileRule } from '../check/rule';

/**
 * `COPY --from=name` where no earlier stage is called `name`: Docker silently treats it as an image to
 * pull, which is almost always a typo in a multistage build. Image references (with `/`, `:` or `@`)
 * and unresolved variables are left alone.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'copy-from-unknown-stage',
    domain: 'dockerfile',
    defaultSeverity: 'error',
    description: '`COPY --from` should name an earlier build stage (or an explicit image reference).',
    practice: 'multistage',
    aliases: ['DL3022'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'COPY') continue;
        const from = flagOf(instruction, 'from');
        if (!from?.value || from.valueStart === undefined) continue;
        const value = from.value;
        if (/[/:@$]/.test(value)) continue;
        const target = model.stageByName.get(value.toLowerCase());
        if (target && target.index < stage.index) continue;
        const known = model.stages.filter((s) => s.index < stage.index && s.name).map((s) => `\`${s.name!.value}\``);
        report({
          start: from.valueStart,
          end: from.valueStart + value.length,
          message: `No earlier stage is named \`${value}\`${known.length ? ` (stages: ${known.join(', ')})` : ''}; Docker would pull an image called \`${value}\`.`,
        });
      }
    }
  },
};
export default rule;
