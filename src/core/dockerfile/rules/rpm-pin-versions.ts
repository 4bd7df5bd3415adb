import type { DockerfileRule } from '../check/rule';
import { YUM, ZYPPER, ZYPPER_FAMILY, isUnpinnable, packageOperands, rpmCommands } from './util/package-managers';

/**
 * `yum install httpd` takes the repository's current version; pin with `httpd-2.4.57` (zypper also
 * `httpd=2.4.57`; `module install` a stream, `nodejs:20`). Groups (`@core`), `.rpm` files, paths and
 * variables are skipped.
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
    for (const install of rpmCommands(model.instructions, (f) => f.pins)) {
      const options = install.family === ZYPPER_FAMILY ? ZYPPER.optionsWithValue : YUM.optionsWithValue;
      const module = install.verb === 'module install';
      for (const word of packageOperands(install.rest, options)) {
        const value = word.value;
        if (isUnpinnable(word) || value.startsWith('@') || value.includes('(')) continue;
        if (module ? value.includes(':') : /-\d/.test(value) || /[=<>]/.test(value)) continue;
        const wanted = module ? `${value}:<stream>` : `${value}-<version>`;
        report({ start: word.start, end: word.end, message: `\`${value}\` is not pinned; write \`${wanted}\`.`, aliases: [install.family.codes.pin] });
      }
    }
  },
};
export default rule;
