/**
 * A template's YAML with its actions blanked out, so the schema assistant can read the object around
 * the cursor: a line that is only actions becomes blank (it adds no YAML), an action inside a line
 * becomes a placeholder scalar of the same length (columns stay where they are).
 */
export function maskActions(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!line.includes('{{')) return line;
      const masked = line.replace(/\{\{[\s\S]*?(?:\}\}|$)/g, (action) => 'x'.repeat(action.length));
      return /^\s*x+\s*$/.test(masked) && /^\s*\{\{/.test(line) ? ' '.repeat(line.length) : masked;
    })
    .join('\n');
}
