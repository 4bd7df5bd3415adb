/**
 * Parses a (multi-document) YAML file into documents that every YAML checker shares: Kubernetes and
 * Compose validation, cross-file rules, hover and completion.
 *
 * Why documents are parsed one at a time: editing one document of a 10 MB manifest must not re-parse
 * the other 4,999. The text is split at `---` lines (a column-0 `---` always starts a document in
 * YAML, even inside block scalars), each chunk is parsed on its own and cached by its text. As a
 * consequence, offsets inside `doc` (node.range, error.pos) are RELATIVE TO `startOffset`; use
 * `rangeOfPath` / `rangeOfNode` to get file positions.
 *
 * Never throws, and stays bounded: binary and oversized input become file errors; a document nested
 * deeper than MAX_YAML_NESTING is refused before parsing (nesting.ts), and one whose aliases expand it
 * more than tenfold is not converted (aliases.ts), each with one error at the place; alias count is
 * capped too (`maxAliasCount`), and a stack overflow the scan missed still becomes a document error.
 */
import { Document, isAlias, isMap, isScalar, isSeq, parseAllDocuments, YAMLParseError } from 'yaml';
import type { Node } from 'yaml';
import type { Range } from '../diagnostics';
import { LineIndex } from '../text/lines';
import { aliasExpansion, aliasTarget, isExcessive, markDuplicateKeys, MAX_ALIAS_EXPANSION_FACTOR, type AliasExpansion } from './aliases';
import { detached, planReparse, splitDocuments } from './chunks';
import { fastCompose, type FastComposeOptions } from './fast-compose';
import { measureYaml } from './nesting';
import { TextKeyedCache } from './text-cache';

/** YAML 1.1 is what kubectl (sigs.k8s.io/yaml) reads; docker compose (go-yaml v3) is closer to 1.2. */
export type YamlVersion = '1.1' | '1.2';

export interface YamlDocument {
  /** Offsets inside (node.range, errors[].pos) are relative to `startOffset`. Treat as read-only: it is cached. */
  doc: Document.Parsed;
  /** `doc.toJS()`, or undefined when the document cannot be converted (alias bomb, too deep). */
  value: unknown;
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  /** Offset in the file where this document's text (including its `---` line) starts. */
  startOffset: number;
  endOffset: number;
  /** The document's own text, `file.text.slice(startOffset, endOffset)`; the cache key. */
  source: string;
  /** Why `value` is undefined, when it is. */
  valueError?: string;
}

/** A problem with the file as a whole (binary, too large): no documents are produced. */
export interface YamlFileError {
  code: 'binary' | 'too-large';
  message: string;
}

export interface ParsedYamlFile {
  text: string;
  lines: LineIndex;
  documents: YamlDocument[];
  /** Set when the file was not parsed at all. */
  fileError?: YamlFileError;
  version: YamlVersion;
  /** The file's pieces with their parses, for incremental re-parsing (`ParseOptions.previous`). */
  chunks: ParsedChunkAt[];
}

export interface ParseOptions {
  version?: YamlVersion;
  /**
   * The previous parse of the same file: documents outside the edited region are reused as they are
   * (compared with native string comparison, never hashed or re-parsed), so an edit costs only the
   * documents it touches.
   */
  previous?: ParsedYamlFile;
}

/** Beyond this, parsing takes seconds and hundreds of MB: refuse with a clear message instead. */
export const MAX_YAML_BYTES = 24 * 1024 * 1024;
/**
 * Values in one `---` document. The parser takes about 30 µs and 3 KB per value: a 20 MB single
 * document took 15 s and 1.1 GB, a 10 MB one-line flow list 50 s and 2.8 GB. The largest real
 * documents (CRDs) hold some 40,000; many documents in one file are each parsed on their own.
 */
export const MAX_DOCUMENT_NODES = 200_000;
/** Enough for any real manifest; an alias bomb (billion laughs) hits it immediately. */
const MAX_ALIAS_COUNT = 1000;

