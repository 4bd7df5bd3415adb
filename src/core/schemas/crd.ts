/**
 * Schemas for custom resources, built from CustomResourceDefinition documents (the most requested
 * feature of every validator: YLS #132, kubeconform #51/#100/#171/#224).
 *
 * `openAPIV3Schema` follows structural-schema semantics, which we turn into plain JSON Schema:
 *  - unknown fields are rejected (the API server prunes them; kubectl --validate=strict refuses them),
 *    except under `x-kubernetes-preserve-unknown-fields: true` or `additionalProperties`;
 *  - `nullable: true` allows null; `x-kubernetes-int-or-string: true` allows integer or string;
 *  - `x-kubernetes-embedded-resource` objects may carry apiVersion/kind/metadata;
 *  - a `pattern` that could backtrack catastrophically is not run (reported as unchecked instead).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { compileCustomSchema } from './ajv';
import type { JsonSchema } from './openapi';
import { parseYamlFile, type ParsedYamlFile } from '../yaml/parse';

export interface CustomResourceSchema {
  apiVersion: string;
  kind: string;
  schema: JsonSchema;
  /** Where the CRD was found, for messages. */
  origin: string;
  /** Compiled on first use; `compileError` is set instead when the CRD's schema is broken. */
  validator(): ValidateFunction | undefined;
  compileError(): string | undefined;
}

export type CrdRegistry = Map<string, CustomResourceSchema>;

export const crdKey = (apiVersion: string, kind: string): string => `${apiVersion}|${kind}`;

/**
 * Key of a plain JSON Schema file named the way kubeconform's schema locations name them
 * (`{kind}_{version}.json`, `{kind}-{group}-{version}.json`): the group is not part of the name.
 */
export const looseSchemaKey = (apiVersion: string, kind: string): string =>
  `json-schema|${kind.toLowerCase()}|${apiVersion.slice(apiVersion.lastIndexOf('/') + 1).toLowerCase()}`;

/** Finds the schema of a custom resource: its CRD, else a kubeconform-style JSON Schema file. */
export function findCustomSchema(registry: CrdRegistry, apiVersion: string, kind: string): CustomResourceSchema | undefined {
  return registry.get(crdKey(apiVersion, kind)) ?? registry.get(looseSchemaKey(apiVersion, kind));
}

const CRD_KIND = 'CustomResourceDefinition';
const MAX_CRD_FILES = 2000;
const MAX_CRD_FILE_BYTES = 8 * 1024 * 1024;

/** Adds the custom resource schemas defined by the CRD documents of `file`. */
export function addCrdsFromFile(registry: CrdRegistry, file: ParsedYamlFile, origin: string): void {
  for (const document of file.documents) {
    if (!isCrdDocument(document.apiVersion, document.kind) || !document.value || typeof document.value !== 'object') continue;
    // Parsed values are cached per document text, so an unchanged CRD keeps its compiled validators.
    let entries = entriesByValue.get(document.value);
    if (!entries) {
      entries = schemasOfCrd(document.value, origin);
      entriesByValue.set(document.value, entries);
    }
    for (const entry of entries) registry.set(crdKey(entry.apiVersion, entry.kind), entry);
  }
}

const entriesByValue = new WeakMap<object, CustomResourceSchema[]>();

export function isCrdDocument(apiVersion: string | undefined, kind: string | undefined): boolean {
  return kind === CRD_KIND && !!apiVersion?.startsWith('apiextensions.k8s.io/');
}

