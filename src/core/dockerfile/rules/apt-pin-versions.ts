import type { DockerfileRule } from '../check/rule';
import { APT, packageCommands, packageOperands } from './util/package-managers';
import { pinnableWord, strandedPinMessage } from './util/stranded-variables';

/**
 * `apt-get install curl` installs whatever version the mirror has on build day, so two builds of
 * one Dockerfile differ. Pin with `curl=7.88.1-10+deb12u5`. Variables, `.deb` files and paths are
 * not package names and are skipped, as are option values (`-t bookworm-backports`).
 */
const rule: DockerfileRule = {
  meta: {
    id: 'apt-pin-versions',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Pin package versions in `apt-get install` (`pkg=version`).',
    practice: 'reproducibility',
    aliases: ['DL3008'],
  },
  check({ model, report }) {
    for (const install of packageCommands(model.instructions, APT, ['install'])) {
      for (const word of packageOperands(install.rest, APT.optionsWithValue)) {
        const read = pinnableWord(word, install.instruction, model);
        if (!read || (!read.stranded && (read.value.includes('=') || read.value.includes('/')))) continue;
        const message = read.stranded ? strandedPinMessage(read.stranded, model) : `\`${word.value}\` is not pinned; write \`${word.value}=<version>\`.`;
        report({ start: word.start, end: word.end, message });
      }
    }
  },
};
export default rule;
