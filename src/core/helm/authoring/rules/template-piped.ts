/**
 * `{{ template "x" . | nindent 4 }}` pipes `.`, not the template's output, into `nindent`: `template`
 * writes its output and returns nothing. `include` returns it, so it can be piped.
 */
import type { AuthoringRule } from './rule';

export const templatePiped: AuthoringRule = {
  meta: {
    id: 'helm-template-piped',
    domain: 'helm',
    defaultSeverity: 'warning',
    description: 'Use `include`, not `template`, when the output is piped to another function.',
    practice: 'correctness',
    fixable: true,
  },
  target: 'template',
  check({ scan, report }) {
    for (const ref of scan.names) {
      if (ref.keyword !== 'template' || !ref.piped || !ref.keywordRange) continue;
      report({
        range: ref.keywordRange,
        message: `\`template "${ref.name}"\` writes its output and returns nothing, so the pipe after it receives its argument instead; use \`include\`.`,
        fixes: [{ title: 'Change `template` to `include`', edits: [{ range: ref.keywordRange, newText: 'include' }], preferred: true }],
      });
    }
  },
};
