import type { DockerfileRule } from '../check/rule';
import { isUnpinnable, NPM, packageCommands, packageOperands } from './util/package-managers';
import { pinnableWord, strandedPinMessage } from './util/stranded-variables';

/**
 * `npm install -g typescript` takes the newest release on build day; pin with `typescript@5.6.3`.
 * `npm install` / `npm ci` without names use the lockfile and are fine; paths, tarballs and git
 * URLs are skipped.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'npm-pin',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Pin versions in `npm install <pkg>` (`pkg@version`).',
    practice: 'reproducibility',
    aliases: ['DL3016'],
  },
  check({ model, report }) {
    // `isntall` is a real npm alias of install (for typists).
    for (const install of packageCommands(model.instructions, NPM, ['install', 'i', 'add', 'isntall'])) {
      for (const word of packageOperands(install.rest, NPM.optionsWithValue)) {
        const stranded = pinnableWord(word, install.instruction, model)?.stranded;
        if (stranded) {
          report({ start: word.start, end: word.end, message: strandedPinMessage(stranded, model) });
          continue;
        }
        if (/^(github:|git\+|git:)/.test(word.value)) {
          if (!word.value.includes('#'))
            report({ start: word.start, end: word.end, message: `\`${word.value}\` follows the default branch; pin a tag or commit with \`#<ref>\`.` });
          continue;
        }
        if (isUnpinnable(word) || /\.(tgz|tar|tar\.gz)$/.test(word.value)) continue;
        const at = word.value.lastIndexOf('@');
        const version = at > 0 ? word.value.slice(at + 1) : '';
        if (version && version !== 'latest') continue;
        if (!version && /^[^@].*\/.+/.test(word.value)) continue; // `user/repo`: a GitHub shorthand
        report({
          start: word.start,
          end: word.end,
          message: `\`${word.value}\` is not pinned; write \`${at > 0 ? word.value.slice(0, at) : word.value}@<version>\`.`,
        });
      }
    }
  },
};
export default rule;
