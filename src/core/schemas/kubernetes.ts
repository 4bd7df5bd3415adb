/**
 * Validates one Kubernetes document: dispatch on apiVersion/kind to the built-in schema of the
 * selected Kubernetes version or to a CRD's schema (never a giant all-kinds `oneOf`), expand
 * `kind: List`, and explain removed APIs and unknown kinds instead of failing silently.
 */
import type { PathSegment, YamlDocument } from '../yaml/parse';
import { findCustomSchema, type CrdRegistry } from './crd';
import { closest } from '../text/suggest';
import { humanize, type Finding } from './humanize';
import type { KubernetesSchemas } from './store';
import { removedApi } from './removed-apis';
import { meta as k8sSchema } from './rules/k8s-schema';
import { meta as removedApiRule } from './rules/k8s-schema-removed-api';
import { meta as unknownKind } from './rules/k8s-schema-unknown-kind';
import { resolvePointer } from './store';
import type { JsonSchema } from './openapi';

export interface KubernetesEnv {
  schemas: KubernetesSchemas;
  crds: CrdRegistry;
  /** The other shipped Kubernetes versions that serve apiVersion/kind, to say when a kind came or went. */
  servedIn?: (apiVersion: string, kind: string) => string[];
}

const MAX_LIST_DEPTH = 4;

export function validateKubernetesDocument(document: YamlDocument, env: KubernetesEnv): Finding[] {
  if (document.value === null || document.value === undefined) return []; // empty document: not a resource
  return validateResource(document, document.value, [], env, 0);
}

function validateResource(document: YamlDocument, value: unknown, basePath: PathSegment[], env: KubernetesEnv, depth: number): Finding[] {
  const at = (path: PathSegment[], target: 'key' | 'value' = 'value') => ({ path: [...basePath, ...path], target });
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return [{ rule: k8sSchema.id, severity: 'error', message: 'Expected a Kubernetes object (a mapping with apiVersion and kind).', ...at([]) }];
  }
  const object = value as Record<string, unknown>;
  const missing = (['apiVersion', 'kind'] as const).filter((k) => typeof object[k] !== 'string' || object[k] === '');
  if (missing.length > 0) {
    const key = missing[0];
    return [
      {
        rule: k8sSchema.id,
        severity: 'error',
        message: `Missing "${missing.join('" and "')}": every Kubernetes object needs apiVersion and kind.`,
        ...at(key in object ? [key] : [], 'key'),
      },
    ];
  }
  const apiVersion = object.apiVersion as string;
  const kind = object.kind as string;
  if (kind === 'List' && apiVersion === 'v1' && depth < MAX_LIST_DEPTH) {
    const items = Array.isArray(object.items) ? object.items : [];
    return items.flatMap((item, i) => validateResource(document, item, [...basePath, 'items', i], env, depth + 1));
  }
  const builtIn = env.schemas.kind(apiVersion, kind);
  if (builtIn) {
    const validate = env.schemas.validator(builtIn);
    const data = withoutNulls(value);
    if (validate(data)) return [];
    return humanize({
      errors: validate.errors ?? [],
      data,
      ctx: env.schemas,
      root: { schema: { $ref: `#/definitions/${builtIn.definition}` } },
      document,
      basePath,
      rule: k8sSchema.id,
    });
  }
  const custom = findCustomSchema(env.crds, apiVersion, kind);
  if (custom) {
    const validate = custom.validator();
    if (!validate) {
      return [
        {
          rule: k8sSchema.id,
          severity: 'error',
          message: `The CustomResourceDefinition of ${kind} (${custom.origin}) has a schema that cannot be used: ${custom.compileError()}`,
          ...at(['kind']),
        },
      ];
    }
    const data = withoutNulls(value);
    if (validate(data)) return [];
    const root = custom.schema;
    return humanize({
      errors: validate.errors ?? [],
      data,
      ctx: { resolveRef: (ref) => resolvePointer(root, ref) },
      root: { schema: root as JsonSchema, name: kind },
      document,
      basePath,
      rule: k8sSchema.id,
    });
  }
  if (isClientSideConfig(apiVersion, kind)) return []; // read by tools, not served by the API: nothing to check against
  return [describeMissingSchema(apiVersion, kind, env, at(['apiVersion']), at(['kind']))];
}

/**
 * Configuration files read by Kubernetes components and client tools, not served by the API
 * (kustomization.yaml, kubeadm, kubelet, kube-proxy, kube-apiserver, kube-scheduler and
 * controller-manager configs, admission plugin configs, audit policies, kind clusters, kubeconfig):
 * they look like objects but have no API schema, so a warning on each would be noise.
 */
