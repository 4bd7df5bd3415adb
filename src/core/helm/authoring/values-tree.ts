/**
 * A chart's values as the author wrote them: every key of a values file with where it is, so a
 * template's `.Values.a.b` can be hovered (its value), followed (to its key), renamed and checked
 * (defined or not). Read from the YAML's own nodes, not from its JS value, because positions matter
 * and anchors/aliases must not be expanded (an alias is shown as written).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Position, Range } from '../../diagnostics';
import { aliasExpansion, isExcessive } from '../../yaml/aliases';
import { findExcessiveNesting } from '../../yaml/nesting';

/** Deeper values are not indexed: no hand-written values file nests this far, and walks stay bounded. */
const MAX_DEPTH = 64;
/** Item keys listed for a list value: more is no list of records a template ranges over. */
const MAX_ITEM_KEYS = 100;

export interface ValueKey {
  /** The key's path from the top of the values (`['image', 'tag']`). */
  path: string[];
  file: string;
  /** Where the key is written. */
  keyRange: Range;
  /** The value's text, as written (a map or list on the lines below its key). */
  valueText: string;
  /** `map`, `list`, `null` or the scalar's type. */
  type: 'map' | 'list' | 'null' | 'string' | 'number' | 'boolean' | 'alias';
  /** Just past the value's last character (where a new child or sibling line goes). */
  valueEnd: Position;
  /** Keys under a map value, by name. */
  children?: Map<string, ValueKey>;
  /** Under a list value: the keys its mapping items have (what `.` offers inside a `range` over it). */
  itemKeys?: string[];
}

export interface ValuesTree {
  file: string;
  /** Keys at the top level. */
  keys: Map<string, ValueKey>;
  /** Keys written in comments (`# host: example.com`): documented as optional, so left unset on purpose. */
  commentedKeys: Set<string>;
  /** The file is not valid YAML (its keys up to the error are still listed). */
  error?: string;
}

export function parseValuesTree(file: string, text: string): ValuesTree {
  try {
    return readTree(file, text);
  } catch (error) {
    // Input the YAML library cannot take (nesting deep enough to exhaust its stack): no keys, one reason.
    return { file, keys: new Map(), commentedKeys: new Set(), error: `values not read: ${(error as Error).message}` };
  }
}

function readTree(file: string, text: string): ValuesTree {
  const empty = (error: string): ValuesTree => ({ file, keys: new Map(), commentedKeys: new Set(), error });
  // What the YAML checks refuse (too deep, an alias bomb) has no keys worth listing: the render reports it.
  if (findExcessiveNesting(text)) return empty('values nested too deeply');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: false, uniqueKeys: false });
  if (isExcessive(aliasExpansion(doc))) return empty('values expand aliases too far');
  const at = (offset: number) => {
    const p = lines.linePos(offset);
    return { line: p.line - 1, character: p.col - 1 };
  };
  const commentedKeys = new Set<string>();
  for (const m of text.matchAll(/^[ \t]*#+[ \t]*-?[ \t]*([A-Za-z_][\w.-]*)[ \t]*:/gm)) commentedKeys.add(m[1]);
  const tree: ValuesTree = { file, keys: new Map(), commentedKeys, error: doc.errors[0]?.message.split('\n')[0] };
  const walk = (node: unknown, parent: string[], into: Map<string, ValueKey>, depth: number) => {
    if (!isMap(node) || depth > MAX_DEPTH) return;
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key) || pair.key.range === undefined || pair.key.range === null) continue;
      const name = String(pair.key.value);
      const value = pair.value as YamlNode | null;
      const [keyStart, keyEnd] = pair.key.range;
      const valueRange = value?.range;
      const key: ValueKey = {
        path: [...parent, name],
        file,
        keyRange: { start: at(keyStart), end: at(keyEnd) },
        valueText: valueRange ? text.slice(valueRange[0], valueRange[1]) : '',
        valueEnd: at(valueRange ? valueRange[1] : keyEnd),
        type: typeOf(value),
      };
      if (isMap(value)) {
        key.children = new Map();
        walk(value, key.path, key.children, depth + 1);
      } else if (isSeq(value)) {
        const names = new Set<string>();
        for (const item of value.items) if (isMap(item)) for (const p of item.items) if (isPair(p) && isScalar(p.key) && names.size < MAX_ITEM_KEYS) names.add(String(p.key.value));
        if (names.size) key.itemKeys = [...names];
      }
      into.set(name, key);
    }
  };
  walk(doc.contents, [], tree.keys, 0);
  return tree;
}

function typeOf(node: YamlNode | null): ValueKey['type'] {
  if (node === null || node === undefined) return 'null';
  if (isAlias(node)) return 'alias';
  if (isMap(node)) return 'map';
  if (isSeq(node)) return 'list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'null';
    if (typeof v === 'number' || typeof v === 'bigint') return 'number';
    if (typeof v === 'boolean') return 'boolean';
    return 'string';
  }
  return 'null';
}

/** The key at `path`, or how far the path gets: the deepest key found and the rest. */
export function lookupValue(keys: Map<string, ValueKey>, path: readonly string[]): { found?: ValueKey; deepest?: ValueKey; missingAt: number } {
  let level: Map<string, ValueKey> | undefined = keys;
  let deepest: ValueKey | undefined;
  for (let i = 0; i < path.length; i++) {
    const next: ValueKey | undefined = level?.get(path[i]);
    if (!next) return { deepest, missingAt: i };
    deepest = next;
    level = next.children;
  }
  return { found: deepest, deepest, missingAt: path.length };
}

/** Every key of a tree, depth first in file order. */
export function* allKeys(keys: Map<string, ValueKey>): Generator<ValueKey> {
  const stack: ValueKey[] = [...keys.values()].reverse();
  while (stack.length > 0) {
    const key = stack.pop()!;
    yield key;
    if (key.children) stack.push(...[...key.children.values()].reverse());
  }
}
