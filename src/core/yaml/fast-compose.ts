/**
 * A single-pass composer for the common subset of YAML documents, building the very node tree the `yaml`
 * library composes (its own `Document`, `YAMLMap`, `YAMLSeq`, `Pair`, `Scalar`, same `range`, `type`,
 * `value`, `source`, `format`, `flow`), or declining (undefined) so that the caller parses as before.
 *
 * Why: `yaml` goes text → Lexer tokens → CST (generators per token) → composer → nodes; on a 2.5 MB CRD the
 * lexer alone takes ~1 s and lexer + CST ~2.7 s, a floor under 1 MB/s (bench/yaml.bench.ts, "floor").
 * One pass over the characters that makes the nodes directly runs far faster, and a 10 MB manifest is
 * almost entirely made of the few constructs handled here.
 *
 * The subset: block mappings and sequences (compact `- key: v`, `- - a`), plain (also multi-line),
 * single-line quoted, literal/folded block scalars without an indentation indicator, single-line flow
 * `[]`/`{}`, full-line and trailing comments, blank lines, a `---` line. Anything else, or anything
 * doubtful, declines: anchors, aliases, tags, directives, `? ` keys, `<<`, tabs, CR, a BOM, control
 * characters, a comment after `key:`, an empty sequence item, whitespace-only lines in block scalars,
 * anything the library would report as an error or warning (a scalar whose tag reports one declines too).
 * Scalars resolve through the document's own schema tags (YAML 1.1/1.2, custom tags), as the composer does.
 *
 * Ranges follow where the library's CST parser puts the tokens between values (see `trivia`): comment
 * lines extend the range of the value or collection they are attached to, exactly as there.
 * Comments are not copied into `comment`/`commentBefore`/`spaceBefore` (nothing of ours reads them; they
 * only matter to `doc.toString()`, which we never call on parsed documents).
 * Declining costs at most a partial scan; test/unit/yaml/fast-compose.test.ts holds every accepted
 * document of ../shared equal to the library's.
 */
import { Composer, Document, isScalar, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { DocumentOptions, ParseOptions, SchemaOptions } from 'yaml';

export type FastComposeOptions = ParseOptions & DocumentOptions & SchemaOptions;

/** Thrown (one shared object, never escapes this module) to decline the document. */
const DECLINE = { declined: true };
/** Set by `explainDecline` only: where the last decline happened. */
let declineSite: string | undefined;
let tracing = false;
function decline(): never {
  if (tracing) declineSite = /fast-compose\.ts:(\d+)/.exec(new Error().stack?.split('\n')[2] ?? '')?.[0];
  throw DECLINE;
}

/** For tests and diagnosis: why `fastCompose` declines `source` (the source line that declined), if it does. */
export function explainDecline(source: string, options: FastComposeOptions): string | undefined {
  if (UNSUPPORTED_CHARS.test(source)) return 'unsupported character';
  tracing = true;
  declineSite = undefined;
  try {
    return fastCompose(source, options) ? undefined : declineSite;
  } finally {
    tracing = false;
  }
}

/** Deeper than any real manifest; keeps the recursion far from the stack limit. */
const MAX_DEPTH = 200;

const LF = 10;
const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** Characters the subset never accepts anywhere: tabs, CR, a BOM, C0/C1 controls, Unicode line separators. */
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHARS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\ufeff\u2028\u2029]/;

interface ScalarTag {
  default?: boolean | 'key';
  test?: RegExp;
  format?: string;
  resolve(value: string, onError: (message: string) => void, options: unknown): unknown;
}

/** Comment-only lines left over at the end of a collection (the CST parser's start-only item). */
interface Trivia {
  end: number;
  /** Largest indentation of a comment in it, -1 if only blank lines. */
  maxCommentIndent: number;
}

interface Parsed<N> {
  node: N;
  /** Trivia after the node that its collection passed up, if any. */
  trivia: Trivia | null;
  /** Start of the next content line, or the text's length. */
  next: number;
}

type BlockNode = YAMLMap | YAMLSeq;
type ValueNode = Scalar | YAMLMap | YAMLSeq;

const escapeCodes: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

/**
 * The document `parseAllDocuments(source, options)` would return for `source` (one `---` chunk), or
 * undefined when the text is outside the subset or the library would report anything.
 */
