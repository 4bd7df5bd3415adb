import type { DockerfileRule } from '../check/rule';

/** An empty line inside a continued instruction is accepted today but deprecated, and reads like the end of the instruction. */
const rule: DockerfileRule = {
  meta: {
    id: 'empty-continuation-line',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'A continued instruction should not contain empty lines.',
    practice: 'style',
    aliases: ['NoEmptyContinuation', 'EMPTY_CONTINUATION_LINE'],
    fixable: true,
  },
  check({ model, report }) {
    const { lines, escapeChar } = model;
    for (const instruction of model.instructions) {
      if (instruction.heredocs.length) continue;
      const first = lines.positionAt(instruction.start).line;
      const last = lines.positionAt(instruction.end).line;
      for (let line = first + 1; line < last; line++) {
        if (lines.lineText(line).trim() !== '') continue;
        const previous = lines.lineText(line - 1).trimEnd();
        if (!previous.endsWith(escapeChar) && !previous.trimStart().startsWith('#') && lines.lineText(line - 1).trim() !== '') continue;
        const start = lines.lineStart(line);
        report({ start, end: start, message: 'Empty line inside a continued instruction; remove it.', fixes: [{ title: 'Remove the empty line', edits: [{ start, end: lines.lineStart(line + 1), newText: '' }], preferred: true }] });
      }
    }
  },
};
export default rule;
