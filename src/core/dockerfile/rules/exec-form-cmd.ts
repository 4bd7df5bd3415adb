import type { DockerfileRule, OffsetFix } from '../check/rule';
import type { InstructionNode } from '../model/types';

/**
 * Shell-form CMD/ENTRYPOINT runs under `/bin/sh -c`, so the shell is PID 1 and the application never
 * receives SIGTERM: `docker stop` waits 10 s and kills it. Exec form runs the program directly.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'exec-form-cmd',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'CMD and ENTRYPOINT should use the exec (JSON) form so the process receives signals.',
    practice: 'single-process',
    aliases: ['DL3025', 'JSONArgsRecommended'],
    fixable: true,
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'CMD' && instruction.keyword !== 'ENTRYPOINT') continue;
      if (instruction.execForm || !instruction.argumentText || instruction.shellKind !== 'posix') continue;
      const fix = toExecForm(instruction);
      report({
        start: instruction.argumentText.start,
        end: instruction.argumentText.end,
        message: `Shell-form ${instruction.keyword} runs under \`/bin/sh -c\`, which does not pass SIGTERM on; use the JSON form.`,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};

/** Mechanical only when the body is one simple command of literal words: no operators, expansions or redirects. */
function toExecForm(instruction: InstructionNode): OffsetFix | undefined {
  const shell = instruction.shell;
  if (!shell || shell.error || shell.commands.length !== 1) return undefined;
  const [command] = shell.commands;
  if (!command.name || command.assignments.length || command.redirects.length) return undefined;
  const words = [command.name, ...command.args];
  if (!words.every((w) => w.literal) || /[*?[]/.test(words.map((w) => w.value).join(' '))) return undefined;
  const json = `[${words.map((w) => JSON.stringify(w.value)).join(', ')}]`;
  const text = instruction.argumentText!;
  return { title: 'Convert to exec form', edits: [{ start: text.start, end: text.end, newText: json }], preferred: true };
}

export default rule;
