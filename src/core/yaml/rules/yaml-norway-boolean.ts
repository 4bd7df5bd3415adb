import type { RuleMeta } from '../../rules/meta';

/** Reported by schema validation (src/core/schemas/humanize.ts), where the schema says a string is meant. */
export const meta: RuleMeta = {
  id: 'yaml-norway-boolean',
  domain: 'yaml',
  defaultSeverity: 'error',
  description: 'An unquoted yes/no/on/off/y/n is a boolean in YAML 1.1 (what kubectl reads), where a string is meant.',
  practice: 'correctness',
  fixable: true,
};
