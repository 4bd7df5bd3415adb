/**
 * Names the API server rejects: `metadata.name` by the rule of its kind, `generateName`,
 * `metadata.namespace`, and the names of containers and volumes. Mirrors apimachinery's
 * ValidateObjectMetaAccessor (name; generateName through maskTrailingDash; namespace through
 * ValidateNamespaceName) with the name function each kind's validation passes: NameIsDNSSubdomain
 * by default and for custom resources, core ValidateServiceName (NameIsDNS1035Label) and
 * ValidateNamespaceName (NameIsDNSLabel), apps ValidateStatefulSetName (NameIsDNSLabel), batch
 * ValidateCronJobCreate (at most 52 characters), ValidateCustomResourceDefinition (plural.group),
 * ValidateAPIService (version.group); path segments only (rest.BeforeCreate's
 * ValidatePathSegmentName) for rbac ValidateRBACName, PodDisruptionBudget, CertificateSigningRequest
 * and core Events. Containers and volumes: ValidateDNS1123Label and no duplicate in
 * validateContainers/ValidateVolumes; env names: IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation, on from 1.32).
 * ConfigMap and Secret keys: IsConfigMapKey in ValidateConfigMap/ValidateSecret (a Secret's
 * stringData is merged into data first), a ConfigMap key in both data and binaryData a duplicate.
 */
import { asArray, asRecord, asString, dig } from '../../rules/yaml-values';
import { apiGroupOf, describe, isBuiltIn, isConfigMapKey, isDns1035Label, isDns1123Label, isDns1123Subdomain, isPathSegmentName, isServedObject, isTemplated } from '../api-validation';
import type { K8sObject, YamlPath } from '../model';
import { containersOf } from '../pod-spec';
import type { KubernetesRule, KubernetesRuleContext } from '../rule';

interface NameRule {
  /** What the name must be, for the message. */
  format: string;
  check(name: string): string[];
}

const SUBDOMAIN: NameRule = { format: 'a DNS-1123 subdomain', check: isDns1123Subdomain };
const LABEL: NameRule = { format: 'a DNS-1123 label', check: isDns1123Label };
const PATH_SEGMENT: NameRule = { format: 'a valid path segment', check: isPathSegmentName };

/** Kinds whose name rule is not the DNS-1123 subdomain, by `group/kind` (core group: `/kind`). */
const NAME_RULES: Record<string, NameRule> = {
  '/Service': { format: 'a DNS-1035 label', check: isDns1035Label },
  '/Namespace': LABEL,
  '/Event': PATH_SEGMENT,
  'apps/StatefulSet': LABEL,
  'batch/CronJob': {
    format: 'a DNS-1123 subdomain of at most 52 characters',
    // 63 - 11: the Jobs it creates append "-<timestamp>" and must stay a label.
    check: (name) => [...isDns1123Subdomain(name), ...(name.length > 52 ? ['must be no more than 52 characters'] : [])],
  },
  'rbac.authorization.k8s.io/Role': PATH_SEGMENT,
  'rbac.authorization.k8s.io/ClusterRole': PATH_SEGMENT,
  'rbac.authorization.k8s.io/RoleBinding': PATH_SEGMENT,
  'rbac.authorization.k8s.io/ClusterRoleBinding': PATH_SEGMENT,
  'policy/PodDisruptionBudget': PATH_SEGMENT,
  'certificates.k8s.io/CertificateSigningRequest': PATH_SEGMENT,
  'apiregistration.k8s.io/APIService': PATH_SEGMENT,
};

/** Names the API server derives from the spec: a CRD is `<plural>.<group>`, an APIService `<version>.<group>`. */
function requiredName(object: K8sObject): { name: string; rule: string } | undefined {
  const spec = asRecord(object.value.spec);
  const group = asString(spec?.group);
  if (object.kind === 'CustomResourceDefinition' && apiGroupOf(object.apiVersion) === 'apiextensions.k8s.io') {
    const plural = asString(dig(spec, 'names', 'plural'));
    if (plural !== undefined && group !== undefined) return { name: `${plural}.${group}`, rule: 'spec.names.plural+"."+spec.group' };
  }
  if (object.kind === 'APIService' && apiGroupOf(object.apiVersion) === 'apiregistration.k8s.io') {
    const version = asString(spec?.version);
    if (version !== undefined && group !== undefined) return { name: `${version}.${group}`, rule: 'spec.version+"."+spec.group' };
  }
  return undefined;
}

function nameRuleOf(object: K8sObject): NameRule {
  if (!isBuiltIn(object)) return SUBDOMAIN; // custom resources: the apiextensions validator's NameIsDNSSubdomain
  return NAME_RULES[`${apiGroupOf(object.apiVersion)}/${object.kind}`] ?? SUBDOMAIN;
}

/** Kinds without a namespace; a namespace written on them is dropped, not validated. */
const CLUSTER_SCOPED = new Set([
  'APIService',
  'CertificateSigningRequest',
  'ClusterRole',
  'ClusterRoleBinding',
  'ClusterTrustBundle',
  'ComponentStatus',
  'CSIDriver',
  'CSINode',
  'CustomResourceDefinition',
  'DeviceClass',
  'FlowSchema',
  'IngressClass',
  'IPAddress',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'MutatingWebhookConfiguration',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PriorityClass',
  'PriorityLevelConfiguration',
  'ResourceSlice',
  'RuntimeClass',
  'ServiceCIDR',
  'StorageClass',
  'StorageVersionMigration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
  'VolumeAttributesClass',
]);

