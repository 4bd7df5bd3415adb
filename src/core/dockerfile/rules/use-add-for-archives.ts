import type { DockerfileRule } from '../check/rule';
import type { Token } from '../model/types';
import { basename } from '../../containers/processes';
import { copyArgs, isLocalArchive } from './util/copy-args';
import { cachedRunCommands } from './util/run-index';

/**
 * `COPY app.tar.gz /tmp/` followed by `RUN tar -xzf /tmp/app.tar.gz` stores the archive in one
 * layer and its contents in another; `ADD app.tar.gz /opt/app/` extracts it in a single layer.
 * Reported only when a later RUN of the same stage extracts that very file with tar.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'use-add-for-archives',
    domain: 'dockerfile',
    defaultSeverity: 'info',
    description: 'Use ADD to copy and extract a local tar archive in one step instead of COPY followed by `tar -x`.',
    practice: 'multistage',
    aliases: ['DL3010'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const copied: { source: Token; name: string; index: number }[] = [];
      for (const instruction of stage.instructions) {
        const args = instruction.keyword === 'COPY' && !instruction.flags.some((f) => f.name.toLowerCase() === 'from') ? copyArgs(instruction, model) : undefined;
        for (const source of args?.sources ?? []) {
          if (isLocalArchive(source.value) && !source.value.includes('$') && !/[*?[]/.test(source.value)) {
            // `COPY app.tar /foo.tar`: one source to an archive name that is no directory renames the file.
            const destination = args!.destination.value;
            const renamed = args!.sources.length === 1 && !/[/\\]$/.test(destination) && isLocalArchive(destination) && !destination.includes('$');
            copied.push({ source, name: basename(renamed ? destination : source.value), index: instruction.index });
          }
        }
      }
      if (!copied.length) continue;
      const extracted = new Set<string>();
      for (const run of cachedRunCommands(stage.instructions)) {
        if (run.name !== 'tar' || !isExtract(run.args.map((a) => a.value))) continue;
        for (const arg of run.args) if (arg.literal) extracted.add(`${run.instruction.index}:${basename(arg.value)}`);
      }
      for (const { source, name, index } of copied) {
        const later = stage.instructions.some((i) => i.index > index && extracted.has(`${i.index}:${name}`));
        if (later)
          report({
            start: source.start,
            end: source.end,
            message: `\`${name}\` is copied and then extracted by tar in a later RUN; \`ADD ${source.value} <dir>\` extracts it in one layer.`,
          });
      }
    }
  },
};
/** `tar -xzf f`, `tar xzf f` (old style: the first word is the mode), `tar --extract -f f`. */
function isExtract(args: string[]): boolean {
  if (args[0] && /^[a-zA-Z]*x[a-zA-Z]*$/.test(args[0])) return true;
  return args.some((a) => /^-[a-zA-Z]*x[a-zA-Z]*$/.test(a) || a === '--extract' || a === '--get');
}

export default rule;
