/** Public API of the Kubernetes workspace checks (cross-file references and the talk's practices). */
export { KubernetesWorkspace } from './workspace';
export { kubernetesRules, kubernetesRuleList } from './registry';
export type { RuleOptions } from '../rules/options';
export type { K8sObject, PodTemplate } from './model';
export type { KubernetesRule } from './rule';
