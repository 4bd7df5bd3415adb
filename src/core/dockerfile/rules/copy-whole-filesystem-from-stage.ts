import { flagOf, type DockerfileRule } from '../check/rule';

/**
 * `COPY --from=build / /` brings the builder's whole filesystem (compilers, caches, sources) into the
 * image, undoing the multistage build. A stage built `FROM scratch` holds only what was put there on
 * purpose, so copying all of it is fine.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'copy-whole-filesystem-from-stage',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: '`COPY --from=<stage>` should copy the built artifacts, not the stage\'s whole filesystem.',
    practice: 'multistage',
    aliases: ['DL3067'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'COPY') continue;
        const from = flagOf(instruction, 'from');
        const source = from?.value ? model.stageByName.get(from.value.toLowerCase()) : undefined;
        if (!source || source === stage || isFromScratch(source)) continue;
        const args = instruction.execForm ?? instruction.args;
        for (const arg of args.slice(0, -1)) {
          if (!/^\/+\.?$/.test(arg.value)) continue;
          report({ start: arg.start, end: arg.end, message: `This copies the whole filesystem of stage \`${from!.value}\`; copy only the files the image needs.` });
        }
      }
    }
  },
};

function isFromScratch(stage: import('../model/types').Stage): boolean {
  let current: import('../model/types').Stage | undefined = stage;
  while (current?.baseStage) current = current.baseStage;
  return current?.resolvedImage === 'scratch';
}

export default rule;
