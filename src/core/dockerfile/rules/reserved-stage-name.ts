import type { DockerfileRule } from '../check/rule';

/** `scratch` and `context` mean something else in FROM and `COPY --from`, so a stage with that name cannot be referenced. */
const RESERVED = new Set(['scratch', 'context']);

const rule: DockerfileRule = {
  meta: {
    id: 'reserved-stage-name',
    domain: 'dockerfile',
    defaultSeverity: 'error',
    description: 'Stages must not be named `scratch` or `context`, which are reserved words.',
    practice: 'multistage',
    aliases: ['DL3063', 'ReservedStageName'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (stage.name && RESERVED.has(stage.name.value)) {
        report({
          start: stage.name.start,
          end: stage.name.end,
          message: `\`${stage.name.value}\` is a reserved word and cannot name a stage; pick another name.`,
        });
      }
    }
  },
};
export default rule;
