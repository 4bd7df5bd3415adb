import type { DockerfileRule } from '../check/rule';
import { hasFlag } from './util/commands';
import { cachedRunCommands } from './util/run-index';
import { APK, packageCommands } from './util/package-managers';
import { mountsCacheAt, instructionShipsLayers } from './util/stages';

/** `apk add` without `--no-cache` leaves the package index in `/var/cache/apk` in the layer. */
const rule: DockerfileRule = {
  meta: {
    id: 'apk-no-cache',
    domain: 'dockerfile',
    defaultSeverity: 'info',
    description: '`apk add` should use `--no-cache` so the package index does not stay in the image.',
    practice: 'multistage',
    aliases: ['DL3019'],
    fixable: true,
  },
  check({ model, report }) {
    for (const add of packageCommands(model.instructions, APK, ['add'])) {
      const instruction = add.instruction;
      if (
        hasFlag(add.args, '--no-cache', '--no-network') ||
        !instructionShipsLayers(model, instruction) ||
        mountsCacheAt(instruction, '/var/cache/apk', '/etc/apk/cache')
      )
        continue;
      // Only a removal after the add cleans what it downloaded.
      const cleaned = cachedRunCommands([instruction]).some(
        (r) => r.command.start > add.command.start && r.name === 'rm' && r.args.some((a) => a.value.startsWith('/var/cache/apk')),
      );
      if (cleaned) continue;
      report({
        start: add.sub.start,
        end: add.sub.end,
        message: '`apk add` without `--no-cache` keeps the package index in the layer.',
        fixes: [{ title: 'Add --no-cache', edits: [{ start: add.sub.end, end: add.sub.end, newText: ' --no-cache' }], preferred: true }],
      });
    }
  },
};
export default rule;
