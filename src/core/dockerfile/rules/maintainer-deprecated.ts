import type { DockerfileRule } from '../check/rule';

/** MAINTAINER was deprecated in Docker 1.13; the OCI label carries the same information and is queryable. */
const rule: DockerfileRule = {
  meta: {
    id: 'maintainer-deprecated',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Use `LABEL org.opencontainers.image.authors=...` instead of the deprecated MAINTAINER.',
    practice: 'style',
    aliases: ['DL4000', 'MaintainerDeprecated', 'DEPRECATED_MAINTAINER'],
    fixable: true,
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'MAINTAINER') continue;
      const author = instruction.argumentText?.value.trim();
      report({
        start: instruction.keywordToken.start,
        end: instruction.keywordToken.end,
        message: 'MAINTAINER is deprecated; use `LABEL org.opencontainers.image.authors="..."`.',
        fixes: author
          ? [{ title: 'Replace with an OCI authors label', edits: [{ start: instruction.start, end: instruction.end, newText: `LABEL org.opencontainers.image.authors=${JSON.stringify(author.replace(/^"(.*)"$/, '$1'))}` }], preferred: true }]
          : undefined,
      });
    }
  },
};
export default rule;
