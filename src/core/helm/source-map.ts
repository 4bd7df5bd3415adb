/**
 * Best-effort mapping of rendered lines back to the template lines that produced them, so the editor
 * can show a problem found in rendered YAML on the template. The engine does not trace output to
 * actions, so this matches text: a rendered line maps to the next template line (in order) that is
 * identical, or whose text around its `{{ }}` actions frames the rendered line. Lines produced by
 * `include`/`toYaml` expansions stay unmapped (undefined) rather than guessed.
 */

/** How far ahead in the template a match is looked for; keeps the mapping linear on big files. */
const WINDOW = 64;

interface TemplateLine {
  text: string;
  prefix: string;
  suffix: string;
  hasAction: boolean;
}

function describe(line: string): TemplateLine {
  const open = line.indexOf('{{');
  if (open < 0) return { text: line, prefix: line, suffix: '', hasAction: false };
  const close = line.lastIndexOf('}}');
  return { text: line, prefix: line.slice(0, open), suffix: close >= 0 ? line.slice(close + 2) : '', hasAction: true };
}

function frames(t: TemplateLine, rendered: string): boolean {
  if (!t.hasAction) return t.text === rendered;
  // A line that is only an action (`{{- if ... }}`) produces no text of its own worth matching.
  if (t.prefix.trim() === '' && t.suffix.trim() === '') return false;
  return rendered.startsWith(t.prefix) && rendered.endsWith(t.suffix) && rendered.length >= t.prefix.length + t.suffix.length;
}

/** `result[i]` = 1-based template line for 0-based line `i` of `rendered`, or undefined. */
export function mapRenderedLines(template: string, rendered: string): (number | undefined)[] {
  const tLines = template.split('\n').map(describe);
  const out: (number | undefined)[] = [];
  let next = 0;
  for (const line of rendered.split('\n')) {
    let found: number | undefined;
    if (line.trim() !== '') {
      const end = Math.min(tLines.length, next + WINDOW);
      for (let i = next; i < end; i++) {
        if (frames(tLines[i], line)) {
          found = i;
          break;
        }
      }
    }
    if (found === undefined) {
      out.push(undefined);
      continue;
    }
    out.push(found + 1);
    next = found + 1;
  }
  return out;
}
