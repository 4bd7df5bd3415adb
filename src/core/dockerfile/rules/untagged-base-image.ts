import type { DockerfileRule } from '../check/rule';

/** `FROM node` means `node:latest`: the same problem as an explicit `latest`, hidden. */
const rule: DockerfileRule = {
  meta: {
    id: 'untagged-base-image',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Base images should name a tag or digest; without one Docker pulls `latest`.',
    practice: 'reproducibility',
    aliases: ['DL3006'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const ref = stage.imageRef;
      if (!ref || !stage.image || ref.tag || ref.digest) continue;
      if (stage.resolvedImage === 'scratch') continue;
      report({ start: stage.image.start, end: stage.image.end, message: `\`${stage.resolvedImage}\` has no tag, so it means \`${stage.resolvedImage}:latest\`; pin a version.` });
    }
  },
};
export default rule;