export function fastCompose(source: string, options: FastComposeOptions, maxNodes = 100_000): Document.Parsed | undefined {
  if (UNSUPPORTED_CHARS.test(source)) return undefined;
  try {
    return new FastComposer(source, options, maxNodes).compose();
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

class FastComposer {
  private readonly s: string;
  private readonly n: number;
  private readonly doc: Document.Parsed;
  private readonly tags: ScalarTag[];
  private readonly stringTag: ScalarTag;
  private readonly docOptions: unknown;
  private readonly tagCache = new Map<string, ScalarTag>();
  private readonly keyTagCache = new Map<string, ScalarTag>();
  private nodes = 0;
  private readonly maxNodes: number;

  constructor(source: string, options: FastComposeOptions, maxNodes: number) {
    this.s = source;
    this.n = source.length;
    this.maxNodes = maxNodes;
    // As the Composer does: the document gets the stream's directives (so `doc.options` match too).
    const directives = new Composer({ version: options.version }).streamInfo().directives;
    this.doc = new Document(undefined, Object.assign({ _directives: directives }, options)) as unknown as Document.Parsed;
    const schema = this.doc.schema as unknown as { tags: ScalarTag[]; [key: symbol]: ScalarTag; compat?: unknown };
    if (schema.compat) decline();
    this.tags = schema.tags.filter((t) => !(t as { collection?: string }).collection);
    this.stringTag = schema[Symbol.for('yaml.scalar')];
    this.docOptions = this.doc.options;
  }

  compose(): Document.Parsed {
    const { s, n } = this;
    let pos = this.skipTrivia(0);
    let docStart = -1;
    if (pos < n && s.startsWith('---', pos) && this.indentAt(pos) === 0) {
      const after = this.lineTail(pos + 3, false);
      if (after < 0) decline();
      docStart = pos;
      pos = this.skipTrivia(after);
    }
    if (pos >= n) decline();
    const first = s.charCodeAt(pos);
    if (this.indentAt(pos) !== 0 || first === 0x25 /* % */ || s.startsWith('...', pos)) decline();
    const root = this.isSeqItem(pos) ? this.blockSeq(0, pos, 1) : this.blockMap(0, pos, 1);
    if (root.next < n) decline();
    const doc = this.doc;
    doc.contents = root.node as never;
    if (docStart >= 0) doc.directives.docStart = true;
    const contentEnd = root.node.range![2];
    (doc as { range?: number[] }).range = [docStart >= 0 ? docStart : pos, contentEnd, root.trivia ? root.trivia.end : contentEnd];
    return doc;
  }

  // --- lines ---

  /** Column of `pos` (spaces before it on its line); -1 if something else precedes it. */
  private indentAt(pos: number): number {
    let i = pos;
    while (i > 0 && this.s.charCodeAt(i - 1) === SPACE) i--;
    return i === 0 || this.s.charCodeAt(i - 1) === LF ? pos - i : -1;
  }

  /** Skips blank and comment lines from a line start; returns the start of the next content (its first non-space). */
  private skipTrivia(pos: number): number {
    const { s, n } = this;
    let i = pos;
    for (;;) {
      let j = i;
      while (j < n && s.charCodeAt(j) === SPACE) j++;
      if (j >= n) return n;
      const c = s.charCodeAt(j);
      if (c !== LF && c !== HASH) return j;
      const nl = s.indexOf('\n', j);
      if (nl < 0) return n;
      i = nl + 1;
    }
  }

  private lineEnd(pos: number): number {
    const nl = this.s.indexOf('\n', pos);
    return nl < 0 ? this.n : nl + 1;
  }

  /**
   * After a value: spaces, an optional comment (after a space), then the newline. Returns the start of
   * the next line (or the end), or -1 when anything else follows. `commentOk` false: no comment allowed.
   */
  private lineTail(pos: number, commentOk = true): number {
    const { s, n } = this;
    let i = pos;
    while (i < n && s.charCodeAt(i) === SPACE) i++;
    if (i >= n) return n;
    const c = s.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === HASH && commentOk && i > pos) return this.lineEnd(i);
    return -1;
  }

  private isSeqItem(pos: number): boolean {
    if (this.s.charCodeAt(pos) !== DASH) return false;
    const c = this.s.charCodeAt(pos + 1);
    return Number.isNaN(c) || c === SPACE || c === LF;
  }

  /**
   * The lines between a value and the next content line, as the CST parser distributes them: a comment
   * more indented than the collection `indent`, after a value that has end tokens (flow scalar, flow
   * collection), joins that value's end (its range[2] grows); everything from the first other comment
   * on forms a comment-only item of the collection (returned). Blank lines alone also form one.
   */
  private trivia(pos: number, indent: number, value: ValueNode | null): { trivia: Trivia | null; next: number } {
    const { s, n } = this;
    let i = pos;
    let attaching = value !== null;
    let trivia: Trivia | null = null;
    while (i < n) {
      let j = i;
      while (j < n && s.charCodeAt(j) === SPACE) j++;
      if (j >= n) {
        // Trailing spaces at the very end: a space token, part of the comment-only item.
        trivia ??= { end: n, maxCommentIndent: -1 };
        trivia.end = n;
        i = n;
        break;
      }
      const c = s.charCodeAt(j);
      if (c === LF) {
        trivia ??= { end: j + 1, maxCommentIndent: -1 };
        trivia.end = j + 1;
        i = j + 1;
        continue;
      }
      if (c !== HASH) {
        // The next content line's indentation is a space token of the comment-only item, if there is one.
        if (j > i) {
          trivia ??= { end: j, maxCommentIndent: -1 };
          trivia.end = j;
        }
        i = j;
        break;
      }
      const end = this.lineEnd(j);
      const ci = j - i;
      if (attaching && ci > indent && (trivia === null || trivia.maxCommentIndent < 0)) {
        value!.range![2] = end;
        trivia = null;
      } else {
        attaching = false;
        trivia ??= { end, maxCommentIndent: ci };
        trivia.end = end;
        if (ci > trivia.maxCommentIndent) trivia.maxCommentIndent = ci;
      }
      i = end;
    }
    return { trivia, next: i };
  }

  /** The CST parser's pop: a comment-only last item moves up unless a comment in it is at least as indented. */
  private closeCollection(node: BlockNode, indent: number, start: number, offset: number, trivia: Trivia | null): Trivia | null {
    if (trivia && indent !== 0 && trivia.maxCommentIndent >= indent) {
      node.range = [start, offset, trivia.end];
      return null;
    }
    node.range = [start, offset, offset];
    return trivia;
  }

  // --- block collections ---

  /** A block mapping whose keys are at column `indent`, the first at `pos`. */
  private blockMap(indent: number, pos: number, depth: number): Parsed<YAMLMap> {
    if (depth > MAX_DEPTH) decline();
    const { s, n } = this;
    const map = new YAMLMap(this.doc.schema);
    this.count();
    const start = pos;
    let p = pos;
    let offset = pos;
    for (;;) {
      const key = this.blockKey(p);
      if (!key) decline();
      const colon = key.node.range![1];
      let v = colon + 1;
      while (v < n && s.charCodeAt(v) === SPACE) v++;
      const c = v < n ? s.charCodeAt(v) : LF;
      let value: ValueNode;
      let trivia: Trivia | null;
      let next: number;
      if (c === LF) {
        const la = this.skipTrivia(v);
        const li = la < n ? this.indentAt(la) : -1;
        if (la < n && (li > indent || (li === indent && this.isSeqItem(la)))) {
          const child = this.isSeqItem(la) ? this.blockSeq(li, la, depth + 1) : this.blockMap(li, la, depth + 1);
          value = child.node;
          trivia = child.trivia;
          next = child.next;
        } else {
          // An empty value; the lines after it stay in the pair's separator (no range grows).
          if (this.hasComment(v, la)) decline();
          value = this.plainScalar('', v, v, v, false);
          trivia = null;
          next = la;
        }
      } else {
        const inline = this.inlineValue(v, indent, depth);
        value = inline.node;
        const t = this.trivia(inline.next, indent, inline.hasEnd ? value : null);
        trivia = t.trivia;
        next = t.next;
      }
      map.items.push(new Pair(key.node, value));
      offset = value.range![2];
      if (next >= n) return { node: map, trivia: this.closeCollection(map, indent, start, offset, trivia), next: n };
      const li = this.indentAt(next);
      if (li === indent && !this.isSeqItem(next)) {
        p = next;
        continue;
      }
      if (li >= indent) decline();
      return { node: map, trivia: this.closeCollection(map, indent, start, offset, trivia), next };
    }
  }

  /** A block sequence whose `-` are at column `indent`, the first at `pos`. */
  private blockSeq(indent: number, pos: number, depth: number): Parsed<YAMLSeq> {
    if (depth > MAX_DEPTH) decline();
    const { s, n } = this;
    const seq = new YAMLSeq(this.doc.schema);
    this.count();
    const start = pos;
    let p = pos;
    let offset = pos;
    for (;;) {
      let v = p + 1;
      while (v < n && s.charCodeAt(v) === SPACE) v++;
      const c = v < n ? s.charCodeAt(v) : LF;
      let value: ValueNode;
      let trivia: Trivia | null;
      let next: number;
      if (c === LF) {
        const la = this.skipTrivia(v);
        const li = la < n ? this.indentAt(la) : -1;
        // An empty item (`-` alone) declines; so does a comment between `-` and its value.
        if (la >= n || li <= indent || this.hasComment(v, la)) decline();
        const child = this.isSeqItem(la) ? this.blockSeq(li, la, depth + 1) : this.blockMap(li, la, depth + 1);
        value = child.node;
        trivia = child.trivia;
        next = child.next;
      } else if (v === p + 1) {
        decline();
      } else if (this.isSeqItem(v)) {
        const child = this.blockSeq(v - p + indent, v, depth + 1);
        value = child.node;
        trivia = child.trivia;
        next = child.next;
      } else if (this.looksLikeKey(v)) {
        const child = this.blockMap(v - p + indent, v, depth + 1);
        value = child.node;
        trivia = child.trivia;
        next = child.next;
      } else {
        const inline = this.inlineValue(v, indent, depth);
        value = inline.node;
        const t = this.trivia(inline.next, indent, inline.hasEnd ? value : null);
        trivia = t.trivia;
        next = t.next;
      }
      seq.items.push(value);
      offset = value.range![2];
      if (next >= n) return { node: seq, trivia: this.closeCollection(seq, indent, start, offset, trivia), next: n };
      const li = this.indentAt(next);
      if (li === indent && this.isSeqItem(next)) {
        p = next;
        continue;
      }
      if (li > indent) decline();
      return { node: seq, trivia: this.closeCollection(seq, indent, start, offset, trivia), next };
    }
  }

  private hasComment(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.s.charCodeAt(i) === HASH) return true;
    return false;
  }

  /** Whether the line from `pos` is `key:` / `key: value` (a compact mapping in a sequence item). */
  private looksLikeKey(pos: number): boolean {
    const c = this.s.charCodeAt(pos);
    if (c === 0x22 || c === 0x27) {
      const close = this.quoteEnd(pos);
      return close > 0 && this.s.charCodeAt(close) === COLON;
    }
    return this.plainKeyEnd(pos) > 0;
  }

  /** The end of a plain implicit key starting at `pos` (its `:`), or -1 when the line holds none. */
  private plainKeyEnd(pos: number): number {
    const { s, n } = this;
    if (!this.plainStartOk(pos, false)) return -1;
    for (let i = pos; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c === LF) return -1;
      if (c === COLON) {
        const d = s.charCodeAt(i + 1);
        if (Number.isNaN(d) || d === SPACE || d === LF) return i;
      } else if (c === SPACE && s.charCodeAt(i + 1) === HASH) return -1;
    }
    return -1;
  }

  /** An implicit key at `pos` followed by `:`; range[1] of the key is where the `:` is. */
  private blockKey(pos: number): { node: Scalar } | undefined {
    const { s } = this;
    const c = s.charCodeAt(pos);
    if (c === 0x22 || c === 0x27) {
      const close = this.quoteEnd(pos);
      if (close < 0 || s.charCodeAt(close) !== COLON) return undefined;
      const d = s.charCodeAt(close + 1);
      if (!(Number.isNaN(d) || d === SPACE || d === LF)) return undefined;
      return { node: this.quotedScalar(pos, close, close) };
    }
    const end = this.plainKeyEnd(pos);
    if (end < 0 || s.charCodeAt(end - 1) === SPACE || end - pos > 1000) return undefined;
    const text = s.slice(pos, end);
    if (text === '<<') decline();
    return { node: this.plainScalar(text, pos, end, end, true) };
  }

  /**
   * Whether a plain scalar may start at `pos` (flow: inside `[]`/`{}`): not an indicator, nor `-`/`?`/`:`
   * before a space.
   */
  private plainStartOk(pos: number, flow: boolean): boolean {
    const { s } = this;
    const c = s[pos];
    switch (c) {
      case undefined:
      case '\n':
      case ' ':
      case '#':
      case '&':
      case '*':
      case '!':
      case '|':
      case '>':
      case "'":
      case '"':
      case '%':
      case '@':
      case '`':
      case ',':
      case '[':
      case ']':
      case '{':
      case '}':
        return false;
      case '-':
      case '?':
      case ':': {
        const d = s[pos + 1];
        if (d === undefined || d === ' ' || d === '\n') return false;
        if (flow && (d === ',' || d === '[' || d === ']' || d === '{' || d === '}')) return false;
        return !(c === '-' && s.startsWith('---', pos) && this.indentAt(pos) === 0);
      }
      default:
        return true;
    }
  }

  // --- values on a line ---

  /**
   * The value starting at `pos` on a line of a collection at column `indent`: a flow scalar (plain
   * continuing over more-indented lines), a flow collection or a block scalar. `next` is the start of
   * the line after it; `hasEnd` whether the CST gives it end tokens (comments may join it).
   */
  private inlineValue(pos: number, indent: number, depth: number): { node: ValueNode; next: number; hasEnd: boolean } {
    const { s } = this;
    const c = s.charCodeAt(pos);
    if (c === 0x22 || c === 0x27) {
      let close = this.quoteEnd(pos);
      const multiline = close < 0;
      if (multiline) close = this.multilineQuoteEnd(pos, indent);
      const next = this.lineTail(close);
      if (next < 0) decline();
      return { node: this.quotedScalar(pos, close, next, multiline), next, hasEnd: true };
    }
    if (c === 0x5b || c === 0x7b) {
      const coll = this.flowCollection(pos, depth + 1);
      const close = coll.range![1];
      const next = this.lineTail(close);
      if (next < 0) decline();
      coll.range![2] = next;
      return { node: coll, next, hasEnd: true };
    }
    if (c === 0x7c || c === 0x3e) return this.blockScalar(pos, indent);
    return this.blockPlain(pos, indent);
  }

  /** A plain scalar in block context, continued over lines indented more than `indent`. */
  private blockPlain(pos: number, indent: number): { node: Scalar; next: number; hasEnd: boolean } {
    const { s, n } = this;
    if (!this.plainStartOk(pos, false)) decline();
    let contentEnd = this.plainLineEnd(pos);
    let lineTail = this.lineTail(contentEnd);
    if (lineTail < 0) decline();
    let multiline = false;
    // Continuation lines: only when this line has no comment.
    if (lineTail < n && !this.lineHasComment(contentEnd, lineTail)) {
      for (let i = lineTail; i < n; ) {
        let j = i;
        while (j < n && s.charCodeAt(j) === SPACE) j++;
        if (j >= n) break;
        const ch = s.charCodeAt(j);
        if (ch === LF) {
          i = j + 1;
          continue;
        }
        if (j - i <= indent || ch === HASH) break;
        // A continuation line may start with any character (indicators included) but holds no key or comment.
        const end = this.plainLineEnd(j);
        const tail = this.lineTail(end);
        if (tail < 0 || this.lineHasComment(end, tail)) decline();
        multiline = true;
        contentEnd = end;
        lineTail = tail;
        i = tail;
      }
    }
    const raw = s.slice(pos, contentEnd);
    return { node: this.plainScalar(multiline ? unfoldLines(raw) : raw, pos, contentEnd, lineTail, false), next: lineTail, hasEnd: true };
  }

  private lineHasComment(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.s.charCodeAt(i) === HASH) return true;
    return false;
  }

  /** End of the plain text on this line from `pos` (before trailing spaces); declines on `: ` or ` #` inside. */
  private plainLineEnd(pos: number): number {
    const { s, n } = this;
    let end = pos;
    for (let i = pos; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c === LF) break;
      if (c === COLON) {
        const d = s.charCodeAt(i + 1);
        if (Number.isNaN(d) || d === SPACE || d === LF) decline();
      } else if (c === SPACE) {
        if (s.charCodeAt(i + 1) === HASH) break;
        continue;
      }
      end = i + 1;
    }
    return end;
  }

  /** `|`, `|-`, `|+`, `>`, `>-`, `>+` with content more indented than `indent`. */
  private blockScalar(pos: number, indent: number): { node: Scalar; next: number; hasEnd: boolean } {
    const { s, n } = this;
    let h = pos + 1;
    const mode = s[pos];
    let chomp = '';
    if (s[h] === '-' || s[h] === '+') chomp = s[h++];
    while (h < n && s.charCodeAt(h) === SPACE) h++;
    if (h >= n || s.charCodeAt(h) !== LF) decline();
    const headerEnd = h + 1;
    let contentEnd = -1;
    let contentIndent = -1;
    let i = headerEnd;
    while (i < n) {
      let j = i;
      while (j < n && s.charCodeAt(j) === SPACE) j++;
      const c = j < n ? s.charCodeAt(j) : LF;
      if (c === LF) {
        if (j > i) decline();
        if (j >= n) break;
        i = j + 1;
        // Keep chomping: the empty lines after the content belong to the scalar.
        if (chomp === '+' && contentEnd >= 0) contentEnd = i;
        continue;
      }
      const ind = j - i;
      if (ind <= indent) break;
      if (contentIndent < 0) contentIndent = ind;
      else if (ind < contentIndent) decline();
      i = this.lineEnd(j);
      contentEnd = i;
    }
    if (contentEnd < 0) decline();
    const source = s.slice(headerEnd, contentEnd);
    const value = blockScalarValue(source, mode === '>', chomp, indent);
    const scalar = new Scalar(value);
    this.count();
    scalar.range = [pos, contentEnd, contentEnd];
    scalar.source = value;
    scalar.type = mode === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
    if (this.stringTag.format) scalar.format = this.stringTag.format;
    return { node: scalar, next: contentEnd, hasEnd: false };
  }

  // --- flow ---

  /** A flow collection that opens at `pos` and closes on the same line; range [open, close + 1, close + 1]. */
  private flowCollection(pos: number, depth: number): YAMLMap | YAMLSeq {
    if (depth > MAX_DEPTH) decline();
    const { s, n } = this;
    const isMap = s.charCodeAt(pos) === 0x7b;
    const closer = isMap ? 0x7d : 0x5d;
    const coll = isMap ? new YAMLMap(this.doc.schema) : new YAMLSeq(this.doc.schema);
    coll.flow = true;
    this.count();
    let q = pos + 1;
    while (q < n && s.charCodeAt(q) === SPACE) q++;
    if (s.charCodeAt(q) === closer) {
      coll.range = [pos, q + 1, q + 1];
      return coll;
    }
    for (;;) {
      if (isMap) {
        const key = this.flowScalar(q, true);
        q = key.range![1];
        if (s.charCodeAt(q) !== COLON || s.charCodeAt(q + 1) !== SPACE) decline();
        q += 2;
        while (q < n && s.charCodeAt(q) === SPACE) q++;
        const value = this.flowValue(q, depth);
        q = value.range![1];
        (coll as YAMLMap).items.push(new Pair(key, value));
      } else {
        const item = this.flowValue(q, depth);
        q = item.range![1];
        if (s.charCodeAt(q) === COLON) decline();
        (coll as YAMLSeq).items.push(item);
      }
      const c = s.charCodeAt(q);
      if (c === closer) break;
      if (c !== 0x2c) decline();
      q++;
      while (q < n && s.charCodeAt(q) === SPACE) q++;
      if (s.charCodeAt(q) === closer) decline();
    }
    coll.range = [pos, q + 1, q + 1];
    return coll;
  }

  private flowValue(q: number, depth: number): ValueNode {
    const c = this.s.charCodeAt(q);
    if (c === 0x5b || c === 0x7b) return this.flowCollection(q, depth + 1);
    return this.flowScalar(q, false);
  }

  /** A quoted or plain scalar inside a flow collection, followed directly by `,`, `:` (keys) or the closer. */
  private flowScalar(q: number, atKey: boolean): Scalar {
    const { s, n } = this;
    const c = s.charCodeAt(q);
    if (c === 0x22 || c === 0x27) {
      const close = this.quoteEnd(q);
      if (close < 0) decline();
      return this.quotedScalar(q, close, close);
    }
    if (!this.plainStartOk(q, true)) decline();
    let i = q;
    for (; i < n; i++) {
      const ch = s.charCodeAt(i);
      if (ch === LF || ch === 0x2c || ch === 0x5b || ch === 0x5d || ch === 0x7b || ch === 0x7d) break;
      if (ch === COLON) {
        const d = s.charCodeAt(i + 1);
        if (d === SPACE || d === 0x2c || d === 0x5d || d === 0x7d || d === LF || Number.isNaN(d)) break;
      }
      if (ch === SPACE && s.charCodeAt(i + 1) === HASH) decline();
    }
    // Spaces before `,`/`:`/the closer: the CST places them differently per case; not in the subset.
    if (i >= n || s.charCodeAt(i) === LF || s.charCodeAt(i - 1) === SPACE) decline();
    return this.plainScalar(s.slice(q, i), q, i, i, atKey);
  }

  // --- scalars ---

  /** End (exclusive) of a quoted scalar opening at `pos` on this line, or -1 if it does not close there. */
  private quoteEnd(pos: number): number {
    const { s, n } = this;
    const quote = s.charCodeAt(pos);
    for (let i = pos + 1; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c === LF) return -1;
      if (quote === 0x27) {
        if (c === 0x27) {
          if (s.charCodeAt(i + 1) === 0x27) i++;
          else return i + 1;
        }
      } else if (c === 0x5c) i++;
      else if (c === 0x22) return i + 1;
    }
    return -1;
  }

  /**
   * End of a quoted scalar that spans lines, each continuation line indented more than `indent`.
   */
  private multilineQuoteEnd(pos: number, indent: number): number {
    const { s, n } = this;
    const quote = s.charCodeAt(pos);
    for (let i = pos + 1; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c === LF) {
        let j = i + 1;
        while (j < n && s.charCodeAt(j) === SPACE) j++;
        if (j >= n) decline();
        if (s.charCodeAt(j) !== LF && j - i - 1 <= indent) decline();
        i = j - 1;
      } else if (quote === 0x27) {
        if (c === 0x27) {
          if (s.charCodeAt(i + 1) === 0x27) i++;
          else return i + 1;
        }
      } else if (c === 0x5c) i++;
      else if (c === 0x22) return i + 1;
    }
    return decline();
  }

  private quotedScalar(pos: number, close: number, end: number, multiline = false): Scalar {
    const { s } = this;
    const single = s.charCodeAt(pos) === 0x27;
    const text = s.slice(pos + 1, close - 1);
    const value = single ? (multiline ? unfoldLines(text) : text).replace(/''/g, "'") : doubleQuoted(s, pos + 1, close - 1);
    const tag = this.stringTag;
    const res = this.resolve(tag, value);
    const scalar = isScalar(res) ? res : new Scalar(res);
    this.count();
    scalar.range = [pos, close, end];
    scalar.source = value;
    scalar.type = single ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
    if (tag.format) scalar.format = tag.format;
    return scalar;
  }

  /** A plain scalar of (unfolded) `value`, resolved by the schema's tags as the composer does. */
  private plainScalar(value: string, start: number, valueEnd: number, end: number, atKey: boolean): Scalar {
    const cache = atKey ? this.keyTagCache : this.tagCache;
    let tag = cache.get(value);
    if (!tag) {
      tag = this.tags.find((t) => (t.default === true || (atKey && t.default === 'key')) && t.test?.test(value)) ?? this.stringTag;
      cache.set(value, tag);
    }
    const res = this.resolve(tag, value);
    const scalar = isScalar(res) ? res : new Scalar(res);
    this.count();
    scalar.range = [start, valueEnd, end];
    scalar.source = value;
    scalar.type = 'PLAIN';
    if (tag.format) scalar.format = tag.format;
    return scalar;
  }

  private resolve(tag: ScalarTag, value: string): unknown {
    let failed = false;
    const res = tag.resolve(value, () => (failed = true), this.docOptions);
    if (failed) decline();
    return res;
  }

  private count(): void {
    if (++this.nodes > this.maxNodes) decline();
  }
}