/** Compose's merge tags. Without them `yaml` warns "Unresolved tag" on valid compose files. */
const KNOWN_CUSTOM_TAGS = new Set(['!reset', '!override']);

export function parseYamlFile(text: string, options: ParseOptions = {}): ParsedYamlFile {
  const version = options.version ?? '1.1';
  const fileError = checkFileIsText(text);
  if (fileError) return withLazyLines({ text, documents: [], fileError, version, chunks: [] });
  const previous = options.previous;
  const chunks =
    previous && previous.version === version && !previous.fileError ? reuseChunks(text, previous, version) : parseRegion(text, 0, text.length, version);
  const documents: YamlDocument[] = [];
  for (const chunk of chunks) {
    for (const p of chunk.parsed) {
      // Spelled out rather than spread: one object shape, ten times faster on 5,000 documents.
      documents.push({
        doc: p.doc,
        value: p.value,
        apiVersion: p.apiVersion,
        kind: p.kind,
        name: p.name,
        namespace: p.namespace,
        startOffset: chunk.start,
        endOffset: chunk.start + chunk.source.length,
        source: chunk.source,
        valueError: p.valueError,
      });
    }
  }
  return withLazyLines({ text, documents, version, chunks });
}

/** The line index is built on first use: a clean 10 MB file never needs one. */
function withLazyLines(file: Omit<ParsedYamlFile, 'lines'>): ParsedYamlFile {
  let lines: LineIndex | undefined;
  return Object.defineProperty(file, 'lines', {
    get: () => (lines ??= new LineIndex(file.text)),
    enumerable: true,
  }) as ParsedYamlFile;
}

/** One `---`-delimited piece of the file and what it parsed to (usually one document, none if blank). */
export interface ParsedChunkAt {
  start: number;
  source: string;
  parsed: ParsedChunk[];
}

function parseRegion(text: string, from: number, to: number, version: YamlVersion): ParsedChunkAt[] {
  return splitDocuments(text, from, to).map((c) => {
    const source = detached(c.source);
    return { start: c.start, source, parsed: parseChunk(source, version) };
  });
}

/** Reuses the previous parse's chunks outside the edited region; parses the region between them. */
function reuseChunks(text: string, previous: ParsedYamlFile, version: YamlVersion): ParsedChunkAt[] {
  const plan = planReparse(previous.text, previous.chunks, text);
  const shifted = plan.back.map((c) => ({ start: c.start + plan.delta, source: c.source, parsed: c.parsed }));
  return [...plan.front, ...parseRegion(text, plan.from, plan.to, version), ...shifted];
}

/**
 * Parses one chunk (see chunks.ts) into documents placed at `start`. With `cache: false` nothing is
 * kept alive afterwards: for callers that keep only their results (validation of huge files).
 */
export function parseDocumentsAt(source: string, start: number, version: YamlVersion, cache = true): YamlDocument[] {
  const parsed = cache ? parseChunk(source, version) : parseChunkUncached(source, version);
  return parsed.map((p) => ({
    doc: p.doc,
    value: p.value,
    apiVersion: p.apiVersion,
    kind: p.kind,
    name: p.name,
    namespace: p.namespace,
    startOffset: start,
    endOffset: start + source.length,
    source,
    valueError: p.valueError,
  }));
}

/** Why a text cannot be parsed as YAML at all (binary, too large), if it cannot. */
export function checkFileIsText(text: string): YamlFileError | undefined {
  if (text.length > MAX_YAML_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return { code: 'too-large', message: `File is too large to check (${mb(text.length)} MB; the limit is ${mb(MAX_YAML_BYTES)} MB).` };
  }
  // NUL never appears in YAML text (the spec forbids C0 controls other than tab/LF/CR).
  const head = text.slice(0, 8192);
  if (head.includes('\u0000')) {
    if (looksUtf16(head)) return { code: 'binary', message: 'File looks UTF-16 encoded (every other byte is NUL); save it as UTF-8 to have it checked.' };
    return { code: 'binary', message: 'File looks binary (it contains NUL bytes); it was not parsed as YAML.' };
  }
  return undefined;
}

