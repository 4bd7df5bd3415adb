import type { DockerfileRule } from '../check/rule';
import { unwrap, basename } from '../../containers/processes';
import { cachedRunCommands } from './util/run-index';

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'python', 'python3', 'perl', 'ruby', 'node']);

/**
 * `curl https://... | sh` runs whatever the server sends, unverified, as root in the build. Download
 * to a file, check its checksum or signature, then run it.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'curl-pipe-shell',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Do not pipe a download straight into a shell; download, verify, then run.',
    practice: 'security',
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'RUN' || !instruction.shell) continue;
      const commands = instruction.shell.commands;
      commands.forEach((command, i) => {
        const run = unwrap(command);
        if (!run || !SHELLS.has(basename(run.nameWord.value))) return;
        const fromPipe = command.precededBy === '|' && i > 0 && isDownload(commands[i - 1]);
        const fromSubstitution = run.args.some((a) => /^(<\(|\$\()\s*(curl|wget)\b/.test(model.text.slice(a.start, a.end).replace(/^["']/, '')));
        if (!fromPipe && !fromSubstitution) return;
        report({
          start: run.nameWord.start,
          end: run.nameWord.end,
          message: `A downloaded script is run by \`${basename(run.nameWord.value)}\` without verification; save it, check its checksum, then run it.`,
        });
      });
    }
  },
};

function isDownload(command: import('../parse/shell').ShellCommand): boolean {
  const run = unwrap(command);
  return !!run && ['curl', 'wget'].includes(basename(run.nameWord.value));
}

export default rule;
