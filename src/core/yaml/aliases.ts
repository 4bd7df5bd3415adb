/**
 * Aliases of a parsed YAML document: what each one refers to, and how much the document grows when
 * they are expanded.
 *
 * Why the growth and not only the alias count: `yaml`'s `maxAliasCount` stops the classic billion
 * laughs, but 999 aliases of one 200-entry mapping pass it, and every checker that walks the value then
 * walks 200,000 entries and reports each error 999 times (a 4 KB file, 40,000 findings, a minute).
 * Bounding the expanded size relative to the written size catches every shape of amplification.
 *
 * Both walks are iterative (a deep document must not overflow the stack here) and linear: each node's
 * expanded size is computed once and reused by every alias of it.
 */
import { isAlias, isCollection, isMap, isPair, isScalar, YAMLParseError, type Alias, type Document, type Node } from 'yaml';

/** Growth that no hand-written file needs: anchors for shared env lists or compose defaults stay far below. */
export const MAX_ALIAS_EXPANSION_FACTOR = 10;
/** Below this many expanded nodes, any growth is harmless. */
export const MIN_ALIAS_EXPANSION_BUDGET = 10_000;

export interface AliasExpansion {
  /** Nodes as written (an alias counts as one), long strings weighted by their length. */
  written: number;
  /** Nodes once every alias is replaced by what it refers to. */
  expanded: number;
  /** The alias that contributes most, to point a finding at. */
  largest?: Alias;
  /** An alias inside the node it refers to: the value is infinite (go-yaml: "anchor value contains itself"). */
  recursive?: Alias;
}

const targetsByDocument = new WeakMap<Document, Map<Alias, Node | undefined>>();

/** What `alias` refers to (the latest anchor of its name before it), found once per document. */
export function aliasTarget(doc: Document, alias: Alias): Node | undefined {
  let targets = targetsByDocument.get(doc);
  if (!targets) {
    targets = measure(doc).targets;
    targetsByDocument.set(doc, targets);
  }
  return targets.get(alias);
}

/** How much `doc` grows when its aliases are expanded. */
export function aliasExpansion(doc: Document): AliasExpansion {
  const { targets, ...expansion } = measure(doc);
  targetsByDocument.set(doc, targets);
  return expansion;
}

/** Whether an expansion is more than any real file needs (an alias bomb). */
export function isExcessive(e: AliasExpansion): boolean {
  return e.recursive !== undefined || e.expanded > Math.max(MIN_ALIAS_EXPANSION_BUDGET, MAX_ALIAS_EXPANSION_FACTOR * e.written);
}

/** A scalar weighs one node per 64 characters, so that 999 aliases of a 1 MB string count as growth. */
function scalarWeight(node: Node): number {
  const v = isScalar(node) ? node.value : undefined;
  return typeof v === 'string' ? 1 + (v.length >> 6) : 1;
}

function measure(doc: Document): AliasExpansion & { targets: Map<Alias, Node | undefined> } {
  const targets = new Map<Alias, Node | undefined>();
  const anchors = new Map<string, Node>();
  const size = new Map<unknown, number>();
  let written = 0;
  let largest: Alias | undefined;
  let largestSize = 0;
  let recursive: Alias | undefined;
  // Document order (keys before values, items in order), so an alias sees the anchors before it.
  const stack: { node: unknown; exit: boolean }[] = [{ node: doc.contents, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (node === null || node === undefined || typeof node !== 'object') continue;
    if (isPair(node)) {
      if (exit) {
        size.set(node, (size.get(node.key) ?? 0) + (size.get(node.value) ?? 0));
        continue;
      }
      stack.push({ node, exit: true }, { node: node.value, exit: false }, { node: node.key, exit: false });
      continue;
    }
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      targets.set(node, target);
      // An alias of an enclosing node (anchored, not measured yet) makes the value infinite.
      if (target && !size.has(target)) recursive ??= node;
      const s = (target && size.get(target)) ?? 1;
      size.set(node, s);
      written += 1;
      if (s > largestSize) {
        largestSize = s;
        largest = node;
      }
      continue;
    }
    const n = node as Node;
    if (!exit && n.anchor) anchors.set(n.anchor, n);
    if (isCollection(n)) {
      if (exit) {
        let total = 1;
        for (const item of n.items) total += size.get(item) ?? 0;
        size.set(n, total);
        continue;
      }
      written += 1;
      stack.push({ node: n, exit: true });
      for (let i = n.items.length - 1; i >= 0; i--) stack.push({ node: n.items[i], exit: false });
      continue;
    }
    const w = scalarWeight(n);
    written += w;
    size.set(n, w);
  }
  return { written, expanded: size.get(doc.contents) ?? 0, largest, recursive, targets };
}

/**
 * The parser's DUPLICATE_KEY errors, found in linear time. `yaml`'s own `uniqueKeys` check compares each
 * key with every earlier one: a 40,000-key mapping (a 560 KB file) took 35 s. Parse with
 * `uniqueKeys: false` and call this: same errors (same code, at the repeated key), same key equality
 * (scalars by value), one Set per mapping.
 */
export function markDuplicateKeys(doc: Document.Parsed): void {
  const stack: unknown[] = [doc.contents];
  const found: YAMLParseError[] = [];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.value, node.key);
      continue;
    }
    if (!isCollection(node)) continue;
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (!isScalar(key)) continue;
        if (seen.has(key.value)) {
          const at = key.range?.[0] ?? 0;
          found.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        } else seen.add(key.value);
      }
    }
    for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
  if (found.length > 0) doc.errors.push(...found);
}
