import { flagOf, type DockerfileRule } from '../check/rule';
import type { Stage } from '../model/types';

/**
 * `COPY --from=build / /` brings the builder's whole filesystem (compilers, caches, sources) into the
 * image, undoing the multistage build. A stage that only assembles files (`FROM scratch`, no RUN)
 * holds just what was put there on purpose, so copying all of it is fine.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'copy-whole-filesystem-from-stage',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: "`COPY --from=<stage>` should copy the built artifacts, not the stage's whole filesystem.",
    practice: 'multistage',
    aliases: ['DL3067'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'COPY') continue;
        const from = flagOf(instruction, 'from');
        const source = from?.value ? model.stageByName.get(from.value.toLowerCase()) : undefined;
        if (!source || source === stage || !buildsOnDistro(source)) continue;
        const args = instruction.execForm ?? instruction.args;
        for (const arg of args.slice(0, -1)) {
          if (!/^\/+\.?$/.test(arg.value)) continue;
          report({
            start: arg.start,
            end: arg.end,
            message: `This copies the whole filesystem of stage \`${from!.value}\`; copy only the files the image needs.`,
          });
        }
      }
    }
  },
};

/**
 * True when the stage (or a stage it builds on) runs commands on a known, non-scratch base image:
 * then its filesystem holds an OS, toolchain and caches. Stages that only assemble files, aliases of
 * tool images (`FROM tonistiigi/xx AS xx`) and stages with unresolved bases are not reported.
 */
function buildsOnDistro(stage: Stage): boolean {
  let current: Stage = stage;
  let runs = false;
  for (;;) {
    runs ||= current.instructions.some((i) => i.keyword === 'RUN');
    if (!current.baseStage) break;
    current = current.baseStage;
  }
  return runs && current.resolvedImage !== undefined && current.resolvedImage !== 'scratch';
}

export default rule;