/** One schema per served version of a CRD (v1: spec.versions[].schema; v1beta1: spec.validation too). */
export function schemasOfCrd(crd: unknown, origin: string): CustomResourceSchema[] {
  const spec = (crd as { spec?: Record<string, unknown> } | null)?.spec;
  const group = typeof spec?.group === 'string' ? spec.group : undefined;
  const kind = (spec?.names as { kind?: unknown } | undefined)?.kind;
  if (!spec || !group || typeof kind !== 'string') return [];
  const shared = (spec.validation as { openAPIV3Schema?: JsonSchema } | undefined)?.openAPIV3Schema;
  const versions = Array.isArray(spec.versions) ? (spec.versions as Record<string, unknown>[]) : [];
  const named = versions.length > 0 ? versions : typeof spec.version === 'string' ? [{ name: spec.version }] : [];
  return named
    .filter((v) => typeof v?.name === 'string' && v.served !== false)
    .map((v) => {
      const raw = (v.schema as { openAPIV3Schema?: JsonSchema } | undefined)?.openAPIV3Schema ?? shared ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
      const apiVersion = `${group}/${String(v.name)}`;
      return makeEntry(apiVersion, kind, toJsonSchema(raw, apiVersion, kind), origin);
    });
}

function makeEntry(apiVersion: string, kind: string, schema: JsonSchema, origin: string): CustomResourceSchema {
  let compiled: ValidateFunction | undefined;
  let error: string | undefined;
  const compile = () => {
    if (compiled || error) return;
    try {
      compiled = compileCustomSchema(schema); // one shared ajv: ~1 ms per CRD instead of ~15
    } catch (e) {
      error = (e as Error).message;
    }
  };
  return {
    apiVersion,
    kind,
    schema,
    origin,
    validator: () => (compile(), compiled),
    compileError: () => (compile(), error),
  };
}

/** Structural schema → strict JSON Schema (see the file comment). */
export function toJsonSchema(raw: JsonSchema, apiVersion: string, kind: string): JsonSchema {
  const root = convert(raw, true);
  if (root.type === undefined) root.type = 'object';
  const props = { ...((root.properties as Record<string, JsonSchema>) ?? {}) };
  props.apiVersion = { ...(props.apiVersion ?? { type: 'string' }), enum: [apiVersion] };
  props.kind = { ...(props.kind ?? { type: 'string' }), enum: [kind] };
  props.metadata = props.metadata ?? { type: 'object' };
  root.properties = props;
  if (root.additionalProperties === undefined && !root['x-kubernetes-preserve-unknown-fields']) root.additionalProperties = false;
  return root;
}

const NESTED_MAPS = ['properties', 'patternProperties', 'definitions'];
const NESTED_LISTS = ['allOf', 'anyOf', 'oneOf'];
const NESTED_ONE = ['items', 'additionalProperties', 'not', 'additionalItems'];

