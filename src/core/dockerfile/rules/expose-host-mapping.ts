import type { DockerfileRule } from '../check/rule';
import { exposedPorts } from './util/expose';

/**
 * `EXPOSE 8080:80` or `EXPOSE 127.0.0.1:80:80` mixes publishing into the image: which host port a
 * service gets is decided where it runs (`docker run -p`, compose `ports:`, a Kubernetes Service).
 */
const rule: DockerfileRule = {
  meta: {
    id: 'expose-host-mapping',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'EXPOSE should list container ports only; host mappings belong to run time.',
    practice: 'network',
    aliases: ['ExposeInvalidFormat'],
    fixable: true,
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'EXPOSE') continue;
      for (const port of exposedPorts(instruction.args)) {
        if (port.hostPart === undefined || port.token.value.includes('$')) continue;
        const end = port.token.start + port.hostPart.length + 1;
        report({
          start: port.token.start,
          end,
          message: `\`${port.hostPart}:\` maps a host address or port; publish ports at run time (\`-p\`, compose \`ports:\`) and EXPOSE only \`${port.ports}\`.`,
          fixes: [{ title: 'Keep only the container port', edits: [{ start: port.token.start, end, newText: '' }], preferred: true }],
        });
      }
    }
  },
};
export default rule;
