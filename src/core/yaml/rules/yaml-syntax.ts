import type { RuleMeta } from '../../rules/meta';
import type { DocFinding } from '../finding';
import type { YamlDocument } from '../parse';
import { OWN_RULE_CODES } from './codes';

export const meta: RuleMeta = {
  id: 'yaml-syntax',
  domain: 'yaml',
  defaultSeverity: 'error',
  description: 'The file is not valid YAML (or cannot be read safely), so nothing in it can be checked.',
  practice: 'correctness',
};

/** Parser errors and warnings, except those another yaml-* rule reports more precisely. */
export function check(document: YamlDocument): DocFinding[] {
  const findings: DocFinding[] = [];
  for (const [severity, list] of [['error', document.doc.errors], ['warning', document.doc.warnings]] as const) {
    for (const problem of list) {
      if (OWN_RULE_CODES.has(problem.code)) continue;
      const [start, end] = problem.pos;
      findings.push({ rule: meta.id, severity, message: sentence(problem.message), start, end: Math.max(end, start + 1) });
    }
  }
  if (document.valueError) {
    const start = document.doc.contents?.range?.[0] ?? 0;
    findings.push({ rule: meta.id, severity: 'error', message: `This document cannot be read: ${document.valueError}.`, start, end: start + 1 });
  }
  return findings;
}

function sentence(message: string): string {
  const first = message.split('\n')[0].trim();
  return /[.!?]$/.test(first) ? first : `${first}.`;
}
