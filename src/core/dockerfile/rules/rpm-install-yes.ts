import type { DockerfileRule } from '../check/rule';
import { hasFlag } from './util/commands';
import { missingYesFinding, rpmCommands } from './util/package-managers';

/**
 * yum, dnf, microdnf (since EL9) and zypper ask for confirmation unless told not to; in a build nobody
 * answers and the step fails. Each finding carries its manager's hadolint code.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'rpm-install-yes',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: '`yum`/`dnf`/`microdnf`/`zypper install` should use `-y` (zypper: `-n` or `-y`).',
    practice: 'correctness',
    aliases: ['DL3030', 'DL3034', 'DL3038'],
    fixable: true,
  },
  check({ model, report }) {
    for (const run of rpmCommands(model.instructions, (f) => f.changes)) {
      if (hasFlag(run.args, ...run.family.yes)) continue;
      if (run.command.precededBy === '|') continue; // `yes | yum install ...` answers the prompt
      report({ ...missingYesFinding(run), aliases: [run.family.codes.yes] });
    }
  },
};
export default rule;
