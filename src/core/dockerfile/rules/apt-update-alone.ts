import type { DockerfileRule } from '../check/rule';
import { APT, packageCommands } from './util/package-managers';

/**
 * `RUN apt-get update` on its own is cached as a layer; when a later `RUN apt-get install` changes,
 * it reuses the stale lists and installs outdated packages or fails with 404s. Update and install
 * belong in one RUN.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'apt-update-alone',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: '`apt-get update` should be in the same RUN as the `apt-get install` that needs it.',
    practice: 'reproducibility',
  },
  check({ model, report }) {
    const installs = packageCommands(model.instructions, APT, ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep']);
    const installing = new Set(installs.map((i) => i.instruction));
    for (const update of packageCommands(model.instructions, APT, ['update'])) {
      const instruction = update.instruction;
      if (installing.has(instruction)) continue;
      const later = instruction.stage?.instructions.find((i) => i.index > instruction.index && installing.has(i));
      if (!later) continue;
      const line = model.lines.positionAt(later.start).line + 1;
      report({
        start: update.sub.start,
        end: update.sub.end,
        message: `\`${update.name} update\` runs in its own layer, so the install on line ${line} may use stale package lists; update and install in one RUN.`,
      });
    }
  },
};
export default rule;
