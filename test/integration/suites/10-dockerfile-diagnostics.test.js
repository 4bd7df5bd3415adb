'use strict';
const { suite, test, before } = require('../harness/runner');
const h = require('../harness/helpers');
const { vscode, assert } = h;

suite('Dockerfile diagnostics', () => {
  let doc;
  let list;

  before(async () => {
    doc = (await h.openFixture('Dockerfile')).document;
    assert.strictEqual(doc.languageId, 'dockerfile', `Dockerfile opened with language '${doc.languageId}'`);
    list = await h.waitForDiagnostics(doc.uri, (l) => l.length > 0, 'no shipshape diagnostics');
  });

  test("FROM node:latest -> no-latest-tag on the 'latest' token", async () => {
    const range = h.rangeOf(doc, 'latest');
    assert.strictEqual(h.fmtRange(range), '0:10-0:16');
    list = await h.waitForDiagnostics(doc.uri, (l) => h.findDiagnostic(l, 'no-latest-tag', range), `no no-latest-tag diagnostic on ${h.fmtRange(range)}`);
    const d = h.findDiagnostic(list, 'no-latest-tag', range);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning, `severity ${vscode.DiagnosticSeverity[d.severity]}`);
    assert.match(d.message, /latest/);
  });

  test('shell-form CMD node server.js -> exec-form-cmd on the command text', async () => {
    const range = h.rangeOf(doc, 'node server.js');
    list = await h.waitForDiagnostics(doc.uri, (l) => h.findDiagnostic(l, 'exec-form-cmd', range), `no exec-form-cmd diagnostic on ${h.fmtRange(range)}`);
    const d = h.findDiagnostic(list, 'exec-form-cmd', range);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning, `severity ${vscode.DiagnosticSeverity[d.severity]}`);
  });

  test('each diagnostic code links to its rule documentation', async () => {
    for (const d of list) {
      const rule = h.ruleOf(d);
      assert.ok(d.code && typeof d.code === 'object', `code of '${d.message}' is ${JSON.stringify(d.code)}, not { value, target }`);
      assert.ok(d.code.target instanceof vscode.Uri, `code.target of ${rule} is not a Uri: ${JSON.stringify(d.code.target)}`);
      assert.ok(d.code.target.toString().includes(rule), `code.target ${d.code.target} of ${rule} does not name the rule`);
    }
  });

  test('lines without a problem have no diagnostics', async () => {
    const flagged = list.filter((d) => d.range.start.line === 1 || d.range.start.line === 2);
    assert.deepStrictEqual(flagged.map((d) => h.ruleOf(d)), [], `WORKDIR/COPY lines flagged: ${h.describeDiagnostics(flagged)}`);
  });

  test('typing a new problem is reported without saving', async () => {
    await h.setText(doc, doc.getText().replace('COPY . .', 'COPY . .\nFROM ubuntu:latest AS tools'));
    const range = h.rangeOf(doc, 'latest', 1);
    await h.waitForDiagnostics(doc.uri, (l) => h.findDiagnostic(l, 'no-latest-tag', range), `no no-latest-tag on the typed FROM at ${h.fmtRange(range)}`);
    await h.resetEditors();
    doc = (await h.openFixture('Dockerfile')).document;
    await h.waitForDiagnostics(doc.uri, (l) => l.filter((d) => h.ruleOf(d) === 'no-latest-tag').length === 1, 'the typed FROM stayed flagged after revert');
  });
});
