import type { DockerfileRule } from '../check/rule';
import { runCommands } from './util/commands';

/**
 * Host keys generated at build time (`ssh-keygen -A`) are identical in every container from the image,
 * and `authorized_keys` copied in lets anyone with that key into every copy.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'ssh-keys-in-image',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'SSH host keys and authorized keys should not be baked into an image.',
    practice: 'security',
  },
  check({ model, report }) {
    const final = model.stages.at(-1);
    if (!final) return;
    for (const run of runCommands(final.instructions)) {
      if (run.name === 'ssh-keygen' && run.args.some((a) => a.value === '-A' || /ssh_host_/.test(a.value))) {
        report({ start: run.command.start, end: run.command.end, message: 'Host keys generated at build time are shared by every container of this image.' });
      }
    }
    for (const instruction of final.instructions) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
      for (const arg of instruction.args.slice(0, -1)) {
        if (/(^|\/)(authorized_keys2?|ssh_host_[a-z0-9]+_key)$/.test(arg.value)) {
          report({ start: arg.start, end: arg.end, message: `\`${arg.value}\` in the image gives every copy of it the same SSH access.` });
        }
      }
    }
  },
};
export default rule;