/** Text saved as UTF-16 and read as UTF-8: ASCII characters alternating with NULs. */
function looksUtf16(head: string): boolean {
  let nul = 0;
  let ascii = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) nul++;
    else if (c === 9 || c === 10 || c === 13 || (c >= 32 && c < 127)) ascii++;
  }
  return nul >= head.length * 0.4 && ascii >= head.length * 0.4;
}

type ParsedChunk = Pick<YamlDocument, 'doc' | 'value' | 'apiVersion' | 'kind' | 'name' | 'namespace' | 'valueError'>;

/**
 * Parsed chunks by text, one cache per YAML version, bounded so that a huge file cannot pin memory.
 * Keys are the chunk texts themselves: concatenating a prefix would copy every document on every run.
 */
const chunkCaches: Record<YamlVersion, TextKeyedCache<ParsedChunk[]>> = {
  // Parsed YAML takes tens of times its text size in memory: keep a few megabytes' worth.
  '1.1': new TextKeyedCache(4 * 1024 * 1024),
  '1.2': new TextKeyedCache(2 * 1024 * 1024),
};

/** Forget parsed documents (benchmarks measuring cold parsing; tests of caching). */
export function clearParseCache(): void {
  chunkCaches['1.1'].clear();
  chunkCaches['1.2'].clear();
}

function parseChunk(source: string, version: YamlVersion): ParsedChunk[] {
  const cache = chunkCaches[version];
  let parsed = cache.get(source);
  if (!parsed) {
    parsed = parseChunkUncached(source, version);
    cache.set(source, parsed);
  }
  return parsed;
}

/** `SHIPSHAPE_YAML_FAST=0` turns the fast composer off: for benchmarks (before/after in one run) and diagnosis. */
const FAST_COMPOSE = process.env.SHIPSHAPE_YAML_FAST !== '0';

/** The options every chunk is parsed with (by the library and by fast-compose.ts alike). */
export function yamlParseOptions(version: YamlVersion): FastComposeOptions {
  return { version, prettyErrors: false, uniqueKeys: false, customTags: goYamlTags, logLevel: 'error' };
}

function parseChunkUncached(source: string, version: YamlVersion): ParsedChunk[] {
  // The common subset in one pass (fast-compose.ts); it declines anything else, parsed below as always.
  // What the walks below are for cannot occur in what it accepts: no aliases (nothing to expand), nesting
  // under 200 levels and nodes under half MAX_DOCUMENT_NODES (so measureYaml would not refuse it).
  const fast = FAST_COMPOSE ? fastCompose(source, yamlParseOptions(version), MAX_DOCUMENT_NODES / 2) : undefined;
  if (fast) {
    markDuplicateKeys(fast);
    let value: unknown;
    let valueError: string | undefined;
    try {
      value = fast.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      valueError = describe(error);
    }
    return [{ doc: fast, value, valueError, ...identity(value) }];
  }
  const shape = measureYaml(source);
  if (shape.excess) return [unreadableChunk(shape.excess.offset, `The YAML is nested deeper than ${shape.excess.limit} levels here; not parsed`)];
  if (shape.nodes > MAX_DOCUMENT_NODES) {
    const n = shape.nodes.toLocaleString('en-US');
    return [unreadableChunk(0, `This document holds about ${n} values, more than ${MAX_DOCUMENT_NODES.toLocaleString('en-US')}: checking it would take minutes and gigabytes; split it into smaller documents`)];
  }
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(source, yamlParseOptions(version)) as Document.Parsed[];
    // An EmptyStream (only comments/whitespace) has no documents: like kubectl, count none.
    docs = Array.from(docs);
  } catch (error) {
    // The composer recurses per nesting level; thousands of levels overflow the stack.
    if (error instanceof RangeError) return [unreadableChunk(0, `The YAML is nested too deeply to be parsed`)];
    const doc = new Document(null) as unknown as Document.Parsed;
    return [{ doc, value: undefined, valueError: `YAML could not be parsed: ${describe(error)}` }];
  }
  return docs.map((doc) => {
    markDuplicateKeys(doc);
    doc.warnings = doc.warnings.filter((w) => !(w.code === 'TAG_RESOLVE_FAILED' && KNOWN_CUSTOM_TAGS.has(tagOf(w.message))));
    // The parser reports deep nesting it hit as "Maximum call stack size exceeded": say what it means.
    for (const e of doc.errors) if (/call stack/i.test(e.message)) e.message = 'The YAML is nested too deeply to be parsed';
    let value: unknown;
    let valueError: string | undefined;
    // Only a document with an alias can grow when converted: others skip the measuring walk.
    const expansion = source.includes('*') ? aliasExpansion(doc) : undefined;
    if (expansion && isExcessive(expansion)) {
      const at = (expansion.recursive ?? expansion.largest)?.range?.[0] ?? 0;
      doc.errors.push(new YAMLParseError([at, at + 1], 'RESOURCE_EXHAUSTION', aliasBombMessage(expansion)));
      return { doc, value: undefined, valueError: undefined };
    }
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      valueError = describe(error);
    }
    return { doc, value, valueError, ...identity(value) };
  });
}

