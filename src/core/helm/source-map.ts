/**
 * Best-effort mapping of rendered lines back to the template lines that produced them, so the editor
 * can show a problem found in rendered YAML on the template. The engine does not trace output to
 * actions, so this matches text: a rendered line maps to the next template line (in order) that is
 * identical, or whose text around its `{{ }}` actions frames the rendered line. Lines that no template
 * line frames (what `include`, `toYaml | nindent`, `tpl` expand to) go to the one action between their
 * mapped neighbours that writes output; where there are several such actions they stay unmapped
 * (undefined) rather than guessed.
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
  // `{{-` and `-}}` eat the whitespace beside them.
  const prefix = line.startsWith('{{-', open) ? line.slice(0, open).trimEnd() : line.slice(0, open);
  const suffix = close < 0 ? '' : close > 0 && line[close - 1] === '-' ? line.slice(close + 2).trimStart() : line.slice(close + 2);
  return { text: line, prefix, suffix, hasAction: true };
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
  attributeExpansions(tLines, out, rendered.split('\n'));
  return out;
}

/** `{{ ... }}` with nothing around it that is not control flow, a comment or an assignment: it writes output. */
const CONTROL = /^\{\{-?\s*(?:if|else|end|range|with|define|block|\/\*|\$\w+\s*:?=|break|continue)\b/;

function writesOutput(t: TemplateLine, atEnd: boolean): boolean {
  if (!t.hasAction) return false;
  const body = t.text.slice(t.prefix.length).trim();
  if (CONTROL.test(body)) return false;
  // An action alone on its line, or at the end of a line (`labels: {{- include "x" . | nindent 4 }}`).
  return atEnd ? t.suffix.trim() === '' : t.prefix.trim() === '' && t.suffix.trim() === '';
}

/** Runs of unmapped rendered lines get the single output-writing action between their mapped neighbours. */
function attributeExpansions(tLines: TemplateLine[], out: (number | undefined)[], rendered: string[]): void {
  let i = 0;
  while (i < out.length) {
    if (out[i] !== undefined || rendered[i].trim() === '') {
      i++;
      continue;
    }
    let end = i;
    while (end < out.length && out[end] === undefined) end++;
    const before = lastMapped(out, i); // 1-based template line or 0
    const after = end < out.length ? out[end]! : tLines.length + 1;
    const candidates: number[] = [];
    if (before > 0 && writesOutput(tLines[before - 1], true)) candidates.push(before);
    for (let t = before + 1; t < after; t++) if (writesOutput(tLines[t - 1], false)) candidates.push(t);
    if (candidates.length === 1) for (let r = i; r < end; r++) if (rendered[r].trim() !== '') out[r] = candidates[0];
    i = end;
  }
}

function lastMapped(out: (number | undefined)[], before: number): number {
  for (let i = before - 1; i >= 0; i--) if (out[i] !== undefined) return out[i]!;
  return 0;
}
