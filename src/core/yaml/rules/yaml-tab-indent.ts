import type { RuleMeta } from '../../rules/meta';
import type { DocFinding } from '../finding';
import type { YamlDocument } from '../parse';

export const meta: RuleMeta = {
  id: 'yaml-tab-indent',
  domain: 'yaml',
  defaultSeverity: 'error',
  description: 'YAML forbids tabs for indentation; an editor that shows them as spaces hides the error.',
  practice: 'correctness',
  fixable: true,
};

export function check(document: YamlDocument): DocFinding[] {
  return document.doc.errors
    .filter((e) => e.code === 'TAB_AS_INDENT')
    .map((e) => {
      const start = e.pos[0];
      let end = start;
      while (document.source[end] === '\t' || document.source[end] === ' ') end++;
      return {
        rule: meta.id,
        severity: meta.defaultSeverity,
        message: 'Tab used for indentation; YAML allows only spaces here.',
        start,
        end: Math.max(end, start + 1),
      };
    });
}
