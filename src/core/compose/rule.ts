/** The shape of a Compose rule: metadata plus a check over the whole file's project. */
import type { Fix } from '../diagnostics';
import type { RuleMeta } from '../rules/meta';
import type { ComposeProject, YamlPath } from './model';

export interface ComposeFinding {
  path: YamlPath;
  target?: 'key' | 'value';
  message: string;
  fixes?: Fix[];
}

export interface ComposeRule {
  meta: RuleMeta;
  check(project: ComposeProject, report: (finding: ComposeFinding) => void): void;
}
