import type { DockerfileRule } from '../check/rule';
import { installedPackages } from './util/package-managers';
import { runtimeInstructions } from './util/runtime';
import { SUPERVISORS } from '../../containers/processes';

/**
 * A supervisor (supervisord, s6, runit, pm2) as PID 1 runs several services in one container, which is
 * what orchestrators do better: restarts, logs and scaling per service. Images whose product is the
 * supervisor (phusion/baseimage) can switch the rule off once.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'process-supervisor',
    domain: 'dockerfile',
    defaultSeverity: 'info',
    description: 'The final stage should not run a process supervisor to start several services.',
    practice: 'single-process',
  },
  check({ model, report }) {
    const final = model.stages.at(-1);
    if (!final) return;
    for (const instruction of runtimeInstructions(final)) {
      const words = instruction.execForm ?? instruction.shell?.commands.flatMap((c) => (c.name ? [c.name] : [])) ?? [];
      for (const word of words) {
        const name = word.value.split('/').pop() ?? '';
        if (!SUPERVISORS.has(name) || (name === 'pm2' && instruction.execForm)) continue;
        report({ start: word.start, end: word.end, message: `\`${name}\` supervises several services in one container; run one service per container instead.` });
        break;
      }
    }
    for (const { name, word } of installedPackages(final.instructions)) {
      if (name === 'supervisor' || name === 'supervisord' || name === 'runit' || name === 's6') {
        report({ start: word.start, end: word.end, message: `Installing \`${name}\` in the final stage suggests several services in one container; give each its own container.` });
      }
    }
  },
};
export default rule;
