import type { DockerfileRule } from '../check/rule';
import type { Stage } from '../model/types';
import { copyArgs, isAbsolutePath } from './util/copy-args';

/**
 * A relative COPY destination is resolved against the working directory; without a WORKDIR in the
 * stage (or the stages it builds on) that is whatever the base image set, often `/`.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'copy-relative-dest-without-workdir',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'COPY/ADD to a relative destination needs a WORKDIR first.',
    practice: 'correctness',
    aliases: ['DL3045'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        const args = copyArgs(instruction, model);
        if (!args) continue;
        const dest = args.destination.value;
        if (isAbsolutePath(args.destination) || hasWorkdirBefore(stage, instruction.index)) continue;
        report({
          start: args.destination.start,
          end: args.destination.end,
          message: `\`${dest}\` is relative but no WORKDIR is set; set WORKDIR first or use an absolute path.`,
        });
      }
    }
  },
};

function hasWorkdirBefore(stage: Stage, index: number): boolean {
  for (let s: Stage | undefined = stage; s; s = s.baseStage) {
    if (s.instructions.some((i) => i.keyword === 'WORKDIR' && i.index < index)) return true;
  }
  return false;
}

export default rule;