/** A chunk that is not parsed at all: one error at `offset`, no value (so nothing else is checked). */
function unreadableChunk(offset: number, message: string): ParsedChunk {
  const doc = new Document(null) as unknown as Document.Parsed;
  doc.errors.push(new YAMLParseError([offset, offset + 1], 'RESOURCE_EXHAUSTION', message));
  return { doc, value: undefined };
}

function aliasBombMessage(e: AliasExpansion): string {
  if (e.recursive) {
    return `Alias *${e.recursive.source} is inside the node it refers to: the value would be infinite (kubectl rejects it too); not checked`;
  }
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    `Aliases expand this document to ${n(e.expanded)} nodes from ${n(e.written)} written ` +
    `(more than ${MAX_ALIAS_EXPANSION_FACTOR} times: an alias bomb); not checked`
  );
}

/**
 * kubectl's go-yaml v2 reads YAML 1.1 booleans and octals, but not 1.1's sexagesimal numbers
 * (`1:20` → 80) or timestamps (which sigs.k8s.io/yaml turns back into strings): drop those tags.
 */
function goYamlTags(tags: Tags): Tags {
  return tags.filter((t) => {
    const tag = t as { tag?: string; format?: string };
    return tag.tag !== 'tag:yaml.org,2002:timestamp' && tag.format !== 'TIME';
  });
}
type Tags = Parameters<Extract<NonNullable<import('yaml').SchemaOptions['customTags']>, (...args: never[]) => unknown>>[0];

function tagOf(message: string): string {
  return message.replace(/^Unresolved tag:\s*/, '').trim();
}

function describe(error: unknown): string {
  if (error instanceof RangeError) return 'the document is nested too deeply';
  return error instanceof Error ? error.message : String(error);
}

function identity(value: unknown): Pick<YamlDocument, 'apiVersion' | 'kind' | 'name' | 'namespace'> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const v = value as Record<string, unknown>;
  const meta = v.metadata && typeof v.metadata === 'object' ? (v.metadata as Record<string, unknown>) : {};
  const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
  return { apiVersion: str(v.apiVersion), kind: str(v.kind), name: str(meta.name), namespace: str(meta.namespace) };
}

export type PathSegment = string | number;

/**
 * The node at `path` inside document `docIndex` (following aliases), plus the pair holding it, or the
 * deepest existing ancestor when the path does not exist (`found: false`).
 */
