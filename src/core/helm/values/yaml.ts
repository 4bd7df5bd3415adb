/**
 * YAML text -> Go values as Helm sees them (sigs.k8s.io/yaml: YAML 1.1 -> JSON -> map[string]any):
 * every number is a float64 (`number`), `yes`/`on` are booleans, timestamps stay strings, non-string
 * keys are stringified. This is the one place the chart loader reads YAML values, so the whole
 * renderer changes together if the reading changes.
 */
import { parseAllDocuments, isMap, isSeq, isScalar, isAlias, type Node, type Document } from 'yaml';
import type { GoMap, GoValue } from '../../gotemplate/values';

export class ValuesYamlError extends Error {}

/** Protects against alias bombs: expanding more than this many aliased nodes is an error. */
const MAX_ALIAS_EXPANSIONS = 10000;

function nodeToGo(node: Node | null | undefined, doc: Document, budget: { aliases: number }): GoValue {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) {
    if (--budget.aliases < 0) throw new ValuesYamlError('yaml: document contains excessive aliasing');
    return nodeToGo(node.resolve(doc) as Node | undefined, doc, budget);
  }
  if (isMap(node)) {
    const out: GoMap = {};
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      // YAML merge keys `<<: *base` bring in the base map's entries, without overriding.
      if (isScalar(keyNode) && (typeof keyNode.value === 'symbol' || (keyNode.value === '<<' && keyNode.type === 'PLAIN'))) {
        const merged = nodeToGo(pair.value as Node, doc, budget);
        const sources = Array.isArray(merged) ? merged : [merged];
        for (const src of sources) {
          if (src && typeof src === 'object' && !Array.isArray(src)) {
            for (const [k, v] of Object.entries(src as GoMap)) if (!(k in out)) out[k] = v;
          }
        }
        continue;
      }
      const key = nodeToGo(keyNode, doc, budget);
      out[keyString(key)] = nodeToGo(pair.value as Node, doc, budget);
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((item) => nodeToGo(item as Node, doc, budget));
  if (isScalar(node)) return scalarToGo(node.value);
  return null;
}

function keyString(key: GoValue): string {
  if (key === null || key === undefined) return 'null';
  if (typeof key === 'number') return formatJsonNumber(key);
  if (typeof key === 'object') return JSON.stringify(key);
  return String(key);
}

/** encoding/json's float formatting, which is how sigs.k8s.io/yaml turns number keys into strings. */
function formatJsonNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return String(n);
}

function scalarToGo(value: unknown): GoValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return String(value);
}

/**
 * Parses every YAML document of `text` (an empty document yields `{}`); a document that is not a
 * map is an error worded like Helm's.
 */
export function parseYamlDocuments(text: string, fileName = 'values.yaml'): GoMap[] {
  const docs = parseAllDocuments(text.replace(/^\uFEFF/, ''), {
    version: '1.1',
    merge: false,
    uniqueKeys: false,
    // Timestamps stay strings in Helm (sigs.k8s.io/yaml -> JSON), so drop the 1.1 timestamp tag.
    customTags: (tags) => tags.filter((t) => t !== 'timestamp' && (typeof t !== 'object' || t.tag !== 'tag:yaml.org,2002:timestamp')),
  });
  const list = Array.isArray(docs) ? docs : [docs];
  const out: GoMap[] = [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const line = (error.linePos?.[0]?.line ?? 0) + 0;
      throw new ValuesYamlError(`error converting YAML to JSON: yaml: line ${line}: ${error.message.split('\n')[0]} (${fileName})`);
    }
    const value = nodeToGo(doc.contents as Node | null, doc, { aliases: MAX_ALIAS_EXPANSIONS });
    if (value === null) {
      out.push({});
      continue;
    }
    if (typeof value !== 'object' || Array.isArray(value) || value instanceof Uint8Array) {
      throw new ValuesYamlError(
        `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : typeof value === 'boolean' ? 'bool' : 'number'} into Go value of type map[string]interface {}`,
      );
    }
    out.push(value as GoMap);
  }
  return out.length ? out : [{}];
}

/** One YAML document (the first), as Helm 3 and Chart.yaml reading see it. */
export function parseYamlMap(text: string, fileName?: string): GoMap {
  return parseYamlDocuments(text, fileName)[0];
}
