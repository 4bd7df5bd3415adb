import type { DockerfileRule } from '../check/rule';
import { YUM, ZYPPER, ZYPPER_FAMILY, packageOperands, rpmCommands } from './util/package-managers';
import { pinnableWord, strandedPinMessage } from './util/stranded-variables';

/**
 * `yum install httpd` takes the repository's current version; pin with `httpd-2.4.57` (zypper also
 * `httpd=2.4.57`; `module install` a stream, `nodejs:20`). Groups (`@core`), `.rpm` files, paths and
 * variables are skipped, except a variable set only in another stage: it is empty here.
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
        // `git-core-${version}` with `version` set only in another stage installs `git-core-`.
        const read = pinnableWord(word, install.instruction, model);
        if (!read) continue;
        const { value, stranded } = read;
        if (!stranded && (value.startsWith('@') || value.includes('('))) continue;
        if (!stranded && (module ? value.includes(':') : /-\d/.test(value) || /[=<>]/.test(value))) continue;
        const wanted = module ? `${value}:<stream>` : `${value.replace(/-$/, '')}-<version>`;
        const message = stranded ? strandedPinMessage(stranded, model) : `\`${value}\` is not pinned; write \`${wanted}\`.`;
        report({ start: word.start, end: word.end, message, aliases: [install.family.codes.pin] });
      }
    }
  },
};
export default rule;
