/**
 * The pre-commit hooks, run by pre-commit itself (Debian's package) on a temporary git repository.
 * The hooks of .pre-commit-hooks.yaml are used as written (files, exclude, types), as a `repo: local`
 * with `language: system` pointing at this checkout's CLI: installing the repository as pre-commit's
 * node language does (npm install of every dev dependency, then npm pack) is too slow for a unit test.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { isDockerfileName } from '../../../src/core/workspace/file-kinds';
import { REPO_ROOT } from '../shared-data';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files?: string;
  exclude?: string;
  types?: string[];
}
const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = (id: string) => hooks.find((h) => h.id === id)!;
/** A pre-commit (Python) pattern as a JS RegExp: only the leading `(?i)` differs. */
const pattern = (re: string) => (re.startsWith('(?i)') ? new RegExp(re.slice(4), 'i') : new RegExp(re));

/** pre-commit from Debian's package, installed once per machine (about 7 s) where we may: in CI as root. */
function ensurePreCommit(): boolean {
  if (spawnSync('pre-commit', ['--version']).status === 0) return true;
  if (process.getuid?.() !== 0 || spawnSync('apt-get', ['--version']).status !== 0) return false;
  spawnSync('apt-get', ['install', '-y', '-qq', 'pre-commit'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return spawnSync('pre-commit', ['--version']).status === 0;
}
const havePreCommit = ensurePreCommit();
const skip = havePreCommit ? false : 'pre-commit is not installed (Debian: apt-get install pre-commit)';

test('every hook runs shipshape check through the node language', () => {
  assert.deepEqual(hooks.map((h) => h.id), ['shipshape-dockerfile', 'shipshape-yaml', 'shipshape-helm']);
  for (const h of hooks) assert.deepEqual([h.entry, h.language], ['shipshape check', 'node'], h.id);
});

test('the Dockerfile hook selects the names the CLI treats as Dockerfiles', () => {
  const { files, exclude } = hook('shipshape-dockerfile');
  const names = ['Dockerfile', 'app/Dockerfile', 'Dockerfile.prod', 'dockerfile', 'api.Dockerfile', 'Containerfile', 'build/x.containerfile', 'Dockerfile.dockerignore', 'Dockerfiles/README.md', 'notDockerfile', 'docker-compose.yml', 'Dockerfile/'];
  for (const name of names) {
    const selected = pattern(files!).test(name) && !pattern(exclude!).test(name);
    const expected = isDockerfileName(name) && !name.endsWith('.dockerignore') && !name.endsWith('/');
    assert.equal(selected, expected, name);
  }
});

let repo = '';
before(() => {
  if (!havePreCommit) return;
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/prepare.mjs')], { cwd: REPO_ROOT, stdio: 'ignore' });
  repo = mkdtempSync(join(tmpdir(), 'shipshape-pre-commit-'));
  const files: Record<string, string> = {
    Dockerfile: 'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=biuld /a /a\n',
    'api/Dockerfile.prod': 'FROM node:22-slim\nUSER node\nCMD ["node", "a.js"]\n',
    'k8s/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: "2"\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: "nginx:1.27"}]}\n',
    'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    imagee: typo\n',
    '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n',
    'chart/Chart.yaml': 'apiVersion: v2\nname: tiny\nversion: 0.1.0\n',
    'chart/values.yaml': 'greeting: hello\n',
    'chart/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: {{ .Values.missing.x }}\n',
  };
  const local = hooks.map((h) => ({ ...h, language: 'system', entry: h.entry.replace(/^shipshape /, `node ${join(REPO_ROOT, 'bin/shipshape.js')} `) }));
  files['.pre-commit-config.yaml'] = stringify({ repos: [{ repo: 'local', hooks: local }] });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(repo, name, '..'), { recursive: true });
    writeFileSync(join(repo, name), text);
  }
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, stdio: 'pipe' });
  git('init', '-q');
  git('add', '.');
});

after(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

function preCommit(id: string, files: string[]) {
  const env = { ...process.env, PRE_COMMIT_HOME: join(repo, '.cache'), SKIP: '' };
  const run = spawnSync('pre-commit', ['run', id, '--color', 'never', '--files', ...files], { cwd: repo, env, encoding: 'utf8' });
  return { code: run.status, out: run.stdout + run.stderr };
}

// [hook, files passed, pre-commit's verdict, a rule id its output must show]
const cases: [string, string[], 'Passed' | 'Failed' | 'Skipped', string?][] = [
  ['shipshape-dockerfile', ['Dockerfile', 'api/Dockerfile.prod'], 'Failed', 'copy-from-unknown-stage'],
  ['shipshape-dockerfile', ['api/Dockerfile.prod'], 'Passed'],
  ['shipshape-dockerfile', ['compose.yaml'], 'Skipped'],
  ['shipshape-yaml', ['k8s/deploy.yaml'], 'Failed', 'k8s-schema'],
  ['shipshape-yaml', ['compose.yaml'], 'Failed', 'compose-schema'],
  ['shipshape-yaml', ['.github/workflows/ci.yml'], 'Passed'],
  ['shipshape-yaml', ['chart/templates/cm.yaml', 'chart/Chart.yaml'], 'Skipped'],
  ['shipshape-helm', ['chart/Chart.yaml'], 'Failed', 'helm-render'],
];

for (const [id, files, verdict, rule] of cases) {
  test(`pre-commit ${id} on ${files.join(' ')}: ${verdict}`, { skip }, () => {
    const { code, out } = preCommit(id, files);
    assert.match(out, new RegExp(`\\.{3,}(\\(no files to check\\))?${verdict}$`, 'm'), out);
    assert.equal(code, verdict === 'Failed' ? 1 : 0, out);
    if (rule) assert.match(out, new RegExp(`\\[${rule}[\\] ]`), out); // `[rule]` or `[rule (DL3022)]`
  });
}

// pre-commit passes only the changed files: a changed template must still render its chart.
test('pre-commit shipshape-helm on a changed template alone renders its chart', { skip }, () => {
  const { code, out } = preCommit('shipshape-helm', ['chart/templates/cm.yaml']);
  assert.equal(code, 1, out);
  assert.match(out, /\[helm-render\]/, out);
});
