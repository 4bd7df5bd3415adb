import type { DockerfileRule } from '../check/rule';
import { cachedRunCommands } from './util/run-index';

/**
 * Interactive and system-administration commands make no sense while building an image: there is
 * no terminal, no init system and no running service (`service x start` in RUN starts nothing that
 * survives the step). They usually mean the image is being treated like a VM.
 */
const COMMANDS = new Set(['ssh', 'vim', 'shutdown', 'service', 'ps', 'free', 'top', 'kill', 'mount', 'ifconfig']);

const rule: DockerfileRule = {
  meta: {
    id: 'run-uses-unnecessary-commands',
    domain: 'dockerfile',
    defaultSeverity: 'info',
    description: 'RUN should not use interactive or system commands (ssh, vim, service, ps, top, kill, mount, ...).',
    practice: 'single-process',
    aliases: ['DL3001'],
  },
  check({ model, report }) {
    for (const run of cachedRunCommands(model.instructions)) {
      if (!COMMANDS.has(run.name)) continue;
      if (run.command.name?.value === 'command' || run.command.name?.value === 'which') continue;
      if (run.name === 'ssh' && run.instruction.flags.some((f) => f.name.toLowerCase() === 'mount' && /type=ssh/.test(f.value ?? ''))) continue;
      report({
        start: run.nameWord.start,
        end: run.nameWord.end,
        message: `\`${run.name}\` has no use while building an image: there is no terminal, init system or running service.`,
      });
    }
  },
};
export default rule;
