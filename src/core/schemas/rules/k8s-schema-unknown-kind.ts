import type { RuleMeta } from '../../rules/meta';

export const meta: RuleMeta = {
  id: 'k8s-schema-unknown-kind',
  domain: 'kubernetes',
  defaultSeverity: 'warning',
  description: 'No schema is known for this apiVersion/kind (a custom resource whose CRD was not found, or a typo), so it was not validated.',
  practice: 'correctness',
};
