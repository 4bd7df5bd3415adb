/**
 * Host ports a service publishes, from both syntaxes: `"[ip:]host[-range]:container[/proto]"` and
 * `{ published, target, host_ip, protocol }`. Only fixed host ports matter for collisions; a bare
 * container port gets a random host port.
 */
import { asArray, asRecord, asScalarText } from '../rules/yaml-values';

export interface PublishedPort {
  hostIp: string;
  port: number;
  protocol: string;
  /** Index of the entry in `ports`. */
  index: number;
}

/** A range wider than this is almost certainly a typo; expanding it would only burn time. */
const MAX_RANGE = 1024;
const WILDCARD_IPS = new Set(['', '0.0.0.0', '::', '[::]']);

export function isWildcardIp(ip: string): boolean {
  return WILDCARD_IPS.has(ip);
}

export function publishedPorts(ports: unknown): PublishedPort[] {
  const result: PublishedPort[] = [];
  asArray(ports).forEach((entry, index) => {
    const long = asRecord(entry);
    if (long) {
      const published = asScalarText(long.published);
      if (published === undefined) return;
      for (const port of expandRange(published)) {
        result.push({ hostIp: asScalarText(long.host_ip) ?? '', port, protocol: asScalarText(long.protocol) ?? 'tcp', index });
      }
      return;
    }
    const text = asScalarText(entry);
    if (text === undefined || text.includes('$')) return; // interpolated: unknown until run time
    const [spec, protocol = 'tcp'] = text.split('/');
    const parts = splitHostSpec(spec);
    if (parts.length < 2) return; // container port only
    const host = parts[parts.length - 2];
    const hostIp = parts.length > 2 ? parts.slice(0, parts.length - 2).join(':') : '';
    for (const port of expandRange(host)) result.push({ hostIp, port, protocol, index });
  });
  return result;
}

/** Splits `ip:host:container`, keeping a bracketed IPv6 address (`[::1]:80:80`) in one piece. */
function splitHostSpec(spec: string): string[] {
  const ipv6 = /^(\[[^\]]*\]):(.*)$/.exec(spec);
  if (ipv6) return [ipv6[1], ...ipv6[2].split(':')];
  return spec.split(':');
}

function expandRange(text: string): number[] {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!match) return [];
  const from = Number(match[1]);
  const to = match[2] !== undefined ? Number(match[2]) : from;
  if (to < from || to - from > MAX_RANGE) return [from];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
