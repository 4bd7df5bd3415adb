import type { DockerfileRule } from '../check/rule';
import { cachedRunCommands } from './util/run-index';

/** Subcommands apt-get has under the same name, for a mechanical rename. */
const SAME_IN_APT_GET = new Set(['install', 'update', 'upgrade', 'remove', 'purge', 'autoremove', 'dist-upgrade', 'clean', 'autoclean', 'source', 'build-dep']);

/** `apt` is for humans: its output and behaviour may change between releases and it warns that it has no stable CLI. */
const rule: DockerfileRule = {
  meta: {
    id: 'use-apt-get-not-apt',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Use `apt-get` or `apt-cache` in scripts, not `apt`.',
    practice: 'reproducibility',
    aliases: ['DL3027'],
    fixable: true,
  },
  check({ model, report }) {
    for (const run of cachedRunCommands(model.instructions)) {
      if (run.name !== 'apt' || run.nameWord.value !== 'apt') continue;
      const sub = run.args.find((a) => !a.value.startsWith('-'));
      const fixable = !!sub && SAME_IN_APT_GET.has(sub.value);
      report({
        start: run.nameWord.start,
        end: run.nameWord.end,
        message: '`apt` has no stable command-line interface for scripts; use `apt-get` (or `apt-cache`).',
        fixes: fixable
          ? [{ title: 'Use apt-get', edits: [{ start: run.nameWord.start, end: run.nameWord.end, newText: 'apt-get' }], preferred: true }]
          : undefined,
      });
    }
  },
};
export default rule;
