/**
 * Quick fixes on a template line for a rendered value of the wrong type, found by validating the
 * rendered manifest: `replicas: "{{ .Values.n }}"` renders the string "2" where Kubernetes wants an
 * integer (drop the quotes); `value: {{ .Values.port }}` renders a number where it wants a string
 * (pipe it to `quote`). The finding's message says which way the type is wrong.
 */
import type { Fix } from '../../diagnostics';

const WANTS_SCALAR = /^Expected (?:an integer|a number|a boolean)(?: or (?:an integer|a number|a boolean))* for .*, got a string /;
const WANTS_STRING = /^Expected a string for .*, got (?:a number|an integer|a boolean) |is read as the (?:boolean|octal number) .* quote it/;

export function templateTypeFix(message: string, templateText: string, line: number): Fix | undefined {
  if (WANTS_SCALAR.test(message)) {
    const quoted = /(["'])(\{\{[^}]*\}\})\1/.exec(templateText);
    if (!quoted) return undefined;
    const start = quoted.index;
    return {
      title: 'Remove the quotes around the action, so it renders a number or boolean',
      preferred: true,
      edits: [{ range: { start: { line, character: start }, end: { line, character: start + quoted[0].length } }, newText: quoted[2] }],
    };
  }
  if (WANTS_STRING.test(message)) {
    const action = /\{\{-?((?:[^}]|\}(?!\}))*?)(-?\}\})/.exec(templateText);
    if (!action || /\|\s*quote\s*-?\}\}$/.test(action[0]) || /["']\{\{/.test(templateText.slice(Math.max(0, action.index - 1), action.index + 2))) return undefined;
    const at = action.index + action[0].length - action[2].length;
    const body = action[1];
    const insert = body.endsWith(' ') ? '| quote ' : ' | quote ';
    return { title: 'Pipe the value to `quote`, so it renders a string', preferred: true, edits: [{ range: { start: { line, character: at }, end: { line, character: at } }, newText: insert }] };
  }
  return undefined;
}
