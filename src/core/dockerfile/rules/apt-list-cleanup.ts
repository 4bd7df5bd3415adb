import type { DockerfileRule } from '../check/rule';
import { appendCommandFix } from './util/append';
import { cachedRunCommands } from './util/run-index';
import { APT, packageCommands } from './util/package-managers';
import { mountsCacheAt, instructionShipsLayers } from './util/stages';

/**
 * `apt-get update` downloads tens of MB of package lists into `/var/lib/apt/lists`; unless the same
 * RUN deletes them (`rm -rf /var/lib/apt/lists/*` or `apt-get dist-clean`) they stay in the layer. Cache mounts keep them out of the layer anyway, and
 * builder stages that are only copied from do not ship their layers.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'apt-list-cleanup',
    domain: 'dockerfile',
    defaultSeverity: 'info',
    description: 'Delete `/var/lib/apt/lists/*` in the same RUN as `apt-get update`.',
    practice: 'multistage',
    aliases: ['DL3009'],
    fixable: true,
  },
  check({ model, report }) {
    for (const update of packageCommands(model.instructions, APT, ['update'])) {
      const instruction = update.instruction;
      if (!instructionShipsLayers(model, instruction) || mountsCacheAt(instruction, '/var/lib/apt/lists')) continue;
      const cleaned = cachedRunCommands([instruction]).some(
        (r) =>
          (r.name === 'rm' && r.args.some((a) => a.value.startsWith('/var/lib/apt/lists'))) ||
          (r.name === 'apt-get' && r.args.some((a) => a.value === 'dist-clean')),
      );
      if (cleaned) continue;
      const fix = appendCommandFix(instruction, 'rm -rf /var/lib/apt/lists/*', 'Delete the apt lists in this RUN');
      report({
        start: update.sub.start,
        end: update.sub.end,
        message: 'The package lists downloaded by `apt-get update` stay in this layer; add `&& rm -rf /var/lib/apt/lists/*` to the same RUN.',
        fixes: fix ? [{ ...fix, preferred: true }] : undefined,
      });
    }
  },
};
export default rule;
