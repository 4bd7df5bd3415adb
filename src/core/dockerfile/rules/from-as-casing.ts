import type { DockerfileRule } from '../check/rule';

/** `FROM x as y` mixes keyword casings; BuildKit warns, and it reads as a typo. */
const rule: DockerfileRule = {
  meta: {
    id: 'from-as-casing',
    domain: 'dockerfile',
    defaultSeverity: 'style',
    description: 'The `AS` keyword should have the same casing as `FROM`.',
    practice: 'style',
    aliases: ['FromAsCasing'],
    fixable: true,
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const as = stage.name ? stage.from.args[1] : undefined;
      if (!as) continue;
      const from = stage.from.keywordToken.value;
      const fromUpper = from === from.toUpperCase();
      const fromLower = from === from.toLowerCase();
      const wanted = fromUpper ? 'AS' : fromLower ? 'as' : undefined;
      const written = model.text.slice(as.start, as.end);
      if (!wanted || written === wanted) continue;
      report({
        start: as.start,
        end: as.end,
        message: `\`${written}\` does not match the casing of \`${from}\`; write \`${wanted}\`.`,
        fixes: [{ title: `Write ${wanted}`, edits: [{ start: as.start, end: as.end, newText: wanted }], preferred: true }],
      });
    }
  },
};
export default rule;
