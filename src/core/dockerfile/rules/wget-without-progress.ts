import type { DockerfileRule } from '../check/rule';
import { hasFlag, runCommands } from './util/commands';

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
    for (const run of runCommands(model.instructions)) {
      if (run.name !== 'wget') continue;
      if (hasFlag(run.args, '--progress', '-q', '--quiet', '-nv', '--no-verbose', '-o', '--output-file', '-a', '--append-output', '--version')) continue;
      if (run.args.some((a) => a.value === '-nv' || a.value.startsWith('-o') || a.value.startsWith('-a'))) continue;
      report({
        start: run.nameWord.start,
        end: run.nameWord.end,
        message: '`wget` without `--progress` or `-q` floods the build log with progress lines.',
        fixes: [{ title: 'Add --progress=dot:giga', edits: [{ start: run.nameWord.end, end: run.nameWord.end, newText: ' --progress=dot:giga' }], preferred: true }],
      });
    }
  },
};
export default rule;