export const objectName: KubernetesRule = {
  meta: {
    id: 'k8s-object-name',
    domain: 'kubernetes',
    defaultSeverity: 'error',
    description: 'Object, container, volume and environment variable names and ConfigMap and Secret keys must have the format the API server requires.',
    practice: 'correctness',
  },
  check(object, context) {
    if (!isServedObject(object)) return;
    // IPAddress names are IP addresses in canonical form, a rule of their own not mirrored here.
    if (object.kind === 'IPAddress' && apiGroupOf(object.apiVersion) === 'networking.k8s.io') return;
    const rule = nameRuleOf(object);
    const metadata = asRecord(object.value.metadata);
    const name = asString(metadata?.name);
    if (name !== undefined && name !== '' && !isTemplated(name)) {
      const reasons = rule.check(name);
      const required = requiredName(object);
      if (reasons.length > 0) report(context, ['metadata', 'name'], `${object.kind} name`, name, reasons, rule.format);
      else if (required && !isTemplated(required.name) && name !== required.name) {
        context.report({ path: ['metadata', 'name'], message: describe(`${object.kind} name`, name, [`must be ${required.rule} ("${required.name}")`]) });
      }
    }
    const generateName = asString(metadata?.generateName);
    if (generateName && !isTemplated(generateName)) {
      // A random suffix is appended, so a trailing '-' is fine (apimachinery's maskTrailingDash).
      const masked = generateName.endsWith('-') ? `${generateName.slice(0, -2)}a` : generateName;
      report(context, ['metadata', 'generateName'], `${object.kind} generateName`, generateName, rule.check(masked), rule.format);
    }
    const namespace = asString(metadata?.namespace);
    if (namespace && !isTemplated(namespace) && !CLUSTER_SCOPED.has(object.kind)) {
      report(context, ['metadata', 'namespace'], 'Namespace', namespace, isDns1123Label(namespace), LABEL.format);
    }
    if (!isBuiltIn(object)) return;
    // Containers, init containers and ephemeral containers share one namespace of names.
    const containerNames = new Set<string>();
    for (const ref of containersOf(object)) {
      const containerName = asString(ref.container.name);
      if (containerName && !isTemplated(containerName)) {
        const reasons = isDns1123Label(containerName);
        report(context, [...ref.path, 'name'], 'Container name', containerName, reasons, LABEL.format);
        if (reasons.length === 0 && containerNames.has(containerName)) context.report({ path: [...ref.path, 'name'], message: `Container name "${containerName}" is a duplicate: every container of a pod needs its own name.` });
        containerNames.add(containerName);
      }
      asArray(ref.container.env).forEach((env, i) => {
        const envName = asString(asRecord(env)?.name);
        // RelaxedEnvironmentVariableValidation (on from 1.32): any printable ASCII but '='.
        if (envName && !isTemplated(envName) && !/^[\x20-\x3c\x3e-\x7e]+$/.test(envName)) {
          context.report({ path: [...ref.path, 'env', i, 'name'], message: describe('Environment variable name', envName, ["must consist only of printable ASCII characters other than '='"]) });
        }
      });
    }
    if (apiGroupOf(object.apiVersion) === '' && (object.kind === 'ConfigMap' || object.kind === 'Secret')) checkKeys(object, context);
    const template = object.podTemplate;
    if (template) {
      const volumeNames = new Set<string>();
      asArray(template.spec.volumes).forEach((volume, i) => {
        const volumeName = asString(asRecord(volume)?.name);
        if (!volumeName || isTemplated(volumeName)) return;
        const reasons = isDns1123Label(volumeName);
        const at = [...template.specPath, 'volumes', i, 'name'];
        report(context, at, 'Volume name', volumeName, reasons, LABEL.format);
        if (reasons.length === 0 && volumeNames.has(volumeName)) context.report({ path: at, message: `Volume name "${volumeName}" is a duplicate: every volume of a pod needs its own name.` });
        volumeNames.add(volumeName);
      });
    }
  },
};

function report(context: KubernetesRuleContext, path: YamlPath, what: string, value: string, reasons: string[], format: string): void {
  if (reasons.length === 0) return;
  context.report({ path, message: describe(what, value, reasons, format) });
}

/** The keys of a ConfigMap's or Secret's data: file names in a volume, so no '/' and no '..'. */
function checkKeys(object: K8sObject, context: KubernetesRuleContext): void {
  const fields = object.kind === 'ConfigMap' ? ['data', 'binaryData'] : ['data', 'stringData'];
  for (const field of fields) {
    for (const key of Object.keys(asRecord(object.value[field]) ?? {})) {
      if (isTemplated(key)) continue;
      const reasons = isConfigMapKey(key);
      if (reasons.length) context.report({ path: [field, key], target: 'key', message: describe(`${object.kind} key`, key, reasons) });
    }
  }
  if (object.kind === 'ConfigMap') {
    const data = asRecord(object.value.data) ?? {};
    for (const key of Object.keys(asRecord(object.value.binaryData) ?? {})) {
      if (key in data) context.report({ path: ['binaryData', key], target: 'key', message: `ConfigMap key "${key}" is in both data and binaryData: each key may appear in only one.` });
    }
  }
}
