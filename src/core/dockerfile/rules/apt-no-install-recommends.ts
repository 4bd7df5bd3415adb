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
      if (run.name !== 'apt-get' && run.name !== 'apt' && run.name !== 'aptitude') continue;
      const sub = subcommand(run.args, ['-o', '-t', '-c']);
      if (sub?.value !== 'install') continue;
      // aptitude spells it `-R`/`--without-recommends`.
      if (run.name === 'aptitude' && hasFlag(run.args, '-R', '--without-recommends')) continue;
      if (hasFlag(run.args, '--no-install-recommends') || run.args.some((a) => /APT::Install-Recommends=(false|0)/i.test(a.value))) continue;
      const flag = run.name === 'aptitude' ? '--without-recommends' : '--no-install-recommends';
      report({
        start: sub.start,
        end: sub.end,
        message: `\`${run.name} install\` without \`${flag}\` also installs recommended packages.`,
        fixes: [{ title: `Add ${flag}`, edits: [{ start: sub.end, end: sub.end, newText: ` ${flag}` }], preferred: true }],
      });
    }
  },
};
export default rule;
