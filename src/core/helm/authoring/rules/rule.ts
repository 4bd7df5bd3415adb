/**
 * The shape of a Helm authoring rule: metadata plus a check of one template (its scan) or one values
 * file, with the chart it belongs to. Same metadata as every other domain's rules (one registry).
 */
import type { Fix, Range } from '../../../diagnostics';
import type { RuleMeta } from '../../../rules/meta';
import type { ChartView } from '../chart-model';
import type { TemplateScan } from '../template-refs';
import type { ValuesTree } from '../values-tree';

export interface AuthoringFinding {
  range: Range;
  message: string;
  fixes?: Fix[];
}

export interface TemplateRuleContext {
  chart: ChartView;
  file: string;
  scan: TemplateScan;
  report(finding: AuthoringFinding): void;
}

export interface ValuesRuleContext {
  chart: ChartView;
  file: string;
  values: ValuesTree;
  /** The text of the values file (for edits). */
  text: string;
  /** values.yaml itself; otherwise a values file given with `-f` (`values-prod.yaml`), applied over it. */
  isDefaults: boolean;
  report(finding: AuthoringFinding): void;
}

export type AuthoringRule =
  | { meta: RuleMeta; target: 'template'; check(context: TemplateRuleContext): void }
  | { meta: RuleMeta; target: 'values'; check(context: ValuesRuleContext): void };
