/**
 * A Service's named `targetPort` must be the name of a container port in the pods it selects;
 * otherwise its endpoints have no port and connections are refused. Numeric target ports are not
 * judged: declaring `containerPort` is informational, a process may listen on any port.
 */
import { asArray, asRecord, asString, asStringMap, dig } from '../../rules/yaml-values';
import { isValidPortName } from '../api-validation';
import { containersOf } from '../pod-spec';
import type { K8sObject } from '../model';
import type { KubernetesRule } from '../rule';

export const serviceTargetPort: KubernetesRule = {
  meta: {
    id: 'k8s-service-target-port',
    domain: 'kubernetes',
    defaultSeverity: 'warning',
    description: "A Service's named targetPort must be a named container port of the pods it selects.",
    practice: 'correctness',
  },
  check(object, context) {
    if (object.kind !== 'Service') return;
    const selector = asStringMap(dig(object.value, 'spec', 'selector'));
    if (Object.keys(selector).length === 0) return;
    const named = asArray(dig(object.value, 'spec', 'ports'))
      .map((port, i) => ({ target: asString(asRecord(port)?.targetPort), i }))
      .filter((p): p is { target: string; i: number } => p.target !== undefined && !/^\d+$/.test(p.target))
      // A name the API server refuses is k8s-port-range's finding, not a missing port.
      .filter((p) => isValidPortName(p.target).length === 0);
    if (named.length === 0) return;
    const pods = context.workspace.podTemplatesSelectedBy(selector, object.namespace);
    // No pods: k8s-service-selects-nothing speaks. Templated pods: their ports cannot be read.
    if (pods.length === 0 || pods.some((p) => p.templated)) return;
    const offered = new Set(pods.flatMap(portNames));
    for (const { target, i } of named) {
      if (offered.has(target)) continue;
      const list = [...offered].sort().join(', ') || 'none';
      context.report({ path: ['spec', 'ports', i, 'targetPort'], message: `No selected pod has a container port named "${target}" (named ports: ${list}).` });
    }
  },
};

function portNames(workload: K8sObject): string[] {
  return containersOf(workload).flatMap((ref) => asArray(ref.container.ports).map((p) => asString(asRecord(p)?.name)).filter((n): n is string => !!n));
}
