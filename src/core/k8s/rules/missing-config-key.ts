/**
 * A key read from a ConfigMap or Secret the workspace defines must exist in it: a typo in
 * `configMapKeyRef.key` leaves the pod stuck in CreateContainerConfigError. Judged only when every
 * definition of the name is a plain ConfigMap/Secret whose keys are all visible (not a SealedSecret
 * or ExternalSecret, whose keys are decided elsewhere).
 */
import { asRecord } from '../../rules/yaml-values';
import { resolveReferences } from '../missing-reference';
import type { K8sObject } from '../model';
import type { KubernetesRule, KubernetesRuleContext } from '../rule';

const KEY_FIELDS: Record<'ConfigMap' | 'Secret', string[]> = {
  ConfigMap: ['data', 'binaryData'],
  Secret: ['data', 'stringData'],
};

export const missingConfigKey: KubernetesRule = {
  meta: {
    id: 'k8s-missing-config-key',
    domain: 'kubernetes',
    defaultSeverity: 'warning',
    description: 'Keys read from a ConfigMap or Secret must exist in its definition.',
    practice: 'config-env',
  },
  check(object, context) {
    checkKind(object, 'ConfigMap', context);
    checkKind(object, 'Secret', context);
  },
};

function checkKind(object: K8sObject, kind: 'ConfigMap' | 'Secret', context: KubernetesRuleContext): void {
  for (const { reference, targets } of resolveReferences(object, kind, context)) {
    if (!reference.key || !reference.keyPath || reference.optional || targets.length === 0) continue;
    if (targets.some((t) => t.kind !== kind)) continue;
    const keys = new Set(targets.flatMap((t) => KEY_FIELDS[kind].flatMap((field) => Object.keys(asRecord(t.value[field]) ?? {}))));
    if (keys.has(reference.key)) continue;
    const known = [...keys].sort().join(', ') || 'none';
    context.report({ path: reference.keyPath, message: `${kind} "${reference.name}" has no key "${reference.key}" (it has: ${known}).` });
  }
}
