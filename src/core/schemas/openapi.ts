/**
 * Kubernetes OpenAPI v2 (swagger.json) → the JSON Schema definitions we ship.
 *
 * Same semantics as yannh's `openapi2jsonschema --kubernetes --strict`, with the known false
 * positives fixed at the source rather than patched around at validation time:
 *  - IntOrString is `type: [integer, string]`, not a `oneOf` that `null` matches twice;
 *  - Quantity is `type: [string, number]` plus the API server's grammar, so `cpu: 1000ms` fails;
 *  - nulls are not added to every type: the validator drops null fields first, as the API server does;
 *  - string enums the spec states only in prose become `enum`s, and required fields the API server
 *    defaults are not required (description-facts.ts).
 * Definitions keep `$ref`s (one shared file per version, compiled lazily per kind) instead of
 * inlining them: four times cheaper to compile, and recursive types such as CRDs' JSONSchemaProps work.
 */

import { enumFromDescription, isDefaultedByServer } from './description-facts';

export type JsonSchema = { [keyword: string]: unknown };

export interface KindEntry {
  apiVersion: string;
  kind: string;
  /** Key in `definitions`. */
  definition: string;
}

export interface KubernetesSchemaSet {
  /** e.g. "1.34" */
  version: string;
  kinds: KindEntry[];
  definitions: Record<string, JsonSchema>;
}

const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

/**
 * resource.Quantity's grammar (k8s.io/apimachinery/pkg/api/resource/quantity.go): a signed decimal
 * number, then a binary-SI, decimal-SI or exponent suffix. Linear: no nested quantifiers.
 */
export const QUANTITY_PATTERN = '^[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?$';

/** Keywords the validator or hover uses; every other x-kubernetes-* is editor noise and is dropped. */
const KEPT_EXTENSIONS = new Set([
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-int-or-string',
  'x-kubernetes-embedded-resource',
]);
const COPIED = new Set([
  'description',
  'type',
  'format',
  'required',
  'enum',
  'pattern',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
]);

export interface ConvertOptions {
  /** Reject unknown fields (`additionalProperties: false` on every object with properties). Default true. */
  strict?: boolean;
}

export function convertSwagger(swagger: unknown, version: string, options: ConvertOptions = {}): KubernetesSchemaSet {
  const strict = options.strict ?? true;
  const source = (swagger as { definitions?: Record<string, JsonSchema> } | null)?.definitions;
  if (!source || typeof source !== 'object') throw new Error('not an OpenAPI v2 document: no "definitions"');
  const definitions: Record<string, JsonSchema> = {};
  const kinds: KindEntry[] = [];
  for (const [name, def] of Object.entries(source)) {
    definitions[name] = convertDefinition(name, def, strict);
    const gvks = def['x-kubernetes-group-version-kind'];
    // Types shared by many kinds (DeleteOptions, WatchEvent) list several GVKs: they are not kinds.
    if (Array.isArray(gvks) && gvks.length === 1) {
      const { group, version: v, kind } = gvks[0] as { group: string; version: string; kind: string };
      const apiVersion = group ? `${group}/${v}` : v;
      kinds.push({ apiVersion, kind, definition: name });
      pinIdentity(definitions[name], apiVersion, kind);
    }
  }
  kinds.sort((a, b) => a.apiVersion.localeCompare(b.apiVersion) || a.kind.localeCompare(b.kind));
  return { version, kinds, definitions };
}

/**
 * Kubernetes definitions nest a few levels (they use $ref for the rest); a swagger file nested deeper
 * than this is not one, and recursing into it would overflow the stack.
 */
export const MAX_SCHEMA_DEPTH = 200;

function convertDefinition(name: string, def: JsonSchema, strict: boolean): JsonSchema {
  const description = def.description;
  if (name === INT_OR_STRING) return { description, type: ['integer', 'string'], 'x-kubernetes-int-or-string': true };
  if (name === QUANTITY) return { description, type: ['string', 'number'], pattern: QUANTITY_PATTERN, format: 'quantity' };
  return convertNode(def, strict, name, 0);
}

function convertNode(node: JsonSchema, strict: boolean, definition: string, depth: number): JsonSchema {
  if (depth > MAX_SCHEMA_DEPTH) throw new Error(`definition ${definition} nests more than ${MAX_SCHEMA_DEPTH} levels of properties/items: not an OpenAPI definition we can convert`);
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (COPIED.has(key) || KEPT_EXTENSIONS.has(key)) out[key] = value;
    else if (key === '$ref' && typeof value === 'string') out.$ref = value;
    else if (key === 'properties' && value && typeof value === 'object') {
      const props: Record<string, JsonSchema> = {};
      const required = Array.isArray(node.required) ? (node.required as string[]) : [];
      for (const [p, sub] of Object.entries(value as Record<string, JsonSchema>)) {
        props[p] = convertNode(sub, strict, definition, depth + 1);
        const values = props[p].type === 'string' && !props[p].enum ? enumFromDescription(sub.description) : undefined;
        // An empty string is what the API server defaults (or reads as "not set") for optional fields.
        if (values) props[p].enum = required.includes(p) ? values : [...values, ''];
      }
      out.properties = props;
    } else if ((key === 'items' || key === 'additionalProperties') && value && typeof value === 'object') {
      out[key] = convertNode(value as JsonSchema, strict, definition, depth + 1);
    } else if (key === 'additionalProperties' && typeof value === 'boolean') out[key] = value;
  }
  if (Array.isArray(out.required) && out.properties) {
    const properties = node.properties as Record<string, JsonSchema>;
    const required = (out.required as string[]).filter((p) => !isDefaultedByServer(properties?.[p]?.description));
    if (required.length > 0) out.required = required;
    else delete out.required;
  }
  if (out.format === 'int-or-string') {
    delete out.format;
    out.type = ['integer', 'string'];
  }
  if (strict && out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  return out;
}

function pinIdentity(def: JsonSchema, apiVersion: string, kind: string): void {
  const props = def.properties as Record<string, JsonSchema> | undefined;
  if (props?.apiVersion) props.apiVersion = { ...props.apiVersion, enum: [apiVersion] };
  if (props?.kind) props.kind = { ...props.kind, enum: [kind] };
}

/** "1.34", "v1.34.2", "1.34.0" → "1.34". Undefined when it is not a Kubernetes version. */
export function normalizeKubernetesVersion(version: string): string | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(version.trim());
  return m ? `${Number(m[1])}.${Number(m[2])}` : undefined;
}
