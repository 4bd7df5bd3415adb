/** The core's findings and edits as LSP types; the rule id is the diagnostic's `code`, its doc the `codeDescription`. */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic, Severity } from '../core/diagnostics';
import { docsUrl } from '../core/rules/meta';

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
    codeDescription: { href: docsUrl(d.rule) },
    message: plainMessage(d.message),
    ...(Object.keys(data).length ? { data } : {}),
  };
}

/** Editors show diagnostic messages as plain text: Markdown code spans become quotes. */
export function plainMessage(message: string): string {
  return message.replace(/`([^`\n]+)`/g, '‘$1’');
}
