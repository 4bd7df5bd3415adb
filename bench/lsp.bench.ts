/**
 * The language server where a user waits: from `didChange` of one document to its `publishDiagnostics`,
 * in a workspace of 5,000 Kubernetes documents (500 files of 10), and the server's memory for it.
 * Needs dist/ (`npm run build`). Compared in the same run with the CLI checking the same workspace.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { built, CLI, TestClient } from '../test/unit/server/lsp-client';

const FILES = 500;
const DOCS_PER_FILE = 10;
const EDITS = 30;

const doc = (f: number, d: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${f}-${d}\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: app-${f}-${d}}\n  template:\n    metadata:\n      labels: {app: app-${f}-${d}}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n`;

async function main(): Promise<void> {
  if (!built) {
    console.log('skipped: dist/cli.js is missing (run `npm run build` first).');
    return;
  }
  const root = mkdtempSync(join(tmpdir(), 'shipshape-lsp-bench-'));
  mkdirSync(join(root, 'k8s'));
  for (let f = 0; f < FILES; f++) writeFileSync(join(root, 'k8s', `app-${f}.yaml`), Array.from({ length: DOCS_PER_FILE }, (_, d) => doc(f, d)).join('---\n'));

  let started = Date.now();
  try {
    execFileSync(process.execPath, [CLI, 'check', root, '--format', 'json'], { maxBuffer: 1 << 30 });
  } catch {
    // findings make the exit code 1
  }
  const cliMs = Date.now() - started;

  const client = new TestClient(root);
  started = Date.now();
  await client.initialize();
  await client.connection.sendRequest('shipshape/checkWorkspace');
  const indexMs = Date.now() - started;
  const uri = client.uri('k8s/app-0.yaml');
  let text = readFileSync(join(root, 'k8s', 'app-0.yaml'), 'utf8');
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await client.waitFor(() => client.diagnostics.has(uri), 'the first publish');
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    // Alternate a schema error in and out of the fourth document, so every edit changes the findings.
    const typo = i % 2 === 0;
    const before = client.diagnostics.get(uri);
    const line = 3 * 16 + 5; // `  replicas: 2` of the fourth document
    text = text.split('\n').map((l, n) => (n === line ? (typo ? '  replicaz: 2' : '  replicas: 2') : l)).join('\n');
    started = performance.now();
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text }] });
    await client.waitFor(() => client.diagnostics.get(uri) !== before && client.diagnostics.get(uri)!.some((d) => d.code === 'k8s-schema') === typo, 'the edit to be published');
    times.push(performance.now() - started);
  }
  const rssKb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(client.pid)], { encoding: 'utf8' }).trim());
  await client.stop();
  times.sort((a, b) => a - b);
  const textMb = (FILES * DOCS_PER_FILE * doc(0, 0).length) / 1048576;
  console.log(`workspace: ${FILES} files, ${FILES * DOCS_PER_FILE} documents, ${textMb.toFixed(1)} MB`);
  console.log(`| measure | value |\n|---|---|`);
  console.log(`| shipshape check of the workspace (CLI, end to end) | ${cliMs} ms |`);
  console.log(`| server: initialize → every file published | ${indexMs} ms |`);
  console.log(`| server: didChange → publishDiagnostics, median of ${EDITS} | ${times[Math.floor(times.length / 2)].toFixed(1)} ms |`);
  console.log(`| server: didChange → publishDiagnostics, worst | ${times[times.length - 1].toFixed(1)} ms |`);
  console.log(`| server memory (RSS) | ${(rssKb / 1024).toFixed(0)} MB (${(rssKb / 1024 / textMb).toFixed(0)}× the text) |`);
}

void main().then(() => process.exit(0));
