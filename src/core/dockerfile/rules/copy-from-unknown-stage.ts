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
    const named: string[] = [];
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'COPY') continue;
        const from = flagOf(instruction, 'from');
        if (!from?.value || from.valueStart === undefined) continue;
        const value = from.value;
        if (/[/:@$]/.test(value)) continue;
        const target = model.stageByName.get(value.toLowerCase());
        if (target && target.index < stage.index) continue;
        // Name the nearest earlier stages (a few: the message must not grow with the file).
        const known = named.slice(-5).map((n) => `\`${n}\``);
        const more = named.length > known.length ? ', ...' : '';
        report({
          start: from.valueStart,
          end: from.valueStart + value.length,
          message: `No earlier stage is named \`${value}\`${known.length ? ` (stages: ${known.join(', ')}${more})` : ''}; Docker would pull an image called \`${value}\`.`,
        });
      }
      if (stage.name) named.push(stage.name.value);
    }
  },
};
export default rule;
