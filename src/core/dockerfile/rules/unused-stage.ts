import type { DockerfileRule } from '../check/rule';

/**
 * A stage that is not the last one and that no later stage copies from, mounts or builds on. The
 * classic builder builds it for nothing, and with BuildKit it is dead code. A named stage may be
 * meant for `docker build --target`, so only unnamed stages (which cannot be targeted) are reported.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'unused-stage',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Every stage should be the final stage or be used by a later stage.',
    practice: 'multistage',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (stage.implicit) continue; // a fragment has no FROM
      if (stage.isFinal || stage.usedByLaterStage || stage.name) continue;
      const token = stage.image ?? stage.from.keywordToken;
      report({
        start: token.start,
        end: token.end,
        message: `Stage ${stage.index} is never used by a later stage and is not the final stage; remove it or copy from it.`,
      });
    }
  },
};
export default rule;
