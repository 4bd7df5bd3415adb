/**
 * Quick fixes: the core's mechanical fixes for each Shipshape diagnostic in range, plus "ignore this
 * rule here" (inserting a `# shipshape ignore=<id>` pragma above the instruction) and "for this file".
 */
import * as vscode from 'vscode';
import { coreDiagnostic, toWorkspaceEdit } from './convert';

export class ShipshapeCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const core = coreDiagnostic.get(diagnostic);
      if (!core || diagnostic.source !== 'shipshape') continue;
      for (const fix of core.fixes ?? []) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document.uri, fix.edits);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred;
        actions.push(action);
      }
      if (document.languageId === 'dockerfile' || /dockerfile/i.test(document.uri.path)) actions.push(...this.ignoreActions(document, diagnostic, core.rule));
    }
    return actions;
  }

  private ignoreActions(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, rule: string): vscode.CodeAction[] {
    const line = instructionStartLine(document, diagnostic.range.start.line);
    const indent = /^\s*/.exec(document.lineAt(line).text)?.[0] ?? '';
    const here = new vscode.CodeAction(`Ignore ${rule} for this instruction`, vscode.CodeActionKind.QuickFix);
    here.edit = new vscode.WorkspaceEdit();
    here.edit.insert(document.uri, new vscode.Position(line, 0), `${indent}# shipshape ignore=${rule}\n`);
    here.diagnostics = [diagnostic];
    const file = new vscode.CodeAction(`Ignore ${rule} in this file`, vscode.CodeActionKind.QuickFix);
    file.edit = new vscode.WorkspaceEdit();
    file.edit.insert(document.uri, new vscode.Position(firstLineAfterDirectives(document), 0), `# shipshape global ignore=${rule}\n`);
    file.diagnostics = [diagnostic];
    return [here, file];
  }
}

/** Walks up over continuation lines (ending in `\` or the escape character) to the instruction's first line. */
function instructionStartLine(document: vscode.TextDocument, line: number): number {
  const escape = /^#\s*escape\s*=\s*`/im.test(document.getText(new vscode.Range(0, 0, Math.min(5, document.lineCount), 0))) ? '`' : '\\';
  let current = line;
  while (current > 0) {
    const previous = document.lineAt(current - 1).text.trimEnd();
    if (previous.endsWith(escape) || (previous.trimStart().startsWith('#') && current - 2 >= 0 && document.lineAt(current - 2).text.trimEnd().endsWith(escape))) current--;
    else break;
  }
  return current;
}

function firstLineAfterDirectives(document: vscode.TextDocument): number {
  let line = 0;
  while (line < document.lineCount && /^#\s*[a-z]+\s*=/i.test(document.lineAt(line).text)) line++;
  return line;
}
