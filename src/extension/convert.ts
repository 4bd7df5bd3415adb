/** Conversions between the core's plain types and VS Code's classes. */
import * as vscode from 'vscode';
import type { Diagnostic, Range, Severity } from '../core/diagnostics';
import { docsUrl } from '../core/rules/meta';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  style: vscode.DiagnosticSeverity.Hint,
};

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function toVscodeDiagnostic(d: Diagnostic): vscode.Diagnostic {
  const result = new vscode.Diagnostic(toRange(d.range), d.message, SEVERITY[d.severity]);
  result.source = 'shipshape';
  result.code = { value: d.rule, target: vscode.Uri.parse(docsUrl(d.rule)) };
  return result;
}

