/**
 * Findings of a chart's own files as the author types: each template through the template rules,
 * values.yaml through the values rules. Raw findings; the Project's pipeline applies options.
 */
import type { Diagnostic } from '../../diagnostics';
import type { ChartView } from './chart-model';
import { helmAuthoringRules } from './rules';

export function lintTemplate(chart: ChartView, file: string): Diagnostic[] {
  const scan = chart.scan(file);
  if (!scan) return [];
  const found: Diagnostic[] = [];
  for (const rule of helmAuthoringRules) {
    if (rule.target !== 'template') continue;
    rule.check({ chart, file, scan, report: (f) => found.push({ rule: rule.meta.id, severity: rule.meta.defaultSeverity, aliases: rule.meta.aliases, ...f }) });
  }
  return found;
}

/** values.yaml, or another values file beside it (`values-prod.yaml`: meant for `-f`, checked as applied over values.yaml). */
export function lintValues(chart: ChartView, file: string, text: string): Diagnostic[] {
  const isDefaults = file === chart.valuesFile();
  const values = isDefaults ? chart.values() : chart.valuesTreeOf(file);
  if (!values) return [];
  const found: Diagnostic[] = [];
  for (const rule of helmAuthoringRules) {
    if (rule.target !== 'values') continue;
    rule.check({ chart, file, values, text, isDefaults, report: (f) => found.push({ rule: rule.meta.id, severity: rule.meta.defaultSeverity, aliases: rule.meta.aliases, ...f }) });
  }
  return found;
}
