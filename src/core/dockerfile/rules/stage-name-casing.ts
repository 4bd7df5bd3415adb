import type { DockerfileRule } from '../check/rule';

/** Stage names are case-insensitive; writing them in lower case avoids `--from=Build` vs `build` confusion. */
const rule: DockerfileRule = {
  meta: {
    id: 'stage-name-casing',
    domain: 'dockerfile',
    defaultSeverity: 'style',
    description: 'Stage names should be lower case.',
    practice: 'style',
    aliases: ['StageNameCasing'],
    fixable: true,
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (!stage.name) continue;
      const written = model.text.slice(stage.name.start, stage.name.end);
      if (written === written.toLowerCase()) continue;
      report({
        start: stage.name.start,
        end: stage.name.end,
        message: `Stage name \`${written}\` should be lower case.`,
        fixes: [
          {
            title: `Rename to ${written.toLowerCase()}`,
            edits: [{ start: stage.name.start, end: stage.name.end, newText: written.toLowerCase() }],
            preferred: true,
          },
        ],
      });
    }
  },
};
export default rule;
