/**
 * The shape of a Kubernetes rule: metadata plus a check that looks at one object. Cross-file rules
 * read the rest of the workspace through the index, so running every rule on a file costs
 * (objects in the file) × (rules) lookups, whatever the size of the workspace.
 */
import type { Fix } from '../diagnostics';
import type { RuleMeta } from '../rules/meta';
import type { K8sObject, YamlPath } from './model';
import type { WorkspaceIndex } from './workspace-index';

export interface Finding {
  /** Path relative to the object; the finding sits on that key or value. */
  path: YamlPath;
  target?: 'key' | 'value';
  message: string;
  fixes?: Fix[];
}

export interface KubernetesRuleContext {
  workspace: WorkspaceIndex;
  report(finding: Finding): void;
}

export interface KubernetesRule {
  meta: RuleMeta;
  check(object: K8sObject, context: KubernetesRuleContext): void;
}
