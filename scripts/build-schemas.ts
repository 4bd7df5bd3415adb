/**
 * `npm run schemas [-- options]`: generates the schemas the extension ships into schemas/generated/.
 *
 *   --swagger PATH[=VERSION]  an OpenAPI v2 swagger.json (repeatable); the version is read from the path
 *                             (…/v1.34.0/…) unless given. Default: ../shared/schemas/kubernetes/v1.3{1..4}*.
 *   --tag v1.34.0             download swagger.json of that Kubernetes release tag instead (repeatable).
 *   --compose PATH            the Compose schema. Default: ../shared/schemas/compose/compose-go/compose-spec.json
 *                             (the copy docker compose embeds and enforces).
 *   --out DIR                 default: schemas/generated
 *   --no-precompile           skip compiling the validators to standalone code (then they compile at run time)
 *
 * After generating, every schema set is compiled to ajv standalone code (src/core/schemas/compiled/),
 * minified with esbuild, so the first validation after start loads code instead of compiling it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { transformSync } from 'esbuild';
import { generateComposeSchema, generateKubernetesSchemas } from '../src/core/schemas/generate';
import { precompileSchemas } from '../src/core/schemas/compiled/precompile';

const ROOT = resolve(__dirname, '..');
const SHARED = process.env.SHIPSHAPE_SHARED ?? resolve(ROOT, '../shared');

function parseArgs(argv: string[]) {
  const args = { swagger: [] as string[], tags: [] as string[], compose: '', out: join(ROOT, 'schemas/generated'), precompile: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-precompile') {
      args.precompile = false;
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined && argv[i].startsWith('--')) throw new Error(`${argv[i]} needs a value`);
    if (argv[i] === '--swagger') args.swagger.push(argv[++i]);
    else if (argv[i] === '--tag') args.tags.push(argv[++i]);
    else if (argv[i] === '--compose') args.compose = argv[++i];
    else if (argv[i] === '--out') args.out = resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

function defaultSwaggers(): string[] {
  const dir = join(SHARED, 'schemas/kubernetes');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^v1\.3[1-4]/.test(name))
    .map((name) => join(dir, name, 'openapi-v2/swagger.json'))
    .filter(existsSync);
}

function versionFromPath(path: string): string {
  const m = /v?(\d+\.\d+)(?:\.\d+)?[\\/]/.exec(path);
  if (!m) throw new Error(`cannot tell the Kubernetes version of ${path}; write --swagger ${path}=1.34`);
  return m[1];
}

async function download(tag: string): Promise<string> {
  if (!/^v\d+\.\d+\.\d+$/.test(tag)) throw new Error(`--tag expects a release tag such as v1.34.0, got "${tag}"`);
  const url = `https://raw.githubusercontent.com/kubernetes/kubernetes/${tag}/api/openapi-spec/swagger.json`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const jobs: { version: string; source: string; text: () => Promise<string> | string }[] = [];
  for (const tag of args.tags) jobs.push({ version: tag, source: `kubernetes/kubernetes@${tag}`, text: () => download(tag) });
  const swaggers = args.swagger.length || args.tags.length ? args.swagger : defaultSwaggers();
  for (const spec of swaggers) {
    const [path, given] = spec.split('=');
    jobs.push({ version: given ?? versionFromPath(path), source: path, text: () => readFileSync(path, 'utf8') });
  }
  if (jobs.length === 0) throw new Error(`no swagger.json found under ${SHARED}/schemas/kubernetes; pass --swagger or --tag`);
  const rows: string[] = [];
  for (const job of jobs) {
    const set = generateKubernetesSchemas(await job.text(), job.version, args.out, job.source);
    rows.push(`kubernetes v${set.version}: ${set.kinds.length} kinds, ${Object.keys(set.definitions).length} definitions`);
  }
  const compose = args.compose || join(SHARED, 'schemas/compose/compose-go/compose-spec.json');
  generateComposeSchema(compose, args.out);
  rows.push(`compose: ${compose}`);
  if (args.precompile) {
    const started = performance.now();
    const minify = (code: string) => transformSync(code, { minify: true, format: 'cjs', target: 'node20' }).code;
    const compiled = precompileSchemas(args.out, { minify });
    const mb = compiled.reduce((n, r) => n + r.bytes, 0) / 1e6;
    rows.push(`compiled validators: ${compiled.map((r) => `${r.version} (${r.modules} modules)`).join(', ')}; ${mb.toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(`wrote ${args.out}\n  ${rows.join('\n  ')}`);
}

main().catch((error: Error) => {
  console.error(`build-schemas: ${error.message}`);
  process.exit(1);
});
