import type { DockerfileRule } from '../check/rule';
import type { Stage } from '../model/types';
import { hasFlag } from './util/commands';
import { cachedRunCommands } from './util/run-index';
import { APK, packageCommands } from './util/package-managers';

/** wget's default progress bar writes thousands of lines into the build log on non-terminal output. */
const rule: DockerfileRule = {
  meta: {
    id: 'wget-without-progress',
    domain: 'dockerfile',
    defaultSeverity: 'info',
    description: '`wget` should use `--progress=dot:giga` or `-q` to keep build logs readable.',
    practice: 'style',
    aliases: ['DL3047'],
    fixable: true,
  },
  check({ model, report }) {
    for (const run of cachedRunCommands(model.instructions)) {
      if (run.name !== 'wget' || usesBusyBoxWget(run.instruction.stage)) continue;
      if (hasFlag(run.args, '--progress', '-q', '--quiet', '-nv', '--no-verbose', '-o', '--output-file', '-a', '--append-output', '--version')) continue;
      // Short-option clusters such as `-qO-` or `-nv`.
      if (run.args.some((a) => /^-(nv|[A-Za-z]*[qoa])/.test(a.value) && !a.value.startsWith('--'))) continue;
      report({
        start: run.nameWord.start,
        end: run.nameWord.end,
        message: '`wget` without `--progress` or `-q` floods the build log with progress lines.',
        fixes: [
          { title: 'Add --progress=dot:giga', edits: [{ start: run.nameWord.end, end: run.nameWord.end, newText: ' --progress=dot:giga' }], preferred: true },
        ],
      });
    }
  },
};
/** Alpine's wget is BusyBox's, which has no `--progress` option; unless GNU wget is installed there is nothing to add. */
function usesBusyBoxWget(stage: Stage | undefined): boolean {
  let root = stage;
  while (root?.baseStage) root = root.baseStage;
  const image = `${root?.imageRef?.repository ?? ''}:${root?.imageRef?.tag ?? ''}`.toLowerCase();
  if (!/alpine|busybox/.test(image) || !stage) return false;
  return !packageCommands(stage.instructions, APK, ['add']).some((add) => add.rest.some((a) => a.value === 'wget'));
}

export default rule;
