/**
 * The language server as an editor sees it: what it publishes, its hover and inlay hints on a chart
 * whose secret-named values a template renders where the schema quotes them, a manifest with a
 * Secret and an env var named like one. No marker reaches the client; values not named like
 * secrets still do.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { built, TestClient } from '../server/lsp-client';

const skip = built ? false : 'dist/cli.js is missing: run `npm run build` first';

const TEMPLATE = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicas: {{ .Values.db.password }}',
  '  selector:',
  '    matchLabels: {app: web}',
  '  template:',
  '    metadata:',
  '      labels: {app: web}',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27',
  '          resources:',
  '            limits:',
  '              memory: {{ .Values.db.size }}',
  '',
].join('\n');

const files: Record<string, string> = {
  'app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\n',
  'app/values.yaml': 'db:\n  password: MkLspPwA\n  size: MkShownSizeB\n',
  'app/templates/deploy.yaml': TEMPLATE,
  'k8s/pod.yaml':
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      env:\n        - name: API_TOKEN\n          value: 918273001\n        - name: PORT\n          value: 918273002\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: MkLspDataC!\n',
};
const secrets = ['MkLspPwA', '918273001', 'MkLspDataC'];

const clients: TestClient[] = [];
after(async () => {
  for (const c of clients) await c.stop();
});

/** A server on a fresh copy of `files`. */
async function started(): Promise<{ root: string; client: TestClient }> {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-secrets-lsp-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  const client = new TestClient(root);
  clients.push(client);
  await client.initialize();
  return { root, client };
}

test('the language server publishes, hovers and hints no secret', { skip }, async () => {
  const { client } = await started();
  const template = client.uri('app/templates/deploy.yaml');
  const pod = client.uri('k8s/pod.yaml');
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: template, languageId: 'helm', version: 1, text: TEMPLATE } });
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: pod, languageId: 'yaml', version: 1, text: files['k8s/pod.yaml'] } });
  // Both schema findings of the rendered template are back on its lines, and the pod's.
  const published = await client.waitFor(() => {
    const onTemplate = client.diagnostics.get(template) ?? [];
    const onPod = client.diagnostics.get(pod) ?? [];
    // A fix's edits keep the real text (applying one writes into the file the value is in); what the user reads may not.
    const readable = JSON.stringify([...client.diagnostics], (key, value: unknown) => (key === 'edits' ? undefined : value));
    return onTemplate.filter((d) => d.code === 'k8s-schema').length >= 2 && onPod.some((d) => d.code === 'k8s-schema') ? readable : undefined;
  }, 'the rendered template and the pod checked');
  for (const secret of secrets) assert.ok(!published.includes(secret), `published ${secret}: ${published}`);
  assert.ok(published.includes('MkShownSizeB') && published.includes('918273002'), `values not named like secrets are still quoted: ${published}`);

  const request = <T>(method: string, params: object) => client.connection.sendRequest(method, params) as Promise<T>;
  const lines = TEMPLATE.split('\n');
  const hover = await request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: template }, position: { line: 5, character: lines[5].indexOf('password') + 2 } });
  assert.match(hover?.contents.value ?? '', /values\.yaml/, 'the hover says where the value is set');
  assert.ok(!(hover?.contents.value ?? '').includes('MkLspPwA'), hover?.contents.value);
  const hints = await request<{ label: string }[]>('textDocument/inlayHint', { textDocument: { uri: template }, range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } } });
  const labels = JSON.stringify(hints);
  assert.ok(labels.includes('MkShownSizeB'), labels);
  assert.ok(!labels.includes('MkLspPwA'), labels);
});

test("what a helm binary printed is shown with the chart's secrets hidden (shipshape/hideSecrets), other values kept", { skip }, async () => {
  const { root, client } = await started();
  const stderr = 'template: app/templates/deploy.yaml:6:14: executing "app/templates/deploy.yaml" at <.Values.db.password>: wrong type: "MkLspPwA" is not "MkShownSizeB"';
  const { text } = (await client.connection.sendRequest('shipshape/hideSecrets', { chart: join(root, 'app'), text: stderr })) as { text: string };
  assert.ok(!text.includes('MkLspPwA'), text);
  assert.ok(text.includes('MkShownSizeB') && text.includes('deploy.yaml:6:14'), text);
});
