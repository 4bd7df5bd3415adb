'use strict';
// What a user sees, driven as a user drives it (command palette, clicks, keys) and saved in
// test-results/: the Shipshape tree grouped by kind (tree-by-kind.png), by namespace with a text filter
// on (tree-by-namespace-filtered.png) and an item's tooltip (tree-tooltip.png); a hover on a Kubernetes
// finding (hover-k8s-finding.png), the Problems panel on the manifests (problems-k8s.png) and the
// walkthrough (walkthrough.png). This window belongs to run.mjs and cannot be reached from the
// extension host, so a second code-server of this install (same extensions, no harness variables: the
// harness stays idle there) serves the fixture workspace to a headless Chromium.
const fs = require('fs');
const path = require('path');
const { suite, test, before, after } = require('../harness/runner');
const h = require('../harness/helpers');
const { Workbench, until, sleep } = require('../harness/second-workbench');
const { vscode, assert } = h;

const RESULTS_DIR = path.resolve(__dirname, '..', '..', '..', 'test-results');
const web = vscode.env.uiKind === vscode.UIKind.Web;
const workbench = new Workbench();

let page;

const shot = async (name) => {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, name) });
};

/** A test that leaves a screenshot and the Shipshape pane's HTML behind when it fails, to see why. */
function screen(title, file, fn) {
  (web ? test : test.skip)(`${title} (test-results/${file})`, async () => {
    try {
      await fn();
    } catch (error) {
      const base = file.replace(/\.png$/, '');
      await page.screenshot({ path: path.join(RESULTS_DIR, `${base}-failed.png`) }).catch(() => undefined);
      const html = await pane().evaluate((n) => n.outerHTML).catch((e) => `no pane: ${e.message}`);
      fs.writeFileSync(path.join(RESULTS_DIR, `${base}-failed.html`), html);
      throw error;
    }
  });
}

/** Runs a command from the palette by its title; `then` answers the quick input it opens. */
async function palette(title, then) {
  const input = page.locator('.quick-input-widget input');
  await until(async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 3000 });
    // Short waits inside the retry: a palette that closed under us is opened again, not waited on.
    await input.fill(`>${title}`, { timeout: 3000 });
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: 3000 });
    await row.click({ timeout: 3000 });
    return true;
  }, 20_000, `the command "${title}" did not run from the palette`);
  if (then !== undefined) {
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(then);
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
  }
}

/** The Shipshape pane in the Explorer, and its header (whose aria-label carries the view's description). */
const header = () => page.locator('.pane-header[aria-label^="Shipshape"]');
const pane = () => page.locator('.pane', { has: header() });

/** A row of the Shipshape tree: label, then (if given) a description it must contain. */
const row = (label, description) => {
  let rows = pane().locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
  if (description) rows = rows.filter({ has: page.locator('.label-description', { hasText: description }) });
  return rows.first();
};

/** Every tree row's icon is a codicon the font has (a wrong id paints nothing). */
async function assertIconsPainted() {
  const icons = await pane().locator('.monaco-list-row .custom-view-tree-node-item-icon').evaluateAll((nodes) =>
    nodes.map((n) => ({ row: n.closest('.monaco-list-row').getAttribute('aria-label'), className: n.className, glyph: getComputedStyle(n, '::before').content })),
  );
  assert.ok(icons.length > 5, `only ${icons.length} tree icons found`);
  const blank = icons.filter((i) => /codicon-/.test(i.className) && (!i.glyph || i.glyph === 'none' || i.glyph === '""'));
  assert.deepStrictEqual(blank, [], 'tree rows whose codicon paints nothing');
}

