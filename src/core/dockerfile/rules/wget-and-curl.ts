import type { DockerfileRule } from '../check/rule';
import { type RunCommand } from './util/commands';
import { cachedRunCommands } from './util/run-index';

/** curl and wget do the same job; a stage that needs both installs (and patches) one tool too many. */
const rule: DockerfileRule = {
  meta: {
    id: 'wget-and-curl',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Use either wget or curl in a stage, not both.',
    practice: 'multistage',
    aliases: ['DL4001'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const runs = cachedRunCommands(stage.instructions).filter((r) => (r.name === 'curl' || r.name === 'wget') && !isLookup(r));
      const first = runs[0];
      if (!first) continue;
      const other = first.name === 'curl' ? 'wget' : 'curl';
      for (const run of runs.filter((r) => r.name === other)) {
        report({
          start: run.nameWord.start,
          end: run.nameWord.end,
          message: `This stage already uses \`${first.name}\`; use it here too instead of \`${other}\`.`,
        });
      }
    }
  },
};

/** `command -v curl` / `which wget` only test for the tool. */
function isLookup(run: RunCommand): boolean {
  return run.command.name?.value === 'command' || run.args.some((a) => a.value === '--version');
}

export default rule;
