/**
 * IP addresses and CIDRs the API server rejects. Mirrors kubernetes/pkg/apis/core/validation:
 * ValidateService (clusterIP empty, `None` or an IP, `None` not allowed for NodePort and
 * LoadBalancer; ValidateServiceClusterIPsRelatedFields for clusterIPs: valid IPs, `None` only
 * alone, at most two, one per family, the first equal to clusterIP; externalIPs valid and, by
 * ValidateEndpointIP, not unspecified, loopback or link-local; loadBalancerSourceRanges only on
 * LoadBalancer Services, each a CIDR once trimmed; without them, the comma-separated CIDRs of the
 * service.beta.kubernetes.io/load-balancer-source-ranges annotation), validateEpAddress for Endpoints, and for pod
 * specs ValidateHostAliases (hostAliases[].ip) and validatePodDNSConfig (dnsConfig.nameservers);
 * and networking's ValidateIPBlock (cidr and except are CIDRs, each except a strict subset of
 * cidr). Parsing is netutils.ParseIPSloppy / ParseCIDRSloppy, as 1.31–1.34 servers do: leading
 * zeros and IPv4-mapped IPv6 are only warned about there, so they are not reported.
 */
import { asArray, asRecord, dig } from '../../rules/yaml-values';
import {
  apiGroupOf,
  cidrContains,
  describe,
  isBuiltIn,
  isIpv4,
  isTemplated,
  isValidCidr,
  isValidIp,
  nonSpecialIpErrors,
  parseCidrSloppy,
  parseIpSloppy,
} from '../api-validation';
import type { K8sObject, YamlPath } from '../model';
import type { KubernetesRule, KubernetesRuleContext } from '../rule';

export const ipAddress: KubernetesRule = {
  meta: {
    id: 'k8s-ip-address',
    domain: 'kubernetes',
    defaultSeverity: 'error',
    description: 'IP addresses and CIDRs (Service clusterIP, externalIPs and source ranges, NetworkPolicy ipBlock, hostAliases, nameservers, Endpoints) must be ones the API server accepts.',
    practice: 'correctness',
  },
  check(object, context) {
    if (!isBuiltIn(object)) return;
    const group = apiGroupOf(object.apiVersion);
    if (object.kind === 'Service' && group === '') checkService(object, context);
    if (object.kind === 'Endpoints' && group === '') checkEndpoints(object, context);
    if (object.kind === 'NetworkPolicy' && group === 'networking.k8s.io') checkNetworkPolicy(object, context);
    const template = object.podTemplate;
    if (template) {
      asArray(template.spec.hostAliases).forEach((alias, i) => ip(context, asRecord(alias)?.ip, [...template.specPath, 'hostAliases', i, 'ip'], 'hostAliases ip'));
      asArray(dig(template.spec, 'dnsConfig', 'nameservers')).forEach((server, i) => ip(context, server, [...template.specPath, 'dnsConfig', 'nameservers', i], 'Nameserver'));
    }
  },
};

/** A string to judge: not templated; other types are the schema's. */
function text(value: unknown): value is string {
  return typeof value === 'string' && !isTemplated(value);
}

/** Reports an invalid IP; the parsed address when valid. */
function ip(context: KubernetesRuleContext, value: unknown, path: YamlPath, what: string): number[] | undefined {
  if (!text(value)) return undefined;
  const reasons = isValidIp(value);
  if (reasons.length) {
    context.report({ path, message: describe(what, value, reasons) });
    return undefined;
  }
  return parseIpSloppy(value);
}

/** An IP that must also not be special (ValidateEndpointIP). */
function endpointIp(context: KubernetesRuleContext, value: unknown, path: YamlPath, what: string): void {
  const parsed = ip(context, value, path, what);
  if (!parsed || !text(value)) return;
  const reasons = nonSpecialIpErrors(value, parsed);
  if (reasons.length) context.report({ path, message: describe(what, value, reasons) });
}

