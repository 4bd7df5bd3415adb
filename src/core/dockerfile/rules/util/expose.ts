/** Splits EXPOSE arguments (`80`, `80/tcp`, `8000-8010/udp`, `127.0.0.1:80:80`) into their parts. */
import type { Token } from '../../model/types';

export interface ExposedPort {
  token: Token;
  /** Present for `ip:host:container` or `host:container` forms, which EXPOSE does not accept. */
  hostPart?: string;
  ports: string;
  protocol?: string;
  protocolStart?: number;
}

export function exposedPorts(args: Token[]): ExposedPort[] {
  return args.map((token) => {
    const slash = token.value.lastIndexOf('/');
    const portPart = slash === -1 ? token.value : token.value.slice(0, slash);
    const colon = portPart.lastIndexOf(':');
    return {
      token,
      hostPart: colon === -1 ? undefined : portPart.slice(0, colon),
      ports: colon === -1 ? portPart : portPart.slice(colon + 1),
      protocol: slash === -1 ? undefined : token.value.slice(slash + 1),
      protocolStart: slash === -1 ? undefined : token.start + slash + 1,
    };
  });
}
