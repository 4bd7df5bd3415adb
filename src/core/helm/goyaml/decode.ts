/**
 * YAML text -> Go values as Helm sees them (sigs.k8s.io/yaml.Unmarshal into map[string]interface{}):
 * go-yaml v2 types each plain scalar by YAML 1.1 rules (resolve.ts), the tree is re-encoded as JSON
 * (non-string keys stringified) and decoded by encoding/json, so every number ends as float64 and
 * timestamps stay strings. The `yaml` package does the syntax; all typing is ours.
 */
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, Scalar, visit, type Alias, type Document, type Node } from 'yaml';
import { formatFloat } from '../../gotemplate/strconv';
import type { GoMap, GoValue } from '../../gotemplate/values';
import { findExcessiveNesting, MAX_YAML_NESTING } from '../../yaml/nesting';
import { decline, readFastDocuments, type ScalarReader } from './fast-decode';
import { resolvePlain } from './resolve';
import { goYamlSyntaxMessage } from './syntax-errors';

/** A Go-compatible decoding error; `message` follows the texts Helm shows (wrapped like sigs.k8s.io/yaml). */
export class GoYamlError extends Error {}

const MAX_DEPTH = 10_000;

/** go-yaml's view of a scalar before the JSON step: ints are kept apart from floats for key printing. */
type YamlKey = string | bigint | number | boolean | null;

interface DecodeState {
  doc: Document.Parsed;
  /** Each alias's target (the latest anchor of that name before it), computed on the first alias. */
  aliasTargets?: Map<Alias, Node | undefined>;
  decodeCount: number;
  /** Nodes decoded inside alias expansions. */
  aliasCount: number;
  activeAliases: Set<Node>;
}

/**
 * go-yaml v2's "billion laughs" guard: once more than 100 aliases and 1000 nodes were decoded, the share
 * of alias-expanded nodes may not exceed a ratio that falls from 0.99 to 0.10 as the document grows.
 */
function allowedAliasRatio(decodeCount: number): number {
  const low = 400_000;
  const high = 4_000_000;
  if (decodeCount <= low) return 0.99;
  if (decodeCount >= high) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - low) / (high - low));
}

