/**
 * The edits behind "ignore this rule here / in this file": a pragma comment above the finding, in the
 * syntax of the file's kind (see dockerfile/check/suppressions.ts and rules/yaml-suppressions.ts).
 */
import type { TextEdit } from '../diagnostics';

export interface IgnoreEdit {
  title: string;
  edit: TextEdit;
}

export function ignoreEdits(kind: 'dockerfile' | 'yaml', text: string, line: number, rule: string): IgnoreEdit[] {
  const lines = text.split(/\r?\n/);
  const at = (l: number, c = 0) => ({ start: { line: l, character: c }, end: { line: l, character: c } });
  if (kind === 'dockerfile') {
    const start = instructionStartLine(lines, line);
    const indent = /^\s*/.exec(lines[start] ?? '')?.[0] ?? '';
    let first = 0;
    while (first < lines.length && /^#\s*[a-z]+\s*=/i.test(lines[first])) first++; // parser directives stay first
    return [
      { title: `Ignore ${rule} for this instruction`, edit: { range: at(start), newText: `${indent}# shipshape ignore=${rule}\n` } },
      { title: `Ignore ${rule} in this file`, edit: { range: at(first), newText: `# shipshape global ignore=${rule}\n` } },
    ];
  }
  // YAML: the comment covers the key or list item on the next line and everything under it.
  const indent = /^[ \t]*(?:-[ \t]+)?/.exec(lines[line] ?? '')?.[0].replace(/-/g, ' ') ?? '';
  const itemIndent = /^[ \t]*/.exec(lines[line] ?? '')?.[0] ?? '';
  const isItem = /^[ \t]*-[ \t]/.test(lines[line] ?? '');
  return [
    { title: `Ignore ${rule} here`, edit: { range: at(line), newText: `${isItem ? itemIndent : indent}# shipshape ignore=${rule}\n` } },
    { title: `Ignore ${rule} in this file`, edit: { range: at(0), newText: `# shipshape ignore-file=${rule}\n` } },
  ];
}

/** Walks up over continuation lines (ending in `\` or the escape character) to the instruction's first line. */
function instructionStartLine(lines: string[], line: number): number {
  const escape = lines.slice(0, 5).some((l) => /^#\s*escape\s*=\s*`/i.test(l)) ? '`' : '\\';
  let current = line;
  while (current > 0) {
    const previous = (lines[current - 1] ?? '').trimEnd();
    if (previous.endsWith(escape) || (previous.trimStart().startsWith('#') && current - 2 >= 0 && (lines[current - 2] ?? '').trimEnd().endsWith(escape))) current--;
    else break;
  }
  return current;
}