const CLIENT_SIDE_GROUPS = new Set([
  'kustomize.config.k8s.io',
  'kubeadm.k8s.io',
  'kubelet.config.k8s.io',
  'credentialprovider.kubelet.k8s.io',
  'kubeproxy.config.k8s.io',
  'kubescheduler.config.k8s.io',
  'kubecontrollermanager.config.k8s.io',
  'cloudcontrollermanager.config.k8s.io',
  'controllermanager.config.k8s.io', // LeaderMigrationConfiguration
  'apiserver.config.k8s.io',
  'apiserver.k8s.io',
  // Admission plugins' configurations (the files an AdmissionConfiguration's plugins name).
  'pod-security.admission.config.k8s.io',
  'eventratelimit.admission.k8s.io',
  'podtolerationrestriction.admission.k8s.io',
  'resourcequota.admission.k8s.io',
  'audit.k8s.io',
  'client.authentication.k8s.io',
  'kubectl.config.k8s.io', // kuberc Preference
  'kind.x-k8s.io',
]);

/** The kinds that are files for tools: a kubeconfig is `apiVersion: v1`, `kind: Config`. */
export function isClientSideConfig(apiVersion: string, kind: string): boolean {
  const slash = apiVersion.indexOf('/');
  return (slash > 0 && CLIENT_SIDE_GROUPS.has(apiVersion.slice(0, slash))) || (apiVersion === 'v1' && kind === 'Config');
}

function describeMissingSchema(
  apiVersion: string,
  kind: string,
  env: KubernetesEnv,
  apiVersionAt: Pick<Finding, 'path' | 'target'>,
  kindAt: Pick<Finding, 'path' | 'target'>,
): Finding {
  const version = env.schemas.version;
  const served = env.schemas.kinds.filter((k) => k.kind === kind).map((k) => k.apiVersion);
  // Served by another shipped version: say which, rather than guess at a removal (a kind newer than
  // the selected version was never removed; one that went away after it is still in the table below).
  const elsewhere = env.servedIn?.(apiVersion, kind) ?? [];
  // A shipped version serving it after the table's removal proves the table is not about this kind.
  const listed = removedApi(apiVersion, kind);
  const removed = listed && !elsewhere.some((v) => compareMinor(v, listed.removedIn) >= 0) ? listed : undefined;
  if (elsewhere.length > 0 && !(removed && compareMinor(removed.removedIn, version) <= 0)) {
    const newer = elsewhere.every((v) => compareMinor(v, version) > 0);
    const older = elsewhere.every((v) => compareMinor(v, version) < 0);
    const when = newer
      ? `is served from Kubernetes ${elsewhere[0]} on, not in ${version}, the version validated for`
      : older
        ? `is not served in Kubernetes ${version}, the version validated for (the last shipped version serving it is ${elsewhere[elsewhere.length - 1]})`
        : `is served in Kubernetes ${elsewhere.join(', ')}, not in ${version}, the version validated for`;
    return {
      rule: older ? removedApiRule.id : unknownKind.id,
      severity: 'error',
      message: `${apiVersion} ${kind} ${when}${served.length > 0 ? `; in ${version} use ${served.join(' or ')}` : ''}.`,
      ...apiVersionAt,
      replacement: served.length === 1 ? served[0] : undefined,
    };
  }
  if (removed) {
    const use = removed.replacement ?? served[0];
    return {
      rule: removedApiRule.id,
      severity: 'error',
      message: `${apiVersion} ${kind} was removed in Kubernetes ${removed.removedIn} (validating for ${version})${use ? `; use ${use}` : ''}.`,
      ...apiVersionAt,
      replacement: use && /^[\w.-]+\/v\w+$|^v1$/.test(use) ? use : undefined,
    };
  }
  if (served.length > 0) {
    return {
      rule: unknownKind.id,
      severity: 'error',
      message: `${kind} is not served as ${apiVersion} in Kubernetes ${version}; it is ${served.join(' or ')}.`,
      ...apiVersionAt,
      replacement: served.length === 1 ? served[0] : undefined,
    };
  }
  const sameApiVersion = env.schemas.kinds.filter((k) => k.apiVersion === apiVersion).map((k) => k.kind);
  if (sameApiVersion.length > 0) {
    const guess = closest(kind, sameApiVersion);
    return {
      rule: unknownKind.id,
      severity: 'error',
      message: `${apiVersion} has no kind ${kind} in Kubernetes ${version}${guess ? `; did you mean ${guess}?` : '.'}`,
      ...kindAt,
      replacement: guess,
    };
  }
  return {
    rule: unknownKind.id,
    severity: 'warning',
    message: `No schema for ${apiVersion} ${kind}: it was not validated. Add its CustomResourceDefinition (the crdDirs setting, or --crds DIR).`,
    ...kindAt,
  };
}

function compareMinor(a: string, b: string): number {
  return Number(a.split('.')[1]) - Number(b.split('.')[1]) || Number(a.split('.')[0]) - Number(b.split('.')[0]);
}

/**
 * The API server treats `field: null` as "not set" (and prunes nulls of custom resources), so do we.
 * This removes the classic `maxSurge: null` oneOf false positive.
 */
function withoutNulls(value: unknown, depth = 0): unknown {
  if (depth > 256 || !value || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => withoutNulls(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = withoutNulls(v, depth + 1);
  return out;
}
