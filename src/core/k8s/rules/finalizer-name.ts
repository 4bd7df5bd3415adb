/**
 * Finalizers the API server rejects. Mirrors apimachinery's api/validation.ValidateFinalizers
 * (each finalizer IsQualifiedName; `orphan` and `foregroundDeletion` not both) for every stored
 * object, and kubernetes/pkg/apis/core/validation.ValidateObjectMeta's validateKubeFinalizerName
 * for built-in kinds: a finalizer without a `/` must be one of the standard ones (`kubernetes`,
 * `orphan`, `foregroundDeletion`). A Namespace's spec.finalizers go through validateFinalizerName,
 * which is both. Custom resources only get a warning for an unqualified name (and CRDs and
 * APIServices, served by apiextensions and the aggregator, take the generic checks), so the
 * standard-name check is for kube-apiserver's own kinds. Duplicates are accepted by the server.
 */
import { asArray } from '../../rules/yaml-values';
import { apiGroupOf, describe, isBuiltIn, isQualifiedName, isServedObject, isTemplated, valueAt } from '../api-validation';
import type { K8sObject, YamlPath } from '../model';
import type { KubernetesRule, KubernetesRuleContext } from '../rule';

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);
/** Built-in groups whose objects are validated by the generic apiserver code, without validateKubeFinalizerName. */
const GENERIC_META_GROUPS = new Set(['apiextensions.k8s.io', 'apiregistration.k8s.io']);

export const finalizerName: KubernetesRule = {
  meta: {
    id: 'k8s-finalizer-name',
    domain: 'kubernetes',
    defaultSeverity: 'error',
    description: 'Finalizers must be qualified names, unprefixed ones the standard kubernetes, orphan or foregroundDeletion, and orphan and foregroundDeletion not both.',
    practice: 'correctness',
  },
  check(object, context) {
    if (!isServedObject(object)) return;
    const kube = isBuiltIn(object) && !GENERIC_META_GROUPS.has(apiGroupOf(object.apiVersion));
    checkList(object, context, ['metadata', 'finalizers'], kube, true);
    if (object.kind === 'Namespace' && apiGroupOf(object.apiVersion) === '') checkList(object, context, ['spec', 'finalizers'], true, false);
  },
};

function checkList(object: K8sObject, context: KubernetesRuleContext, path: YamlPath, standardOnly: boolean, conflicts: boolean): void {
  const list = asArray(valueAt(object.value, path));
  let orphan = false;
  let foreground = false;
  list.forEach((item, i) => {
    if (typeof item !== 'string' || isTemplated(item)) return;
    if (item === 'orphan') orphan = true;
    if (item === 'foregroundDeletion') foreground = true;
    const reasons = isQualifiedName(item);
    if (standardOnly && !item.includes('/') && !STANDARD_FINALIZERS.has(item)) reasons.push('name is neither a standard finalizer name nor is it fully qualified (e.g. example.com/cleanup)');
    if (reasons.length) context.report({ path: [...path, i], message: describe('Finalizer', item, reasons) });
  });
  if (conflicts && orphan && foreground) {
    context.report({ path, target: 'key', message: 'Finalizers orphan and foregroundDeletion cannot be both set.' });
  }
}
