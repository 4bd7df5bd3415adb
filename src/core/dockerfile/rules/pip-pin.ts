import type { DockerfileRule } from '../check/rule';
import { hasFlag } from './util/commands';
import { pinnableWord, strandedPinMessage } from './util/stranded-variables';
import { isUnpinnable, PIP, PIPX, packageOperands, pipCommands, pipxCommands } from './util/package-managers';

/**
 * `pip install flask` takes whatever is newest on build day. Pin with `flask==3.0.3` (or any version
 * specifier), or install from a requirements or constraints file. Paths, archives, URLs and `git+`
 * sources (pinned by their `@ref`; reported without one) are not package names. `pipx install black`
 * takes the same specs.
 */
/** `pip install --upgrade pip setuptools wheel` refreshes the installer itself before the pinned installs. */
const INSTALLER = new Set(['pip', 'setuptools', 'wheel']);

const rule: DockerfileRule = {
  meta: {
    id: 'pip-pin',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Pin versions in `pip install` (`pkg==version`) or use a requirements file.',
    practice: 'reproducibility',
    aliases: ['DL3013'],
  },
  check({ model, report }) {
    const installs = [
      ...pipCommands(model.instructions).map((c) => ({ c, manager: PIP })),
      ...pipxCommands(model.instructions).map((c) => ({ c, manager: PIPX })),
    ];
    for (const { c: install, manager } of installs) {
      if (install.rest.some((a) => ['-c', '--constraint'].includes(a.value) || a.value.startsWith('--constraint='))) continue;
      const upgradesInstaller = hasFlag(install.rest, '-U', '--upgrade');
      for (const word of packageOperands(install.rest, manager)) {
        const stranded = pinnableWord(word, install.instruction, model)?.stranded;
        if (stranded) {
          report({ start: word.start, end: word.end, message: strandedPinMessage(stranded, model) });
          continue;
        }
        if (isUnpinnedVcs(word.value)) {
          report({ start: word.start, end: word.end, message: `\`${word.value}\` follows the default branch; pin a tag or commit with \`@<ref>\`.` });
          continue;
        }
        if (isUnpinnable(word) || /[=<>~!@]/.test(word.value) || word.value.includes('/')) continue;
        if (upgradesInstaller && INSTALLER.has(word.value.toLowerCase())) continue;
        report({
          start: word.start,
          end: word.end,
          message: `\`${word.value}\` is not pinned; write \`${word.value}==<version>\` or use a requirements file.`,
        });
      }
    }
  },
};
/** `git+https://host/org/repo.git` without `@<ref>` installs whatever the branch holds today. */
function isUnpinnedVcs(value: string): boolean {
  if (!/^(git|hg|svn|bzr)\+/.test(value)) return false;
  const last = value.slice(value.lastIndexOf('/') + 1);
  return !last.split('#')[0].includes('@');
}

export default rule;
