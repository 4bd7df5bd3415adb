'use strict';
// The helm language (package.json contributes.languages/grammars): chart templates open as `helm`, keep
// Shipshape's diagnostics, use the language configuration, render from the template, and are highlighted
// by syntaxes/helm-template.tmLanguage.json. Fixtures: helm-language/highlight (a chart that renders
// clean, using every part of the template language) and charts/web (a schema typo in deployment.yaml).
//
// The highlighting is checked where a user sees it: a second code-server of this same install (same
// extensions dir, no harness results variable, so the harness stays idle there) is opened in headless
// Chromium on the fixture chart; the test reads the colours the editor painted and saves
// test-results/helm-template.png. This VS Code's own window belongs to run.mjs, which cannot be reached
// from the extension host.
const fs = require('fs');
const path = require('path');
const { suite, test, after } = require('../harness/runner');
const h = require('../harness/helpers');
const { Workbench, until } = require('../harness/second-workbench');
const { vscode, assert } = h;

const CHART = 'helm-language/highlight';
const TEMPLATE = `${CHART}/templates/configmap.yaml`;
const RESULTS_DIR = path.resolve(__dirname, '..', '..', '..', 'test-results');
const SCREENSHOT = path.join(RESULTS_DIR, 'helm-template.png');
const web = vscode.env.uiKind === vscode.UIKind.Web;

async function open(relative) {
  return (await h.openFixture(relative)).document;
}

// The second workbench for the screenshot: started by one test, stopped by after() whatever happens.
const workbench = new Workbench();

/** Per view line (top to bottom) its token spans: text and painted colour. */
function paintedTokens(page) {
  return page.evaluate(() => {
    const lines = [...document.querySelectorAll('.editor-instance .view-lines .view-line')];
    lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    return lines.map((line) =>
      [...line.querySelectorAll(':scope > span > span')].map((s) => ({ text: s.textContent.replace(/\u00a0/g, ' '), color: getComputedStyle(s).color, className: s.className })),
    );
  });
}

/** Dark Modern's colours (VS Code 1.100) for the scopes the grammar gives. */
const DARK_MODERN = {
  bracket: 'rgb(255, 215, 0)', // bracket pair colorization, level 1: {{ }} are a bracket pair
  delimiter: 'rgb(86, 156, 214)', // punctuation.section.embedded (the trim marker; {{ }} take the bracket colour)
  key: 'rgb(86, 156, 214)', // entity.name.tag (YAML keys)
  keyword: 'rgb(197, 134, 192)', // keyword.control
  function: 'rgb(220, 220, 170)', // support.function
  string: 'rgb(206, 145, 120)', // string (YAML scalars and Go strings)
  variable: 'rgb(156, 220, 254)', // variable
  number: 'rgb(181, 206, 168)', // constant.numeric
  comment: 'rgb(106, 153, 85)', // comment
};

