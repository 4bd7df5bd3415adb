/**
 * A one-pass reader for the YAML that values files, Chart.yaml files and rendered manifests nearly
 * always are: block mappings and sequences, plain and one-line quoted scalars, literal and folded
 * block scalars, one-line flow sequences of scalars, `{}`, comments, `---` documents, and anchors and
 * aliases of scalars (`port: &port 8080` ... `targetPort: *port`, as charts write them).
 *
 * Why it exists: in a fresh process (every `shipshape render`) the `yaml` package's layers (lexer, CST,
 * composer, nodes, then our decode) run mostly in V8's interpreter, and a cold render of a real chart
 * spent ~80 ms there. Reading the common subset directly does a fraction of that work.
 *
 * It only ever answers what the full path (`yaml` + decode.ts) would answer. Anything outside the
 * subset or in doubt (anchored collections, more than a few aliases, tags, `?` keys, merge keys, tabs in indentation, multi-line
 * plain or quoted scalars, duplicate keys, values the full path rejects such as `.inf`, anything that
 * may be an error) makes it decline (`undefined`), and the caller takes the full path, so errors and
 * their messages stay exactly the full path's. Scalar typing is not done here: the caller's
 * `ScalarReader` does it (decode.ts with resolve.ts's `resolvePlain`).
 */

import { TAB, SPACE, DQUOTE, HASH, AMPERSAND, STAR, SQUOTE, PLUS, COMMA, DASH, DOT, COLON, GT, LBRACKET, BACKSLASH, RBRACKET, LBRACE, PIPE, RBRACE } from './fast-lines';
import { DECLINED, decline, isDashAt, isDocumentStart, plainStart, anchorNameEnd, closingSingleQuote, skipSpaces, expectLineEnd, trimSpacesEnd, plainEnd, SIMPLE_ESCAPES, HEX_ESCAPE_LENGTH } from './fast-lines';

export { decline } from './fast-lines';

/** How scalars become values; any method may call `decline()`. */
export interface ScalarReader {
  /** A plain scalar's text ('' for an empty value). */
  plain(text: string): unknown;
  /** A quoted or block scalar's value. */
  text(value: string): unknown;
  /** A mapping key: a plain scalar's text, or a quoted scalar's value. */
  key(text: string, plain: boolean): string;
}


/** Anything go-yaml's reader or the `yaml` package could treat specially: controls, CR, NEL, LS/PS, BOM, non-characters. */
const UNUSUAL_CHARACTER = /[^\n\t\x20-\x7e\xa0-\u2027\u202a-\ufefe\uff00-\ufffd]/;
/**
 * Deeper than this, leave it to the full path and its depth checks. Below every nesting limit of the
 * callers (256, 10000), so what the fast path reads never needs their nesting pre-check.
 */
export const FAST_MAX_DEPTH = 200;
const MAX_DEPTH = FAST_MAX_DEPTH;
/** More aliases than hand-written values use: the full path and its amplification checks decide. */
const MAX_ALIASES = 100;
const END = -1;


/**
 * Every document's value, in order, or `undefined` when the text is not (certainly) within the subset.
 * The text has been through the caller's pre-checks (BOM removed, NUL refused, nesting bounded).
 */
export function readFastDocuments(text: string, scalars: ScalarReader): unknown[] | undefined {
  if (UNUSUAL_CHARACTER.test(text)) return undefined;
  try {
    return new Reader(text, scalars).documents();
  } catch (error) {
    if (error === DECLINED) return undefined;
    throw error;
  }
}


class Reader {
  private readonly lines: string[];
  /** The current line. */
  private n = 0;
  /** The last `peek` answer, valid while `n === peekedLine`. */
  private peekedLine = -1;
  private peeked = END;
  /** The value of the quoted scalar read last. */
  private quoted = '';
  /** The current document's anchors, by name: scalars only (an anchored collection declines). */
  private anchors = new Map<string, unknown>();
  private aliases = 0;

  constructor(
    text: string,
    private readonly scalars: ScalarReader,
  ) {
    this.lines = text.split('\n');
  }

  /**
   * Documents as `parseAllDocuments` sees them: `---` starts one (an empty one when nothing follows),
   * and what precedes the first `---` is a document only if it has content.
   */
  documents(): unknown[] {
    const docs: unknown[] = [];
    let open = false;
    for (;;) {
      const indent = this.peek();
      if (indent === END) {
        if (this.n >= this.lines.length) break;
        if (open) docs.push(null);
        open = true;
        this.n++;
        continue;
      }
      this.anchors = new Map();
      docs.push(this.root(indent));
      open = false;
      if (this.peek() !== END) decline();
    }
    if (open) docs.push(null);
    return docs;
  }

