import type { DockerfileRule } from '../check/rule';
import { exposedPorts } from './util/expose';

/** Protocols are `tcp` or `udp` (or `sctp`), lower-case as BuildKit expects. */
const rule: DockerfileRule = {
  meta: {
    id: 'expose-protocol',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'EXPOSE protocols must be `tcp`, `udp` or `sctp`, in lower case.',
    practice: 'network',
    aliases: ['ExposeProtoCasing', 'INVALID_PROTO'],
    fixable: true,
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'EXPOSE') continue;
      for (const port of exposedPorts(instruction.args)) {
        if (port.protocol === undefined || port.protocolStart === undefined || /^(tcp|udp|sctp)$/.test(port.protocol)) continue;
        const known = /^(tcp|udp|sctp)$/i.test(port.protocol);
        report({
          start: port.protocolStart,
          end: port.protocolStart + port.protocol.length,
          message: known ? `Write the protocol in lower case: \`${port.protocol.toLowerCase()}\`.` : `\`${port.protocol}\` is not a protocol Docker knows; use tcp, udp or sctp.`,
          fixes: known ? [{ title: 'Use lower case', edits: [{ start: port.protocolStart, end: port.protocolStart + port.protocol.length, newText: port.protocol.toLowerCase() }], preferred: true }] : undefined,
        });
      }
    }
  },
};
export default rule;
