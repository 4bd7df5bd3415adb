/**
 * The npm package as a user gets it: `npm pack` once, installed into an empty folder outside the checkout
 * with no network (`--offline`) and no ../shared in sight, then the installed `shipshape` binary checks a
 * Dockerfile, a manifest and a compose file, renders a chart and answers an LSP `initialize`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../shared-data';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
const declaredDependencies = Object.keys(manifest.dependencies ?? {});

// npm's own variables (set when this runs under `npm test`) would leak settings into the nested npm.
const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

let temp = '';
let tarball = '';
let packed: string[] = [];
let installError = '';
let bin = '';
let project = '';

before(() => {
  temp = mkdtempSync(join(tmpdir(), 'shipshape-pack-'));
  env.SHIPSHAPE_SHARED = join(temp, 'no-shared');
  // Up to date after `npm ci` or `npm test`'s own prepare: then this only checks timestamps.
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/prepare.mjs')], { cwd: REPO_ROOT, env, stdio: 'ignore' });
  const out = execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', temp], { cwd: REPO_ROOT, env, encoding: 'utf8' });
  const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  tarball = join(temp, info.filename);
  packed = info.files.map((f) => f.path);

  const app = join(temp, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{"private": true}\n');
  const install = spawnSync(npm, ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: app, env, encoding: 'utf8' });
  if (install.status !== 0) installError = install.stderr || install.stdout;
  bin = join(app, 'node_modules/shipshape/bin/shipshape.js');

  project = join(temp, 'project');
  const files: Record<string, string> = {
    Dockerfile: 'FROM node:latest\nUSER node\nCMD ["node", "a.js"]\n',
    'deploy.yaml': [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web}',
      'spec:',
      '  replicas: "2"',
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    metadata: {labels: {app: web}}',
      '    spec: {containers: [{name: web, image: "nginx:1.27"}]}',
      '',
    ].join('\n'),
    'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    imagee: typo\n',
    'chart/Chart.yaml': 'apiVersion: v2\nname: tiny\nversion: 0.1.0\n',
    'chart/values.yaml': 'greeting: hello\n',
    'chart/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\ndata:\n  greeting: {{ .Values.greeting | quote }}\n',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(project, name, '..'), { recursive: true });
    writeFileSync(join(project, name), text);
  }
});

after(() => rmSync(temp, { recursive: true, force: true }));

function shipshape(args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: project, env, encoding: 'utf8' });
}

test('the tarball carries the bundles, the generated schemas and the rule docs, and no sources or tests', () => {
  for (const file of ['bin/shipshape.js', 'dist/cli.js', 'dist/core.js', 'schemas/generated/compose/compose-spec.json', 'schemas/generated/kubernetes/v1.34/index.json', 'docs/rules/no-latest-tag.md']) {
    assert.ok(packed.includes(file), `${file} is not in the package`);
  }
  assert.deepEqual(packed.filter((f) => /^(src|test|scripts|bench)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts')), []);
});

// The bundles are self-contained (esbuild inlines every package), so a declared dependency only makes
// npm look it up in the registry, which an offline install cannot.
test('installs offline into an empty folder: no runtime dependencies to fetch', () => {
  assert.deepEqual(declaredDependencies, [], 'dist/ bundles every package: declare them as devDependencies');
  assert.equal(installError, '');
});

test('the installed shipshape check finds Dockerfile, Kubernetes and Compose problems', () => {
  const run = shipshape(['check', 'Dockerfile', 'deploy.yaml', 'compose.yaml', '--format', 'json']);
  assert.equal(run.stderr, '');
  const findings = (JSON.parse(run.stdout) as { file: string; rule: string; line: number; column: number }[]).map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`);
  for (const expected of ['Dockerfile:1:11 no-latest-tag', 'deploy.yaml:5:13 k8s-schema']) assert.ok(findings.includes(expected), `${expected} missing from ${findings.join(', ')}`);
  assert.ok(findings.some((f) => f.startsWith('compose.yaml:4:') && f.endsWith(' compose-schema')), findings.join(', '));
  assert.equal(run.status, 1);
});

test('the installed shipshape render prints what helm template prints', () => {
  const run = shipshape(['render', 'rel', 'chart']);
  assert.equal(run.stderr, '');
  assert.equal(run.stdout, '---\n# Source: tiny/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: rel-cm\ndata:\n  greeting: "hello"\n');
  assert.equal(run.status, 0);
});

/** Sends one LSP request over stdio and resolves with the first message that answers it. */
function lspRequest(args: string[], request: object, timeoutMs = 15_000): Promise<{ response?: { id: number; result?: unknown; error?: unknown }; stderr: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: project, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let buffer = Buffer.alloc(0);
    let stderr = '';
    const done = (response?: { id: number }) => {
      clearTimeout(timer);
      child.kill();
      resolve({ response, stderr, code: child.exitCode });
    };
    const timer = setTimeout(() => done(), timeoutMs);
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', () => setTimeout(() => done(), 50));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
        if (buffer.length < headerEnd + 4 + length) return;
        const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString());
        buffer = buffer.subarray(headerEnd + 4 + length);
        if (message.id === (request as { id: number }).id) return done(message);
      }
    });
    const body = JSON.stringify(request);
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}

test('the installed shipshape lsp --stdio answers initialize', async () => {
  const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } };
  const { response, stderr } = await lspRequest(['lsp', '--stdio'], initialize);
  assert.ok(response, `no answer to initialize; stderr: ${stderr}`);
  assert.equal(response.error, undefined);
  assert.equal(typeof (response.result as { capabilities?: unknown }).capabilities, 'object');
});
