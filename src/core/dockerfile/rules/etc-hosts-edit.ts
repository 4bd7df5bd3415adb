import type { DockerfileRule } from '../check/rule';
import type { ShellWord } from '../parse/shell';
import { cachedRunCommands } from './util/run-index';

/**
 * Docker writes `/etc/hosts` when a container starts, so edits made at build time vanish. Name
 * other services through container networks (service names, `--add-host`, compose `extra_hosts`).
 */
const rule: DockerfileRule = {
  meta: {
    id: 'etc-hosts-edit',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Do not edit `/etc/hosts` in RUN; Docker replaces it at run time. Use networks or `--add-host`.',
    practice: 'network',
  },
  check({ model, report }) {
    for (const run of cachedRunCommands(model.instructions)) {
      const targets: ShellWord[] = run.command.redirects.filter((r) => r.op.includes('>') && r.target?.value === '/etc/hosts').map((r) => r.target!);
      const writes = run.name === 'tee' || (run.name === 'sed' && run.args.some((a) => /^-[a-zA-Z]*i/.test(a.value) || a.value.startsWith('--in-place')));
      if (writes) targets.push(...run.args.filter((a) => a.value === '/etc/hosts'));
      for (const target of targets) {
        report({
          start: target.start,
          end: target.end,
          message:
            'Docker regenerates `/etc/hosts` when the container starts, so this edit is lost; use a network alias, `--add-host` or compose `extra_hosts`.',
        });
      }
    }
  },
};
export default rule;