suite('Screens', () => {
  before(async () => {
    if (!web) return;
    const { chromium } = require('playwright-core');
    const folder = h.workspaceRoot().fsPath;
    await vscode.commands.executeCommand('shipshape.lintWorkspace');
    const url = await workbench.start(folder, { 'workbench.welcomePage.walkthroughs.openOnInstall': false, 'workbench.hover.delay': 300 });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    });
    workbench.onClose(() => browser.close());
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded', timeout: 30_000 * h.SCALE });
    await page.locator('.monaco-workbench').waitFor({ state: 'attached', timeout: 30_000 * h.SCALE });
  });
  after(() => workbench.close());

  screen('the tree grouped by kind of file: icons per kind, objects under their kind', 'tree-by-kind.png', async () => {
    await palette('Focus on Shipshape View');
    // The folders pane gives the room to the Shipshape pane.
    const folders = page.locator('.pane-header[aria-label^="Explorer Section"]');
    await folders.waitFor({ state: 'visible', timeout: 10_000 });
    if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    await until(() => row('Deployment').isVisible(), 30_000, 'the Shipshape tree did not show Kubernetes objects > Deployment');
    await until(() => row('web', 'tree-demo').isVisible(), 10_000, 'Deployment web (tree-demo) is not shown under its kind');
    assert.strictEqual(await header().locator('h3.title').innerText(), 'SHIPSHAPE', "the view's title is not shown");
    const texts = await pane().locator('.monaco-list-row').allInnerTexts();
    assert.ok(!texts.some((t) => /namespace not set|stage \d/.test(t)), `a row says "namespace not set" or "stage N": ${texts.join(' | ')}`);
    await assertIconsPainted();
    await page.mouse.move(700, 880);
    await shot('tree-by-kind.png');
  });

  screen("the tree grouped by namespace, filtered to 'web', said in the title; a tooltip (tree-tooltip.png)", 'tree-by-namespace-filtered.png', async () => {
    await palette('Shipshape: Group Tree By...', 'namespace');
    await until(() => row('tree-demo').isVisible(), 15_000, 'no namespace tree-demo at the root after grouping by namespace');
    await palette('Shipshape: Filter Tree by Text...', 'web');
    await until(async () => /filtered: 'web'/.test(await header().getAttribute('aria-label')), 10_000, "the view's title does not say filtered: 'web'");
    await until(async () => !(await row('api').isVisible()), 10_000, 'Service api is still shown under the filter web');
    assert.strictEqual(await header().locator('h3.title').innerText(), 'SHIPSHAPE', "the view's title is not shown with the filter");
    await assertIconsPainted();
    // The title's actions (Clear Filter among them) show while the pointer is on the view.
    await header().hover();
    await until(() => header().locator('.action-label.codicon-clear-all').isVisible(), 5000, 'no Clear Filter action in the view title');
    // Away from the view its title has the room to say the whole filter.
    await page.mouse.move(700, 880);
    await shot('tree-by-namespace-filtered.png');
    // An object's tooltip: kind, name, namespace, file:line and its findings.
    await row('web', 'Deployment · tree/k8s').hover();
    const tooltip = page.locator('.monaco-hover').filter({ hasText: 'Namespace: tree-demo' }).first();
    await until(() => tooltip.isVisible(), 10_000, "no tooltip with the Deployment's namespace");
    const text = await tooltip.innerText();
    assert.match(text, /Deployment web · apps\/v1/);
    assert.match(text, /tree\/k8s\/app\.yaml:\d+/);
    assert.match(text, /Shipshape: .*warning/);
    await shot('tree-tooltip.png');
    // One click clears the filter; the grouping stays.
    await header().hover();
    await header().locator('.action-label.codicon-clear-all').click();
    await until(async () => !/filtered/.test(await header().getAttribute('aria-label')), 10_000, "the view's title still says filtered after Clear Filter");
    await until(() => row('api').isVisible(), 10_000, 'Service api did not come back after Clear Filter');
    assert.ok(await row('tree-demo').isVisible(), 'clearing the filter changed the grouping');
    // A filter nothing matches says so (not "no Dockerfiles... found") and offers to clear it.
    await palette('Shipshape: Filter Tree by Text...', 'no-such-item-anywhere');
    const welcome = pane().locator('.welcome-view-content');
    await until(async () => /Nothing in the workspace matches the filter/.test(await welcome.innerText()), 10_000, 'an empty filtered tree does not say the filter matches nothing');
    assert.doesNotMatch(await welcome.innerText(), /No Dockerfiles/);
    await welcome.getByRole('button', { name: 'Clear Filter' }).click();
    await until(() => row('tree-demo').isVisible(), 10_000, "the welcome's Clear Filter did not bring the tree back");
  });

  screen('a hover on a Kubernetes finding', 'hover-k8s-finding.png', async () => {
    await palette('Shipshape: Filter Tree by Text...', 'typo');
    await until(() => row('typo').isVisible(), 10_000, 'the filter typo does not show k8s/typo.yaml');
    await row('typo').click();
    await until(() => page.locator('.tabs-container .tab', { hasText: 'typo.yaml' }).isVisible(), 15_000, 'k8s/typo.yaml did not open from the tree');
    await palette('Shipshape: Clear Tree Filter');
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+g');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 5000 });
    await input.fill(':15:9');
    await page.keyboard.press('Enter');
    const hover = page.locator('.monaco-hover').filter({ hasText: 'contianers' }).first();
    await until(async () => {
      if (await hover.isVisible()) return true;
      await page.keyboard.press('Control+k');
      await page.keyboard.press('Control+i');
      await sleep(700);
      return hover.isVisible();
    }, 20_000, 'no hover with the finding on "contianers"');
    assert.match(await hover.innerText(), /did you mean "containers"/);
    await shot('hover-k8s-finding.png');
    await page.keyboard.press('Escape');
  });

  screen('the Problems panel on the manifests', 'problems-k8s.png', async () => {
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
    const filter = page.locator('.viewpane-filter input, .viewpane-filter textarea').first();
    await filter.fill('k8s');
    await until(async () => /contianers/.test(await panel.innerText()), 20_000, 'the Problems panel does not list the typo.yaml finding');
    await shot('problems-k8s.png');
    await filter.fill('');
    await palette('View: Toggle Panel Visibility'); // the panel is open: this hides it
  });

  screen('the walkthrough', 'walkthrough.png', async () => {
    await palette('Welcome: Open Walkthrough...', 'Shipshape');
    const walkthrough = page.locator('.gettingStartedContainer');
    await until(async () => /Shipshape/.test(await walkthrough.innerText()), 15_000, 'the Shipshape walkthrough did not open');
    await sleep(500); // its step media loads after the list
    await shot('walkthrough.png');
  });
});
