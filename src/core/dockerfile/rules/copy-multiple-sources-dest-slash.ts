import type { DockerfileRule } from '../check/rule';
import { copyArgs } from './util/copy-args';

/**
 * With several sources the destination must be a directory, written with a trailing `/`; otherwise the
 * build fails. `.` is a directory already (BuildKit appends the slash itself).
 */
const rule: DockerfileRule = {
  meta: {
    id: 'copy-multiple-sources-dest-slash',
    domain: 'dockerfile',
    defaultSeverity: 'error',
    description: 'COPY/ADD with more than one source needs a destination ending in `/`.',
    practice: 'correctness',
    aliases: ['DL3021'],
    fixable: true,
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      const args = copyArgs(instruction, model);
      if (!args || args.sources.length < 2) continue;
      const dest = args.destination;
      if (/[/\\]$/.test(dest.value) || dest.value === '.' || dest.value.includes('$')) continue; // BuildKit treats `.` as a directory
      const insertAt = instruction.execForm ? dest.end - 1 : dest.end;
      report({
        start: dest.start,
        end: dest.end,
        message: `${instruction.keyword} has ${args.sources.length} sources, so \`${dest.value}\` must be a directory ending in \`/\`.`,
        fixes: [{ title: 'Add a trailing slash', edits: [{ start: insertAt, end: insertAt, newText: '/' }], preferred: true }],
      });
    }
  },
};
export default rule;
