import type { DockerfileRule } from '../check/rule';
import { ZYPPER, packageCommands } from './util/package-managers';

/** `zypper dist-upgrade` may move the image to a new distribution release: upgrade the base image tag instead. */
const rule: DockerfileRule = {
  meta: {
    id: 'zypper-no-dist-upgrade',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Do not run `zypper dist-upgrade` in a Dockerfile; use a newer base image.',
    practice: 'reproducibility',
    aliases: ['DL3035'],
  },
  check({ model, report }) {
    for (const run of packageCommands(model.instructions, ZYPPER, ['dist-upgrade', 'dup'])) {
      report({
        start: run.sub.start,
        end: run.sub.end,
        message: '`zypper dist-upgrade` can change the distribution release inside the image; update the base image instead.',
      });
    }
  },
};
export default rule;
