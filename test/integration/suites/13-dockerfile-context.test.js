'use strict';
const { suite, test } = require('../harness/runner');
const h = require('../harness/helpers');
const { vscode, assert } = h;

suite('Dockerfile build context (.dockerignore)', () => {
  test('COPY . . without a .dockerignore is reported; creating one clears it', async () => {
    const { document } = await h.openFixture('context/Dockerfile');
    const found = await h.waitForDiagnostics(
      document.uri,
      (l) => l.some((d) => h.ruleOf(d) === 'dockerignore-missing'),
      'no dockerignore-missing on context/Dockerfile (its folder has no .dockerignore)',
    );
    const finding = found.find((d) => h.ruleOf(d) === 'dockerignore-missing');
    assert.strictEqual(h.fmtRange(finding.range), '2:5-2:6', 'the finding sits on the `.` source');
    const ignoreFile = h.fixtureUri('context/.dockerignore');
    await vscode.workspace.fs.writeFile(ignoreFile, Buffer.from('node_modules\n*.log\n'));
    try {
      await h.waitForDiagnostics(document.uri, (l) => !l.some((d) => h.ruleOf(d) === 'dockerignore-missing'), 'dockerignore-missing stayed after .dockerignore was created');
      // And a COPY of a file the new .dockerignore excludes is an error on that file name.
      await h.setText(document, document.getText().replace('COPY . .', 'COPY debug.log .'));
      await h.waitForDiagnostics(document.uri, (l) => l.some((d) => h.ruleOf(d) === 'copy-ignored-file'), 'no copy-ignored-file for a COPY of a .dockerignore-excluded file');
    } finally {
      await vscode.workspace.fs.delete(ignoreFile);
      await h.resetEditors();
    }
  });
});
