/** Every Kubernetes rule, in the order they are listed to users. */
import type { RuleMeta } from '../rules/meta';
import type { KubernetesRule } from './rule';
import { annotationSyntax } from './rules/annotation-syntax';
import { backendMissing } from './rules/backend-missing';
import { configInCommand } from './rules/config-in-command';
import { duplicateObject } from './rules/duplicate-object';
import { finalizerName } from './rules/finalizer-name';
import { hostNetwork } from './rules/host-network';
import { hostPort } from './rules/host-port';
import { imageLatest } from './rules/image-latest';
import { ipAddress } from './rules/ip-address';
import { labelSyntax } from './rules/label-syntax';
import { limitRange } from './rules/limit-range';
import { missingConfigKey } from './rules/missing-config-key';
import { missingConfigMap } from './rules/missing-configmap';
import { missingProbes } from './rules/missing-probes';
import { missingPvc } from './rules/missing-pvc';
import { missingResources } from './rules/missing-resources';
import { missingSecret } from './rules/missing-secret';
import { missingServiceAccount } from './rules/missing-service-account';
import { objectName } from './rules/object-name';
import { portRange } from './rules/port-range';
import { privileged } from './rules/privileged';
import { pvcUnsatisfied } from './rules/pvc-unsatisfied';
import { quotaResources } from './rules/quota-resources';
import { resourceQuantity } from './rules/resource-quantity';
import { runAsRoot } from './rules/run-as-root';
import { secretInConfigMap } from './rules/secret-in-configmap';
import { secretInEnv } from './rules/secret-in-env';
import { selectorMismatch } from './rules/selector-mismatch';
import { serviceSelectsNothing } from './rules/service-selects-nothing';
import { serviceTargetPort } from './rules/service-target-port';
import { singleProcess } from './rules/single-process';
import { storageRequest } from './rules/storage-request';

export const kubernetesRuleList: readonly KubernetesRule[] = [
  // The talk's practices, per pod.
  singleProcess,
  configInCommand,
  secretInEnv,
  secretInConfigMap,
  imageLatest,
  missingResources,
  missingProbes,
  privileged,
  hostNetwork,
  runAsRoot,
  selectorMismatch,
  // Across files.
  serviceSelectsNothing,
  serviceTargetPort,
  backendMissing,
  missingConfigMap,
  missingSecret,
  missingConfigKey,
  missingServiceAccount,
  missingPvc,
  pvcUnsatisfied,
  duplicateObject,
  // What the API server validates beyond the OpenAPI schema (kubectl apply --dry-run=server).
  objectName,
  labelSyntax,
  annotationSyntax,
  portRange,
  resourceQuantity,
  finalizerName,
  storageRequest,
  hostPort,
  ipAddress,
  quotaResources,
  limitRange,
];

export const kubernetesRules: RuleMeta[] = kubernetesRuleList.map((r) => r.meta);
