/** Public API of the Compose checks (references between entries, port collisions, the talk's practices). */
export { checkComposeFile } from './check';
export { composeRules, composeRuleList } from './registry';
export type { RuleOptions } from '../rules/options';
export type { ComposeRule } from './rule';
