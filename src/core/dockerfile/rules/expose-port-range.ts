import type { DockerfileRule } from '../check/rule';
import { exposedPorts } from './util/expose';

/** Ports are 0-65535 (ranges `a-b` with a <= b); anything else fails `docker build`. */
const rule: DockerfileRule = {
  meta: {
    id: 'expose-port-range',
    domain: 'dockerfile',
    defaultSeverity: 'error',
    description: 'EXPOSE ports must be numbers between 0 and 65535.',
    practice: 'network',
    aliases: ['DL3011', 'INVALID_PORT'],
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'EXPOSE') continue;
      for (const port of exposedPorts(instruction.args)) {
        if (port.ports.includes('$')) continue;
        const match = /^(\d+)(?:-(\d+))?$/.exec(port.ports);
        const valid = match && Number(match[1]) <= 65535 && (!match[2] || (Number(match[2]) <= 65535 && Number(match[1]) <= Number(match[2])));
        if (valid) continue;
        const start = port.token.start + (port.hostPart !== undefined ? port.hostPart.length + 1 : 0);
        report({ start, end: start + port.ports.length, message: `\`${port.ports}\` is not a valid port (0-65535, or a range like 8000-8010).` });
      }
    }
  },
};
export default rule;
