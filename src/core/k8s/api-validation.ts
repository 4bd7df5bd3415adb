/**
 * The string formats the Kubernetes API server holds fields to beyond the OpenAPI schema, written
 * after apimachinery's validators (each function names the Go function it mirrors; messages are
 * theirs, without the regex). Character checks, not regular expressions: values may be huge and
 * these stay linear. Each returns the reasons a value is invalid; empty means valid.
 */
import { isClientSideConfig } from '../schemas/kubernetes';
import { asArray, asRecord, dig } from '../rules/yaml-values';
import type { K8sObject, YamlPath } from './model';

const LOWER_ALNUM = /^[a-z0-9]$/;
const LOWER_ALPHA = /^[a-z]$/;
const ALNUM = /^[A-Za-z0-9]$/;

export const DNS1123_LABEL_MESSAGE = "must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
export const DNS1123_SUBDOMAIN_MESSAGE = "must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
export const DNS1035_LABEL_MESSAGE = "must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const QUALIFIED_NAME_CHARS = "consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const QUALIFIED_NAME_MESSAGE = `must ${QUALIFIED_NAME_CHARS}`;

export function maxLengthError(length: number): string {
  return `must be no more than ${length} characters`;
}

/** `[a-z0-9]([-a-z0-9]*[a-z0-9])?` without its length limit. */
function isLabelShape(value: string, first: RegExp): boolean {
  if (value.length === 0 || !first.test(value[0]) || !LOWER_ALNUM.test(value[value.length - 1])) return false;
  for (const c of value) if (c !== '-' && !LOWER_ALNUM.test(c)) return false;
  return true;
}

function isSubdomainShape(value: string): boolean {
  return value.split('.').every((part) => isLabelShape(part, LOWER_ALNUM));
}

/** validation.IsDNS1123Label */
export function isDns1123Label(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push(maxLengthError(63));
  if (!isLabelShape(value, LOWER_ALNUM)) errors.push(isSubdomainShape(value) ? 'must not contain dots' : DNS1123_LABEL_MESSAGE);
  return errors;
}

/** validation.IsDNS1123Subdomain */
export function isDns1123Subdomain(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 253) errors.push(maxLengthError(253));
  if (!isSubdomainShape(value)) errors.push(DNS1123_SUBDOMAIN_MESSAGE);
  return errors;
}

/** validation.IsDNS1035Label */
export function isDns1035Label(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push(maxLengthError(63));
  if (!isLabelShape(value, LOWER_ALPHA)) errors.push(DNS1035_LABEL_MESSAGE);
  return errors;
}

/** content.IsPathSegmentName: what any object name must be, to be a REST path segment. */
export function isPathSegmentName(value: string): string[] {
  if (value === '.' || value === '..') return [`may not be '${value}'`];
  return ['/', '%'].filter((c) => value.includes(c)).map((c) => `may not contain '${c}'`);
}

/** `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]` */
function isQualifiedNamePart(value: string): boolean {
  if (value.length === 0 || !ALNUM.test(value[0]) || !ALNUM.test(value[value.length - 1])) return false;
  for (const c of value) if (!ALNUM.test(c) && c !== '-' && c !== '_' && c !== '.') return false;
  return true;
}

