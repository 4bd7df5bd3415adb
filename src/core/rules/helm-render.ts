import type { RuleMeta } from './meta';

/** A chart that does not render cannot be checked; reported on its Chart.yaml. */
export const helmRenderRule: RuleMeta = {
  id: 'helm-render',
  domain: 'helm',
  defaultSeverity: 'error',
  description: 'A Helm chart should render with its default values, so its output can be validated.',
  practice: 'correctness',
};
