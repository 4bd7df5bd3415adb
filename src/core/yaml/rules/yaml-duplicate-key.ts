import { isScalar, visit } from 'yaml';
import type { RuleMeta } from '../../rules/meta';
import type { DocFinding } from '../finding';
import type { YamlDocument } from '../parse';

export const meta: RuleMeta = {
  id: 'yaml-duplicate-key',
  domain: 'yaml',
  defaultSeverity: 'error',
  description: 'A mapping repeats a key: kubectl rejects the file, and tools that accept it silently keep only the later value.',
  practice: 'correctness',
  aliases: ['kubeconform -strict'],
};

/** Reported on the repeated key itself (the parser's own error points at one character). */
export function check(document: YamlDocument): DocFinding[] {
  if (!document.doc.errors.some((e) => e.code === 'DUPLICATE_KEY')) return [];
  const findings: DocFinding[] = [];
  visit(document.doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const name = String(pair.key.value);
        if (!seen.has(name)) {
          seen.add(name);
          continue;
        }
        findings.push({
          rule: meta.id,
          severity: meta.defaultSeverity,
          message: `Duplicate key "${name}": only the later value would be used (kubectl rejects the file).`,
          start: pair.key.range[0],
          end: pair.key.range[1],
        });
      }
    },
  });
  return findings;
}
