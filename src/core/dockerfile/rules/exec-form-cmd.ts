import type { DockerfileRule, Finding, OffsetFix } from '../check/rule';
import type { InstructionNode } from '../model/types';

/**
 * Shell-form CMD/ENTRYPOINT runs under `/bin/sh -c`, so the shell is PID 1 and the application never
 * receives SIGTERM: `docker stop` waits 10 s and kills it. Exec form runs the program directly.
 *
 * A shell-form HEALTHCHECK CMD starts a shell for every check and fails in an image without one
 * (distroless, scratch). It is reported only when it is one plain command, where the JSON form is the
 * same check: `CMD curl -f http://localhost/ || exit 1` needs the shell and is Docker's documented idiom.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'exec-form-cmd',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'CMD and ENTRYPOINT (and a plain HEALTHCHECK CMD) should use the exec (JSON) form.',
    practice: 'single-process',
    aliases: ['DL3025', 'JSONArgsRecommended'],
    fixable: true,
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword === 'HEALTHCHECK') {
        checkHealthcheck(instruction, report);
        continue;
      }
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

function checkHealthcheck(instruction: InstructionNode, report: (finding: Finding) => void): void {
  if (instruction.execForm || !instruction.shell || instruction.shellKind !== 'posix') return;
  const cmd = instruction.args.findIndex((a) => a.value.toUpperCase() === 'CMD');
  const first = instruction.args[cmd + 1];
  const last = instruction.args.at(-1);
  if (cmd === -1 || !first || !last) return;
  const fix = toExecForm(instruction, { start: first.start, end: last.end });
  if (!fix) return;
  report({
    start: first.start,
    end: last.end,
    message: 'Shell-form HEALTHCHECK CMD starts `/bin/sh -c` for every check and fails in an image without a shell; use the JSON form.',
    fixes: [fix],
    // BuildKit's JSONArgsRecommended covers CMD and ENTRYPOINT only.
    aliases: ['DL3025'],
  });
}

/** Mechanical only when the body is one simple command of literal words: no operators, expansions or redirects. */
function toExecForm(instruction: InstructionNode, text: { start: number; end: number } = instruction.argumentText!): OffsetFix | undefined {
  const shell = instruction.shell;
  if (!shell || shell.error || shell.commands.length !== 1) return undefined;
  const [command] = shell.commands;
  if (!command.name || command.assignments.length || command.redirects.length) return undefined;
  const words = [command.name, ...command.args];
  if (!words.every((w) => w.literal) || /[*?[]/.test(words.map((w) => w.value).join(' '))) return undefined;
  const json = `[${words.map((w) => JSON.stringify(w.value)).join(', ')}]`;
  return { title: 'Convert to exec form', edits: [{ start: text.start, end: text.end, newText: json }], preferred: true };
}

export default rule;
