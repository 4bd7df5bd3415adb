/**
 * The language server under a burst (issue 12's stress run): 50 open manifests and a 10 MB manifest
 * open at once, then 1,000 edits across the 50 files sent without waiting. The server must stay up,
 * keep no unbounded queue (memory before and after is reported), and publish for every file the
 * findings of its last edit. Needs dist/ (`npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { built, TestClient } from '../test/unit/server/lsp-client';

const OPEN = 50;
const EDITS = 1000;

const deployment = (name: string, replicasKey: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  ${replicasKey}: 2\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n`;

const rss = (pid: number | undefined) => Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;

async function main(): Promise<void> {
  if (!built) {
    console.log('skipped: dist/cli.js is missing (run `npm run build` first).');
    return;
  }
  const root = mkdtempSync(join(tmpdir(), 'shipshape-lsp-stress-'));
  mkdirSync(join(root, 'k8s'));
  const big = Array.from({ length: 5000 }, (_, i) => deployment(`big-${i}`, 'replicas')).join('---\n') + '#'.repeat(10 * 1024 * 1024 - 5000 * 330);
  writeFileSync(join(root, 'k8s', 'big.yaml'), big);
  for (let f = 0; f < OPEN; f++) writeFileSync(join(root, 'k8s', `app-${f}.yaml`), deployment(`app-${f}`, 'replicas'));
  const client = new TestClient(root);
  await client.initialize();
  await client.connection.sendRequest('shipshape/checkWorkspace');
  const bigUri = client.uri('k8s/big.yaml');
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'yaml', version: 1, text: big } });
  const uris = Array.from({ length: OPEN }, (_, f) => client.uri(`k8s/app-${f}.yaml`));
  uris.forEach((uri, f) => void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: deployment(`app-${f}`, 'replicas') } }));
  await client.connection.sendRequest('shipshape/checkWorkspace');
  const before = rss(client.pid);

  // The burst: each file's versions alternate a schema error in and out; the last one decides.
  const versions = new Array<number>(OPEN).fill(1);
  const lastTypo = new Array<boolean>(OPEN).fill(false);
  const started = performance.now();
  for (let i = 0; i < EDITS; i++) {
    const f = (i * 7) % OPEN;
    const typo = (i + f) % 3 === 0;
    lastTypo[f] = typo;
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uris[f], version: ++versions[f] }, contentChanges: [{ text: deployment(`app-${f}`, typo ? 'replicaz' : 'replicas') }] });
  }
  const sent = performance.now() - started;
  await client.waitFor(
    () => uris.every((uri, f) => (client.diagnostics.get(uri) ?? []).some((d) => d.code === 'k8s-schema') === lastTypo[f]),
    'every file to show the findings of its last edit',
    120_000,
  );
  const settled = performance.now() - started;
  const after = rss(client.pid);
  const alive = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uris[0] }, position: { line: 5, character: 3 } })) !== undefined;
  await client.stop();
  console.log(`workspace: ${OPEN} open manifests and a ${(big.length / 1048576).toFixed(1)} MB manifest (5,000 Deployments, padded by a comment) open; ${EDITS} edits sent without waiting`);
  console.log('| measure | value |\n|---|---|');
  console.log(`| edits sent | ${sent.toFixed(0)} ms |`);
  console.log(`| every file's findings match its last edit | ${settled.toFixed(0)} ms after the first edit |`);
  console.log(`| server memory (RSS) before / after the burst | ${before.toFixed(0)} MB / ${after.toFixed(0)} MB |`);
  console.log(`| server answers afterwards (hover) | ${alive ? 'yes' : 'no'} |`);
}

void main().then(() => process.exit(0));
