import type { DockerfileRule } from '../check/rule';

/** `FROM image:latest` builds differently from one day to the next. */
const rule: DockerfileRule = {
  meta: {
    id: 'no-latest-tag',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Base images should be pinned to a version tag or digest, not `latest`.',
    practice: 'reproducibility',
    aliases: ['DL3007'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const ref = stage.imageRef;
      if (!ref || !stage.image || ref.digest || ref.tag !== 'latest') continue;
      // Point at the tag itself when it is written literally in the FROM line.
      const index = stage.image.value.lastIndexOf(':latest');
      const start = index === -1 ? stage.image.start : stage.image.start + index + 1;
      const end = index === -1 ? stage.image.end : start + 'latest'.length;
      report({ start, end, message: `\`${stage.resolvedImage}\` uses the \`latest\` tag; pin a version so builds are repeatable.` });
    }
  },
};
export default rule;
