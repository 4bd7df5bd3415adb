/**
 * Build time (`npm run schemas`): compiles the generated schema set into ajv standalone code, so the
 * first validation after start loads a module instead of compiling (1.5 s of ajv code generation
 * for a corpus, ~200 ms for one Deployment). Layout, beside what generate.ts writes:
 *
 *   kubernetes/v<minor>/compiled/index.json   {source: hash of definitions.json, modules: definition → file}
 *   kubernetes/v<minor>/compiled/<group>.js   one module per apiVersion (its kinds share PodSpec & co.)
 *   compose/compiled/index.json, compose.js   the Compose schema
 *
 * `*List` kinds are left to run-time compilation: they are rare in files and would double the size.
 * Descriptions are dropped from the compiled copy (verbose errors embed the schema objects; no finding
 * reads a description). The store checks the hash and falls back to run-time compilation when the
 * compiled set does not belong to the schemas beside it, so a stale build cannot change findings.
 *
 * Not imported by anything that is bundled: it needs `ajv/dist/standalone` and, optionally, a minifier.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import standaloneCode from 'ajv/dist/standalone';
import { createComposeAjv, createKubernetesAjv } from '../ajv';
import { DEFINITIONS_ID, type KubernetesIndexFile } from '../generate';
import type { JsonSchema } from '../openapi';
import { COMPILED_DIR, COMPOSE_EXPORT, sourceHash, type CompiledIndex } from './load';

export interface PrecompileOptions {
  /** Shrinks each generated module (e.g. esbuild's transformSync with minify); identity when absent. */
  minify?: (code: string) => string;
  /** Only these Kubernetes versions ("1.34"); default every version in the folder. */
  versions?: string[];
}

export interface PrecompileReport {
  version: string;
  modules: number;
  definitions: number;
  bytes: number;
}

/** Compiles every schema of `schemaDir` (the output of generate.ts). Returns one row per set. */
export function precompileSchemas(schemaDir: string, options: PrecompileOptions = {}): PrecompileReport[] {
  const reports: PrecompileReport[] = [];
  const k8sDir = join(schemaDir, 'kubernetes');
  const versions = existsSync(k8sDir) ? readdirSync(k8sDir).filter((name) => existsSync(join(k8sDir, name, 'definitions.json'))) : [];
  for (const name of versions.sort()) {
    if (options.versions && !options.versions.includes(name.replace(/^v/, ''))) continue;
    reports.push(precompileKubernetes(join(k8sDir, name), options));
  }
  if (existsSync(join(schemaDir, 'compose', 'compose-spec.json'))) reports.push(precompileCompose(join(schemaDir, 'compose'), options));
  return reports;
}

function precompileKubernetes(dir: string, options: PrecompileOptions): PrecompileReport {
  const text = readFileSync(join(dir, 'definitions.json'), 'utf8');
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as KubernetesIndexFile;
  const { definitions } = JSON.parse(text) as { definitions: Record<string, JsonSchema> };
  const ajv = createKubernetesAjv({ source: true });
  ajv.addSchema({ $id: DEFINITIONS_ID, definitions: mapValues(definitions, withoutDescriptions) });
  const groups = new Map<string, Set<string>>();
  for (const entry of index.kinds) {
    if (entry.kind.endsWith('List')) continue;
    const group = groups.get(entry.apiVersion) ?? new Set<string>();
    group.add(entry.definition);
    groups.set(entry.apiVersion, group);
  }
  const out = resetDir(join(dir, COMPILED_DIR));
  const modules: Record<string, string> = {};
  let bytes = 0;
  for (const [apiVersion, names] of groups) {
    const file = `${apiVersion.replace(/[^A-Za-z0-9.-]+/g, '_')}.js`;
    const refs = Object.fromEntries([...names].map((name) => [name, `${DEFINITIONS_ID}#/definitions/${name}`]));
    const code = (options.minify ?? identity)(standaloneCode(ajv, refs));
    writeFileSync(join(out, file), code);
    bytes += code.length;
    for (const name of names) modules[name] = file;
  }
  writeIndex(out, { source: sourceHash(text), modules });
  return { version: index.version, modules: groups.size, definitions: Object.keys(modules).length, bytes };
}

function precompileCompose(dir: string, options: PrecompileOptions): PrecompileReport {
  const text = readFileSync(join(dir, 'compose-spec.json'), 'utf8');
  // As store.ts compiles it: the dialect is ours to pick, not the file's `$schema`.
  const { $schema: _dialect, ...schema } = JSON.parse(text) as JsonSchema;
  const ajv = createComposeAjv({ source: true });
  const validate = ajv.compile(withoutDescriptions(schema));
  const out = resetDir(join(dir, COMPILED_DIR));
  const code = (options.minify ?? identity)(standaloneCode(ajv, validate));
  writeFileSync(join(out, 'compose.js'), code);
  writeIndex(out, { source: sourceHash(text), modules: { [COMPOSE_EXPORT]: 'compose.js' } });
  return { version: 'compose', modules: 1, definitions: 1, bytes: code.length };
}

function writeIndex(dir: string, index: CompiledIndex): void {
  // Written last: a build interrupted before this point leaves no index, so nothing half-done is used.
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
}

function resetDir(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

const identity = (code: string) => code;
const mapValues = <T, U>(record: Record<string, T>, fn: (value: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));

const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_ONE = ['items', 'additionalProperties', 'not', 'additionalItems', 'contains', 'propertyNames', 'if', 'then', 'else', 'unevaluatedProperties', 'unevaluatedItems'];

/** A copy without `description`s of schema nodes (a *property* named description stays). */
export function withoutDescriptions(node: JsonSchema): JsonSchema {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description') continue;
    if (SCHEMA_MAPS.includes(key) && value && typeof value === 'object' && !Array.isArray(value)) out[key] = mapValues(value as Record<string, JsonSchema>, withoutDescriptions);
    else if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) out[key] = value.map((v) => withoutDescriptions(v as JsonSchema));
    else if (SCHEMA_ONE.includes(key) && value && typeof value === 'object') out[key] = Array.isArray(value) ? value.map((v) => withoutDescriptions(v as JsonSchema)) : withoutDescriptions(value as JsonSchema);
    else out[key] = value;
  }
  return out;
}