/**
 * A double-quoted scalar's value, as the library's `doubleQuotedValue` (resolve-flow-scalar.js) reads it
 * (line folding, escapes, escaped line breaks; no tabs or CRs reach here); declines on an invalid escape.
 */
function doubleQuoted(s: string, from: number, to: number): string {
  let res = '';
  for (let i = from; i < to; i++) {
    const ch = s[i];
    if (ch === '\n') {
      let fold = '';
      let next = s[i + 1];
      while (next === ' ' || next === '\n') {
        if (next === '\n') fold += '\n';
        i++;
        next = s[i + 1];
      }
      res += fold || ' ';
    } else if (ch === '\\') {
      let next = s[++i];
      const cc = escapeCodes[next];
      if (cc !== undefined) res += cc;
      else if (next === '\n') {
        // An escaped line break: skipped, and the next line's indentation with it.
        next = s[i + 1];
        while (next === ' ') next = s[++i + 1];
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = s.slice(i + 1, i + 1 + length);
        if (hex.length !== length || i + length >= to || !/^[0-9a-fA-F]+$/.test(hex)) decline();
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) decline();
        res += String.fromCodePoint(code);
        i += length;
      } else decline();
    } else if (ch === ' ') {
      // Trailing spaces of a line are dropped.
      const wsStart = i;
      let next = s[i + 1];
      while (next === ' ') next = s[++i + 1];
      if (next !== '\n' || i + 1 >= to) res += s.slice(wsStart, i + 1);
    } else res += ch;
  }
  return res;
}