  /**
   * Skips blank and comment lines; the indentation of the next content line, or END at the text's end
   * or at a `---` line (left current). Tabs in indentation and `...` lines decline.
   */
  private peek(): number {
    if (this.n === this.peekedLine) return this.peeked;
    const lines = this.lines;
    let result = END;
    for (; this.n < lines.length; this.n++) {
      const line = lines[this.n];
      const i = skipSpaces(line, 0);
      if (i === line.length) continue;
      const c = line.charCodeAt(i);
      if (c === HASH) continue;
      if (c === TAB) decline();
      if (i === 0 && (c === DASH || c === DOT) && (line.startsWith('---') || line.startsWith('...'))) {
        if (c === DASH && isDocumentStart(line)) break;
        decline();
      }
      result = i;
      break;
    }
    this.peekedLine = this.n;
    this.peeked = result;
    return result;
  }

  private root(indent: number): unknown {
    const line = this.lines[this.n];
    if (isDashAt(line, indent)) return this.sequence(indent, 0);
    const c = line.charCodeAt(indent);
    if (c === LBRACKET || c === LBRACE) {
      const value = this.flow(line, indent);
      this.n++;
      return value;
    }
    if (!this.isKeyLine(line, indent)) decline();
    return this.mapping(indent, 0);
  }

  /**
   * A node whose first line (current) is indented by `indent`, below a collection indented by
   * `parentIndent`: a block collection, or a scalar or flow value alone on its line (`{}` after
   * `key:` is what `toYaml | nindent` prints for an empty map).
   */
  private blockNode(indent: number, parentIndent: number, depth: number): unknown {
    const line = this.lines[this.n];
    if (isDashAt(line, indent)) return this.sequence(indent, depth);
    if (this.isKeyLine(line, indent)) return this.mapping(indent, depth);
    const c = line.charCodeAt(indent);
    if (c === PIPE || c === GT) decline();
    return this.inlineValue(line, indent, parentIndent, depth);
  }

  /** A block mapping whose first key starts at column `indent` of the current line. */
  private mapping(indent: number, depth: number): unknown {
    if (depth > MAX_DEPTH) decline();
    const out: Record<string, unknown> = {};
    for (;;) {
      const line = this.lines[this.n];
      const afterColon = this.key(line, indent);
      const key = this.lastKey;
      const value = this.entryValue(line, afterColon, indent, depth);
      if (Object.hasOwn(out, key)) decline();
      if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      else out[key] = value;
      const next = this.peek();
      if (next < indent) return out;
      if (next > indent || isDashAt(this.lines[this.n], indent)) decline();
    }
  }

  private lastKey = '';

  /** Reads the key at `col` into `lastKey`; returns the index after its `:`. */
  private key(line: string, col: number): number {
    const c = line.charCodeAt(col);
    if (c === DQUOTE || c === SQUOTE) {
      const end = c === DQUOTE ? this.doubleQuoted(line, col) : this.singleQuoted(line, col);
      const i = skipSpaces(line, end);
      if (line.charCodeAt(i) !== COLON || (i + 1 < line.length && line.charCodeAt(i + 1) !== SPACE)) decline();
      if (end - col > 1000) decline();
      this.lastKey = this.scalars.key(this.quoted, false);
      return i + 1;
    }
    if (!plainStart(c, line.charCodeAt(col + 1), false)) decline();
    let colon = line.indexOf(': ', col);
    if (colon < 0) {
      if (line.charCodeAt(line.length - 1) !== COLON) decline();
      colon = line.length - 1;
    }
    if (colon - col > 1000) decline();
    const hash = line.indexOf(' #', col);
    const tab = line.indexOf('\t', col);
    if ((hash >= 0 && hash < colon) || (tab >= 0 && tab < colon)) decline();
    this.lastKey = this.scalars.key(line.slice(col, trimSpacesEnd(line, col, colon)), true);
    return colon + 1;
  }

  /** Whether the content at `i` is `key: ...` (else a scalar or flow value). */
  private isKeyLine(line: string, i: number): boolean {
    const c = line.charCodeAt(i);
    if (c === DQUOTE || c === SQUOTE) {
      // A quoted scalar over several lines is no key.
      if (line.indexOf(c === DQUOTE ? '"' : "'", i + 1) < 0) return false;
      const end = c === DQUOTE ? this.doubleQuoted(line, i) : this.singleQuoted(line, i);
      return line.charCodeAt(skipSpaces(line, end)) === COLON;
    }
    if (!plainStart(c, line.charCodeAt(i + 1), true)) return false;
    const hash = line.indexOf(' #', i);
    const stop = hash < 0 ? line.length : hash;
    const colon = line.indexOf(': ', i);
    return (colon >= 0 && colon < stop) || line.charCodeAt(stop - 1) === COLON;
  }

