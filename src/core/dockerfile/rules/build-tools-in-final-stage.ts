import type { DockerfileRule } from '../check/rule';
import type { Stage } from '../model/types';
import { runsInteractiveShell } from './util/stages';
import { toolsLeftInstalled } from './util/toolchain';

/**
 * Compilers, build systems, JDKs and `-dev` headers installed in the final stage (or a stage it
 * builds FROM) stay in the image that ships: hundreds of MB and a larger attack surface. Builder stages may install them; so may
 * the final stage when it removes them again in the same RUN (`apt-get purge --auto-remove`,
 * `apk add --virtual .deps ... && apk del .deps`). Toolchain images (no CMD, or a bare shell or
 * interpreter as CMD) are exempt: the tools are their product.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'build-tools-in-final-stage',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'The final stage should not keep build tools (compilers, `-dev` packages, JDKs); build in an earlier stage.',
    practice: 'multistage',
  },
  check({ model, report }) {
    const final = model.stages.at(-1);
    if (!final || runsInteractiveShell(final)) return;
    // The final stage and the stages it builds FROM all end up in the image.
    for (let stage: Stage | undefined = final; stage; stage = stage.baseStage) {
      for (const instruction of stage.instructions) {
        for (const tool of toolsLeftInstalled(instruction)) {
          report({
            start: tool.word.start,
            end: tool.word.end,
            message: `\`${tool.word.value}\` is a build tool that ends up in the final image; install it in a builder stage and copy only the result, or remove it in the same RUN.`,
          });
        }
      }
    }
  },
};
export default rule;
