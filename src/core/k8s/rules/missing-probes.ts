/**
 * Long-running containers need a liveness probe (restart when stuck) and, when they serve on a port,
 * a readiness probe (no traffic until ready). Jobs run to completion and are exempt; so are
 * containers without ports as far as readiness goes, since nothing routes to them.
 */
import { asArray } from '../../rules/yaml-values';
import { containerAnchor, containersOf, runsToCompletion } from '../pod-spec';
import type { KubernetesRule } from '../rule';

export const missingProbes: KubernetesRule = {
  meta: {
    id: 'k8s-missing-probes',
    domain: 'kubernetes',
    defaultSeverity: 'info',
    description: 'Long-running containers should have a liveness probe, and a readiness probe when they expose ports.',
    practice: 'correctness',
    aliases: ['pod-probes', 'no-liveness-probe', 'no-readiness-probe', 'CKV_K8S_8', 'CKV_K8S_9'],
  },
  check(object, context) {
    if (runsToCompletion(object)) return;
    for (const ref of containersOf(object)) {
      if (ref.kind !== 'container') continue;
      const missing: string[] = [];
      if (ref.container.livenessProbe === undefined) missing.push('livenessProbe');
      if (ref.container.readinessProbe === undefined && asArray(ref.container.ports).length > 0) missing.push('readinessProbe');
      if (missing.length === 0) continue;
      context.report({ path: containerAnchor(ref), message: `Container "${ref.name}" has no ${missing.join(' and no ')}.` });
    }
  },
};