export function nodeAtPath(
  document: YamlDocument,
  path: readonly PathSegment[],
): { node: Node | null; keyNode?: Node; found: boolean; depth: number } {
  let node: Node | null = (document.doc.contents as Node | null) ?? null;
  let keyNode: Node | undefined;
  for (let i = 0; i < path.length; i++) {
    // Not node.resolve(doc): it walks the whole document on every call.
    const current = isAlias(node) ? aliasTarget(document.doc, node) ?? node : node;
    const segment = path[i];
    if (isMap(current)) {
      const pair = current.items.find((p) => keyText(p.key) === String(segment));
      if (!pair) return { node: current, keyNode, found: false, depth: i };
      keyNode = (pair.key as Node | null) ?? undefined;
      node = (pair.value as Node | null) ?? null;
      if (!node) return { node: null, keyNode, found: i === path.length - 1, depth: i + 1 };
    } else if (isSeq(current) && typeof segment === 'number' && current.items[segment]) {
      keyNode = undefined;
      node = current.items[segment] as Node;
    } else {
      return { node: current, keyNode, found: false, depth: i };
    }
  }
  return { node, keyNode, found: true, depth: path.length };
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  if (key === null || key === undefined) return undefined;
  return String(key);
}

/** File offsets [start, end) of a node of `document` (its value, without trailing comments). */
export function nodeOffsets(document: YamlDocument, node: Node | null | undefined): [number, number] | undefined {
  const r = node?.range;
  if (!r) return undefined;
  return [document.startOffset + r[0], document.startOffset + r[1]];
}

/** The file range of a node of document `docIndex`. */
export function rangeOfNode(file: ParsedYamlFile, docIndex: number, node: Node | null | undefined): Range | undefined {
  const document = file.documents[docIndex];
  const offsets = document && nodeOffsets(document, node);
  return offsets && file.lines.rangeOf(offsets[0], offsets[1]);
}

/**
 * The range of the value (default) or key at `path` in document `docIndex`. When the path does not
 * exist, the range of the key of its deepest existing ancestor (where a missing field belongs); for a
 * document without content, its first line.
 */
export function rangeOfPath(
  file: ParsedYamlFile,
  docIndex: number,
  path: readonly PathSegment[],
  target: 'key' | 'value' = 'value',
): Range {
  const document = file.documents[docIndex];
  if (!document) return file.lines.rangeOf(0, 0);
  const [start, end] = offsetsOfPath(document, path, target);
  return file.lines.rangeOf(start, end);
}

/** Offset form of `rangeOfPath`, for callers that cache per-document results. */
export function offsetsOfPath(document: YamlDocument, path: readonly PathSegment[], target: 'key' | 'value' = 'value'): [number, number] {
  const { node, keyNode, found } = nodeAtPath(document, path);
  const preferKey = target === 'key' || !found || !node;
  const chosen = (preferKey && keyNode) || node || keyNode;
  const offsets = nodeOffsets(document, chosen);
  if (offsets) return trimToFirstLine(document, offsets, !isCollection(chosen));
  const fallback = document.startOffset + firstContentOffset(document.source);
  return [fallback, fallback + firstLineLength(document.source, fallback - document.startOffset)];
}

function isCollection(node: Node | null | undefined): boolean {
  return isMap(node) || isSeq(node);
}

/** A block map's range spans many lines; squiggling all of it hides the rest. Keep its first line. */
function trimToFirstLine(document: YamlDocument, [start, end]: [number, number], keep: boolean): [number, number] {
  if (keep) return [start, end];
  const rel = start - document.startOffset;
  return [start, Math.min(end, start + firstLineLength(document.source, rel))];
}

function firstContentOffset(source: string): number {
  const m = /^(?:[ \t]*(?:#[^\n]*)?\r?\n|---[ \t]*\r?\n)*/.exec(source);
  return m ? Math.min(m[0].length, source.length) : 0;
}

function firstLineLength(source: string, from: number): number {
  const nl = source.indexOf('\n', from);
  const end = nl === -1 ? source.length : nl;
  return Math.max(0, end - from - (source[end - 1] === '\r' ? 1 : 0));
}

