import type { DockerfileRule } from '../check/rule';
import type { Token } from '../model/types';
import { runtimeInstructions } from './util/runtime';

const BIND_OPTIONS = /^(--host|--bind|--listen|--address|--addr|--ip|-b|-H|-h|--hostname|--http-host|--server\.address)$/;
const LOOPBACK = /^(127\.0\.0\.1|localhost|::1|\[::1\])(:\d+)?$/;

/**
 * A server bound to 127.0.0.1 inside a container is unreachable from every other container and from
 * published ports: it listens on the container's own loopback. Bind to 0.0.0.0 and let networks decide.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'loopback-bind',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'The container command should not bind its server to 127.0.0.1 or localhost.',
    practice: 'network',
    fixable: true,
  },
  check({ model, report }) {
    const final = model.stages.at(-1);
    if (!final) return;
    for (const instruction of runtimeInstructions(final)) {
      const words: Token[] = instruction.execForm ?? instruction.shell?.commands.flatMap((c) => (c.name ? [c.name, ...c.args] : [])) ?? [];
      for (let i = 0; i < words.length; i++) {
        const word = words[i].value;
        const eq = word.indexOf('=');
        let token: Token | undefined;
        let address: string | undefined;
        if (eq !== -1 && BIND_OPTIONS.test(word.slice(0, eq))) [token, address] = [words[i], word.slice(eq + 1)];
        else if (BIND_OPTIONS.test(word) && i + 1 < words.length) [token, address] = [words[i + 1], words[i + 1].value];
        if (!token || !address || !LOOPBACK.test(address)) continue;
        const host = /^\[::1\]|^[^:]+/.exec(address)![0];
        // Locate the host in the source, which may be quoted (exec form, or "..." in shell form).
        const offset = model.text.slice(token.start, token.end).lastIndexOf(address);
        const start = offset === -1 ? token.start : token.start + offset;
        report({
          start,
          end: offset === -1 ? token.end : start + address.length,
          message: `Bound to \`${host}\`, the server is only reachable from inside this container; bind to \`0.0.0.0\`.`,
          fixes: offset === -1 ? undefined : [{ title: 'Bind to 0.0.0.0', edits: [{ start, end: start + host.length, newText: '0.0.0.0' }], preferred: true }],
        });
      }
    }
  },
};
export default rule;
