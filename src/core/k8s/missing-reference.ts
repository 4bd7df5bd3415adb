/**
 * Shared logic of the "reference to an object no file defines" rules.
 *
 * When is a missing object a mistake? Secrets are created with `kubectl create secret`, by
 * operators and by CI; ConfigMaps and PVCs by charts; the `default` ServiceAccount by the cluster.
 * Reporting every reference the workspace cannot resolve would flood real projects. So a reference
 * is reported only when the workspace defines at least one object of that kind (the user manages
 * that kind here, so a missing one is most likely a typo or a forgotten file) in the referencing
 * file's folder or a folder above it (see `WorkspaceIndex.managesKindNear`), and never for
 * `optional: true` references, for names the cluster creates itself, or from `kube-system`.
 */
import { asArray, dig } from '../rules/yaml-values';
import { referencesOf } from './pod-spec';
import type { ObjectReference, ReferencedKind } from './pod-spec';
import type { K8sObject } from './model';
import type { KubernetesRuleContext } from './rule';

const CREATED_BY_CLUSTER: Partial<Record<ReferencedKind, Set<string>>> = {
  ServiceAccount: new Set(['default']),
  ConfigMap: new Set(['kube-root-ca.crt']),
};

export interface ResolvedReference {
  reference: ObjectReference;
  /** The objects that define or provide the referenced name; empty when it is missing. */
  targets: K8sObject[];
}

/** References of `kind` made by `object` that the workspace could resolve, with what they resolve to. */
export function resolveReferences(object: K8sObject, kind: ReferencedKind, context: KubernetesRuleContext): ResolvedReference[] {
  if (object.namespace === 'kube-system') return [];
  return referencesOf(object)
    .filter((r) => r.kind === kind && !CREATED_BY_CLUSTER[kind]?.has(r.name))
    .map((reference) => ({ reference, targets: context.workspace.named(kind, reference.name, object.namespace) }));
}

/** Reports each reference of `kind` to a name the workspace does not define (see the header for when). */
export function reportMissing(object: K8sObject, kind: ReferencedKind, context: KubernetesRuleContext, label: string): void {
  if (!context.workspace.managesKindNear(kind, object.fileName)) return;
  const seen = new Set<string>();
  for (const { reference, targets } of resolveReferences(object, kind, context)) {
    if (reference.optional || targets.length > 0 || claimTemplateOf(object, reference)) continue;
    const at = reference.path.join('.');
    if (seen.has(at)) continue; // a volume with several items is one reference
    seen.add(at);
    context.report({
      path: reference.path,
      message: `${label} "${reference.name}" is not defined in the workspace${object.namespace ? ` (namespace ${object.namespace})` : ''}.`,
    });
  }
}

/** A StatefulSet's pods get their claims from its volumeClaimTemplates, which a volume may name. */
function claimTemplateOf(object: K8sObject, reference: ObjectReference): boolean {
  if (object.kind !== 'StatefulSet' || reference.kind !== 'PersistentVolumeClaim') return false;
  return asArray(dig(object.value, 'spec', 'volumeClaimTemplates')).some((t) => dig(t, 'metadata', 'name') === reference.name);
}
