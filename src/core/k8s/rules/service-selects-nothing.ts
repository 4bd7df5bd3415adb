/**
 * A Service whose selector matches no pod template in the workspace routes to nothing. Reported only
 * when pod templates in the Service's folder or above it (sibling folders are other applications)
 * use at least one of the selector's label keys: otherwise the pods are made elsewhere
 * (an operator, another repository, a chart) and silence is the honest answer.
 */
import { asRecord, asStringMap, dig } from '../../rules/yaml-values';
import type { KubernetesRule } from '../rule';

export const serviceSelectsNothing: KubernetesRule = {
  meta: {
    id: 'k8s-service-selects-nothing',
    domain: 'kubernetes',
    defaultSeverity: 'warning',
    description: "A Service's selector should match the pod template labels of some workload in the workspace.",
    practice: 'correctness',
    aliases: ['dangling-service', 'service-targets-pod'],
  },
  check(object, context) {
    if (object.kind !== 'Service' || dig(object.value, 'spec', 'type') === 'ExternalName') return;
    const raw = asRecord(dig(object.value, 'spec', 'selector'));
    const selector = asStringMap(raw);
    if (!raw || Object.keys(selector).length === 0) return;
    const { workspace } = context;
    if (!workspace.hasPodTemplates(object.namespace)) return;
    // Pods whose label keys the user's workloads never use come from an operator or another repository.
    if (!Object.keys(selector).some((key) => workspace.podTemplateLabelKeyNear(key, object.fileName))) return;
    if (workspace.podTemplateSelectedBy(selector, object.namespace)) return;
    const shown = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(', ');
    context.report({ path: ['spec', 'selector'], target: 'key', message: `No pod template in the workspace has the labels ${shown}; the Service has no endpoints.` });
  },
};
