/**
 * Reads the generated schema folder and hands out compiled validators, lazily and cached: a
 * Kubernetes kind is compiled the first time a document of that kind is validated (100-200 ms), never
 * before, so opening a file with one Deployment does not pay for the other 180 kinds.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { createComposeAjv, createKubernetesAjv, type AjvInstance } from './ajv';
import { DEFINITIONS_ID, type KubernetesIndexFile } from './generate';
import { normalizeKubernetesVersion, type JsonSchema, type KindEntry } from './openapi';

export class SchemaSetupError extends Error {}

/** Where the generated schemas are: beside `dist/` when packaged, `schemas/generated` in the repository. */
export function defaultSchemaDir(): string {
  const candidates = [resolve(__dirname, '../schemas/generated'), resolve(__dirname, '../../../schemas/generated')];
  return candidates.find((dir) => existsSync(join(dir, 'kubernetes'))) ?? candidates[candidates.length - 1];
}

export interface KubernetesSchemas {
  version: string;
  definitions: Record<string, JsonSchema>;
  kind(apiVersion: string, kind: string): KindEntry | undefined;
  /** Every kind, for completion of `kind:` and `apiVersion:`. */
  kinds: KindEntry[];
  validator(entry: KindEntry): ValidateFunction;
  /** Resolves `#/definitions/<name>`. */
  resolveRef(ref: string): JsonSchema | undefined;
}

export interface ComposeSchema {
  root: JsonSchema;
  validator: ValidateFunction;
  resolveRef(ref: string): JsonSchema | undefined;
}

export class SchemaStore {
  private readonly kubernetesSets = new Map<string, KubernetesSchemas>();
  private composeSchema?: ComposeSchema;

  constructor(readonly dir: string) {}

  kubernetesVersions(): string[] {
    const dir = join(this.dir, 'kubernetes');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .map((name) => normalizeKubernetesVersion(name))
      .filter((v): v is string => !!v && existsSync(join(dir, `v${v}`, 'index.json')))
      .sort(compareVersions);
  }

  /** The schemas of `version` ("1.34", "v1.33.2"), or of the newest shipped version when not given. */
  kubernetes(version?: string): KubernetesSchemas {
    const available = this.kubernetesVersions();
    if (available.length === 0) throw this.missing();
    const wanted = version === undefined ? available[available.length - 1] : normalizeKubernetesVersion(version);
    if (!wanted || !available.includes(wanted)) {
      throw new SchemaSetupError(
        `Kubernetes version "${version}" is not available; choose one of ${available.join(', ')}.`,
      );
    }
    let set = this.kubernetesSets.get(wanted);
    if (!set) {
      set = this.loadKubernetes(wanted);
      this.kubernetesSets.set(wanted, set);
    }
    return set;
  }

  compose(): ComposeSchema {
    if (this.composeSchema) return this.composeSchema;
    const path = join(this.dir, 'compose', 'compose-spec.json');
    if (!existsSync(path)) throw this.missing();
    const root = readJson(path) as JsonSchema;
    const ajv = createComposeAjv();
    // The draft-07 spec-repo copy declares an https $schema ajv does not know; we pick the dialect ourselves.
    const { $schema: _dialect, ...schema } = root;
    let validator: ValidateFunction;
    try {
      validator = ajv.compile(schema);
    } catch (error) {
      throw new SchemaSetupError(`The Compose schema ${path} does not compile: ${(error as Error).message}`);
    }
    this.composeSchema = { root, validator, resolveRef: (ref) => resolvePointer(root, ref) };
    return this.composeSchema;
  }

  private loadKubernetes(version: string): KubernetesSchemas {
    const dir = join(this.dir, 'kubernetes', `v${version}`);
    const index = readJson(join(dir, 'index.json')) as KubernetesIndexFile;
    const file = readJson(join(dir, 'definitions.json')) as { definitions: Record<string, JsonSchema> };
    const definitions = file.definitions;
    const byKey = new Map(index.kinds.map((k) => [`${k.apiVersion}|${k.kind}`, k]));
    let ajv: AjvInstance | undefined;
    const validators = new Map<string, ValidateFunction>();
    return {
      version,
      definitions,
      kinds: index.kinds,
      kind: (apiVersion, kind) => byKey.get(`${apiVersion}|${kind}`),
      resolveRef: (ref) => definitions[ref.replace(/^.*#\/definitions\//, '')],
      validator: (entry) => {
        let validate = validators.get(entry.definition);
        if (!validate) {
          if (!ajv) {
            ajv = createKubernetesAjv();
            ajv.addSchema({ $id: DEFINITIONS_ID, definitions }); // added, not compiled: compile is per kind
          }
          validate = ajv.getSchema(`${DEFINITIONS_ID}#/definitions/${entry.definition}`);
          if (!validate) throw new SchemaSetupError(`No definition ${entry.definition} in ${dir}`);
          validators.set(entry.definition, validate);
        }
        return validate;
      },
    };
  }

  private missing(): SchemaSetupError {
    return new SchemaSetupError(
      `No generated schemas in ${this.dir}. Run \`npm run schemas\` (or reinstall the extension) to create them.`,
    );
  }
}

const stores = new Map<string, SchemaStore>();

/** One store per folder, shared by all callers: compiled validators are the expensive part. */
export function schemaStore(schemaDir?: string): SchemaStore {
  const dir = resolve(schemaDir ?? defaultSchemaDir());
  let store = stores.get(dir);
  if (!store) {
    store = new SchemaStore(dir);
    stores.set(dir, store);
  }
  return store;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SchemaSetupError(`Cannot read schema file ${path}: ${(error as Error).message}`);
  }
}

/** Resolves a local JSON pointer `#/a/b` against `root`. */
export function resolvePointer(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node && typeof node === 'object' ? (node as JsonSchema) : undefined;
}

function compareVersions(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am - bm || an - bn;
}