  /** The value of a mapping entry whose `:` ends before `at`; the mapping is indented by `indent`. */
  private entryValue(line: string, at: number, indent: number, depth: number): unknown {
    const i = skipSpaces(line, at);
    if (i < line.length && line.charCodeAt(i) !== HASH) return this.inlineValue(line, i, indent, depth);
    this.n++;
    const next = this.peek();
    if (next > indent) return this.blockNode(next, indent, depth + 1);
    // A sequence may sit at its key's own indentation.
    if (next === indent && isDashAt(this.lines[this.n], indent)) return this.sequence(indent, depth + 1);
    return this.scalars.plain('');
  }

  /**
   * A scalar or flow value starting at `i` of the current line, in a collection indented by
   * `parentIndent`; what follows must not be indented deeper (that would be a continuation line).
   */
  private inlineValue(line: string, i: number, parentIndent: number, depth: number): unknown {
    const c = line.charCodeAt(i);
    if (c === AMPERSAND) return this.anchoredScalar(line, i, parentIndent, depth);
    let value: unknown;
    if (c === STAR) {
      const end = anchorNameEnd(line, i + 1);
      const name = line.slice(i + 1, end);
      // Unknown here (a collection's, a later one's, another document's): the full path says which.
      if (!this.anchors.has(name) || ++this.aliases > MAX_ALIASES) decline();
      expectLineEnd(line, end);
      value = this.anchors.get(name);
      this.n++;
    } else if (c === PIPE || c === GT) {
      value = this.scalars.text(this.blockScalar(line, i, parentIndent));
    } else {
      let end: number;
      if (c === DQUOTE || c === SQUOTE) {
        end = c === DQUOTE ? this.doubleQuoted(line, i, parentIndent) : this.singleQuoted(line, i, parentIndent);
        value = this.scalars.text(this.quoted);
        expectLineEnd(this.lines[this.n], end);
      } else if (c === LBRACKET || c === LBRACE) {
        if (depth > MAX_DEPTH) decline();
        value = this.flow(line, i);
      } else {
        if (!plainStart(c, line.charCodeAt(i + 1), true)) decline();
        end = plainEnd(line, i);
        const text = line.slice(i, end);
        value = this.scalars.plain(line.indexOf(' #', end) < 0 ? this.plainContinued(text, parentIndent) : text);
      }
      this.n++;
    }
    if (this.peek() > parentIndent) decline();
    return value;
  }

  /** `&name` and a plain or quoted scalar on the same line: its value, remembered for `*name`. */
  private anchoredScalar(line: string, i: number, parentIndent: number, depth: number): unknown {
    const end = anchorNameEnd(line, i + 1);
    if (line.charCodeAt(end) !== SPACE) decline();
    const j = skipSpaces(line, end);
    const c = line.charCodeAt(j);
    // Nothing after it (an anchored collection or empty value), or a flow, block scalar, tag or alias.
    if (j === line.length || c === HASH || (c !== DQUOTE && c !== SQUOTE && !plainStart(c, line.charCodeAt(j + 1), true))) decline();
    const value = this.inlineValue(line, j, parentIndent, depth);
    this.anchors.set(line.slice(i + 1, end), value);
    return value;
  }

  /**
   * A plain scalar's first line `first` with the lines that continue it (indented deeper than
   * `parentIndent`), folded: one line break becomes a space, n empty lines n line breaks. Leaves the
   * current line at the last one read. A comment ends it.
   */
  private plainContinued(first: string, parentIndent: number): string {
    const lines = this.lines;
    let value = first;
    let empty = 0;
    for (let j = this.n + 1; j < lines.length; j++) {
      const line = lines[j];
      const s = skipSpaces(line, 0);
      if (s === line.length) {
        empty++;
        continue;
      }
      const c = line.charCodeAt(s);
      if (s <= parentIndent || c === HASH) break;
      // Indicators mean nothing here: `- x`, `"q"` or `*a` continue the text (plainEnd declines `: `).
      const end = plainEnd(line, s);
      const piece = line.slice(s, end);
      value += empty === 0 ? ' ' + piece : '\n'.repeat(empty) + piece;
      empty = 0;
      this.n = j;
      if (line.indexOf(' #', end) >= 0) break;
    }
    return value;
  }

