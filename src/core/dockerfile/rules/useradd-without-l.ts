import type { DockerfileRule } from '../check/rule';
import { hasFlag } from './util/commands';
import { cachedRunCommands } from './util/run-index';

/**
 * `useradd` records every UID in the sparse `/var/log/lastlog` and `faillog`; Docker's layer
 * storage expands them, so a UID of 100000000 adds gigabytes. `-l` (`--no-log-init`) skips them.
 * UIDs below 65536 make files too small to matter.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'useradd-without-l',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: '`useradd` with a high UID should use `-l` (`--no-log-init`).',
    practice: 'multistage',
    aliases: ['DL3046'],
    fixable: true,
  },
  check({ model, report }) {
    for (const run of cachedRunCommands(model.instructions)) {
      if (run.name !== 'useradd' || hasFlag(run.args, '-l', '--no-log-init')) continue;
      const uid = uidOf(run.args);
      if (!uid || !/^\d+$/.test(uid.value) || Number(uid.value) < 65536) continue;
      report({
        start: uid.start,
        end: uid.end,
        message: `UID ${uid.value} makes \`useradd\` write large sparse log files into the layer; add \`-l\` (\`--no-log-init\`).`,
        fixes: [{ title: 'Add -l', edits: [{ start: run.nameWord.end, end: run.nameWord.end, newText: ' -l' }], preferred: true }],
      });
    }
  },
};

function uidOf(args: import('../parse/shell').ShellWord[]) {
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value === '-u' || value === '--uid') return args[i + 1];
    if (value.startsWith('--uid=')) return { ...args[i], value: value.slice(6), start: args[i].start + 6 };
    if (/^-u\d+$/.test(value)) return { ...args[i], value: value.slice(2), start: args[i].start + 2 };
  }
  return undefined;
}

export default rule;
