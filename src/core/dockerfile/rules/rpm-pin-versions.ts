import type { DockerfileRule } from '../check/rule';
import { YUM, ZYPPER, isUnpinnable, packageCommands, packageOperands } from './util/package-managers';

/**
 * `yum install httpd` takes the repository's current version; pin with `httpd-2.4.57` (zypper also
 * `httpd=2.4.57`). Groups (`@core`), `.rpm` files, paths and variables are skipped.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'rpm-pin-versions',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Pin package versions in `yum`/`dnf`/`zypper install` (`pkg-version`).',
    practice: 'reproducibility',
    aliases: ['DL3033', 'DL3037', 'DL3041'],
  },
  check({ model, report }) {
    const installs = [
      ...packageCommands(model.instructions, YUM, ['install']).map((c) => ({ c, options: YUM.optionsWithValue })),
      ...packageCommands(model.instructions, ZYPPER, ['install', 'in']).map((c) => ({ c, options: ZYPPER.optionsWithValue })),
    ];
    for (const { c, options } of installs) {
      for (const word of packageOperands(c.rest, options)) {
        const value = word.value;
        if (isUnpinnable(word) || value.startsWith('@') || /-\d/.test(value) || /[=<>]/.test(value) || value.includes('(')) continue;
        report({ start: word.start, end: word.end, message: `\`${value}\` is not pinned; write \`${value}-<version>\`.` });
      }
    }
  },
};
export default rule;
