import type { DockerfileRule } from '../check/rule';

/** Keywords are case-insensitive, but a file that mixes `RUN` and `run` is harder to scan. Upper case is the convention. */
const rule: DockerfileRule = {
  meta: {
    id: 'instruction-casing',
    domain: 'dockerfile',
    defaultSeverity: 'style',
    description: 'Instruction keywords should be written in one case, conventionally upper case.',
    practice: 'style',
    aliases: ['ConsistentInstructionCasing', 'CASING_INSTRUCTION'],
    fixable: true,
  },
  check({ model, report }) {
    const keywords = model.instructions.flatMap((i) => (i.onbuild ? [i.keywordToken, i.onbuild.keywordToken] : [i.keywordToken]));
    const lower = keywords.filter((k) => k.value === k.value.toLowerCase()).length;
    const expectLower = lower > keywords.length - lower;
    for (const keyword of keywords) {
      const wanted = expectLower ? keyword.value.toLowerCase() : keyword.value.toUpperCase();
      if (keyword.value === wanted) continue;
      report({
        start: keyword.start,
        end: keyword.end,
        message: `Write \`${wanted}\` like the other instructions in this file.`,
        fixes: [{ title: `Change to ${wanted}`, edits: [{ start: keyword.start, end: keyword.end, newText: wanted }], preferred: true }],
      });
    }
  },
};
export default rule;
