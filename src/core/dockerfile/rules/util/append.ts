/** Quick fix that appends `&& <command>` to the end of a shell-form RUN. */
import type { OffsetFix } from '../../check/rule';
import type { InstructionNode } from '../../model/types';

export function appendCommandFix(instruction: InstructionNode, command: string, title: string): OffsetFix | undefined {
  const shell = instruction.shell;
  if (!shell || shell.error || instruction.execForm || instruction.heredocs.length || shell.backgroundStatements.length || !shell.commands.length)
    return undefined;
  const end = Math.max(...shell.commands.map((c) => c.end));
  return { title, edits: [{ start: end, end, newText: ` && ${command}` }] };
}

/** The line break used at `offset` (the end of an instruction): `\r\n` in CRLF files. Looks at one line only, not the whole file. */
export function lineBreakAt(text: string, offset: number): string {
  const newline = text.indexOf('\n', offset);
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}
