import type { DockerfileRule } from '../check/rule';

/** Only ARG (and comments or parser directives) may precede the first FROM; anything else fails the build. */
const rule: DockerfileRule = {
  meta: {
    id: 'first-instruction-from',
    domain: 'dockerfile',
    defaultSeverity: 'error',
    description: 'A Dockerfile must start with FROM (only ARG may come before it).',
    practice: 'correctness',
    aliases: ['DL3061'],
  },
  check({ model, report }) {
    const first = model.instructions.find((i) => i.keyword !== 'ARG');
    if (!first || first.keyword === 'FROM') return;
    report({
      start: first.keywordToken.start,
      end: first.keywordToken.end,
      message: `\`${first.keywordToken.value}\` comes before any FROM; only ARG may precede the first FROM.`,
    });
  },
};
export default rule;
