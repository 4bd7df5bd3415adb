import type { DockerfileRule } from '../check/rule';

/** Two stages with one name: `COPY --from` and `--target` silently pick one of them (a build error in BuildKit). */
const rule: DockerfileRule = {
  meta: {
    id: 'duplicate-stage-name',
    domain: 'dockerfile',
    defaultSeverity: 'error',
    description: 'Stage names must be unique within a Dockerfile.',
    practice: 'multistage',
    aliases: ['DL3024', 'DuplicateStageName'],
  },
  check({ model, report }) {
    const seen = new Map<string, number>();
    for (const stage of model.stages) {
      if (!stage.name) continue;
      const first = seen.get(stage.name.value);
      if (first === undefined) {
        seen.set(stage.name.value, stage.from.index);
        continue;
      }
      const line = model.lines.positionAt(model.instructions[first].start).line + 1;
      report({ start: stage.name.start, end: stage.name.end, message: `Stage name \`${stage.name.value}\` is already used by the stage on line ${line}.` });
    }
  },
};
export default rule;
