import type { DockerfileRule } from '../check/rule';
import { APK, isUnpinnable, packageCommands, packageOperands } from './util/package-managers';

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
        if (isUnpinnable(word) || /[=<>~]/.test(word.value)) continue;
        report({ start: word.start, end: word.end, message: `\`${word.value}\` is not pinned; write \`${word.value}=<version>\`.` });
      }
    }
  },
};
export default rule;
