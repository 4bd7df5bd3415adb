/**
 * Helm template authoring through `shipshape lsp --stdio`, as an editor sees it: hover of a values
 * path, definition of an include, completion after `.Values.`, references and rename of a values key,
 * and problems on the template's own lines as the user types (syntax, undefined values, a schema
 * error in the rendered output put back on the template line that wrote it).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { built, TestClient, type PublishedDiagnostic } from './lsp-client';

const skip = built ? false : 'dist/cli.js is missing: run `npm run build` first';

const DEPLOYMENT = [
  'apiVersion: apps/v1', //                                   0
  'kind: Deployment', //                                      1
  'metadata:', //                                             2
  '  name: {{ include "app.fullname" . }}', //                3
  '  labels:', //                                             4
  '    {{- include "app.labels" . | nindent 4 }}', //         5
  'spec:', //                                                 6
  '  replicas: {{ .Values.replicaCount }}', //                7
  '  selector:', //                                           8
  '    matchLabels: {app: web}', //                           9
  '  template:', //                                          10
  '    metadata:', //                                        11
  '      labels: {app: web}', //                             12
  '    spec:', //                                            13
  '      containers:', //                                    14
  '        - name: web', //                                  15
  '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"', // 16
  '          {{- with .Values.resources }}', //              17
  '          resources: {{- toYaml . | nindent 12 }}', //    18
  '          {{- end }}', //                                 19
  '',
].join('\n');

const HELPERS = [
  '{{- define "app.fullname" -}}', // 0
  '{{ .Release.Name }}-{{ .Chart.Name }}', // 1
  '{{- end }}', // 2
  '{{- define "app.labels" -}}', // 3
  'app.kubernetes.io/name: {{ .Chart.Name }}', // 4
  '{{- end }}', // 5
  '',
].join('\n');

const VALUES = ['replicaCount: 2', 'image:', '  repository: nginx', '  tag: "1.27"', 'resources: {}', ''].join('\n');

function chart(): string {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-helm-'));
  const files: Record<string, string> = {
    'app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\n',
    'app/values.yaml': VALUES,
    'app/templates/_helpers.tpl': HELPERS,
    'app/templates/deployment.yaml': DEPLOYMENT,
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

const clients: TestClient[] = [];
after(async () => {
  for (const c of clients) await c.stop();
});

async function start(): Promise<{ client: TestClient; template: string; values: string; helpers: string }> {
  const root = chart();
  const client = new TestClient(root);
  clients.push(client);
  await client.initialize();
  const template = client.uri('app/templates/deployment.yaml');
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: template, languageId: 'helm', version: 1, text: DEPLOYMENT } });
  await client.waitFor(() => client.diagnostics.has(client.uri('app/values.yaml')) || client.diagnostics.has(template) || undefined, 'the first publish', 20_000).catch(() => undefined);
  return { client, template, values: client.uri('app/values.yaml'), helpers: client.uri('app/templates/_helpers.tpl') };
}

const at = (line: number, character: number) => ({ line, character });

test('hover, definition, completion, references and rename answer for values paths and includes', { skip }, async () => {
  const { client, template, values, helpers } = await start();
  const request = <T>(method: string, params: object) => client.connection.sendRequest(method, params) as Promise<T>;

  const hover = await request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: template }, position: at(16, DEPLOYMENT.split('\n')[16].indexOf('tag }}') + 1) });
  assert.match(hover?.contents.value ?? '', /\.Values\.image\.tag/);
  assert.match(hover?.contents.value ?? '', /tag: "1\.27"/, 'the hover shows the value from values.yaml');

  const definition = await request<{ uri: string; range: { start: { line: number; character: number } } }[]>('textDocument/definition', { textDocument: { uri: template }, position: at(3, 22) });
  assert.deepStrictEqual(definition.map((d) => [d.uri, d.range.start.line]), [[helpers, 0]], 'include lands on its define');
  const toValues = await request<{ uri: string; range: { start: { line: number } } }[]>('textDocument/definition', { textDocument: { uri: template }, position: at(16, DEPLOYMENT.split('\n')[16].indexOf('tag }}') + 1) });
  assert.deepStrictEqual(toValues.map((d) => [d.uri, d.range.start.line]), [[values, 3]], '.Values.image.tag lands on its key');

  // The user types `.Values.` on a new line: the top-level keys are offered.
  const typed = DEPLOYMENT.replace('  replicas: {{ .Values.replicaCount }}', '  replicas: {{ .Values. }}');
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: template, version: 2 }, contentChanges: [{ text: typed }] });
  const completion = await request<{ label: string; detail?: string }[]>('textDocument/completion', { textDocument: { uri: template }, position: at(7, 23), context: { triggerKind: 2, triggerCharacter: '.' } });
  assert.deepStrictEqual(completion.map((c) => c.label).sort(), ['image', 'replicaCount', 'resources']);
  const nested = DEPLOYMENT.replace('{{ .Values.image.tag }}', '{{ .Values.image. }}');
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: template, version: 3 }, contentChanges: [{ text: nested }] });
  const inner = await request<{ label: string; detail?: string }[]>('textDocument/completion', { textDocument: { uri: template }, position: at(16, nested.split('\n')[16].indexOf('image. ') + 6), context: { triggerKind: 2, triggerCharacter: '.' } });
  assert.deepStrictEqual(inner.map((c) => [c.label, c.detail]).sort(), [['repository', 'nginx'], ['tag', '"1.27"']]);
  const includes = await request<{ label: string }[]>('textDocument/completion', { textDocument: { uri: template }, position: at(3, DEPLOYMENT.split('\n')[3].indexOf('"') + 1) });
  assert.deepStrictEqual(includes.map((c) => c.label).sort(), ['app.fullname', 'app.labels']);
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: template, version: 4 }, contentChanges: [{ text: DEPLOYMENT }] });

  // References of `image.tag` from its key in values.yaml, and rename across both files.
  const refs = await request<{ uri: string; range: { start: { line: number; character: number } } }[]>('textDocument/references', { textDocument: { uri: values }, position: at(3, 3), context: { includeDeclaration: false } });
  assert.deepStrictEqual(refs.map((r) => [r.uri, r.range.start.line, r.range.start.character]), [[template, 16, DEPLOYMENT.split('\n')[16].indexOf('tag }}')]]);
  const rename = await request<{ changes: Record<string, { range: { start: { line: number } }; newText: string }[]> }>('textDocument/rename', { textDocument: { uri: template }, position: at(16, DEPLOYMENT.split('\n')[16].indexOf('repository') + 1), newName: 'image_repo' });
  assert.deepStrictEqual(Object.keys(rename.changes).sort(), [template, values].sort());
  assert.deepStrictEqual(rename.changes[values].map((e) => [e.range.start.line, e.newText]), [[2, 'image_repo']]);
  const defineRename = await request<{ changes: Record<string, { newText: string }[]> }>('textDocument/rename', { textDocument: { uri: helpers }, position: at(0, 14), newName: 'app.name' });
  assert.equal(defineRename.changes[helpers].length, 1);
  assert.equal(defineRename.changes[template].length, 1);
});

test('semantic tokens tell values keys (defined or not), functions, defines and keywords apart', { skip }, async () => {
  const { client, template } = await start();
  const init = (await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: template } })) as { data: number[] };
  const legend = { types: ['property', 'variable', 'function', 'namespace', 'keyword'], modifiers: ['readonly', 'defaultLibrary', 'declaration'] };
  const tokens: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < init.data.length; i += 5) {
    const [dl, dc, length, type, mods] = init.data.slice(i, i + 5);
    line += dl;
    character = dl === 0 ? character + dc : dc;
    const text = DEPLOYMENT.split('\n')[line].slice(character, character + length);
    tokens.push(`${text}:${legend.types[type]}${legend.modifiers.filter((_, b) => mods & (1 << b)).map((m) => '.' + m).join('')}`);
  }
  const hints = (await client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: template }, range: { start: at(0, 0), end: at(30, 0) } })) as { position: { line: number }; label: string }[];
  assert.deepStrictEqual(hints.map((h) => [h.position.line, h.label]), [[7, '= 2'], [16, '= nginx'], [16, '= "1.27"']]);
  for (const expected of ['include:function.defaultLibrary', 'app.fullname:function', 'image:property.readonly', 'tag:property.readonly', 'with:keyword', 'toYaml:function.defaultLibrary', 'end:keyword']) assert.ok(tokens.includes(expected), `${expected} in ${tokens.join(' ')}`);
});

test('problems land on the template line as the user types', { skip }, async () => {
  const { client, template } = await start();
  const edit = async (version: number, text: string) => client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: template, version }, contentChanges: [{ text }] });
  const waitFor = (what: string, probe: (ds: PublishedDiagnostic[]) => PublishedDiagnostic | undefined) => client.waitFor(() => probe(client.diagnostics.get(template) ?? []), what);

  await edit(2, DEPLOYMENT.replace('{{ .Values.replicaCount }}', '{{ .Values.replicaCount'));
  const syntax = await waitFor('a syntax error', (ds) => ds.find((d) => d.code === 'helm-template-syntax'));
  assert.equal(syntax.range.start.line, 7, syntax.message);

  await edit(3, DEPLOYMENT.replace('.Values.image.tag', '.Values.imge.tag'));
  const undefinedValue = await waitFor('an undefined values path', (ds) => ds.find((d) => d.code === 'helm-values-undefined'));
  assert.deepStrictEqual([undefinedValue.range.start.line, undefinedValue.range.start.character], [16, DEPLOYMENT.split('\n')[16].indexOf('image.tag')]);
  assert.match(undefinedValue.message, /imge/);
  assert.match(undefinedValue.message, /image/, 'did you mean');
  assert.ok(!client.diagnostics.get(template)!.some((d) => d.code === 'helm-template-syntax'), 'the fixed action is no longer an error');

  // An unknown field in the rendered Deployment is reported on the template line that wrote it.
  await edit(4, DEPLOYMENT.replace('  replicas: {{ .Values.replicaCount }}', '  replicaz: {{ .Values.replicaCount }}'));
  const schema = await waitFor('a schema error from the rendered output', (ds) => ds.find((d) => d.code === 'k8s-schema'));
  assert.equal(schema.range.start.line, 7);
  assert.match(schema.message, /replicaz/);
});

test('values files chosen for the chart (the render command sends them) come first in hover and in the checks', { skip }, async () => {
  const { client, template, values } = await start();
  const root = new URL(values).pathname.replace(/\/app\/values\.yaml$/, '');
  writeFileSync(join(root, 'app/values-prod.yaml'), 'image:\n  tag: "2.0"\n  pullPolicy: Always\n');
  const line = DEPLOYMENT.split('\n')[16];
  const hoverAt = async () => ((await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: template }, position: at(16, line.indexOf('tag }}') + 1) })) as { contents: { value: string } } | null)?.contents.value ?? '';
  assert.doesNotMatch(await hoverAt(), /2\.0/);
  await client.connection.sendNotification('shipshape/chartValuesFiles', { chart: join(root, 'app'), valuesFiles: [join(root, 'app/values-prod.yaml')] });
  let text = '';
  for (let i = 0; i < 50 && !/2\.0/.test(text); i++) {
    text = await hoverAt(); // notifications and requests are handled in order: this one already sees the choice
    if (!/2\.0/.test(text)) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.match(text, /tag: "2\.0"[\s\S]*values-prod\.yaml|values-prod\.yaml[\s\S]*tag: "2\.0"/, text);
  assert.match(text, /tag: "1\.27"/, 'the default is still shown, below');
  // A key only the chosen file sets is no longer undefined (a real typo beside it still is).
  const edited = DEPLOYMENT.replace('          image:', '          imagePullPolicy: {{ .Values.image.pullPolicy }}\n          workingDir: {{ .Values.image.pulPolicy }}\n          image:');
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: template, version: 2 }, contentChanges: [{ text: edited }] });
  const found = await client.waitFor(() => {
    const list = (client.diagnostics.get(template) ?? []).filter((d) => d.code === 'helm-values-undefined');
    return list.length > 0 && list;
  }, 'the typo beside it');
  assert.deepStrictEqual(found.map((d) => d.range.start.line), [17], JSON.stringify(found));
});

test('Kubernetes keys around the actions, .Chart.Name to Chart.yaml, defines in the outline', { skip }, async () => {
  const { client, template, helpers } = await start();
  const request = <T>(method: string, params: object) => client.connection.sendRequest(method, params) as Promise<T>;
  // A new line under the container: the keys of a Container, from the schemas, though the file is a template.
  const typed = DEPLOYMENT.replace('        - name: web\n', '        - name: web\n          \n');
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: template, version: 2 }, contentChanges: [{ text: typed }] });
  const keys = await request<{ label: string }[]>('textDocument/completion', { textDocument: { uri: template }, position: at(16, 10) });
  assert.ok(!keys.some((k) => k.label === 'image'), 'keys the container has already are not offered');
  for (const key of ['ports', 'env', 'livenessProbe']) assert.ok(keys.some((k) => k.label === key), `${key} in ${keys.map((k) => k.label).join(' ')}`);

  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: helpers, languageId: 'helm', version: 1, text: HELPERS } });
  const chartName = await request<{ uri: string; range: { start: { line: number } } }[]>('textDocument/definition', { textDocument: { uri: helpers }, position: at(1, HELPERS.split('\n')[1].indexOf('Chart.Name') + 7) });
  assert.deepStrictEqual(chartName.map((d) => [d.uri.endsWith('/app/Chart.yaml'), d.range.start.line]), [[true, 1]]);
  const hover = await request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: helpers }, position: at(1, HELPERS.split('\n')[1].indexOf('Chart.Name') + 7) });
  assert.match(hover?.contents.value ?? '', /`app`/);
  const symbols = await request<{ name: string; range: { start: { line: number } } }[]>('textDocument/documentSymbol', { textDocument: { uri: helpers } });
  assert.deepStrictEqual(symbols.map((s) => [s.name, s.range.start.line]), [['app.fullname', 0], ['app.labels', 3]]);
  const fn = await request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: template }, position: at(19, typed.split('\n')[19].indexOf('toYaml') + 2) });
  assert.match(fn?.contents.value ?? '', /toYaml/);
});
