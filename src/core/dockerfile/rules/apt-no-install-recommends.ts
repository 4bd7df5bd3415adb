import type { DockerfileRule } from '../check/rule';
import { hasFlag, runCommands, subcommand } from './util/commands';

/** Recommended packages are rarely needed in an image and can double its size. */
const rule: DockerfileRule = {
  meta: {
    id: 'apt-no-install-recommends',
    domain: 'dockerfile',
    defaultSeverity: 'info',
    description: '`apt-get install` should use `--no-install-recommends` to keep the image small.',
    practice: 'multistage',
    aliases: ['DL3015'],
    fixable: true,
  },
  check({ model, report }) {
    for (const run of runCommands(model.instructions)) {
      if (run.name !== 'apt-get' && run.name !== 'apt') continue;
      const sub = subcommand(run.args, ['-o', '-t', '-c']);
      if (sub?.value !== 'install') continue;
      if (hasFlag(run.args, '--no-install-recommends') || run.args.some((a) => /APT::Install-Recommends=(false|0)/i.test(a.value))) continue;
      report({
        start: sub.start,
        end: sub.end,
        message: '`apt-get install` without `--no-install-recommends` also installs recommended packages.',
        fixes: [{ title: 'Add --no-install-recommends', edits: [{ start: sub.end, end: sub.end, newText: ' --no-install-recommends' }], preferred: true }],
      });
    }
  },
};
export default rule;
