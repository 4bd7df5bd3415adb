/**
 * `.Values`: Helm's chartutil.Values, a map[string]interface{} with methods (YAML, Table, AsMap,
 * PathValue). Like `.Files` it is a map whose prototype carries the methods, so `{{ .Values.YAML }}`
 * calls the method (shadowing a key of that name, as in Go) while everything else sees a plain map.
 * Only the top level (and what Table returns) has the methods; nested maps are ordinary.
 */
import type { GoMap, GoParamType, GoValue } from '../../gotemplate/values';
import { marshalYaml, setKey } from '../goyaml';

export class HelmValues {
  /** A shallow copy of `values` with the methods; nested maps are shared, as Go shares them. */
  constructor(values: GoMap) {
    for (const [key, value] of Object.entries(values)) setKey(this as unknown as GoMap, key, value);
  }

  /** The values as YAML, sigs.k8s.io/yaml.Marshal's text (not trimmed, unlike toYaml). */
  YAML(): string {
    return marshalYaml(this as unknown as GoMap);
  }

  /** The table at a dotted path; fails with `"x" is not a table` as chartutil does. */
  Table(name: GoValue): HelmValues {
    let table: GoMap = this as unknown as GoMap;
    for (const part of String(name).split('.')) {
      const next = Object.prototype.hasOwnProperty.call(table, part) ? table[part] : undefined;
      if (!isMap(next)) throw new Error(`${JSON.stringify(part)} is not a table`);
      table = next;
    }
    return table instanceof HelmValues ? table : new HelmValues(table);
  }

  /** The underlying map (an empty map for empty values). */
  AsMap(): GoMap {
    return this as unknown as GoMap;
  }

  /** The non-table value at a dotted path; fails with `"key" is not a value` otherwise. */
  PathValue(path: GoValue): GoValue {
    const text = String(path);
    if (text === '') throw new Error('YAML path cannot be empty');
    const parts = text.split('.');
    const key = parts.pop()!;
    let table: GoMap;
    try {
      table = parts.length === 0 ? (this as unknown as GoMap) : this.Table(parts.join('.')).AsMap();
    } catch {
      throw new Error(`${JSON.stringify(key)} is not a value`);
    }
    const value = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
    if (value === undefined || isMap(value)) throw new Error(`${JSON.stringify(key)} is not a value`);
    return value;
  }
}

function isMap(value: GoValue): value is GoMap {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array) &&
    (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null || value instanceof HelmValues)
  );
}

for (const name of ['Table', 'PathValue'] as const) {
  Object.assign(HelmValues.prototype[name], { goParams: ['string'] satisfies GoParamType[] });
}

/** `.Values` for a chart's template context. */
export function valuesObject(values: GoMap): GoValue {
  return new HelmValues(values) as unknown as GoMap;
}