  /** A block sequence whose first `-` is at column `indent` of the current line. */
  private sequence(indent: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) decline();
    const out: unknown[] = [];
    for (;;) {
      const line = this.lines[this.n];
      const i = skipSpaces(line, indent + 1);
      if (i === line.length || line.charCodeAt(i) === HASH) {
        this.n++;
        const next = this.peek();
        out.push(next > indent ? this.blockNode(next, indent, depth + 1) : this.scalars.plain(''));
      } else if (isDashAt(line, i)) {
        decline();
      } else if (this.isKeyLine(line, i)) {
        out.push(this.mapping(i, depth + 1));
      } else {
        out.push(this.inlineValue(line, i, indent, depth + 1));
      }
      const next = this.peek();
      if (next !== indent || !isDashAt(this.lines[this.n], indent)) {
        if (next > indent) decline();
        return out;
      }
    }
  }

  /** `[a, "b"]` (scalars only, one line) or `{}`; the rest of the line must be blank or a comment. */
  private flow(line: string, start: number): unknown {
    let i = skipSpaces(line, start + 1);
    if (line.charCodeAt(start) === LBRACE) {
      if (line.charCodeAt(i) !== RBRACE) decline();
      expectLineEnd(line, i + 1);
      return {};
    }
    const out: unknown[] = [];
    if (line.charCodeAt(i) !== RBRACKET) {
      for (;;) {
        const c = line.charCodeAt(i);
        if (c === DQUOTE || c === SQUOTE) {
          i = c === DQUOTE ? this.doubleQuoted(line, i) : this.singleQuoted(line, i);
          out.push(this.scalars.text(this.quoted));
        } else {
          if (!plainStart(c, line.charCodeAt(i + 1), true)) decline();
          let k = i;
          for (; k < line.length; k++) {
            const ch = line.charCodeAt(k);
            if (ch === COMMA || ch === RBRACKET) break;
            if (ch === LBRACKET || ch === LBRACE || ch === RBRACE || ch === HASH || ch === COLON || ch === TAB || ch === DQUOTE || ch === SQUOTE) decline();
          }
          const end = trimSpacesEnd(line, i, k);
          if (end === i) decline();
          out.push(this.scalars.plain(line.slice(i, end)));
          i = k;
        }
        i = skipSpaces(line, i);
        const sep = line.charCodeAt(i);
        if (sep === RBRACKET) break;
        if (sep !== COMMA) decline();
        i = skipSpaces(line, i + 1);
        // A trailing comma, an empty entry or the line's end: leave it to the full path.
        if (i === line.length || line.charCodeAt(i) === COMMA || line.charCodeAt(i) === RBRACKET) decline();
      }
    }
    expectLineEnd(line, i + 1);
    return out;
  }

  /**
   * A double-quoted scalar at `start` into `quoted`; returns the index after its closing quote (on the
   * current line, which a scalar over several lines moves: only a value's, below `parentIndent`).
   */
  private doubleQuoted(line: string, start: number, parentIndent?: number): number {
    const close = line.indexOf('"', start + 1);
    if (close < 0 && parentIndent !== undefined) return this.quotedLines(line, start, parentIndent);
    const escape = line.indexOf('\\', start + 1);
    if (escape < 0 || (close >= 0 && escape > close)) {
      if (close < 0) decline();
      this.quoted = line.slice(start + 1, close);
      return close + 1;
    }
    let out = '';
    let i = start + 1;
    for (;;) {
      if (i >= line.length) decline();
      const c = line.charCodeAt(i);
      if (c === DQUOTE) break;
      if (c !== BACKSLASH) {
        out += line[i];
        i++;
        continue;
      }
      const e = line[i + 1];
      const simple = e === undefined ? undefined : SIMPLE_ESCAPES[e];
      if (simple !== undefined && Object.hasOwn(SIMPLE_ESCAPES, e)) {
        out += simple;
        i += 2;
        continue;
      }
      const width = e === undefined || !Object.hasOwn(HEX_ESCAPE_LENGTH, e) ? 0 : HEX_ESCAPE_LENGTH[e];
      const hex = line.slice(i + 2, i + 2 + width);
      if (width === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) decline();
      const cp = parseInt(hex, 16);
      if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) decline();
      out += String.fromCodePoint(cp);
      i += 2 + width;
    }
    this.quoted = out;
    return i + 1;
  }

  /** A single-quoted scalar at `start` into `quoted`, as `doubleQuoted`. */
  private singleQuoted(line: string, start: number, parentIndent?: number): number {
    const close = closingSingleQuote(line, start + 1);
    if (close < 0) {
      if (parentIndent === undefined) decline();
      return this.quotedLines(line, start, parentIndent);
    }
    const raw = line.slice(start + 1, close);
    this.quoted = raw.includes("''") ? raw.replaceAll("''", "'") : raw;
    return close + 1;
  }

  /**
   * A quoted scalar whose closing quote is on a later line, folded: each line's surrounding blanks
   * dropped, one line break a space, n empty lines n line breaks. Declines escapes in double quotes
   * (escaped line breaks keep blanks), tabs, continuation lines not deeper than `parentIndent` (the
   * full path re-indents those) and an empty first or last line (doubtful folding).
   */
  private quotedLines(line: string, start: number, parentIndent: number): number {
    const double = line.charCodeAt(start) === DQUOTE;
    const lines = this.lines;
    if (line.indexOf('\t', start) >= 0 || (double && line.indexOf('\\', start) >= 0)) decline();
    let value = line.slice(start + 1, trimSpacesEnd(line, start + 1, line.length));
    if (value === '') decline();
    let empty = 0;
    for (let j = this.n + 1; j < lines.length; j++) {
      const l = lines[j];
      if (l.indexOf('\t') >= 0 || (double && l.indexOf('\\') >= 0)) decline();
      const s = skipSpaces(l, 0);
      if (s === l.length) {
        empty++;
        continue;
      }
      if (s <= parentIndent) decline();
      const close = double ? l.indexOf('"', s) : closingSingleQuote(l, s);
      if (close === s) decline();
      value += (empty === 0 ? ' ' : '\n'.repeat(empty)) + l.slice(s, close < 0 ? trimSpacesEnd(l, s, l.length) : close);
      empty = 0;
      if (close >= 0) {
        this.n = j;
        this.quoted = !double && value.includes("''") ? value.replaceAll("''", "'") : value;
        return close + 1;
      }
    }
    return decline();
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar whose header is at `at` of the current line, in a
   * collection indented by `parentIndent`; leaves the current line at the first line after it.
   * Declines explicit indentation, more-indented folded lines, blank-looking lines deeper than the
   * content, keep-chomping at the end of the text and comments between the two indentations.
   */
  private blockScalar(line: string, at: number, parentIndent: number): string {
    const folded = line.charCodeAt(at) === GT;
    let i = at + 1;
    const indicator = line.charCodeAt(i);
    const chomp = indicator === DASH ? -1 : indicator === PLUS ? 1 : 0;
    if (chomp !== 0) i++;
    expectLineEnd(line, i);
    const lines = this.lines;
    let n = this.n + 1;
    // The content's indentation: that of its first non-blank line.
    let indent = -1;
    let leading = 0;
    let deepestLeading = 0;
    for (; n < lines.length; n++) {
      const l = lines[n];
      const s = skipSpaces(l, 0);
      if (s === l.length) {
        leading++;
        if (s > deepestLeading) deepestLeading = s;
        continue;
      }
      if (l.charCodeAt(s) === TAB) decline();
      indent = s;
      break;
    }
    if (indent <= parentIndent || deepestLeading > indent) decline();
    let value = '\n'.repeat(leading);
    let first = true;
    let empty = 0;
    let blankTail = false;
    for (; n < lines.length; n++) {
      const l = lines[n];
      let s = 0;
      while (s < indent && l.charCodeAt(s) === SPACE) s++;
      if (s < indent) {
        if (s === l.length) {
          empty++;
          continue;
        }
        break;
      }
      if (l.length === indent) {
        empty++;
        continue;
      }
      const content = indent === 0 ? l : l.slice(indent);
      const c = content.charCodeAt(0);
      if (folded && (c === SPACE || c === TAB)) decline();
      blankTail = skipSpaces(content, 0) === content.length;
      if (first) value += content;
      else if (folded) value += empty === 0 ? ' ' + content : '\n'.repeat(empty) + content;
      else value += '\n'.repeat(empty + 1) + content;
      first = false;
      empty = 0;
    }
    if (blankTail) decline();
    if (n < lines.length) {
      const l = lines[n];
      const s = skipSpaces(l, 0);
      const c = l.charCodeAt(s);
      if (c === TAB || (c === HASH && s > parentIndent)) decline();
    } else {
      if (chomp === 1) decline();
      // The text's final line break leaves an empty last line that is no line of the scalar.
      if (lines[lines.length - 1] === '') empty--;
    }
    this.n = n;
    if (chomp === -1) return value;
    if (chomp === 0) return value + '\n';
    return value + '\n'.repeat(empty + 1);
  }
}
