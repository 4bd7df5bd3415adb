import type { DockerfileRule } from '../check/rule';
import { dockerWord } from '../parse/arguments';
import { isAbsolutePath } from './util/copy-args';

/** A relative WORKDIR depends on every earlier WORKDIR, including the base image's; absolute paths say what they mean. */
const rule: DockerfileRule = {
  meta: {
    id: 'workdir-relative',
    domain: 'dockerfile',
    defaultSeverity: 'error',
    description: 'WORKDIR should be an absolute path.',
    practice: 'correctness',
    aliases: ['DL3000', 'WorkdirRelativePath', 'WORKDIR_IS_NOT_ABSOLUTE'],
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'WORKDIR' || !instruction.args[0]) continue;
      // WORKDIR takes its whole argument as one word (quotes removed), unlike COPY's whitespace split.
      const arg = instruction.argumentText!;
      const raw = model.text.slice(arg.start, arg.end).trim();
      const path = dockerWord(raw, model.escapeChar);
      if (isAbsolutePath({ value: path, raw })) continue;
      report({ start: instruction.args[0].start, end: instruction.args[0].end, message: `\`${path}\` is relative to the previous WORKDIR; use an absolute path.` });
    }
  },
};
export default rule;
