import type { DockerfileRule } from '../check/rule';
import { appendCommandFix } from './util/append';
import { cachedRunCommands } from './util/run-index';
import { APT, packageCommands } from './util/package-managers';
import type { RunCommand } from './util/commands';
import type { Stage } from '../model/types';
import { mountsCacheAt, instructionShipsLayers } from './util/stages';

/**
 * `apt-get update` downloads tens of MB of package lists into `/var/lib/apt/lists`; unless the same
 * RUN deletes them (`rm -rf /var/lib/apt/lists/*` or `apt-get dist-clean`) they stay in the layer. Cache mounts keep them out of the layer anyway, and
 * builder stages that are only copied from do not ship their layers.
 *
 * The downloaded `.deb` files are deleted by the Debian and Ubuntu images' `/etc/apt/apt.conf.d/docker-clean`;
 * a build that removes it (to keep them in a cache mount) leaves them in `/var/cache/apt` of every layer
 * that installs without a cache mount there or an `apt-get clean`.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'apt-list-cleanup',
    domain: 'dockerfile',
    defaultSeverity: 'info',
    description: 'Delete `/var/lib/apt/lists/*` in the same RUN as `apt-get update` (and the downloaded packages once `docker-clean` is removed).',
    practice: 'multistage',
    aliases: ['DL3009'],
    fixable: true,
  },
  check({ model, report }) {
    for (const update of packageCommands(model.instructions, APT, ['update'])) {
      const instruction = update.instruction;
      if (!instructionShipsLayers(model, instruction) || mountsCacheAt(instruction, '/var/lib/apt/lists')) continue;
      // Only a removal after the update deletes the lists it downloaded.
      const cleaned = cachedRunCommands([instruction]).some(
        (r) =>
          r.command.start > update.command.start &&
          ((r.name === 'rm' && r.args.some((a) => a.value.startsWith('/var/lib/apt/lists'))) ||
            (r.name === 'apt-get' && r.args.some((a) => a.value === 'dist-clean'))),
      );
      if (cleaned) continue;
      const fix = appendCommandFix(instruction, 'rm -rf /var/lib/apt/lists/*', 'Delete the apt lists in this RUN');
      report({
        start: update.sub.start,
        end: update.sub.end,
        message: `The package lists downloaded by \`${update.name} update\` stay in this layer; add \`&& rm -rf /var/lib/apt/lists/*\` to the same RUN.`,
        fixes: fix ? [{ ...fix, preferred: true }] : undefined,
      });
    }
    for (const install of packageCommands(model.instructions, APT, DOWNLOADS)) {
      const instruction = install.instruction;
      if (!instructionShipsLayers(model, instruction) || mountsCacheAt(instruction, '/var/cache/apt/archives')) continue;
      if (!dockerCleanRemovedBefore(install)) continue;
      const after = cachedRunCommands([instruction]).filter((r) => r.command.start > install.command.start);
      const cleaned = after.some(
        (r) =>
          (APT.names.includes(r.name) && r.args.some((a) => a.value === 'clean' || a.value === 'dist-clean')) ||
          (r.name === 'rm' && r.args.some((a) => a.value.startsWith('/var/cache/apt'))),
      );
      if (cleaned) continue;
      const fix = appendCommandFix(instruction, 'apt-get clean', 'Delete the downloaded packages in this RUN');
      report({
        start: install.sub.start,
        end: install.sub.end,
        message: 'With `docker-clean` removed, the `.deb` files this downloads stay in `/var/cache/apt` in the layer; add `&& apt-get clean` or mount a cache there.',
        fixes: fix ? [{ ...fix, preferred: true }] : undefined,
      });
    }
  },
};

/** Subcommands that download packages into `/var/cache/apt/archives`. */
const DOWNLOADS = ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'reinstall', 'safe-upgrade'];

/** `rm -f /etc/apt/apt.conf.d/docker-clean` earlier in this RUN, this stage or the stages it builds on. */
function dockerCleanRemovedBefore(install: RunCommand): boolean {
  const stages: Stage[] = [];
  for (let s = install.instruction.stage; s; s = s.baseStage) stages.push(s);
  const runs = stages.length ? stages.flatMap((s) => cachedRunCommands(s.instructions)) : cachedRunCommands([install.instruction]);
  return runs.some(
    (r) => r.command.start < install.command.start && (r.name === 'rm' || r.name === 'mv') && r.args.some((a) => a.value.endsWith('apt.conf.d/docker-clean')),
  );
}
export default rule;
