/**
 * Reads the generated schema folder and hands out validators, lazily and cached. A validator comes
 * from the code compiled at build time (compiled/, see compiled/precompile.ts: loading a module costs
 * a few milliseconds) when that code belongs to the schemas beside it, else ajv compiles it here the
 * first time a document of that kind is validated (100-200 ms per kind), never before, so opening a
 * file with one Deployment does not pay for the other 180 kinds.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { createComposeAjv, createKubernetesAjv, type AjvInstance } from './ajv';
import { COMPILED_DIR, COMPOSE_EXPORT, loadCompiledModule, sourceHash, type CompiledIndex } from './compiled/load';
import { DEFINITIONS_ID, type KubernetesIndexFile } from './generate';
import { normalizeKubernetesVersion, type JsonSchema, type KindEntry } from './openapi';

export class SchemaSetupError extends Error {}

/** Where the generated schemas are: beside `dist/` when packaged, `schemas/generated` in the repository. */
export function defaultSchemaDir(): string {
  const candidates = [resolve(__dirname, '../schemas/generated'), resolve(__dirname, '../../../schemas/generated')];
  // When none exists yet, name the folder this layout expects: beside dist/ in a bundle, the repo's from src/.
  return candidates.find((dir) => existsSync(join(dir, 'kubernetes'))) ?? (basename(__dirname) === 'dist' ? candidates[0] : candidates[1]);
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
    const dir = join(this.dir, 'compose');
    const path = join(dir, 'compose-spec.json');
    if (!existsSync(path)) throw this.missing();
    const text = readText(path);
    const root = parseJson(text, path) as JsonSchema;
    let validator = compiledValidators(dir, text)?.(COMPOSE_EXPORT);
    if (!validator) {
      const ajv = createComposeAjv();
      // The draft-07 spec-repo copy declares an https $schema ajv does not know; we pick the dialect ourselves.
      const { $schema: _dialect, ...schema } = root;
      try {
        validator = ajv.compile(schema);
      } catch (error) {
        throw new SchemaSetupError(`The Compose schema ${path} does not compile: ${(error as Error).message}`);
      }
    }
    this.composeSchema = { root, validator, resolveRef: (ref) => resolvePointer(root, ref) };
    return this.composeSchema;
  }

  private loadKubernetes(version: string): KubernetesSchemas {
    const dir = join(this.dir, 'kubernetes', `v${version}`);
    const index = readJson(join(dir, 'index.json')) as KubernetesIndexFile;
    const byKey = new Map(index.kinds.map((k) => [`${k.apiVersion}|${k.kind}`, k]));
    // Read on first need: precompiled validators do not need the definitions, only messages and hover do.
    let text: string | undefined;
    let definitions: Record<string, JsonSchema> | undefined;
    let compiled: ((name: string) => ValidateFunction | undefined) | undefined | null;
    const definitionsPath = join(dir, 'definitions.json');
    const definitionsText = () => (text ??= readText(definitionsPath));
    const allDefinitions = () =>
      (definitions ??= (parseJson(definitionsText(), definitionsPath) as { definitions: Record<string, JsonSchema> }).definitions);
    let ajv: AjvInstance | undefined;
    const validators = new Map<string, ValidateFunction>();
    return {
      version,
      get definitions() {
        return allDefinitions();
      },
      kinds: index.kinds,
      kind: (apiVersion, kind) => byKey.get(`${apiVersion}|${kind}`),
      resolveRef: (ref) => allDefinitions()[ref.replace(/^.*#\/definitions\//, '')],
      validator: (entry) => {
        let validate = validators.get(entry.definition);
        if (validate) return validate;
        // The index knows the definitions' hash (a set generated before it did: hash the file itself).
        if (compiled === undefined) compiled = compiledValidators(dir, index.definitionsHash !== undefined ? { hash: index.definitionsHash } : definitionsText()) ?? null;
        validate = compiled?.(entry.definition);
        if (!validate) {
          if (!ajv) {
            ajv = createKubernetesAjv();
            ajv.addSchema({ $id: DEFINITIONS_ID, definitions: allDefinitions() }); // added, not compiled: compile is per kind
          }
          validate = ajv.getSchema(`${DEFINITIONS_ID}#/definitions/${entry.definition}`);
          if (!validate) throw new SchemaSetupError(`No definition ${entry.definition} in ${dir}`);
        }
        validators.set(entry.definition, validate);
        return validate;
      },
    };
  }

  private missing(): SchemaSetupError {
    return new SchemaSetupError(
      `No generated schemas in ${this.dir}. Run \`npm run schemas\` in ${dirname(dirname(this.dir))} (or reinstall the package or extension) to create them.`,
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

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new SchemaSetupError(`Cannot read schema file ${path}: ${(error as Error).message}`);
  }
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SchemaSetupError(`Cannot read schema file ${path}: ${(error as Error).message}`);
  }
}

const readJson = (path: string): unknown => parseJson(readText(path), path);

/**
 * The validators compiled at build time for the schema file whose text (or its `sourceHash`) is `source`, by export
 * name (a module is loaded when one of its exports is first asked for), or undefined when `dir` has
 * none or they were compiled from other schemas. A module that fails to load yields undefined for its
 * exports: the caller compiles those at run time instead.
 */
export function compiledValidators(dir: string, source: string | { hash: string }): ((name: string) => ValidateFunction | undefined) | undefined {
  const compiledDir = join(dir, COMPILED_DIR);
  const indexPath = join(compiledDir, 'index.json');
  if (!existsSync(indexPath)) return undefined;
  let index: CompiledIndex;
  try {
    index = JSON.parse(readFileSync(indexPath, 'utf8')) as CompiledIndex;
  } catch {
    return undefined;
  }
  if (!index || index.source !== (typeof source === 'string' ? sourceHash(source) : source.hash) || !index.modules) return undefined;
  const modules = new Map<string, Record<string, ValidateFunction> | null>();
  return (name) => {
    const file = Object.prototype.hasOwnProperty.call(index.modules, name) ? index.modules[name] : undefined;
    if (!file) return undefined;
    let exports = modules.get(file);
    if (exports === undefined) {
      try {
        exports = loadCompiledModule(join(compiledDir, file));
      } catch {
        exports = null;
      }
      modules.set(file, exports);
    }
    const validate = exports?.[name];
    return typeof validate === 'function' ? validate : undefined;
  };
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
