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
