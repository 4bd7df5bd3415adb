import type { DockerfileRule, OffsetFix } from '../check/rule';
import type { InstructionNode } from '../model/types';
import { type RunCommand } from './util/commands';
import { cachedRunCommands } from './util/run-index';
import { lineBreakAt } from './util/append';

/**
 * `RUN cd /app && ...` changes directory for one RUN only, which the next instruction silently
 * forgets; WORKDIR states the directory once for everything that follows. `cd` inside a subshell,
 * to a variable (`cd "$tmp"`), back (`cd -`, `cd /`, `cd ..`), or into a directory the same RUN deletes afterwards
 * (a temporary build directory, which WORKDIR would leave in the image) is fine.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'cd-instead-of-workdir',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Use WORKDIR instead of `cd` to change directory.',
    practice: 'style',
    aliases: ['DL3003'],
    fixable: true,
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      const all = cachedRunCommands([instruction]);
      if (!all.some((r) => r.name === 'cd')) continue;
      const removed = all.filter((r) => r.name === 'rm').map((r) => ({ at: all.indexOf(r), paths: r.args.map((a) => a.value) }));
      all.forEach((run, index) => {
        if (run.name !== 'cd' || run.command.depth > 0) return;
        const target = run.args.find((a) => !a.value.startsWith('-'));
        if (!target || !target.literal || ['-', '/', '..', '~'].includes(target.value) || target.value.includes('$')) return;
        if (removed.some((r) => r.at > index && r.paths.some((p) => removes(p, target.value)))) return;
        const fix = toWorkdir(model.text, run, target.value);
        report({
          start: run.nameWord.start,
          end: run.nameWord.end,
          message: `\`cd ${target.value}\` lasts for this RUN only; use \`WORKDIR ${target.value}\`.`,
          fixes: fix ? [fix] : undefined,
        });
      });
    }
  },
};

function removes(removed: string, dir: string): boolean {
  const norm = (p: string) => p.replace(/\/+$/, '');
  return norm(dir) === norm(removed) || norm(dir).startsWith(norm(removed) + '/');
}

/**
 * `RUN cd /x && rest` becomes `WORKDIR /x` + `RUN rest`, when cd is the first command of a plain shell-form RUN.
 * Not preferred: WORKDIR also moves every later instruction, which the user should review.
 */
function toWorkdir(text: string, run: RunCommand, dir: string): OffsetFix | undefined {
  const instruction: InstructionNode = run.instruction;
  const commands = instruction.shell?.commands ?? [];
  const next = commands[1];
  if (commands[0] !== run.command || !next || next.precededBy !== '&&' || next.depth > 0 || instruction.flags.length || instruction.heredocs.length)
    return undefined;
  if (instruction.shell!.statementCount !== 1 || !dir.startsWith('/')) return undefined;
  const newline = lineBreakAt(text, instruction.end);
  const upper = instruction.keywordToken.value === instruction.keywordToken.value.toUpperCase();
  const replacement = `${upper ? 'WORKDIR' : 'workdir'} ${dir}${newline}${instruction.keywordToken.value} `;
  return { title: `Use WORKDIR ${dir}`, edits: [{ start: instruction.start, end: next.start, newText: replacement }] };
}

export default rule;
