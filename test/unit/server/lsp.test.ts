/**
 * The language server against the CLI on one workspace: for every file it publishes exactly the
 * findings `shipshape check` reports (rule id as `code`, same lines), `.shipshape.yaml` honoured by
 * both; then it follows unsaved edits, answers hover, completion, quick fixes, outline and definition.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { built, CLI, TestClient } from './lsp-client';

const skip = built ? false : 'dist/cli.js is missing: run `npm run build` first';

function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-lsp-'));
  const files: Record<string, string> = {
    'Dockerfile': 'FROM node:latest\nRUN apt-get update && apt-get install -y curl\nFROM node:20 AS build\nCOPY --from=0 /a /b\nCMD node server.js\n',
    'k8s/app.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      contianers:\n        - name: web\n          image: nginx:1.27\n',
    'k8s/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector:\n    app: api\n  ports:\n    - port: 80\n',
    'compose.yaml': 'services:\n  web:\n    image: nginx:latest\n    depends_on: [db]\n  db:\n    image: postgres:16\n',
    'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
    'chart/values.yaml': 'replicas: "two"\n',
    'chart/templates/deploy.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicas }}\n  selector:\n    matchLabels: {app: c}\n  template:\n    metadata:\n      labels: {app: c}\n    spec:\n      containers:\n        - name: c\n          image: nginx\n',
    '.shipshape.yaml': 'rules:\n  exec-form-cmd: off\n',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

interface Finding {
  file: string;
  rule: string;
  line: number;
  column: number;
}

const clients: TestClient[] = [];
after(async () => {
  for (const c of clients) await c.stop();
});

test('for every file the server publishes exactly what `shipshape check` reports, with .shipshape.yaml honoured', { skip }, async () => {
  const root = workspace();
  let out: string;
  try {
    out = execFileSync(process.execPath, [CLI, 'check', '.', '--format', 'json'], { cwd: root, encoding: 'utf8' });
  } catch (error) {
    out = (error as { stdout: string }).stdout;
  }
  const expected = (JSON.parse(out) as Finding[]).map((f) => `${resolve(root, f.file)}:${f.line}:${f.column} ${f.rule}`).sort();
  assert.ok(expected.some((e) => e.endsWith('k8s-schema')), 'the fixture has a schema error');
  assert.ok(!expected.some((e) => e.endsWith('exec-form-cmd')), '.shipshape.yaml turns exec-form-cmd off');
  assert.ok(expected.some((e) => e.includes('templates/deploy.yaml')), 'the chart template has a finding');

  const client = new TestClient(root);
  clients.push(client);
  const init = (await client.initialize()) as { capabilities: Record<string, unknown> };
  for (const capability of ['hoverProvider', 'completionProvider', 'codeActionProvider', 'documentSymbolProvider', 'definitionProvider']) {
    assert.ok(init.capabilities[capability], `initialize advertises ${capability}`);
  }
  await client.connection.sendRequest('shipshape/checkWorkspace');
  const published = () =>
    [...client.diagnostics]
      .flatMap(([uri, list]) => list.map((d) => `${new URL(uri).pathname}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`))
      .sort();
  await client.waitFor(() => published().length >= expected.length, 'all findings');
  assert.deepStrictEqual(published(), expected.map((e) => e.replace(root, new URL(pathToFileURL(root).href).pathname)));
  for (const list of client.diagnostics.values()) for (const d of list) assert.equal(d.source, 'shipshape');
});

test('unsaved edits are checked as typed; hover, completion, quick fixes, outline and definition answer', { skip }, async () => {
  const root = workspace();
  const client = new TestClient(root);
  clients.push(client);
  await client.initialize();
  const uri = client.uri('k8s/app.yaml');
  const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n';
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await client.waitFor(() => client.diagnostics.has(uri) && !client.diagnostics.get(uri)!.some((d) => d.code === 'k8s-schema'), 'the fixed buffer to have no schema error');
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 5, character: 2 }, end: { line: 5, character: 10 } }, text: 'replicaz' }],
  });
  const list = await client.waitFor(() => {
    const found = client.diagnostics.get(uri)?.filter((d) => d.code === 'k8s-schema' && d.range.start.line === 5);
    return found?.length ? found : undefined;
  }, 'a schema error on the typed key');
  assert.equal(list[0].range.start.character, 2);

  const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 12, character: 8 } })) as { contents: { value: string } } | null;
  assert.match(hover?.contents.value ?? '', /container/i);
  const completion = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 5 } })) as { label: string }[];
  assert.ok(Array.isArray(completion));

  const dockerfile = client.uri('Dockerfile');
  const dockerText = 'FROM node:20 AS build\nRUN make\nFROM alpine:3.20\nCOPY --from=build /out /app\nCMD ["/app"]\n';
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: dockerfile, languageId: 'dockerfile', version: 1, text: dockerText } });
  const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: dockerfile } })) as { name: string }[];
  assert.deepStrictEqual(symbols.map((s) => s.name), ['build', 'alpine:3.20']); // an unnamed stage by its base image
  const definition = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: dockerfile }, position: { line: 3, character: 14 } })) as { uri: string; range: { start: { line: number } } }[];
  assert.deepStrictEqual(definition.map((d) => d.range.start.line), [0]);

  const svc = client.uri('k8s/svc.yaml');
  const svcText = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n';
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: svc, languageId: 'yaml', version: 1, text: svcText } });
  const toWorkload = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: svc }, position: { line: 6, character: 6 } })) as { uri: string; range: { start: { line: number } } }[];
  assert.deepStrictEqual(toWorkload.map((d) => [new URL(d.uri).pathname.endsWith('k8s/app.yaml'), d.range.start.line]), [[true, 3]]); // the Deployment's name line, where the tree reveals it too

  // A quick fix travels with its diagnostic; the ignore action is offered in YAML too.
  const docker2 = 'FROM node:20\nCMD node server.js\n';
  const d2 = client.uri('sub/Dockerfile');
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: d2, languageId: 'dockerfile', version: 1, text: docker2 } });
  const found = await client.waitFor(() => client.diagnostics.get(d2)?.find((d) => d.code === 'no-latest-tag' || d.code === 'exec-form-cmd' || d.code !== undefined), 'findings on the new Dockerfile');
  const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: d2 }, range: found.range, context: { diagnostics: [found] } })) as { title: string }[];
  assert.ok(actions.some((a) => a.title.startsWith('Ignore ')), JSON.stringify(actions.map((a) => a.title)));
  const yamlFinding = client.diagnostics.get(uri)!.find((d) => d.code === 'k8s-schema')!;
  const yamlActions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: yamlFinding.range, context: { diagnostics: [yamlFinding] } })) as { title: string }[];
  assert.ok(yamlActions.some((a) => a.title === 'Ignore k8s-schema here'), JSON.stringify(yamlActions.map((a) => a.title)));
});

test('messages reach the editor as plain text: code spans become quotes', () => {
  const { plainMessage } = require('../../../src/server/convert') as typeof import('../../../src/server/convert');
  assert.equal(plainMessage('`node:latest` uses the `latest` tag'), '‘node:latest’ uses the ‘latest’ tag');
  assert.equal(plainMessage('no code here'), 'no code here');
});

test('a chart whose templates were written before its Chart.yaml lists them once Chart.yaml appears', async () => {
  const { Project } = await import('../../../src/core/project');
  const root = workspace();
  const project = new Project({ roots: [root] });
  project.scan();
  mkdirSync(join(root, 'mini', 'templates'), { recursive: true });
  writeFileSync(join(root, 'mini', 'templates', 'NOTES.txt'), 'Thanks.\n');
  project.changedOnDisk(join(root, 'mini', 'templates', 'NOTES.txt')); // not a chart's file yet
  writeFileSync(join(root, 'mini', 'Chart.yaml'), 'apiVersion: v2\nname: mini\nversion: 0.1.0\n');
  project.changedOnDisk(join(root, 'mini', 'Chart.yaml'));
  const chart = project.currentInventory().charts().find((c) => c.name === 'mini');
  assert.deepStrictEqual(chart?.templates.map((t) => t.split('/').pop()), ['NOTES.txt']);
});

test('deleting a chart file other than Chart.yaml keeps the chart checked; deleting Chart.yaml drops it', async () => {
  const { Project } = await import('../../../src/core/project');
  const { rmSync } = await import('node:fs');
  const root = workspace();
  const project = new Project({ roots: [root] });
  project.scan();
  const template = join(root, 'chart', 'templates', 'deploy.yaml');
  assert.ok(project.check(template).length > 0, 'the template has findings through its chart');
  rmSync(join(root, 'chart', 'values.yaml'));
  project.deletedOnDisk(join(root, 'chart', 'values.yaml'));
  assert.ok(project.check(template).length > 0, 'the chart is still rendered and checked');
  rmSync(join(root, 'chart', 'Chart.yaml'));
  project.deletedOnDisk(join(root, 'chart', 'Chart.yaml'));
  assert.deepStrictEqual(project.check(template), []);
});

test('the log gets a start-up summary: version, what was found, config files, Kubernetes version', { skip }, async () => {
  const root = workspace();
  const client = new TestClient(root);
  clients.push(client);
  const logged: string[] = [];
  client.connection.onNotification('window/logMessage', (p: { message: string }) => logged.push(p.message));
  await client.initialize();
  let summary: string | undefined;
  for (let i = 0; i < 100 && !summary; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    summary = logged.find((m) => m.startsWith('Shipshape '));
  }
  assert.ok(summary, JSON.stringify(logged));
  assert.match(summary, /1 Dockerfile, 2 Kubernetes manifests, 1 Compose file, 1 Helm chart, 1 chart template\n/);
  assert.match(summary, /config files: .*\.shipshape\.yaml/);
  assert.match(summary, /Kubernetes schemas: 1\.34/);
});

test('a hover on a finding says why its rule exists and links its doc, shipped beside the server (offline)', { skip }, async () => {
  const root = workspace();
  const client = new TestClient(root);
  clients.push(client);
  await client.initialize();
  const uri = client.uri('Dockerfile');
  const text = 'FROM node:latest\nCMD ["node", "a.js"]\n';
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
  const latest = await client.waitFor(() => client.diagnostics.get(uri)?.find((d) => d.code === 'no-latest-tag'), 'the latest-tag finding');
  const doc = (latest as { codeDescription?: { href: string } }).codeDescription?.href ?? '';
  assert.match(doc, /^file:\/\/.*\/docs\/rules\/no-latest-tag\.md$/, 'the doc is the shipped file');
  const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: latest.range.start })) as { contents: { value: string } } | null;
  assert.match(hover?.contents.value ?? '', /\*\*no-latest-tag\*\*: .{20,}\[Rule doc\]\(file:\/\//);
});

test('a folder created with files in it, announced by one event for the folder, brings its files in', { skip }, async () => {
  const root = workspace();
  const client = new TestClient(root);
  clients.push(client);
  await client.initialize();
  await client.connection.sendRequest('shipshape/checkWorkspace');
  mkdirSync(join(root, 'extra'));
  writeFileSync(join(root, 'extra', 'compose.yaml'), 'services:\n  web:\n    image: nginx:latest\n');
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(root, 'extra')).href, type: 1 }] });
  const uri = pathToFileURL(join(root, 'extra', 'compose.yaml')).href;
  const found = await client.waitFor(() => client.diagnostics.get(uri)?.find((d) => d.code === 'compose-image-latest'), 'the new compose file checked');
  assert.ok(found);
});

test('a settings change applies to every file, open buffers keep their unsaved text', { skip }, async () => {
  const root = workspace();
  const client = new TestClient(root);
  clients.push(client);
  await client.initialize();
  const dockerfile = client.uri('Dockerfile');
  const compose = client.uri('compose.yaml');
  const codes = (uri: string) => (client.diagnostics.get(uri) ?? []).map((d) => d.code);
  // An unsaved edit that adds a finding of its own (a second `:latest`).
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: dockerfile, languageId: 'dockerfile', version: 1, text: 'FROM node:latest\nFROM alpine:latest\nRUN echo hi\n' } });
  await client.waitFor(() => codes(dockerfile).filter((c) => c === 'no-latest-tag').length === 2, 'two no-latest-tag findings in the unsaved buffer');
  await client.waitFor(() => codes(compose).includes('compose-image-latest') || codes(compose).length > 0, 'the compose file is checked');
  const composeBefore = codes(compose);

  client.configuration = { rules: { 'no-latest-tag': 'off' } };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  await client.waitFor(() => !codes(dockerfile).includes('no-latest-tag') && codes(dockerfile).length > 0, 'no-latest-tag off in the open buffer, its other findings kept');
  assert.deepEqual(codes(compose), composeBefore, 'other rules of closed files unchanged');

  client.configuration = { rules: {} };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  await client.waitFor(() => codes(dockerfile).filter((c) => c === 'no-latest-tag').length === 2, 'back on, still on the unsaved text');
});

test('an untitled buffer is checked with the workspace folder\'s .shipshape.yaml, and its findings go to its own URI', { skip }, async () => {
  const root = workspace();
  writeFileSync(join(root, '.shipshape.yaml'), 'rules:\n  no-latest-tag: off\n');
  const client = new TestClient(root, tmpdir()); // the server's cwd is not the workspace
  clients.push(client);
  await client.initialize();
  const uri = 'untitled:Untitled-1';
  const text = 'FROM node:latest\nFROM node:20 AS build\nCOPY --from=0 /a /b\nCMD node server.js\n';
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
  const found = await client.waitFor(() => client.diagnostics.get(uri)?.length ? client.diagnostics.get(uri) : undefined, 'findings for the untitled buffer');
  const rules = new Set(found.map((d) => d.code));
  assert.ok(rules.has('exec-form-cmd'), `the untitled Dockerfile is linted: ${[...rules].join(', ')}`);
  assert.ok(!rules.has('no-latest-tag'), 'the workspace folder\'s .shipshape.yaml turns no-latest-tag off for it too');
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await client.waitFor(() => client.diagnostics.get(uri)?.length === 0, 'its findings cleared once closed');
});
