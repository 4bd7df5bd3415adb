/**
 * The one place a user's options reach findings: every finding of every domain passes here once,
 * after its engine produced it with the rule's default severity. Severity overrides and `off`
 * (by id or alias, case-insensitively), the minimum severity, then inline and file suppressions.
 */
import type { CheckOptions } from '../config/options';
import { configuredSeverity } from '../config/options';
import { isAtLeast, type Diagnostic } from '../diagnostics';
import { ruleMeta } from '../rules/registry';

/** Answers whether a pragma in the file covers a finding (each domain has its own comment syntax). */
export interface Suppressor {
  isSuppressed(diagnostic: Diagnostic): boolean;
}

export function applyOptions(diagnostics: readonly Diagnostic[], options: CheckOptions, suppressor?: Suppressor): Diagnostic[] {
  const suppressions = options.allowInlineIgnores === false ? undefined : suppressor;
  const result: Diagnostic[] = [];
  for (const d of diagnostics) {
    const override = configuredSeverity(options, d.rule, d.aliases ?? ruleMeta(d.rule)?.aliases);
    if (override === 'off') continue;
    const diagnostic = override && override !== d.severity ? { ...d, severity: override } : d;
    if (options.minimumSeverity && !isAtLeast(diagnostic.severity, options.minimumSeverity)) continue;
    if (suppressions?.isSuppressed(diagnostic)) continue;
    result.push(diagnostic);
  }
  return result;
}

/** Whether a rule runs at all (engines skip rules that are off rather than compute and drop them). */
export function isRuleOn(options: CheckOptions, id: string, aliases?: readonly string[]): boolean {
  return configuredSeverity(options, id, aliases) !== 'off';
}
