/** A template that does not parse stops the whole chart from rendering; say so on its own line, as the user types. */
import type { AuthoringRule } from './rule';

export const templateSyntax: AuthoringRule = {
  meta: {
    id: 'helm-template-syntax',
    domain: 'helm',
    defaultSeverity: 'error',
    description: 'A chart template must be a valid Go template (closed actions, known functions, matching `end`s).',
    practice: 'correctness',
    aliases: ['helm lint'],
  },
  target: 'template',
  check({ scan, report }) {
    if (scan.error) report({ range: scan.error.range, message: `Template syntax: ${scan.error.message}.` });
  },
};
