import type { RuleMeta } from '../../rules/meta';

export const meta: RuleMeta = {
  id: 'k8s-schema-removed-api',
  domain: 'kubernetes',
  defaultSeverity: 'error',
  description: 'The apiVersion is no longer served by the selected Kubernetes version; the cluster will refuse the object.',
  practice: 'correctness',
  fixable: true,
};
