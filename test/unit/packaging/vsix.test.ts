/**
 * The .vsix as `npm run package:vsix` makes it (vsce, no network): it carries every bundle the extension
 * loads, the generated schemas, every rule doc (hovers open them offline), the contributed snippets, the
 * icon and walkthrough media, and no sources, tests or source maps.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../shared-data';

/** Entry names from a zip's central directory (the .vsix is a plain zip). */
export function zipEntries(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'not a zip: no end-of-central-directory record');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(offset), 0x02014b50, 'corrupt central directory');
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
let temp = '';
let entries = new Set<string>();

before(() => {
  temp = mkdtempSync(join(tmpdir(), 'shipshape-vsix-'));
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/prepare.mjs')], { cwd: REPO_ROOT, stdio: 'ignore' });
  const vsix = join(temp, 'shipshape.vsix');
  execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '-o', vsix], { cwd: REPO_ROOT, stdio: 'pipe' });
  entries = new Set(zipEntries(readFileSync(vsix)));
});

after(() => rmSync(temp, { recursive: true, force: true }));

const has = (path: string) => assert.ok(entries.has(`extension/${path}`), `${path} is not in the .vsix`);

test('carries the extension bundle and every bundle it loads beside itself', () => {
  has(manifest.main.replace(/^\.\//, ''));
  // Bundles are loaded by file name next to dist/extension.js (the Helm worker, the language server).
  const text = readFileSync(join(REPO_ROOT, 'dist/extension.js'), 'utf8');
  const siblings = new Set([...text.matchAll(/["'`]([\w.-]+\.js)["'`]/g)].map((m) => m[1]).filter((name) => existsSync(join(REPO_ROOT, 'dist', name))));
  assert.ok(siblings.has('helm-render-worker.js'));
  for (const name of siblings) has(`dist/${name}`);
});

test('carries the generated schemas for every Kubernetes version offered, and Compose', () => {
  for (const version of manifest.contributes.configuration.properties['shipshape.kubernetesVersion'].enum as string[]) {
    has(`schemas/generated/kubernetes/v${version}/index.json`);
    has(`schemas/generated/kubernetes/v${version}/definitions.json`);
  }
  has('schemas/generated/compose/compose-spec.json');
});

test('carries every rule doc, for help offline', () => {
  const docs = readdirSync(join(REPO_ROOT, 'docs/rules')).filter((f) => f.endsWith('.md'));
  assert.ok(docs.length > 50);
  for (const doc of docs) has(`docs/rules/${doc}`);
});

test('carries the contributed snippets, the icon, the walkthrough media and the changelog', () => {
  for (const { path } of manifest.contributes.snippets as { path: string }[]) has(path.replace(/^\.\//, ''));
  has(manifest.icon);
  for (const walkthrough of manifest.contributes.walkthroughs ?? []) {
    for (const step of walkthrough.steps) {
      for (const media of [step.media.markdown, step.media.image, step.media.svg].filter(Boolean)) has(media);
    }
  }
  has('changelog.md'); // vsce stores README.md and CHANGELOG.md under lower-case names
});

test('carries no sources, tests, source maps or dependencies', () => {
  const unwanted = [...entries].filter((e) => /^extension\/(src|test|scripts|bench|node_modules)\//.test(e) || /\.(map|ts)$/.test(e));
  assert.deepEqual(unwanted, []);
});
