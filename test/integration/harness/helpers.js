'use strict';
// Helpers for suites: bounded polling, opening fixture files, reading and describing diagnostics.
// Only `vscode` and Node built-ins; no fixed sleeps: everything waits for an observable condition.
const vscode = require('vscode');
const assert = require('assert');
const path = require('path');

/** Multiplies every timeout (SHIPSHAPE_IT_TIMEOUT_SCALE=2 on a slow machine). */
const SCALE = Number(process.env.SHIPSHAPE_IT_TIMEOUT_SCALE) || 1;

/**
 * Polls `probe` until it returns a truthy value (which is returned) or `timeoutMs` passes; then throws
 * `message` (a string or a function of the last probe value, for a precise "what was there instead").
 * Also wakes up on diagnostic changes so it reacts at once instead of at the next tick.
 */
async function waitFor(probe, { timeoutMs = 30_000, intervalMs = 100, message = 'condition' } = {}) {
  const limit = timeoutMs * SCALE;
  const deadline = Date.now() + limit;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await probe();
      lastError = undefined;
      if (last) return last;
    } catch (error) {
      lastError = error;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    await new Promise((resolve) => {
      const timer = setTimeout(done, Math.min(intervalMs, remaining));
      const sub = vscode.languages.onDidChangeDiagnostics(done);
      function done() {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
  }
  const text = typeof message === 'function' ? message(last) : message;
  const err = new Error(`${text} (after ${Math.round(limit / 1000)} s)${lastError ? `; last error: ${lastError.message}` : ''}`);
  throw err;
}

function workspaceRoot() {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!folder) throw new Error('no workspace folder is open; the runner must open test/integration/fixtures/workspace');
  return folder.uri;
}

/** A Uri for a path relative to the fixture workspace. */
function fixtureUri(relative) {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

/** Opens a fixture file in an editor, as a user would, and returns the editor. */
async function openFixture(relative) {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(relative));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Shipshape diagnostics of a document, with the rule id unwrapped from `code`. */
function shipshapeDiagnostics(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'shipshape');
}

function ruleOf(diagnostic) {
  const code = diagnostic.code;
  if (code && typeof code === 'object') return String(code.value);
  return code === undefined ? undefined : String(code);
}

function fmtRange(r) {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** One line per diagnostic, for failure messages: "no-latest-tag 0:12-0:18 warning ‘…’". */
function describeDiagnostics(list) {
  if (!list || list.length === 0) return '(none)';
  return list
    .map((d) => `${ruleOf(d)} ${fmtRange(d.range)} [${d.source}] ${vscode.DiagnosticSeverity[d.severity]} '${d.message}'`)
    .join('; ');
}

/** The range of the n-th (0-based) occurrence of `needle` in a document. */
function rangeOf(document, needle, occurrence = 0) {
  const text = document.getText();
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`'${needle}' (occurrence ${occurrence}) not found in ${path.basename(document.uri.fsPath)}`);
  }
  return new vscode.Range(document.positionAt(index), document.positionAt(index + needle.length));
}

/** Waits until the document has shipshape diagnostics satisfying `predicate(list)`; returns the list. */
async function waitForDiagnostics(uri, predicate, what, timeoutMs = 30_000) {
  let last = [];
  await waitFor(
    () => {
      last = shipshapeDiagnostics(uri);
      return predicate(last);
    },
    {
      timeoutMs,
      message: () => `${what} for ${vscode.workspace.asRelativePath(uri)}; shipshape diagnostics there: ${describeDiagnostics(last)}; all diagnostics: ${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`,
    },
  );
  return last;
}

/** The diagnostic for `rule` exactly on `range`, or undefined. */
function findDiagnostic(list, rule, range) {
  return list.find((d) => ruleOf(d) === rule && (!range || d.range.isEqual(range)));
}

/** Replaces the whole text of a document through a WorkspaceEdit (undoable, like a user's edit). */
async function setText(document, text) {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit), `applyEdit failed on ${document.uri.fsPath}`);
}

/** Reverts unsaved edits and closes every editor, so the next test starts from the fixture files. */
async function resetEditors() {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty || doc.isClosed) continue;
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  // Closing a dirty editor would open a "save changes?" dialog that nobody answers.
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isClosed).map((d) => d.uri.fsPath);
  assert.deepStrictEqual(dirty, [], 'documents still dirty after revert');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

module.exports = {
  vscode,
  assert,
  SCALE,
  waitFor,
  workspaceRoot,
  fixtureUri,
  openFixture,
  shipshapeDiagnostics,
  ruleOf,
  fmtRange,
  describeDiagnostics,
  rangeOf,
  waitForDiagnostics,
  findDiagnostic,
  setText,
  resetEditors,
};
