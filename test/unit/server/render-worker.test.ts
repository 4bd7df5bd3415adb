/**
 * The server renders charts in a worker thread: while a slow chart renders after an edit, a hover in
 * another file is answered at once, and the render's findings still arrive on the template's lines.
 * (Rendering in place, the hover would wait for the render: its answer would come after them.)
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { built, TestClient } from './lsp-client';

const skip = built ? false : 'dist/cli.js is missing: run `npm run build` first';
const clients: TestClient[] = [];
after(async () => {
  for (const c of clients) await c.stop();
});

/** A template that takes seconds to render: bcrypt is slow by design (~0.1–0.2 s a call). */
const slowTemplate = (data: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: slow
data: ${data}
{{- range until 12 }}{{- $_ := bcrypt "x" }}{{- end }}
`;

test('a hover is answered while a slow chart renders; the render findings follow on the template line', { skip, timeout: 120_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-render-worker-'));
  mkdirSync(join(root, 'chart/templates'), { recursive: true });
  writeFileSync(join(root, 'chart/Chart.yaml'), 'apiVersion: v2\nname: slow\nversion: 0.1.0\n');
  writeFileSync(join(root, 'chart/values.yaml'), '{}\n');
  writeFileSync(join(root, 'chart/templates/cm.yaml'), slowTemplate('{a: b}'));
  writeFileSync(join(root, 'Dockerfile'), 'FROM node:20\nCMD ["node", "a.js"]\n');
  const client = new TestClient(root);
  clients.push(client);
  await client.initialize();
  await client.connection.sendRequest('shipshape/checkWorkspace'); // the first render, settled

  const template = client.uri('chart/templates/cm.yaml');
  const dockerfile = client.uri('Dockerfile');
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: dockerfile, languageId: 'dockerfile', version: 1, text: 'FROM node:20\nCMD ["node", "a.js"]\n' } });
  // An edit whose render has a schema error (ConfigMap data must be a map) on line 5.
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: template, languageId: 'helm', version: 1, text: slowTemplate('[1, 2]') } });
  let renderedAt = 0;
  const rendered = client.waitFor(() => (client.diagnostics.get(template) ?? []).find((d) => d.code === 'k8s-schema'), 'the render finding', 100_000).then((d) => {
    renderedAt = Date.now();
    return d;
  });
  await new Promise((resolve) => setTimeout(resolve, 400)); // the render has started
  const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: dockerfile }, position: { line: 0, character: 6 } });
  const hoveredAt = Date.now();
  assert.ok(hover?.contents.value, 'the hover answers');
  const finding = await rendered;
  assert.ok(hoveredAt < renderedAt, `the hover came ${renderedAt - hoveredAt} ms before the render's finding, not after it`);
  assert.equal(finding.range.start.line, 4, 'on the template line that wrote it');
});
