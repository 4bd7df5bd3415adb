/**
 * API versions Kubernetes stopped serving, with their replacement: "removed in 1.22, use
 * networking.k8s.io/v1" beats a bare "no schema". Source: the Kubernetes deprecated API migration
 * guide (kubernetes.io/docs/reference/using-api/deprecation-guide/).
 *
 * Entries name the kinds the guide names, never a whole apiVersion: the same apiVersion may come back
 * with new kinds (admissionregistration.k8s.io/v1beta1 MutatingAdmissionPolicy in 1.34,
 * coordination.k8s.io/v1beta1 LeaseCandidate in 1.33, certificates.k8s.io/v1beta1 ClusterTrustBundle
 * in 1.33, authentication.k8s.io/v1beta1 SelfSubjectReview in 1.27), which a group-wide entry would
 * call "removed in 1.22".
 */

export interface RemovedApi {
  removedIn: string;
  replacement?: string;
}

type Entry = [apiVersion: string, kinds: string[], removedIn: string, replacement?: string];

const RBAC = ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'];
const FLOW_CONTROL = ['FlowSchema', 'PriorityLevelConfiguration'];

const REMOVED: Entry[] = [
  ['extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet'], '1.16', 'apps/v1'],
  ['extensions/v1beta1', ['NetworkPolicy'], '1.16', 'networking.k8s.io/v1'],
  ['extensions/v1beta1', ['PodSecurityPolicy'], '1.16', 'policy/v1beta1 (itself removed in 1.25: use Pod Security Admission)'],
  ['extensions/v1beta1', ['Ingress'], '1.22', 'networking.k8s.io/v1'],
  ['apps/v1beta1', ['Deployment', 'StatefulSet', 'ControllerRevision'], '1.16', 'apps/v1'],
  ['apps/v1beta2', ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision'], '1.16', 'apps/v1'],
  ['networking.k8s.io/v1beta1', ['Ingress', 'IngressClass'], '1.22', 'networking.k8s.io/v1'],
  ['apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], '1.22', 'apiextensions.k8s.io/v1'],
  ['apiregistration.k8s.io/v1beta1', ['APIService'], '1.22', 'apiregistration.k8s.io/v1'],
  ['admissionregistration.k8s.io/v1beta1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], '1.22', 'admissionregistration.k8s.io/v1'],
  ['authentication.k8s.io/v1beta1', ['TokenReview'], '1.22', 'authentication.k8s.io/v1'],
  ['authorization.k8s.io/v1beta1', ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'], '1.22', 'authorization.k8s.io/v1'],
  ['certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], '1.22', 'certificates.k8s.io/v1'],
  ['coordination.k8s.io/v1beta1', ['Lease'], '1.22', 'coordination.k8s.io/v1'],
  ['rbac.authorization.k8s.io/v1beta1', RBAC, '1.22', 'rbac.authorization.k8s.io/v1'],
  ['rbac.authorization.k8s.io/v1alpha1', RBAC, '1.22', 'rbac.authorization.k8s.io/v1'],
  ['scheduling.k8s.io/v1beta1', ['PriorityClass'], '1.22', 'scheduling.k8s.io/v1'],
  ['storage.k8s.io/v1beta1', ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], '1.22', 'storage.k8s.io/v1'],
  ['batch/v1beta1', ['CronJob'], '1.25', 'batch/v1'],
  ['batch/v2alpha1', ['CronJob'], '1.21', 'batch/v1'],
  ['discovery.k8s.io/v1beta1', ['EndpointSlice'], '1.25', 'discovery.k8s.io/v1'],
  ['events.k8s.io/v1beta1', ['Event'], '1.25', 'events.k8s.io/v1'],
  ['autoscaling/v2beta1', ['HorizontalPodAutoscaler'], '1.25', 'autoscaling/v2'],
  ['autoscaling/v2beta2', ['HorizontalPodAutoscaler'], '1.26', 'autoscaling/v2'],
  ['policy/v1beta1', ['PodDisruptionBudget'], '1.25', 'policy/v1'],
  ['policy/v1beta1', ['PodSecurityPolicy'], '1.25', 'Pod Security Admission (no replacement object)'],
  ['node.k8s.io/v1beta1', ['RuntimeClass'], '1.25', 'node.k8s.io/v1'],
  ['storage.k8s.io/v1beta1', ['CSIStorageCapacity'], '1.27', 'storage.k8s.io/v1'],
  ['flowcontrol.apiserver.k8s.io/v1beta1', FLOW_CONTROL, '1.26', 'flowcontrol.apiserver.k8s.io/v1'],
  ['flowcontrol.apiserver.k8s.io/v1beta2', FLOW_CONTROL, '1.29', 'flowcontrol.apiserver.k8s.io/v1'],
  ['flowcontrol.apiserver.k8s.io/v1beta3', FLOW_CONTROL, '1.32', 'flowcontrol.apiserver.k8s.io/v1'],
];

export function removedApi(apiVersion: string, kind: string): RemovedApi | undefined {
  // A kind's List (RoleList) went away with it.
  const base = kind.endsWith('List') ? kind.slice(0, -4) : kind;
  const hit = REMOVED.find(([v, kinds]) => v === apiVersion && (kinds.includes(kind) || kinds.includes(base)));
  return hit && { removedIn: hit[2], replacement: hit[3] };
}