function aliasTargets(doc: Document.Parsed): Map<Alias, Node | undefined> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node | undefined>();
  visit(doc, {
    Alias: (_, node) => void targets.set(node, anchors.get(node.source)),
    Node: (_, node) => {
      if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return targets;
}

/**
 * Parses every document of a values file and deep-merges them (Helm 4 LoadValues; Helm 3 reads only
 * the first, pass `{ firstDocumentOnly: true }`). An empty file gives `{}`.
 */
export function parseYamlValues(text: string, options: { firstDocumentOnly?: boolean } = {}): GoMap {
  const docs = readDocuments(text);
  return mergeDocuments(options.firstDocumentOnly ? docs.slice(0, 1) : docs);
}

/**
 * A values file read once for both Helm versions: every document merged (Helm 4) and, when there are
 * several, the first alone (Helm 3), which shares no objects with the merged map.
 */
export function parseYamlValuesAndFirst(text: string): { values: GoMap; firstDocument?: GoMap } {
  const docs = readDocuments(text);
  const values = mergeDocuments(docs);
  if (docs.length < 2) return { values };
  return { values, firstDocument: expectMap(copyValue(docs[0]())) };
}

function mergeDocuments(docs: readonly (() => GoValue)[]): GoMap {
  let result: GoMap = {};
  for (const doc of docs) result = mergeMaps(result, expectMap(doc()));
  return result;
}

/** fromYaml's decoding: the first document into map[string]interface{}. */
export function yamlToGoMap(text: string): GoMap {
  return expectMap(decodeFirst(text));
}

/** fromYamlArray's decoding: the first document into []interface{}. */
export function yamlToGoArray(text: string): GoValue[] {
  const value = decodeFirst(text);
  if (value === null) return [];
  if (!Array.isArray(value)) throw jsonTypeError(value, '[]interface {}');
  return value;
}

function decodeFirst(text: string): GoValue {
  const docs = readDocuments(text);
  return docs.length === 0 ? null : docs[0]();
}

/**
 * Each document's value, decoded when asked (the full path decodes lazily, so a later document's
 * decoding error never hides an earlier one's). Syntax errors of any document throw here.
 */
function readDocuments(input: string): (() => GoValue)[] {
  const text = precheck(input);
  const fast = readFastDocuments(text, GO_SCALARS) as GoValue[] | undefined;
  if (fast) return fast.map((value) => () => value);
  checkNesting(text);
  return parseDocuments(text).map((doc) => () => decodeDocument(doc));
}

/**
 * Every document's value by one path: `fast` (undefined where it declines) or `full` (throws its
 * errors). For checking that the two agree.
 */
export function readDocumentValues(input: string, path: 'fast' | 'full'): GoValue[] | undefined {
  const text = precheck(input);
  if (path === 'fast') return readFastDocuments(text, GO_SCALARS) as GoValue[] | undefined;
  checkNesting(text);
  return parseDocuments(text).map(decodeDocument);
}

/**
 * Scalars as the full path types them (decodeScalar, keyString, toJsonValue) for untagged nodes;
 * whatever the full path would reject or that needs its float32 key printing declines.
 */
const GO_SCALARS: ScalarReader = {
  plain(text: string): GoValue {
    const resolved = resolvePlain(text);
    if (resolved.tag === 'int') return Number(resolved.value);
    if (resolved.tag === 'float' && !Number.isFinite(resolved.value)) decline();
    return resolved.value;
  },
  text: (value: string): GoValue => value,
  key(text: string, plain: boolean): string {
    if (!plain) return text;
    if (text === '<<') decline();
    const resolved = resolvePlain(text);
    switch (resolved.tag) {
      case 'str':
      case 'timestamp':
        return resolved.value;
      case 'int':
        return resolved.value.toString();
      case 'bool':
        return String(resolved.value);
      default:
        return decline();
    }
  },
};

/**
 * The checks before any parsing: a leading BOM dropped, NUL refused. The nesting bound (checkNesting)
 * comes after the fast path, which never reads deeper than FAST_MAX_DEPTH < MAX_YAML_NESTING.
 */
function precheck(input: string): string {
  // A UTF-8 byte order mark is allowed at the start of a YAML stream.
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (text.includes('\u0000')) throw new GoYamlError('error converting YAML to JSON: yaml: control characters are not allowed');
  return text;
}

function parseDocuments(text: string): Document.Parsed[] {
  let list = parseAll(text);
  if (list.some((doc) => doc.errors.length > 0)) {
    // go-yaml reads a quoted scalar's continuation lines at any indentation; `yaml` wants them indented.
    const reindented = indentQuotedContinuations(text);
    if (reindented !== text) {
      const retry = parseAll(reindented);
      if (retry.every((doc) => doc.errors.length === 0)) list = retry;
    }
  }
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const [start] = error.linePos ?? [{ line: 0, col: 0 }];
      const message = goYamlSyntaxMessage({ code: error.code, message: error.message, line: start.line, col: start.col }, text);
      throw new GoYamlError(`error converting YAML to JSON: ${message}`);
    }
  }
  return list;
}

function parseAll(text: string): Document.Parsed[] {
  const docs = parseAllDocuments(text, { schema: 'failsafe', uniqueKeys: false, prettyErrors: true, version: '1.1' });
  return Array.isArray(docs) ? docs : [];
}

/** A quote here starts a quoted scalar: after indentation, an indicator (`- ? : [ { ,`), an anchor or a tag. */
function startsScalar(line: string, at: number): boolean {
  const before = line.slice(0, at).trimEnd();
  if (before === '' || /[[{,]$/.test(before)) return true;
  // `- "x`, `? "x`, `key: "x`: the indicator needs a blank after it.
  if (/(?:^|\s)[-?]$|:$/.test(before)) return before.length < at;
  return /(?:^|\s)[&!]\S*$/.test(before) && startsScalar(line, before.search(/\S*$/));
}

/**
 * Indents the continuation lines of quoted scalars that span lines (`a: "x` / `y"`) under their first
 * line, which changes no value (a continuation line's leading blanks are folded away) but lets `yaml`
 * read what go-yaml reads. Skips comments and block scalars; leaves a document marker alone.
 */
export function indentQuotedContinuations(text: string): string {
  const lines = text.split('\n');
  let blockIndent = -1;
  /** Where to go on in a line that closes a multi-line scalar. */
  let resume = -1;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent > blockIndent) continue;
      blockIndent = -1;
    }
    const from = resume >= 0 ? resume : indent;
    resume = -1;
    for (let i = from; i < line.length; i++) {
      const c = line[i];
      if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) break;
      if (c === '|' || c === '>') {
        if (startsScalar(line, i) && /^[|>][0-9+-]*\s*(?:#.*)?$/.test(line.slice(i))) blockIndent = indent;
        if (blockIndent >= 0) break;
        continue;
      }
      if ((c !== '"' && c !== "'") || !startsScalar(line, i)) continue;
      // Find the closing quote, across lines.
      let row = n;
      let col = i + 1;
      let closed = false;
      while (row < lines.length && !closed) {
        const text = lines[row];
        for (; col < text.length; col++) {
          if (c === '"' && text[col] === '\\') col++;
          else if (c === "'" && text[col] === "'" && text[col + 1] === "'") col++;
          else if (text[col] === c) {
            closed = true;
            break;
          }
        }
        if (!closed) {
          row++;
          col = 0;
        }
      }
      if (!closed) return text;
      const pad = ' '.repeat(indent + 1);
      let shift = 0;
      for (let k = n + 1; k <= row; k++) {
        if (/^(?:---|\.\.\.)(?:\s|$)/.test(lines[k])) return text;
        const own = lines[k].length - lines[k].trimStart().length;
        if (own <= indent && lines[k].trim() !== '') {
          const before = lines[k].length;
          lines[k] = pad + lines[k].trimStart();
          if (k === row) shift = lines[k].length - before;
        }
      }
      if (row > n) {
        n = row - 1;
        resume = col + 1 + shift;
        break;
      }
      i = col;
    }
  }
  return lines.join('\n');
}