function convert(node: unknown, isRoot = false, depth = 0): JsonSchema {
  if (!node || typeof node !== 'object' || Array.isArray(node) || depth > 200) return {};
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node as JsonSchema)) {
    if (NESTED_MAPS.includes(key) && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, convert(v, false, depth + 1)]));
    } else if (NESTED_LISTS.includes(key) && Array.isArray(value)) {
      out[key] = value.map((v) => convert(v, false, depth + 1));
    } else if (NESTED_ONE.includes(key) && value && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = convert(value, false, depth + 1);
    } else if (key === 'default' || key === 'example' || key === 'x-kubernetes-validations') {
      // Not validation keywords for a manifest: defaults are applied by the server.
    } else {
      out[key] = value;
    }
  }
  if (out['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    delete out.anyOf;
    delete out.oneOf;
    // controller-gen writes resource.Quantity as int-or-string plus the quantity pattern; a Quantity
    // also reads JSON numbers (0.5, 3.14), as built-in kinds' quantities do.
    const quantity = typeof out.pattern === 'string' && out.pattern.includes('[KMGTPE]i');
    out.type = quantity ? ['number', 'string'] : ['integer', 'string'];
  }
  relaxGoZeroValueRequirements(out);
  // ajv has its own `nullable` keyword with stricter rules; express it as a type instead.
  if (out.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  delete out.nullable;
  if (out['x-kubernetes-embedded-resource'] === true && out.properties) {
    const props = out.properties as Record<string, JsonSchema>;
    props.apiVersion ??= { type: 'string' };
    props.kind ??= { type: 'string' };
    props.metadata ??= { type: 'object' };
  }
  if (!isRoot && out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  return out;
}

/**
 * controller-gen marks every field without `omitempty` as required, including plain Go booleans. For a
 * bool, leaving it out means false to the operator that reads it (kops' own tests omit `iam.legacy`),
 * so requiring it only produces noise. Other required fields stay required.
 */
function relaxGoZeroValueRequirements(node: JsonSchema): void {
  if (!Array.isArray(node.required) || !node.properties) return;
  const props = node.properties as Record<string, JsonSchema>;
  const required = (node.required as unknown[]).filter((name) => props[String(name)]?.type !== 'boolean');
  if (required.length > 0) node.required = required;
  else delete node.required;
}

interface DirCacheEntry {
  signature: string;
  registry: CrdRegistry;
}
const dirCache = new Map<string, DirCacheEntry>();

/**
 * The CRDs in `dir` (recursively; YAML and JSON files), cached until a file in it changes. Files that
 * are not CRDs are ignored; an unreadable folder gives an empty registry plus a problem.
 */
export function loadCrdDir(dir: string): { registry: CrdRegistry; problems: string[] } {
  const problems: string[] = [];
  if (!existsSync(dir)) return { registry: new Map(), problems: [`CRD folder ${dir} does not exist.`] };
  const files = listFiles(dir, problems);
  const signature = files.map((f) => `${f.path}:${f.mtimeMs}:${f.size}`).join('|');
  const cached = dirCache.get(dir);
  if (cached && cached.signature === signature) return { registry: cached.registry, problems };
  const registry: CrdRegistry = new Map();
  for (const f of files) {
    if (f.size > MAX_CRD_FILE_BYTES) {
      problems.push(`${f.path}: skipped, larger than ${MAX_CRD_FILE_BYTES / 1024 / 1024} MB.`);
      continue;
    }
    try {
      const text = readFileSync(f.path, 'utf8');
      if (text.includes(CRD_KIND)) addCrdsFromFile(registry, parseYamlFile(text), f.path);
      else if (f.path.endsWith('.json')) addJsonSchemaFile(registry, f.path, text);
    } catch (error) {
      problems.push(`${f.path}: ${(error as Error).message}`);
    }
  }
  dirCache.set(dir, { signature, registry });
  return { registry, problems };
}

function addJsonSchemaFile(registry: CrdRegistry, path: string, text: string): void {
  const name = basename(path, '.json');
  const m = /^([a-z0-9]+)_(v[a-z0-9]+)$/i.exec(name) ?? /^([a-z0-9]+)-[a-z0-9.-]+-(v[a-z0-9]+)$/i.exec(name);
  if (!m) return;
  const schema = JSON.parse(text) as JsonSchema;
  if (!schema || typeof schema !== 'object' || !(schema.properties || schema.type)) return;
  const { $schema: _dialect, ...rest } = schema;
  registry.set(looseSchemaKey(m[2], m[1]), makeEntry(m[2], m[1], rest, path));
}

function listFiles(dir: string, problems: string[]): { path: string; mtimeMs: number; size: number }[] {
  const out: { path: string; mtimeMs: number; size: number }[] = [];
  const walk = (d: string, depth: number) => {
    if (depth > 8 || out.length >= MAX_CRD_FILES) return;
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch (error) {
      problems.push(`${d}: ${(error as Error).message}`);
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const path = join(d, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) walk(path, depth + 1);
      // Regular files only: a FIFO named x.yaml would block the read.
      else if (stat.isFile() && ['.yaml', '.yml', '.json'].includes(extname(name).toLowerCase())) out.push({ path, mtimeMs: stat.mtimeMs, size: stat.size });
    }
  };
  walk(dir, 0);
  return out;
}
