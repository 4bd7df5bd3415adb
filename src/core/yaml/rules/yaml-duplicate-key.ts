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

export function check(document: YamlDocument): DocFinding[] {
  return document.doc.errors
    .filter((e) => e.code === 'DUPLICATE_KEY')
    .map((e) => {
      const [start, end] = e.pos;
      const key = document.source.slice(start, end);
      return {
        rule: meta.id,
        severity: meta.defaultSeverity,
        message: `Duplicate key "${key}": only the later value would be used (kubectl rejects the file).`,
        start,
        end: Math.max(end, start + 1),
      };
    });
}