/**
 * Refuses absurd nesting before parsing: the parser and every walker after it recurse, and a 200 KB
 * `[[[[...` would overflow the stack after seconds of work. Helm (go-yaml) stops at 10000 levels with
 * its own message; between our limit and that, ours says whose limit it is.
 */
function checkNesting(text: string): void {
  const excess = findExcessiveNesting(text, MAX_YAML_NESTING);
  if (!excess) return;
  if (findExcessiveNesting(text, MAX_DEPTH)) throw new GoYamlError(`error converting YAML to JSON: yaml: exceeded max depth of ${MAX_DEPTH}`);
  const line = lineAt(text, excess.offset);
  throw new GoYamlError(
    `error converting YAML to JSON: yaml: line ${line}: nested deeper than ${MAX_YAML_NESTING} levels, shipshape's limit (helm's is ${MAX_DEPTH})`,
  );
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function decodeDocument(doc: Document.Parsed): GoValue {
  const state: DecodeState = { doc, decodeCount: 0, aliasCount: 0, activeAliases: new Set() };
  return doc.contents ? toJsonValue(decodeNode(doc.contents as Node, state, 0)) : null;
}

function expectMap(value: GoValue): GoMap {
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw jsonTypeError(value, 'map[string]interface {}');
  return value as GoMap;
}

function jsonTypeError(value: GoValue, target: string): GoYamlError {
  const kind = Array.isArray(value)
    ? 'array'
    : typeof value === 'string'
      ? 'string'
      : typeof value === 'number'
        ? 'number'
        : typeof value === 'boolean'
          ? 'bool'
          : 'object';
  return new GoYamlError(
    `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go value of type ${target}`,
  );
}

/** go-yaml v2 decoding into interface{}: maps keep typed keys until the JSON step. */
type RawValue = YamlKey | RawValue[] | RawMap;
class RawMap {
  readonly entries = new Map<string, { key: YamlKey; value: RawValue }>();
}

function decodeNode(node: Node, state: DecodeState, depth: number): RawValue {
  state.decodeCount++;
  if (state.activeAliases.size > 0) state.aliasCount++;
  if (
    depth > MAX_DEPTH ||
    (state.aliasCount > 100 && state.decodeCount > 1000 && state.aliasCount / state.decodeCount > allowedAliasRatio(state.decodeCount))
  ) {
    throw new GoYamlError('error converting YAML to JSON: yaml: document contains excessive aliasing');
  }
  if (isAlias(node)) {
    state.aliasTargets ??= aliasTargets(state.doc);
    const target = state.aliasTargets.get(node);
    if (!target) throw new GoYamlError(`error converting YAML to JSON: yaml: unknown anchor '${node.source}' referenced`);
    if (state.activeAliases.has(target)) {
      throw new GoYamlError(`error converting YAML to JSON: yaml: anchor '${node.source}' value contains itself`);
    }
    state.activeAliases.add(target);
    try {
      return decodeNode(target, state, depth + 1);
    } finally {
      state.activeAliases.delete(target);
    }
  }
  if (isScalar(node)) return decodeScalar(node);
  if (isSeq(node)) return node.items.map((item) => decodeNode(item as Node, state, depth + 1));
  if (isMap(node)) {
    const map = new RawMap();
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      if (keyNode && isScalar(keyNode) && keyNode.type === Scalar.PLAIN && keyNode.value === '<<' && !keyNode.tag) {
        mergeInto(map, decodeNode(pair.value as Node, state, depth + 1));
        continue;
      }
      const key = keyNode ? decodeNode(keyNode, state, depth + 1) : null;
      const value = pair.value ? decodeNode(pair.value as Node, state, depth + 1) : null;
      if (Array.isArray(key) || key instanceof RawMap) {
        throw new GoYamlError('error converting YAML to JSON: yaml: invalid map key: a collection cannot be a key');
      }
      map.entries.set(keyString(key), { key, value });
    }
    return map;
  }
  return null;
}

