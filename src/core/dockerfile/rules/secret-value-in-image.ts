import type { DockerfileRule } from '../check/rule';
import { properties } from './util/env-properties';

/** Shapes of credentials that are secret whatever the variable is called. */
const SECRET_VALUES: [RegExp, string][] = [
  [/\bAKIA[0-9A-Z]{16}\b/, 'an AWS access key'],
  [/\bgh[pousr]_[A-Za-z0-9]{36,}\b/, 'a GitHub token'],
  [/\bglpat-[A-Za-z0-9_-]{20,}\b/, 'a GitLab token'],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}\b/, 'a Slack token'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/\b[a-z][a-z0-9+.-]*:\/\/([^\s/:@$]+:[^\s/@$]+)@/i, 'a URL with a password'],
  [/\bsk_live_[A-Za-z0-9]{20,}\b/, 'a Stripe secret key'],
];

/**
 * A credential written into ENV, ARG, LABEL or a RUN line is in the image layers for good. hadolint and
 * BuildKit only look at variable names; this rule looks at the values.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'secret-value-in-image',
    domain: 'dockerfile',
    defaultSeverity: 'error',
    description: 'Credentials (keys, tokens, passwords in URLs) should never be written into a Dockerfile.',
    practice: 'config-env',
  },
  check({ model, report }) {
    const check = (text: string, start: number) => {
      for (const [pattern, what] of SECRET_VALUES) {
        const match = pattern.exec(text);
        if (match) {
          // With a group, point at it (the `user:password` of a URL), not at the whole match.
          const from = match.index + (match[1] ? match[0].indexOf(match[1]) : 0);
          const length = (match[1] ?? match[0]).length;
          report({ start: start + from, end: start + from + length, message: `This looks like ${what}; it would be readable by anyone with the image. Pass it at run time or with \`RUN --mount=type=secret\`.` });
          return;
        }
      }
    };
    for (const property of properties(model, 'ARG', 'ENV', 'LABEL')) {
      if (property.value) check(model.text.slice(property.value.start, property.value.end), property.value.start);
    }
    for (const instruction of model.instructions) {
      if (instruction.keyword === 'RUN' && instruction.argumentText) check(instruction.argumentText.value, instruction.argumentText.start);
    }
  },
};
export default rule;
