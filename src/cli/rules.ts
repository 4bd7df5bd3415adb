/** `shipshape rules`: every rule with its id, severity, practice and the codes other tools use. */
import type { RuleMeta } from '../core/rules/meta';

export { allRules } from '../core/rules/registry';

export function formatRules(rules: RuleMeta[], json: boolean): string {
  if (json) return JSON.stringify(rules, null, 2) + '\n';
  const rows = rules.map((r) => [r.id, r.domain, r.defaultSeverity, r.practice, (r.aliases ?? []).join(',') || '-']);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i].length), ['id', 'domain', 'severity', 'practice'][i].length));
  const line = (row: string[]) => row.map((c, i) => (i < 4 ? c.padEnd(widths[i]) : c)).join('  ');
  return [line(['id', 'domain', 'severity', 'practice', 'aliases']), ...rows.map(line)].join('\n') + `\n${rules.length} rules\n`;
}