/** The library's folding of a multi-line plain scalar (resolve-flow-scalar.js `unfoldLines`). */
function unfoldLines(source: string): string {
  const lines = source.split('\n');
  let res = lines[0].replace(/(?<![ \t])[ \t]+$/, '');
  let sep = ' ';
  for (let i = 1; i < lines.length - 1; i++) {
    const lm = lines[i].replace(/^[ \t]+|(?<![ \t])[ \t]+$/g, '');
    if (lm === '') {
      if (sep === '\n') res += sep;
      else sep = '\n';
    } else {
      res += sep + lm;
      sep = ' ';
    }
  }
  return res + sep + lines[lines.length - 1].replace(/^[ \t]*/, '');
}

/**
 * The library's block scalar value (resolve-block-scalar.js) for an auto-detected indentation, content
 * whose lines are all at least as indented as the first (checked by the caller) and no whitespace-only line.
 */
function blockScalarValue(source: string, folded: boolean, chomp: string, parentIndent: number): string {
  const split = source.split(/\n( *)/);
  const first = split[0];
  const m = /^( *)/.exec(first);
  const lines: [string, string][] = [m?.[1] ? [m[1], first.slice(m[1].length)] : ['', first]];
  for (let i = 1; i < split.length; i += 2) lines.push([split[i], split[i + 1]]);
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    if (lines[i][1] === '') chompStart = i;
    else break;
  }
  if (chompStart === 0) decline();
  let trimIndent = parentIndent;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [ind, content] = lines[i];
    if (content === '') {
      if (ind.length > trimIndent) trimIndent = ind.length;
    } else {
      if (ind.length < trimIndent) decline();
      trimIndent = ind.length;
      contentStart = i;
      break;
    }
  }
  for (let i = lines.length - 1; i >= chompStart; --i) if (lines[i][0].length > trimIndent) chompStart = i + 1;
  let value = '';
  let sep = '';
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i) value += lines[i][0].slice(trimIndent) + '\n';
  for (let i = contentStart; i < chompStart; ++i) {
    const [ind, content] = lines[i];
    if (content && ind.length < trimIndent) decline();
    if (!folded) {
      value += sep + ind.slice(trimIndent) + content;
      sep = '\n';
    } else if (ind.length > trimIndent) {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      value += sep + ind.slice(trimIndent) + content;
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  if (chomp === '+') {
    for (let i = chompStart; i < lines.length; ++i) value += '\n' + lines[i][0].slice(trimIndent);
    if (value[value.length - 1] !== '\n') value += '\n';
  } else if (chomp !== '-') value += '\n';
  return value;
}