suite('Helm template language', () => {
  after(async () => {
    await workbench.close();
    await h.resetEditors();
  });

  test("a chart's templates, _helpers.tpl and NOTES.txt open as helm; values.yaml and Chart.yaml stay yaml", async () => {
    const ids = {};
    for (const file of ['templates/configmap.yaml', 'templates/_helpers.tpl', 'templates/NOTES.txt', 'values.yaml', 'Chart.yaml']) {
      ids[file] = (await vscode.workspace.openTextDocument(h.fixtureUri(`${CHART}/${file}`))).languageId;
    }
    assert.deepStrictEqual(ids, {
      'templates/configmap.yaml': 'helm',
      'templates/_helpers.tpl': 'helm',
      'templates/NOTES.txt': 'helm',
      'values.yaml': 'yaml',
      'Chart.yaml': 'yaml',
    });
    assert.strictEqual((await vscode.workspace.openTextDocument(h.fixtureUri('charts/web/templates/deployment.yaml'))).languageId, 'helm');
  });

  test("Shipshape's diagnostics still arrive for a helm template, on its own line, and none about YAML", async () => {
    const helpers = await open(`${CHART}/templates/_helpers.tpl`);
    const notes = await open(`${CHART}/templates/NOTES.txt`);
    const doc = await open('charts/web/templates/deployment.yaml');
    assert.strictEqual(doc.languageId, 'helm');
    const typo = h.rangeOf(doc, 'imagePullPolicyy');
    await h.waitForDiagnostics(doc.uri, (l) => l.some((d) => h.ruleOf(d) === 'k8s-schema' && d.range.start.line === typo.start.line), 'no k8s-schema finding on the template line of the typo');
    assert.deepStrictEqual(h.shipshapeDiagnostics(doc.uri).filter((d) => /^yaml-/.test(h.ruleOf(d))).map(h.ruleOf), []);
    // The chart of the fixture renders clean: its helpers and notes (not YAML) have nothing.
    for (const d of [helpers, notes]) assert.deepStrictEqual(h.shipshapeDiagnostics(d.uri).map(h.ruleOf), [], vscode.workspace.asRelativePath(d.uri));
  });

  test('Render Helm Chart works from a template: it renders the chart the template belongs to', async () => {
    const template = await open(TEMPLATE);
    const uri = await vscode.commands.executeCommand('shipshape.renderHelmChart', { chart: template.uri, valuesFiles: [], releaseName: 'hl', namespace: 'default' });
    assert.ok(uri instanceof vscode.Uri, `the command returned ${uri}`);
    const rendered = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(rendered.languageId, 'yaml', 'the rendered output is plain YAML, not a template');
    assert.match(rendered.getText(), /^kind: ConfigMap$/m);
    assert.match(rendered.getText(), /^ {2}name: hl-highlight-config$/m);
  });

  test('the language configuration: {{ closes once, # comments a line, {{/* */}} comments a block', async () => {
    await h.resetEditors();
    const editor = await h.openFixture(TEMPLATE);
    const doc = editor.document;
    const line = h.rangeOf(doc, 'kind: ConfigMap').start.line;
    // On an empty line: {{ becomes {{}} with the cursor between, never {{}}}.
    const empty = doc.lineCount - 1;
    assert.strictEqual(doc.lineAt(empty).text, '', 'the fixture ends with a newline');
    editor.selection = new vscode.Selection(empty, 0, empty, 0);
    await vscode.commands.executeCommand('type', { text: '{' });
    await vscode.commands.executeCommand('type', { text: '{' });
    assert.strictEqual(doc.lineAt(empty).text, '{{}}');
    assert.strictEqual(editor.selection.active.character, 2);
    await vscode.commands.executeCommand('workbench.action.files.revert');

    editor.selection = new vscode.Selection(line, 0, line, 0);
    await vscode.commands.executeCommand('editor.action.commentLine');
    assert.strictEqual(doc.lineAt(line).text, '# kind: ConfigMap');
    await vscode.commands.executeCommand('workbench.action.files.revert');

    editor.selection = new vscode.Selection(line, 0, line, doc.lineAt(line).text.length);
    await vscode.commands.executeCommand('editor.action.blockComment');
    assert.strictEqual(doc.lineAt(line).text, '{{/* kind: ConfigMap */}}');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  (web ? test : test.skip)('the template is highlighted in the workbench (test-results/helm-template.png)', async () => {
    const { chromium } = require('playwright-core');
    const folder = h.fixtureUri(CHART).fsPath;
    fs.rmSync(SCREENSHOT, { force: true });
    const url = await workbench.start(folder);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    });
    workbench.onClose(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1200, height: 720 } });
    await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded', timeout: 30_000 * h.SCALE });
    await page.locator('.monaco-workbench').waitFor({ state: 'attached', timeout: 30_000 * h.SCALE });
    // Open the template from the Explorer, as a user would (no file search to wait for).
    const row = (name) => page.getByRole('treeitem', { name, exact: true });
    await until(async () => {
      if (!(await row('configmap.yaml').isVisible())) await row('templates').click({ timeout: 2000 });
      await row('configmap.yaml').click({ timeout: 2000 });
      return page.locator('.tabs-container .tab', { hasText: 'configmap.yaml' }).isVisible();
    }, 30_000, 'the template did not open from the Explorer of the second workbench');
    // The grammar loads asynchronously: wait until `include` is painted as a function.
    const find = (lines, text, n = 0) => lines.flat().filter((t) => (text instanceof RegExp ? text.test(t.text) : t.text.trim() === text))[n];
    await until(async () => {
      const painted = await paintedTokens(page);
      const include = find(painted, 'include');
      return include && include.color === DARK_MODERN.function ? painted : undefined;
    }, 25_000, 'the template was not highlighted: `include` never took the function colour').catch(async (error) => {
      await page.screenshot({ path: SCREENSHOT }).catch(() => undefined);
      const painted = await paintedTokens(page).catch(() => []);
      throw new Error(`${error.message}; painted: ${JSON.stringify(painted.slice(0, 8))}`);
    });
    // Brackets in comments are no brackets: wait until the bracket pairs follow the comment's tokens.
    const commentOpen = (painted) => (painted[0] || []).find((t) => t.text.startsWith('{{'));
    const settled = await until(async () => {
      const painted = await paintedTokens(page);
      const open = commentOpen(painted);
      return open && open.color === DARK_MODERN.comment ? painted : undefined;
    }, 5_000, 'the comment kept bracket colours').catch(() => undefined);
    const final = settled || (await paintedTokens(page));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    fs.writeFileSync(path.join(RESULTS_DIR, 'helm-template-tokens.json'), JSON.stringify(final.map((l) => l.map((t) => `${t.text} ${t.color} ${t.className}`)), null, 1));
    // Line 1 is the comment, checked on its own below.
    const colour = (text, n = 0) => {
      const token = find(final.slice(1), text, n);
      assert.ok(token, `no token '${text}' (#${n}) painted; lines: ${JSON.stringify(final.map((l) => l.map((t) => t.text).join('')))}`);
      return token.color;
    };
    assert.deepStrictEqual(
      {
        '{{': colour('{{'),
        '}}': colour('}}'),
        '-': colour('-'),
        if: colour('if'),
        metadata: colour('metadata'),
        include: colour('include'),
        '-config': colour('-config'),
        $port: colour('$port'),
        8080: colour('8080', 0),
        comment: (final[0] || []).map((t) => t.color).find((c, i) => /Every part/.test(final[0][i].text)),
        'comment {{': commentOpen(final) && commentOpen(final).color,
        'highlight.fullname': colour('highlight.fullname'),
      },
      {
        '{{': DARK_MODERN.bracket,
        '}}': DARK_MODERN.bracket,
        '-': DARK_MODERN.delimiter,
        if: DARK_MODERN.keyword,
        metadata: DARK_MODERN.key,
        include: DARK_MODERN.function,
        '-config': DARK_MODERN.string,
        $port: DARK_MODERN.variable,
        8080: DARK_MODERN.number,
        comment: DARK_MODERN.comment,
        'comment {{': DARK_MODERN.comment,
        'highlight.fullname': DARK_MODERN.function,
      },
    );

    // _helpers.tpl (defines) and NOTES.txt (text with actions), for a look: test-results/helm-helpers.png, helm-notes.png.
    for (const [file, word, colourOf, shot] of [
      ['_helpers.tpl', 'define', DARK_MODERN.keyword, 'helm-helpers.png'],
      ['NOTES.txt', 'quote', DARK_MODERN.function, 'helm-notes.png'],
    ]) {
      await row(file).click({ timeout: 5000 });
      await until(async () => {
        const token = find(await paintedTokens(page), word);
        return token && token.color === colourOf;
      }, 15_000, `${file} was not highlighted: '${word}' never took its colour`);
      await page.screenshot({ path: path.join(RESULTS_DIR, shot) });
    }
  });
});
