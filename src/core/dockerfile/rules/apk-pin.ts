import type { DockerfileRule } from '../check/rule';
import { APK, packageCommands, packageOperands } from './util/package-managers';
import { pinnableWord, strandedPinMessage } from './util/stranded-variables';

/** `apk add curl` takes the current version of the branch; pin with `curl=8.9.1-r0` (or `~8.9`). Variables and `.apk` files are skipped. */
const rule: DockerfileRule = {
  meta: {
    id: 'apk-pin',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Pin versions in `apk add` (`pkg=version`).',
    practice: 'reproducibility',
    aliases: ['DL3018'],
  },
  check({ model, report }) {
    for (const add of packageCommands(model.instructions, APK, ['add'])) {
      for (const word of packageOperands(add.rest, APK.optionsWithValue)) {
        const read = pinnableWord(word, add.instruction, model);
        if (!read || (!read.stranded && /[=<>~]/.test(read.value))) continue;
        const message = read.stranded ? strandedPinMessage(read.stranded, model) : `\`${word.value}\` is not pinned; write \`${word.value}=<version>\`.`;
        report({ start: word.start, end: word.end, message });
      }
    }
  },
};
export default rule;
