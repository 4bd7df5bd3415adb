import type { DockerfileRule } from '../check/rule';
import { cachedRunCommands } from './util/run-index';

/** Replacing `/bin/sh` with a symlink changes the shell for every later step and for the image's users; SHELL changes it for the build only. */
const rule: DockerfileRule = {
  meta: {
    id: 'shell-ln-instead-of-shell',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Use the SHELL instruction instead of linking `/bin/sh` to another shell.',
    practice: 'correctness',
    aliases: ['DL4005'],
  },
  check({ model, report }) {
    for (const run of cachedRunCommands(model.instructions)) {
      if (run.name !== 'ln') continue;
      const operands = run.args.filter((a) => !a.value.startsWith('-'));
      const target = operands.length >= 2 ? operands[operands.length - 1] : undefined;
      if (target?.value !== '/bin/sh') continue;
      report({
        start: target.start,
        end: target.end,
        message: 'Linking `/bin/sh` changes the shell of the whole image; use `SHELL ["/bin/bash", "-c"]` for the build instead.',
      });
    }
  },
};
export default rule;
