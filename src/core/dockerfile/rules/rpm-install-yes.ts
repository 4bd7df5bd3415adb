import type { DockerfileRule } from '../check/rule';
import { hasFlag } from './util/commands';
import { YUM, ZYPPER, missingYesFinding, packageCommands } from './util/package-managers';

/** yum, dnf and zypper ask for confirmation unless told not to; in a build nobody answers and the step fails. */
const rule: DockerfileRule = {
  meta: {
    id: 'rpm-install-yes',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: '`yum`/`dnf`/`zypper install` should use `-y` (zypper: `-n` or `-y`).',
    practice: 'correctness',
    aliases: ['DL3030', 'DL3034', 'DL3038'],
    fixable: true,
  },
  check({ model, report }) {
    const commands = [
      ...packageCommands(model.instructions, YUM, ['install', 'groupinstall', 'localinstall', 'reinstall', 'upgrade', 'update', 'remove', 'erase']),
      ...packageCommands(model.instructions, ZYPPER, ['install', 'in', 'remove', 'rm', 'update', 'up', 'patch', 'dist-upgrade', 'dup']),
    ];
    for (const run of commands) {
      if (run.name === 'microdnf') continue; // never prompts
      if (hasFlag(run.args, '-y', '--assumeyes', '--assume-yes', '-n', '--non-interactive', '--no-confirm')) continue;
      if (run.command.precededBy === '|') continue;
      report(missingYesFinding(run));
    }
  },
};
export default rule;
