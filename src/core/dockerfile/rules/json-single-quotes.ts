import type { DockerfileRule } from '../check/rule';

/**
 * `CMD ['node', 'app.js']` is not JSON, so Docker silently runs it in shell form: `/bin/sh -c "['node',"...`
 * fails at run time. dockerfile-utils' JSON_IN_SINGLE_QUOTES.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'json-single-quotes',
    domain: 'dockerfile',
    defaultSeverity: 'error',
    description: 'Exec-form arrays must use double quotes; single quotes turn them into a shell command.',
    practice: 'correctness',
    aliases: ['JSON_IN_SINGLE_QUOTES'],
    fixable: true,
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (!['CMD', 'ENTRYPOINT', 'RUN', 'SHELL', 'VOLUME'].includes(instruction.keyword) || instruction.execForm || !instruction.argumentText) continue;
      const text = instruction.argumentText.value.trim();
      if (!/^\[\s*'/.test(text) || !text.endsWith(']')) continue;
      const items = /^\[\s*('(?:[^'\\]|\\.)*'\s*(?:,\s*'(?:[^'\\]|\\.)*'\s*)*)\]$/.exec(text);
      const fixed = items ? `[${[...items[1].matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((m) => JSON.stringify(m[1])).join(', ')}]` : undefined;
      const start = instruction.argumentText.start;
      report({
        start,
        end: start + text.length,
        message: 'This array uses single quotes, so it is not JSON and Docker runs it as a shell command; use double quotes.',
        fixes: fixed ? [{ title: 'Use double quotes', edits: [{ start, end: start + text.length, newText: fixed }], preferred: true }] : undefined,
      });
    }
  },
};
export default rule;
