import type { DockerfileRule } from '../check/rule';
import type { InstructionNode, Stage } from '../model/types';
import type { ShellCommand } from '../parse/shell';

/**
 * A RUN succeeds if the last command of a pipeline succeeds: `curl ... | tar x` builds a broken
 * image when the download fails. `set -o pipefail` in the same RUN, or a `SHELL` with
 * `-o pipefail`, makes any failing stage fail the step.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'pipe-without-pipefail',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'RUN with a pipe should `set -o pipefail` (or use a SHELL with `-o pipefail`) so a failure in the pipe fails the build.',
    practice: 'correctness',
    aliases: ['DL4006'],
  },
  check({ model, report }) {
    const atEnd = new Map<Stage, string[] | undefined>();
    for (const stage of model.stages) {
      // The SHELL in effect, walking the stage in order; a stage starts with its base stage's.
      let shell = stage.baseStage ? atEnd.get(stage.baseStage) : undefined;
      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'SHELL' && instruction.execForm) shell = instruction.execForm.map((t) => t.value);
        if (instruction.keyword === 'RUN' && instruction.shell) check(model.text, instruction, shell, report);
      }
      atEnd.set(stage, shell);
    }
  },
};

function check(
  text: string,
  instruction: InstructionNode,
  shell: string[] | undefined,
  report: (f: { start: number; end: number; message: string }) => void,
): void {
  // A later `SHELL ["/bin/sh", "-c"]` drops an earlier pipefail: it is the default shell again.
  // `/bin/sh -o pipefail` is accepted: where sh has pipefail (busybox ash, bash) it works, and where it
  // has not (dash) every RUN stops with "Illegal option -o pipefail", so no pipe failure goes unseen.
  if (shell && /-o\s+pipefail|-[a-z]*o\s+pipefail/.test(shell.join(' '))) return;
  const commands = instruction.shell!.commands;
  const pipeAt = commands.findIndex((c, i) => (c.precededBy === '|' || c.precededBy === '|&') && !feedsOnlyConstants(commands, i));
  if (pipeAt <= 0 || setsPipefailBefore(commands, pipeAt)) return;
  const start = pipeStart(text, commands[pipeAt - 1], commands[pipeAt]);
  if (start === undefined) return;
  report({
    start,
    end: start + (text[start + 1] === '&' ? 2 : 1),
    message:
      'Without pipefail this RUN fails only if the last command of the pipe fails; use `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` or start the RUN with `set -o pipefail &&`.',
  });
}

/** Commands that cannot fail in a way pipefail would catch: `echo "$sum *file" | sha256sum -c -` is safe. */
const CONSTANT_PRODUCERS = new Set(['echo', 'printf', 'yes', 'true', ':']);

/** True when everything on the left of the pipe before `commands[pipeAt]` is an echo-like producer. */
function feedsOnlyConstants(commands: readonly ShellCommand[], pipeAt: number): boolean {
  const depth = commands[pipeAt].depth;
  // Bounded look-back: a pipe fed by more than a few dozen commands is not a plain echo.
  for (let i = pipeAt - 1; i >= Math.max(0, pipeAt - 32); i--) {
    const command = commands[i];
    if (!command.name || !CONSTANT_PRODUCERS.has(command.name.value)) return false;
    if (command.depth === depth && command.precededBy !== '|' && command.precededBy !== '|&') {
      return true;
    }
    if (command.depth > depth && i > 0 && commands[i - 1].depth <= depth && command.precededBy === undefined) {
      // first command of a `{ ...; }` block or subshell on the left of the pipe
      const before = commands[i - 1];
      if (before.statementIndex !== command.statementIndex || before.depth < depth) return true;
    }
  }
  return pipeAt <= 32;
}

function setsPipefailBefore(commands: readonly ShellCommand[], pipeAt: number): boolean {
  return commands.slice(0, pipeAt).some((c) => {
    if (c.name?.value !== 'set') return false;
    return c.args.some((a, i) => a.value === 'pipefail' && i > 0 && /^-[a-zA-Z]*o$/.test(c.args[i - 1].value));
  });
}

/** The `|` between two commands (the text between them holds only spaces, continuations and the operator). */
function pipeStart(text: string, left: ShellCommand, right: ShellCommand): number | undefined {
  const between = text.slice(left.end, right.start);
  const index = between.indexOf('|');
  return index === -1 ? undefined : left.end + index;
}

export default rule;
