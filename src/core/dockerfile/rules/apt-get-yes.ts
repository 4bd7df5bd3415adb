import type { DockerfileRule } from '../check/rule';
import { hasFlag } from './util/commands';
import { APT, missingYesFinding, packageCommands } from './util/package-managers';

/** Without `-y`, apt-get asks for confirmation, gets no answer in a build and aborts. */
const rule: DockerfileRule = {
  meta: {
    id: 'apt-get-yes',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: '`apt-get install` (and upgrade/remove) should use `-y` so it does not wait for an answer.',
    practice: 'correctness',
    aliases: ['DL3014'],
    fixable: true,
  },
  check({ model, report }) {
    for (const run of packageCommands(model.instructions, APT, ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove'])) {
      if (hasFlag(run.args, '-y', '--yes', '--assume-yes', '-qq', '--quiet=2', '-q=2')) continue;
      // Quiet level 2 implies -y: `-qq`, or `-q` given twice.
      if (run.args.filter((a) => a.value === '-q' || a.value === '--quiet').length >= 2) continue;
      if (hasFlag(run.args, '-s', '--simulate', '--dry-run', '--just-print', '--no-act', '--recon')) continue; // only prints what it would do
      if (run.args.some((a) => /Assume-Yes=(true|1|yes)/i.test(a.value))) continue;
      if (run.command.precededBy === '|') continue; // `yes | apt-get install ...`
      report(missingYesFinding(run));
    }
  },
};
export default rule;
