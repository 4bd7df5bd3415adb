/** Waiting for a view to show a text: problems set before it does would land on the old text's lines. */
import * as vscode from 'vscode';

/** Resolves when `doc` shows `expected()` (or after a bound, so a lost update never hangs the command). */
export function settled(doc: vscode.TextDocument, expected: () => string, timeoutMs = 5000): Promise<void> {
  if (doc.getText() === expected()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && doc.getText() === expected()) done();
    });
  });
}
