/** The core's findings and edits as LSP types; the rule id is the diagnostic's `code`, its doc the `codeDescription`. */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic, Severity } from '../core/diagnostics';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsUrl } from '../core/rules/meta';

/** The rule docs shipped beside the server (dist/../docs/rules in the .vsix and the npm package), read offline. */
const SHIPPED_DOCS = join(__dirname, '..', 'docs', 'rules');
const shipped = existsSync(SHIPPED_DOCS);

/** A rule's doc: the shipped file when there is one (no network needed), else the repository's page. */
export function ruleDocUri(id: string): string {
  const file = join(SHIPPED_DOCS, `${id}.md`);
  return shipped && existsSync(file) ? pathToFileURL(file).href : docsUrl(id);
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  style: DiagnosticSeverity.Hint,
};

/** Carried in `data` so a code action request gets the fixes back without a lookup. */
export interface DiagnosticData {
  fixes?: Diagnostic['fixes'];
  aliases?: string[];
}

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  const data: DiagnosticData = {};
  if (d.fixes?.length) data.fixes = d.fixes;
  if (d.aliases?.length) data.aliases = d.aliases;
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    source: 'shipshape',
    code: d.rule,
    codeDescription: { href: ruleDocUri(d.rule) },
    message: plainMessage(d.message),
    ...(Object.keys(data).length ? { data } : {}),
  };
}

/** Editors show diagnostic messages as plain text: Markdown code spans become quotes. */
export function plainMessage(message: string): string {
  return message.replace(/`([^`\n]+)`/g, '‘$1’');
}
