/**
 * Finds the schema that applies at a document path, following `$ref`s and composition keywords.
 * Messages ("unknown field in PodSpec; did you mean …"), hover and completion all need the schema of
 * a place in the document, not only ajv's verdict on it.
 */
import type { JsonSchema } from './openapi';

export interface SchemaContext {
  resolveRef(ref: string): JsonSchema | undefined;
}

export interface SchemaAt {
  schema: JsonSchema;
  /** Short name of the definition this schema is (`PodSpec`, `service`), when it comes from a `$ref`. */
  name?: string;
}

const MAX_REF_HOPS = 32;

export function deref(ctx: SchemaContext, at: SchemaAt): SchemaAt {
  let { schema, name } = at;
  for (let hops = 0; typeof schema.$ref === 'string' && hops < MAX_REF_HOPS; hops++) {
    const ref = schema.$ref;
    const target = ctx.resolveRef(ref);
    if (!target) break;
    name = shortName(ref);
    // Sibling keywords of $ref (description) are kept; the target's own win for validation keywords.
    const { $ref: _ref, ...siblings } = schema;
    schema = { ...siblings, ...target };
  }
  return { schema, name };
}

export function shortName(ref: string): string {
  const last = ref.split('/').pop() ?? ref;
  return last.includes('.') ? last.slice(last.lastIndexOf('.') + 1) : last;
}

/** The branches of oneOf/anyOf/allOf, dereferenced; the schema itself when it has none. */
export function alternatives(ctx: SchemaContext, at: SchemaAt): SchemaAt[] {
  const s = deref(ctx, at);
  const branches = [s.schema.oneOf, s.schema.anyOf, s.schema.allOf].flatMap((b) => (Array.isArray(b) ? (b as JsonSchema[]) : []));
  if (branches.length === 0) return [s];
  return [s, ...branches.flatMap((b) => alternatives(ctx, { schema: b, name: s.name }))];
}

/** The schema of the child `segment` of a value validated by `at`. */
export function childSchema(ctx: SchemaContext, at: SchemaAt, segment: string | number): SchemaAt | undefined {
  for (const alt of alternatives(ctx, at)) {
    const s = alt.schema;
    if (typeof segment === 'number') {
      if (s.items && typeof s.items === 'object' && !Array.isArray(s.items)) return deref(ctx, { schema: s.items as JsonSchema });
      continue;
    }
    const props = s.properties as Record<string, JsonSchema> | undefined;
    if (props && Object.prototype.hasOwnProperty.call(props, segment)) return deref(ctx, { schema: props[segment] });
    const patterns = s.patternProperties as Record<string, JsonSchema> | undefined;
    for (const [pattern, sub] of Object.entries(patterns ?? {})) {
      if (safeTest(pattern, segment)) return deref(ctx, { schema: sub });
    }
    if (s.additionalProperties && typeof s.additionalProperties === 'object') {
      return deref(ctx, { schema: s.additionalProperties as JsonSchema });
    }
  }
  return undefined;
}

export function schemaAtPath(ctx: SchemaContext, root: SchemaAt, path: readonly (string | number)[]): SchemaAt | undefined {
  let at: SchemaAt | undefined = deref(ctx, root);
  for (const segment of path) {
    if (!at) return undefined;
    at = childSchema(ctx, at, segment);
  }
  return at;
}

/** Every property name a value validated by `at` may have (for did-you-mean and completion). */
export function knownProperties(ctx: SchemaContext, at: SchemaAt): Map<string, JsonSchema> {
  const names = new Map<string, JsonSchema>();
  for (const alt of alternatives(ctx, at)) {
    for (const [k, v] of Object.entries((alt.schema.properties as Record<string, JsonSchema>) ?? {})) if (!names.has(k)) names.set(k, v);
  }
  return names;
}

/** The JSON types a schema accepts, e.g. ['integer', 'string']; empty when any type is fine. */
export function acceptedTypes(ctx: SchemaContext, at: SchemaAt): string[] {
  const types = new Set<string>();
  for (const alt of alternatives(ctx, at)) {
    const t = alt.schema.type;
    if (typeof t === 'string') types.add(t);
    else if (Array.isArray(t)) t.forEach((x) => types.add(String(x)));
  }
  return [...types];
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return false;
  }
}
