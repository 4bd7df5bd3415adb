import type { DockerfileRule } from '../check/rule';
import { appendCommandFix } from './util/append';
import { cachedRunCommands } from './util/run-index';
import { YUM, ZYPPER, packageCommands } from './util/package-managers';
import { mountsCacheAt, shipsLayers } from './util/stages';

/**
 * yum, dnf and zypper keep metadata and packages in `/var/cache/{yum,dnf,zypp}`; unless the same RUN
 * cleans up they stay in the layer. Cache mounts and builder stages only copied from are skipped.
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
    const installs = [
      ...packageCommands(model.instructions, YUM, ['install', 'groupinstall', 'localinstall']),
      ...packageCommands(model.instructions, ZYPPER, ['install', 'in']),
    ];
    for (const install of installs) {
      const instruction = install.instruction;
      if (!shipsLayers(model, instruction.stage) || mountsCacheAt(instruction, '/var/cache/yum', '/var/cache/dnf', '/var/cache/zypp', '/var/cache/libdnf5'))
        continue;
      const rest = cachedRunCommands([instruction]);
      const cleaned = rest.some(
        (r) =>
          (r.name === install.name && r.args.some((a) => a.value === 'clean' || a.value === 'cc')) ||
          (r.name === 'rm' && r.args.some((a) => /^\/var\/cache\/(yum|dnf|zypp|libdnf5)/.test(a.value))),
      );
      if (cleaned) continue;
      const clean = install.name === 'zypper' ? 'zypper clean --all' : `${install.name} clean all`;
      const fix = appendCommandFix(instruction, clean, `Add ${clean}`);
      report({
        start: install.sub.start,
        end: install.sub.end,
        message: `The ${install.name} cache stays in this layer; add \`&& ${clean}\` to the same RUN.`,
        fixes: fix ? [{ ...fix, preferred: true }] : undefined,
      });
    }
  },
};
export default rule;
