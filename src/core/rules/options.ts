/**
 * User control over rules, shared by every domain: turn rules off or change their severity, from
 * settings, a config file or the CLI.
 */
import type { Diagnostic, Severity } from '../diagnostics';
import type { RuleMeta } from './meta';
import { configuredSeverity } from '../config/options';

/** Compatible with `CheckOptions` (../config/options.ts): a resolved config can be passed as is. */
export interface RuleOptions {
  /** Rule ids (or aliases such as `latest-tag`, `CKV_K8S_14`) that must not run. */
  disabled?: string[];
  /** Per rule id (or alias, case-insensitive): a different severity, or 'off'. */
  severity?: Record<string, Severity | 'off'>;
  /** When false, `# shipshape ignore=` comments are not honoured (a team policy). */
  allowInlineIgnores?: boolean;
}

/** The severity a rule reports with under `options`, or undefined when the rule is turned off. */
export function effectiveSeverity(meta: RuleMeta, options: RuleOptions = {}): Severity | undefined {
  const names = [meta.id, ...(meta.aliases ?? [])].map((n) => n.toLowerCase());
  if (options.disabled?.some((id) => names.includes(id.toLowerCase()))) return undefined;
  const override = configuredSeverity(options, meta.id, meta.aliases);
  if (override === 'off') return undefined;
  return override ?? meta.defaultSeverity;
}

/** Rules that are on, with the severity each reports at. */
export function enabledRules<R extends { meta: RuleMeta }>(rules: readonly R[], options?: RuleOptions): { rule: R; severity: Severity }[] {
  const result: { rule: R; severity: Severity }[] = [];
  for (const rule of rules) {
    const severity = effectiveSeverity(rule.meta, options);
    if (severity) result.push({ rule, severity });
  }
  return result;
}

/** Drops exact repeats (same rule, range and message), which several paths to one node can produce. */
export function dedupeDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.rule}|${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
