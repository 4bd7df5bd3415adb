import type { DockerfileRule } from '../check/rule';
import { appendCommandFix } from './util/append';
import { cachedRunCommands } from './util/run-index';
import { rpmCommands } from './util/package-managers';
import { mountsCacheAt, instructionShipsLayers } from './util/stages';

/**
 * yum, dnf and zypper keep metadata and packages in `/var/cache/{yum,dnf,libdnf5,zypp}`; unless a
 * later command of the same RUN cleans up they stay in the layer (a clean before the install cleans
 * nothing). Cache mounts and builder stages only copied from are skipped.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'rpm-cache-clean',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: '`yum`/`dnf`/`zypper install` should be followed by `clean all` in the same RUN.',
    practice: 'multistage',
    aliases: ['DL3032', 'DL3036', 'DL3040'],
    fixable: true,
  },
  check({ model, report }) {
    for (const install of rpmCommands(model.instructions, (f) => f.downloads)) {
      const { instruction, family } = install;
      if (!instructionShipsLayers(model, instruction) || mountsCacheAt(instruction, ...family.cacheDirs)) continue;
      const cleaned = cachedRunCommands([instruction]).some(
        (r) =>
          r.nameWord.start > install.sub.start &&
          ((r.name === install.name && r.args.some((a) => a.value === 'clean' || a.value === 'cc')) ||
            (r.name === 'rm' && r.args.some((a) => family.cacheDirs.some((dir) => a.value === dir || a.value.startsWith(dir + '/'))))),
      );
      if (cleaned) continue;
      const clean = family.clean(install.name);
      const fix = appendCommandFix(instruction, clean, `Add ${clean}`);
      report({
        start: install.sub.start,
        end: install.sub.end,
        message: `The ${install.name} cache stays in this layer; add \`&& ${clean}\` to the same RUN.`,
        fixes: fix ? [{ ...fix, preferred: true }] : undefined,
        aliases: [family.codes.clean],
      });
    }
  },
};
export default rule;