/** `<<: *anchor` (or a list of anchors) copies the referenced mappings' entries. */
function mergeInto(target: RawMap, source: RawValue): void {
  const sources = Array.isArray(source) ? source : [source];
  for (const item of sources) {
    if (!(item instanceof RawMap)) {
      throw new GoYamlError('error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value');
    }
    for (const [k, entry] of item.entries) target.entries.set(k, entry);
  }
}

const TAG_PREFIX = 'tag:yaml.org,2002:';

function decodeScalar(node: Scalar): YamlKey {
  const text = String(node.value ?? '');
  const tag = node.tag?.startsWith(TAG_PREFIX) ? node.tag.slice(TAG_PREFIX.length) : node.tag;
  if (tag === 'str') return text;
  if (tag === 'binary') return Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (tag && !['int', 'float', 'bool', 'null', 'timestamp'].includes(tag)) return text;
  if (!tag && node.type !== Scalar.PLAIN) return text;
  const resolved = resolvePlain(text);
  if (tag && tag !== resolved.tag && !(tag === 'float' && resolved.tag === 'int')) {
    throw new GoYamlError(`error converting YAML to JSON: yaml: cannot decode !!${resolved.tag} \`${text}\` as a !!${tag}`);
  }
  if (tag === 'float' && resolved.tag === 'int') return Number(resolved.value);
  return resolved.value;
}

/** sigs.k8s.io/yaml's key stringification (ints in decimal, floats as 32-bit %g, bools as words). */
function keyString(key: YamlKey): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'bigint') return key.toString();
  if (typeof key === 'boolean') return String(key);
  if (typeof key === 'number') {
    if (Number.isNaN(key)) return '.nan';
    if (!Number.isFinite(key)) return key > 0 ? '.inf' : '-.inf';
    return formatFloat(shortestFloat32(key), 'g', -1);
  }
  throw new GoYamlError('error converting YAML to JSON: unsupported map key of type: <nil>');
}

/** The shortest decimal that reads back as the same float32 (strconv.FormatFloat(f, 'g', -1, 32)). */
export function shortestFloat32(x: number): number {
  const target = Math.fround(x);
  for (let precision = 1; precision <= 9; precision++) {
    const candidate = Number(target.toPrecision(precision));
    if (Math.fround(candidate) === target) return candidate;
  }
  return target;
}

/** The JSON round trip: numbers become float64, NaN/Inf cannot be represented. */
function toJsonValue(value: RawValue): GoValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new GoYamlError(
        `error converting YAML to JSON: json: unsupported value: ${Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf'}`,
      );
    }
    return value;
  }
  if (Array.isArray(value)) return value.map(toJsonValue);
  const out: GoMap = {};
  for (const [k, entry] of value.entries) setKey(out, k, toJsonValue(entry.value));
  return out;
}

/** Assigns without letting a `__proto__` key from user YAML reach the prototype. */
export function setKey(map: GoMap, key: string, value: GoValue): void {
  if (key === '__proto__') Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}

/** Helm's MergeMaps: maps merge recursively, anything else from `b` replaces. */
export function mergeMaps(a: GoMap, b: GoMap): GoMap {
  const out: GoMap = {};
  for (const [k, v] of Object.entries(a)) setKey(out, k, v);
  for (const [k, v] of Object.entries(b)) {
    const existing = out[k];
    setKey(out, k, isPlainMap(v) && isPlainMap(existing) ? mergeMaps(existing, v) : v);
  }
  return out;
}

/** A deep copy of a decoded value (maps, arrays, scalars). */
function copyValue(value: GoValue): GoValue {
  if (Array.isArray(value)) return value.map(copyValue);
  if (!isPlainMap(value)) return value;
  const out: GoMap = {};
  for (const [k, v] of Object.entries(value)) setKey(out, k, copyValue(v));
  return out;
}

function isPlainMap(v: GoValue): v is GoMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}
