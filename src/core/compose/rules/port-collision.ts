/**
 * Two services (or one service twice) publishing the same host port: the second container fails
 * to start with "port is already allocated". A wildcard address (0.0.0.0, ::) collides with any
 * address on the same port. Services in disjoint profiles never run together and are not compared.
 */
import { asArray, asString } from '../../rules/yaml-values';
import { isWildcardIp, publishedPorts } from '../ports';
import type { ComposeService } from '../model';
import type { ComposeRule } from '../rule';

interface Binding {
  service: ComposeService;
  hostIp: string;
  index: number;
}

export const portCollision: ComposeRule = {
  meta: {
    id: 'compose-port-collision',
    domain: 'compose',
    defaultSeverity: 'error',
    description: 'Two services must not publish the same host port.',
    practice: 'correctness',
  },
  check(project, report) {
    const byPort = new Map<string, Binding[]>();
    const reported = new Set<string>();
    for (const service of project.services) {
      for (const published of publishedPorts(service.value.ports)) {
        const key = `${published.port}/${published.protocol}`;
        const earlier = byPort.get(key) ?? [];
        const clash = earlier.find((b) => ipsOverlap(b.hostIp, published.hostIp) && mayRunTogether(b.service, service) && !(b.service === service && b.index === published.index));
        const at = `${service.name}:${published.index}`;
        if (clash && !reported.has(at)) {
          reported.add(at);
          const who = clash.service === service ? 'earlier in the same service' : `by service "${clash.service.name}"`;
          report({ path: [...service.path, 'ports', published.index], message: `Host port ${key} is already published ${who}.` });
        }
        earlier.push({ service, hostIp: published.hostIp, index: published.index });
        byPort.set(key, earlier);
      }
    }
  },
};

function ipsOverlap(a: string, b: string): boolean {
  return a === b || isWildcardIp(a) || isWildcardIp(b);
}

function mayRunTogether(a: ComposeService, b: ComposeService): boolean {
  const profiles = (s: ComposeService) => asArray(s.value.profiles).map(asString).filter((p): p is string => p !== undefined);
  const pa = profiles(a);
  const pb = profiles(b);
  return pa.length === 0 || pb.length === 0 || pa.some((p) => pb.includes(p));
}
