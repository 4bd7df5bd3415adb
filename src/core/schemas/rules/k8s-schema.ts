import type { RuleMeta } from '../../rules/meta';

export const meta: RuleMeta = {
  id: 'k8s-schema',
  domain: 'kubernetes',
  defaultSeverity: 'error',
  description: 'A Kubernetes object does not match the API schema of its kind (unknown field, wrong type, missing field).',
  practice: 'correctness',
  aliases: ['kubeconform', 'kubeval'],
};