/** content.IsLabelKey (validation.IsQualifiedName): an optional DNS-1123 subdomain prefix and `/`, then a name of at most 63 characters. */
export function isQualifiedName(value: string): string[] {
  const parts = value.split('/');
  if (parts.length > 2) return [`${QUALIFIED_NAME_MESSAGE}, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  const errors: string[] = [];
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix.length === 0) errors.push('prefix part must be non-empty');
    else errors.push(...isDns1123Subdomain(prefix).map((e) => `prefix part ${e}`));
  }
  if (name.length === 0) errors.push('name part must be non-empty');
  else if (name.length > 63) errors.push(`name part ${maxLengthError(63)}`);
  if (name.length > 0 && !isQualifiedNamePart(name)) errors.push(`name part ${QUALIFIED_NAME_MESSAGE}`);
  return errors;
}

/** content.IsLabelValue: empty, or a qualified-name part of at most 63 characters. */
export function isLabelValue(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push(maxLengthError(63));
  if (value.length > 0 && !isQualifiedNamePart(value)) errors.push(`must be empty or ${QUALIFIED_NAME_CHARS}`);
  return errors;
}

/** validation.IsValidPortNum */
export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

/** validation.IsValidPortName: an IANA_SVC_NAME. */
export function isValidPortName(port: string): string[] {
  const errors: string[] = [];
  if (port.length > 15) errors.push(maxLengthError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errors.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errors.push('must not contain consecutive hyphens');
  if (port.startsWith('-') || port.endsWith('-')) errors.push('must not begin or end with a hyphen');
  return errors;
}

/** validation.IsConfigMapKey */
export function isConfigMapKey(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 253) errors.push(maxLengthError(253));
  if (!/^[-._a-zA-Z0-9]+$/.test(value)) errors.push("must consist of alphanumeric characters, '-', '_' or '.'");
  if (value === '.') errors.push("must not be '.'");
  else if (value === '..') errors.push("must not be '..'");
  else if (value.startsWith('..')) errors.push("must not start with '..'");
  return errors;
}

/** One message from a validator's reasons: `what "value" must be <format>: reason; reason.` */
export function describe(what: string, value: string, reasons: string[], format?: string): string {
  const shown = value.length > 70 ? `${value.slice(0, 60)}…` : value;
  return `${what} "${shown}" ${format ? `must be ${format}: ` : ''}${reasons.join('; ')}.`;
}

/** A value still holding a Helm/Go template action is judged once rendered, not as written. */
export function isTemplated(value: string): boolean {
  return value.includes('{{');
}

/**
 * API groups served by kube-apiserver itself. Their objects go through the validation code these
 * rules mirror; other groups are custom resources, whose content only their schema checks.
 */
const BUILT_IN_GROUPS = new Set([
  '',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'apps',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'extensions',
  'flowcontrol.apiserver.k8s.io',
  'internal.apiserver.k8s.io',
  'networking.k8s.io',
  'node.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'resource.k8s.io',
  'scheduling.k8s.io',
  'storage.k8s.io',
  'storagemigration.k8s.io',
]);

export function apiGroupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** Objects the API server stores (built-in or custom): every one gets ObjectMeta validation. */
export function isServedObject(object: K8sObject): boolean {
  return !isClientSideConfig(object.apiVersion, object.kind);
}

/** Built-in objects, whose spec the API server validates field by field. */
export function isBuiltIn(object: K8sObject): boolean {
  const group = apiGroupOf(object.apiVersion);
  return isServedObject(object) && BUILT_IN_GROUPS.has(group) && (group !== '' || CORE_KINDS.has(object.kind));
}

/** Kinds of the legacy core group (`apiVersion: v1`); other `v1` kinds (OpenShift's) are not kube-apiserver's. */
const CORE_KINDS = new Set([
  'Binding',
  'ComponentStatus',
  'ConfigMap',
  'Endpoints',
  'Event',
  'LimitRange',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Pod',
  'PodTemplate',
  'ReplicationController',
  'ResourceQuota',
  'Secret',
  'Service',
  'ServiceAccount',
]);

/** The value at a path inside `value` (list indexes and map keys), undefined when absent. */
export function valueAt(value: unknown, path: YamlPath): unknown {
  let current = value;
  for (const segment of path) current = typeof segment === 'number' ? asArray(current)[segment] : asRecord(current)?.[segment];
  return current;
}

/** The ObjectMeta of the object and, for built-in kinds, of the templates it carries (validated as ObjectMeta too). */
export function metadataPaths(object: K8sObject): YamlPath[] {
  const paths: YamlPath[] = [['metadata']];
  if (!isBuiltIn(object)) return paths;
  const template = object.podTemplate;
  if (template) {
    paths.push(template.labelsPath.slice(0, -1));
    asArray(template.spec.volumes).forEach((volume, i) => {
      if (asRecord(dig(volume, 'ephemeral', 'volumeClaimTemplate', 'metadata'))) paths.push([...template.specPath, 'volumes', i, 'ephemeral', 'volumeClaimTemplate', 'metadata']);
    });
  }
  if (object.kind === 'CronJob' && asRecord(dig(object.value, 'spec', 'jobTemplate', 'metadata'))) paths.push(['spec', 'jobTemplate', 'metadata']);
  if (object.kind === 'StatefulSet') {
    asArray(dig(object.value, 'spec', 'volumeClaimTemplates')).forEach((claim, i) => {
      if (asRecord(asRecord(claim)?.metadata)) paths.push(['spec', 'volumeClaimTemplates', i, 'metadata']);
    });
  }
  return paths;
}

/**
 * An IP address as Go's net.IP holds it: 16 bytes, IPv4 as the IPv4-mapped `::ffff:a.b.c.d`.
 * Parsed by characters after the parser kube-apiserver validates IP fields with
 * (k8s.io/utils/net.ParseIPSloppy, a fork of Go 1.16's net.ParseIP), which accepts leading zeros
 * in IPv4 octets (`010.1.1.1`, read as decimal) and IPv4-mapped IPv6: servers up to 1.34 only
 * warn about those (the StrictIPCIDRValidation gate that rejects them is alpha, off by default).
 */
export type IpBytes = number[];

const BIG = 0xffffff;

/** Go's dtoi/xtoi: the number at the start of `s` and how many characters it took; none, or too big, fails. */
function leadingNumber(s: string, start: number, hex: boolean): { n: number; end: number } | undefined {
  let n = 0;
  let i = start;
  for (; i < s.length; i++) {
    const d = digitValue(s.charCodeAt(i), hex);
    if (d < 0) break;
    n = n * (hex ? 16 : 10) + d;
    if (n >= BIG) return undefined;
  }
  return i === start ? undefined : { n, end: i };
}

function digitValue(c: number, hex: boolean): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (!hex) return -1;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

const V4_IN_V6 = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/** parseIPv4 of Go 1.16: four decimal octets of at most 255, leading zeros allowed; the whole of s[start..end). */
function parseIpv4(s: string, start = 0, end = s.length): IpBytes | undefined {
  const bytes: number[] = [];
  let i = start;
  for (let octet = 0; octet < 4; octet++) {
    if (i >= end) return undefined;
    if (octet > 0) {
      if (s[i] !== '.') return undefined;
      i++;
    }
    const number = leadingNumber(s.slice(0, end), i, false);
    if (!number || number.n > 0xff) return undefined;
    bytes.push(number.n);
    i = number.end;
  }
  return i === end ? [...V4_IN_V6, ...bytes] : undefined;
}

/** parseIPv6 of Go 1.16 (no zone): hex groups, one `::`, an optional trailing IPv4 in the last 32 bits. */
function parseIpv6(text: string): IpBytes | undefined {
  const ip = new Array<number>(16).fill(0);
  let ellipsis = -1;
  let s = text;
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return ip;
  }
  let i = 0;
  while (i < 16) {
    const number = leadingNumber(s, 0, true);
    if (!number || number.n > 0xffff) return undefined;
    if (number.end < s.length && s[number.end] === '.') {
      if (ellipsis < 0 && i !== 12) return undefined;
      if (i + 4 > 16) return undefined;
      const ip4 = parseIpv4(s);
      if (!ip4) return undefined;
      ip.splice(i, 4, ...ip4.slice(12));
      s = '';
      i += 4;
      break;
    }
    ip[i] = number.n >> 8;
    ip[i + 1] = number.n & 0xff;
    i += 2;
    s = s.slice(number.end);
    if (s.length === 0) break;
    if (s[0] !== ':' || s.length === 1) return undefined;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return undefined;
  if (i < 16) {
    if (ellipsis < 0) return undefined;
    const n = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j];
    for (let j = ellipsis + n - 1; j >= ellipsis; j--) ip[j] = 0;
  } else if (ellipsis >= 0) {
    return undefined; // `::` must stand for at least one group
  }
  return ip;
}

/** netutils.ParseIPSloppy: the first `.` or `:` decides IPv4 or IPv6. */
export function parseIpSloppy(s: string): IpBytes | undefined {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '.') return parseIpv4(s);
    if (s[i] === ':') return parseIpv6(s);
  }
  return undefined;
}

/** net.IP.To4() != nil: IPv4, or IPv4-mapped IPv6. */
export function isIpv4(ip: IpBytes): boolean {
  return V4_IN_V6.every((b, i) => ip[i] === b);
}

export interface Cidr {
  /** The network address (bits beyond the prefix cleared), 16 bytes. */
  network: IpBytes;
  /** The prefix length as written (0–32 for an IPv4 CIDR, 0–128 for IPv6). */
  bits: number;
  /** Written as IPv4 (its mask is 32 bits wide). */
  v4: boolean;
}

/** The prefix length in the 128-bit space the 16 bytes live in. */
function prefix128(cidr: Cidr): number {
  return cidr.v4 ? 96 + cidr.bits : cidr.bits;
}

function masked(ip: IpBytes, bits: number): IpBytes {
  return ip.map((b, i) => {
    const keep = Math.max(0, Math.min(8, bits - i * 8));
    return b & ((0xff << (8 - keep)) & 0xff);
  });
}

/** netutils.ParseCIDRSloppy (Go 1.16's net.ParseCIDR): `ip/bits`, bits in decimal (leading zeros allowed). */
export function parseCidrSloppy(s: string): Cidr | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const address = s.slice(0, slash);
  const mask = s.slice(slash + 1);
  let v4 = true;
  let ip = parseIpv4(address);
  if (!ip) {
    v4 = false;
    ip = parseIpv6(address);
  }
  const number = leadingNumber(mask, 0, false);
  if (!ip || !number || number.end !== mask.length || number.n > (v4 ? 32 : 128)) return undefined;
  const cidr: Cidr = { network: ip, bits: number.n, v4 };
  cidr.network = masked(ip, prefix128(cidr));
  return cidr;
}

/** net.IPNet.Contains: an IPv4 network holds only IPv4 (or mapped) addresses, an IPv6 one only IPv6. */
export function cidrContains(cidr: Cidr, ip: IpBytes): boolean {
  if (isIpv4(cidr.network) !== isIpv4(ip)) return false;
  const bits = prefix128(cidr);
  const a = masked(ip, bits);
  return a.every((b, i) => b === cidr.network[i]);
}

const IP_MESSAGE = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
const CIDR_MESSAGE = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

/** validation.IsValidIPForLegacyField (strict validation off, as on 1.31–1.34 servers). */
export function isValidIp(value: string): string[] {
  return parseIpSloppy(value) ? [] : [IP_MESSAGE];
}

/** validation.IsValidCIDRForLegacyField (strict validation off). */
export function isValidCidr(value: string): string[] {
  return parseCidrSloppy(value) ? [] : [CIDR_MESSAGE];
}

/** ValidateEndpointIP's checks past parsing: no unspecified, loopback or link-local addresses. */
export function nonSpecialIpErrors(value: string, ip: IpBytes): string[] {
  const errors: string[] = [];
  const v4 = isIpv4(ip);
  if (ip.every((b, i) => b === 0 || (v4 && i >= 10 && i < 12))) errors.push(`may not be unspecified (${value})`);
  if (v4 ? ip[12] === 127 : ip.every((b, i) => b === (i === 15 ? 1 : 0))) errors.push('may not be in the loopback range (127.0.0.0/8, ::1/128)');
  if (v4 ? ip[12] === 169 && ip[13] === 254 : ip[0] === 0xfe && (ip[1] & 0xc0) === 0x80) errors.push('may not be in the link-local range (169.254.0.0/16, fe80::/10)');
  if (v4 ? ip[12] === 224 && ip[13] === 0 && ip[14] === 0 : ip[0] === 0xff && (ip[1] & 0x0f) === 0x02) errors.push('may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)');
  return errors;
}
