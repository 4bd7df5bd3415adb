import type { DockerfileRule } from '../check/rule';
import { pinnableWord, strandedPinMessage } from './util/stranded-variables';
import { GEM, isUnpinnable, packageCommands, packageOperands } from './util/package-managers';

/**
 * `gem install rails` takes the newest release; pin with `rails:7.2.1` or `-v 7.2.1`. The words after
 * `--` are the extension's build options (`-- --use-system-libraries`), not gems.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'gem-pin',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Pin versions in `gem install` (`gem:version` or `-v version`).',
    practice: 'reproducibility',
    aliases: ['DL3028'],
  },
  check({ model, report }) {
    for (const install of packageCommands(model.instructions, GEM, ['install', 'i'])) {
      if (install.rest.some((a) => a.value === '-v' || a.value === '--version' || a.value.startsWith('--version='))) continue;
      for (const word of packageOperands(install.rest, GEM)) {
        const stranded = pinnableWord(word, install.instruction, model)?.stranded;
        if (stranded) {
          report({ start: word.start, end: word.end, message: strandedPinMessage(stranded, model) });
          continue;
        }
        if (isUnpinnable(word) || word.value.includes(':')) continue;
        report({ start: word.start, end: word.end, message: `\`${word.value}\` is not pinned; write \`${word.value}:<version>\`.` });
      }
    }
  },
};
export default rule;
