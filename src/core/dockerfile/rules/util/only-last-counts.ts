/** Shared shape of the "only the last X in a stage takes effect" rules (CMD, ENTRYPOINT, HEALTHCHECK). */
import type { DockerfileRule } from '../../check/rule';
import type { Severity } from '../../../diagnostics';

export function onlyLastCounts(keyword: string, id: string, aliases: string[], severity: Severity): DockerfileRule {
  return {
    meta: {
      id,
      domain: 'dockerfile',
      defaultSeverity: severity,
      description: `A stage should have at most one ${keyword}; only the last one takes effect.`,
      practice: 'single-process',
      aliases,
      fixable: true,
    },
    check({ model, report }) {
      for (const stage of model.stages) {
        const all = stage.instructions.filter((i) => i.keyword === keyword);
        for (const earlier of all.slice(0, -1)) {
          // Delete the whole line(s) of the overridden instruction.
          const lineStart = model.lines.lineStart(model.lines.positionAt(earlier.start).line);
          const next = model.text.indexOf('\n', earlier.end);
          report({
            start: earlier.keywordToken.start,
            end: earlier.keywordToken.end,
            message: `This ${keyword} is overridden by the one on line ${model.lines.positionAt(all[all.length - 1].start).line + 1}; only the last ${keyword} in a stage takes effect.`,
            fixes: [{ title: `Remove the overridden ${keyword}`, edits: [{ start: lineStart, end: next === -1 ? model.text.length : next + 1, newText: '' }] }],
          });
        }
      }
    },
  };
}