function checkService(object: K8sObject, context: KubernetesRuleContext): void {
  const spec = asRecord(object.value.spec);
  if (!spec) return;
  const type = typeof spec.type === 'string' ? spec.type : 'ClusterIP';
  const clusterIP = spec.clusterIP;
  if (type !== 'ExternalName') {
    if (text(clusterIP) && clusterIP !== '' && clusterIP !== 'None' && !parseIpSloppy(clusterIP)) {
      context.report({ path: ['spec', 'clusterIP'], message: describe('clusterIP', clusterIP, ["must be empty, 'None', or a valid IP address"]) });
    }
    if (clusterIP === 'None' && (type === 'NodePort' || type === 'LoadBalancer')) {
      context.report({ path: ['spec', 'clusterIP'], message: `clusterIP may not be set to 'None' for ${type} services.` });
    }
    checkClusterIPs(context, spec);
  }
  asArray(spec.externalIPs).forEach((value, i) => endpointIp(context, value, ['spec', 'externalIPs', i], 'External IP'));
  const ranges = asArray(spec.loadBalancerSourceRanges);
  if (ranges.length > 0 && type !== 'LoadBalancer') {
    context.report({ path: ['spec', 'loadBalancerSourceRanges'], target: 'key', message: "loadBalancerSourceRanges may only be used when `type` is 'LoadBalancer'." });
  }
  ranges.forEach((value, i) => {
    if (!text(value)) return;
    // The API server trims these (a leftover of the annotation they replaced).
    const reasons = isValidCidr(value.trim());
    if (reasons.length) context.report({ path: ['spec', 'loadBalancerSourceRanges', i], message: describe('Source range', value, reasons) });
  });
  // The annotation the field replaced is validated when the field is empty: comma-separated CIDRs.
  const annotations = asRecord(asRecord(object.value.metadata)?.annotations);
  const annotation = annotations?.[SOURCE_RANGES_ANNOTATION];
  if (ranges.length > 0 || annotation === undefined) return;
  const at: YamlPath = ['metadata', 'annotations', SOURCE_RANGES_ANNOTATION];
  if (type !== 'LoadBalancer') {
    context.report({ path: at, target: 'key', message: `The ${SOURCE_RANGES_ANNOTATION} annotation may only be used when \`type\` is 'LoadBalancer'.` });
  }
  if (!text(annotation) || annotation.trim() === '') return;
  const bad = annotation.split(',').map((part) => part.trim()).filter((part) => isValidCidr(part).length > 0);
  if (bad.length) context.report({ path: at, message: describe('Source range', bad[0], isValidCidr(bad[0])) });
}

const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

function checkClusterIPs(context: KubernetesRuleContext, spec: Record<string, unknown>): void {
  const list = asArray(spec.clusterIPs);
  if (list.length === 0 || !list.every(text)) return;
  const ips = list as string[];
  const at: YamlPath = ['spec', 'clusterIPs'];
  if (text(spec.clusterIP) && spec.clusterIP !== '' && ips[0] !== spec.clusterIP) {
    context.report({ path: [...at, 0], message: `clusterIPs: the first value must match \`clusterIP\` ("${spec.clusterIP}").` });
  }
  let invalid = false;
  const parsed: number[][] = [];
  ips.forEach((value, i) => {
    if (i === 0 && value === 'None') {
      if (ips.length > 1) {
        invalid = true;
        context.report({ path: [...at, 0], message: "clusterIPs: 'None' must be the first and only value." });
      }
      return;
    }
    if (value === 'None') {
      invalid = true;
      context.report({ path: [...at, i], message: "clusterIPs: 'None' must be the first and only value." });
      return;
    }
    const address = parseIpSloppy(value);
    if (!address) {
      invalid = true;
      context.report({ path: [...at, i], message: describe('clusterIPs entry', value, isValidIp(value)) });
    } else parsed.push(address);
  });
  if (ips.length > 2) context.report({ path: at, target: 'key', message: 'clusterIPs may only hold up to 2 values (one IPv4, one IPv6).' });
  else if (!invalid && parsed.length === 2 && isIpv4(parsed[0]) === isIpv4(parsed[1])) {
    context.report({ path: at, target: 'key', message: 'clusterIPs may specify no more than one IP for each IP family.' });
  }
}

function checkEndpoints(object: K8sObject, context: KubernetesRuleContext): void {
  asArray(object.value.subsets).forEach((subset, i) => {
    for (const list of ['addresses', 'notReadyAddresses']) {
      asArray(asRecord(subset)?.[list]).forEach((address, j) => endpointIp(context, asRecord(address)?.ip, ['subsets', i, list, j, 'ip'], 'Endpoint IP'));
    }
  });
}

function checkNetworkPolicy(object: K8sObject, context: KubernetesRuleContext): void {
  const spec = asRecord(object.value.spec);
  for (const [direction, peers] of [['ingress', 'from'], ['egress', 'to']]) {
    asArray(spec?.[direction]).forEach((rule, i) => {
      asArray(asRecord(rule)?.[peers]).forEach((peer, j) => {
        const block = asRecord(asRecord(peer)?.ipBlock);
        if (!block) return;
        const at: YamlPath = ['spec', direction, i, peers, j, 'ipBlock'];
        checkIpBlock(context, block, at);
      });
    });
  }
}

function checkIpBlock(context: KubernetesRuleContext, block: Record<string, unknown>, at: YamlPath): void {
  if (!text(block.cidr) || block.cidr === '') return; // a missing cidr is the schema's
  const cidr = parseCidrSloppy(block.cidr);
  if (!cidr) context.report({ path: [...at, 'cidr'], message: describe('ipBlock cidr', block.cidr, isValidCidr(block.cidr)) });
  asArray(block.except).forEach((value, k) => {
    if (!text(value)) return;
    const path = [...at, 'except', k];
    const except = parseCidrSloppy(value);
    if (!except) return context.report({ path, message: describe('ipBlock except', value, isValidCidr(value)) });
    if (cidr && (!cidrContains(cidr, except.network) || cidr.bits >= except.bits)) {
      context.report({ path, message: describe('ipBlock except', value, [`must be a strict subset of \`cidr\` (${String(block.cidr)})`]) });
    }
  });
}
