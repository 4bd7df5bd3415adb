/**
 * Typed views of untrusted YAML values. Manifests arrive half-written while the user types, so rules
 * read through these and treat a value of the wrong type as absent instead of crashing.
 */

export type YamlRecord = Record<string, unknown>;

export function asRecord(value: unknown): YamlRecord | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as YamlRecord) : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Scalars as text (ports and labels are often numbers or booleans in YAML). */
export function asScalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A string→string map such as labels or a selector; non-scalar entries are skipped. */
export function asStringMap(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [k, v] of Object.entries(asRecord(value) ?? {})) {
    const text = asScalarText(v);
    if (text !== undefined) result[k] = text;
  }
  return result;
}

/** Reads a nested field: `dig(obj, 'spec', 'template', 'spec')`. */
export function dig(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof segment === 'number') current = Array.isArray(current) ? current[segment] : undefined;
    else current = asRecord(current)?.[segment];
    if (current === undefined) return undefined;
  }
  return current;
}
