/**
 * How deeply a YAML text nests, found by one linear scan of its characters, before any parser sees it.
 *
 * Why: the `yaml` package composes documents recursively, and so do `toJS`, `visit`, the schema
 * validators and our own walkers. A 200 KB `[[[[...` (or `- - - -`, or `{a: {a: ...`) overflows the
 * stack somewhere, after seconds of work, and the overflow surfaces as a misleading syntax error at a
 * column. Refusing such a text up front is fast and gives one clear message at the place it gets too deep.
 *
 * The scan follows flow collections exactly (brackets outside quoted scalars and comments) and block
 * collections by their indentation and `- `/`? `/`key:` indicators, skipping block scalars and
 * multi-line quoted scalars. It is meant to never count deeper than the YAML really nests (a false
 * alarm would refuse a valid file); where it cannot tell, it counts less, and the parser's own stack
 * overflow remains the backstop.
 */

/** Far deeper than any real manifest, values file or CRD schema (those stay under ~60); far below where recursion fails (~700). */
export const MAX_YAML_NESTING = 256;

export interface NestingExcess {
  /** Offset in the text where the nesting first exceeds the limit. */
  offset: number;
  limit: number;
}

interface BlockLevel {
  indent: number;
  seq: boolean;
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

function isBreakOrEnd(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return Number.isNaN(c) || c === LF || c === CR || c === SPACE || c === TAB;
}

/** Where `text` nests deeper than `limit` collections, or undefined when it does not. */
export function findExcessiveNesting(text: string, limit = MAX_YAML_NESTING): NestingExcess | undefined {
  // Every level takes at least one character: a short text cannot be too deep.
  if (text.length <= limit) return undefined;
  return measureYaml(text, limit).excess;
}

export interface YamlShape {
  /** Set when the nesting exceeds the limit (the scan stops there). */
  excess?: NestingExcess;
  /**
   * About how many values the text holds (keys, sequence items, flow entries; block scalars and
   * quoted strings count once): what parsing costs, unlike its size in bytes.
   */
  nodes: number;
}

/** The nesting check and a node count, in one scan. */
export function measureYaml(text: string, limit = MAX_YAML_NESTING): YamlShape {
  let nodes = 0;
  const block: BlockLevel[] = [];
  let flow = 0;
  let i = 0;
  const n = text.length;
  /** Inside a block scalar: lines indented more than this (or blank) belong to it. */
  let blockScalarParent = -2;
  /** Inside a quoted scalar that spans lines: its quote character. */
  let quote = 0;
  const exceeded = (at: number): YamlShape | undefined => (block.length + flow > limit ? { excess: { offset: at, limit }, nodes } : undefined);

  while (i < n) {
    // --- start of a line ---
    let indent = 0;
    while (i + indent < n && text.charCodeAt(i + indent) === SPACE) indent++;
    const first = text.charCodeAt(i + indent);
    const blankLine = i + indent >= n || first === LF || first === CR;
    if (blockScalarParent > -2) {
      if (blankLine || indent > blockScalarParent) {
        i = skipLine(text, i);
        continue;
      }
      blockScalarParent = -2;
    }
    let pos = i + indent;
    if (quote === 0 && flow === 0) {
      if (blankLine || first === 0x23 /* # */) {
        i = skipLine(text, i);
        continue;
      }
      if (indent === 0 && (text.startsWith('---', pos) || text.startsWith('...', pos)) && isBreakOrEnd(text, pos + 3)) {
        block.length = 0;
        pos += 3;
      } else if (indent === 0 && first === 0x25 /* % directive */) {
        i = skipLine(text, i);
        continue;
      } else {
        // Close the block collections this line is outside of.
        while (block.length > 0) {
          const top = block[block.length - 1];
          const startsItem = first === 0x2d /* - */ && isBreakOrEnd(text, pos + 1);
          if (top.indent > indent || (top.indent === indent && top.seq && !startsItem)) block.pop();
          else break;
        }
      }
    }
    // --- the rest of the line ---
    let valueStart = quote === 0 && flow === 0;
    /** Last significant character in flow context, to tell a quote that opens a scalar from one inside a plain scalar. */
    let lastFlowChar = 0x5b;
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === LF) break;
      if (quote !== 0) {
        if (c === quote) {
          if (quote === 0x27 && text.charCodeAt(pos + 1) === 0x27) pos += 2;
          else {
            quote = 0;
            pos++;
            lastFlowChar = 0x22;
          }
          continue;
        }
        pos += c === 0x5c /* \ */ && quote === 0x22 ? 2 : 1;
        continue;
      }
      if (isBlank(c) || c === CR) {
        pos++;
        continue;
      }
      if (c === 0x23 /* # */ && (pos === i || isBlank(text.charCodeAt(pos - 1)))) break;
      if (flow > 0) {
        if (c === 0x5b || c === 0x7b) {
          flow++;
          nodes++;
          const over = exceeded(pos);
          if (over) return over;
        } else if (c === 0x2c) {
          nodes++;
        } else if (c === 0x5d || c === 0x7d) {
          flow--;
          if (flow === 0) valueStart = false;
        } else if ((c === 0x22 || c === 0x27) && isFlowScalarStart(lastFlowChar)) {
          quote = c;
        } else if ((c === 0x21 || c === 0x26) && isFlowScalarStart(lastFlowChar)) {
          // A tag or anchor before a node: what follows still starts a node.
          while (pos < n && !isBreakOrEnd(text, pos) && !isFlowIndicator(text.charCodeAt(pos))) pos++;
          continue;
        }
        lastFlowChar = c;
        pos++;
        continue;
      }
      // Block context.
      if (valueStart) {
        if ((c === 0x2d /* - */ || c === 0x3f /* ? */ || c === 0x3a /* : */) && isBreakOrEnd(text, pos + 1)) {
          if (c !== 0x3a) {
            nodes++;
            const col = pos - i;
            const top = block[block.length - 1];
            if (!top || top.indent < col || (top.indent === col && !top.seq && c === 0x2d)) {
              block.push({ indent: col, seq: c === 0x2d });
              const over = exceeded(pos);
              if (over) return over;
            }
          }
          pos++;
          continue;
        }
        if (c === 0x5b || c === 0x7b) {
          flow = 1;
          nodes++;
          lastFlowChar = c;
          const over = exceeded(pos);
          if (over) return over;
          pos++;
          continue;
        }
        if (c === 0x22 || c === 0x27) {
          quote = c;
          pos++;
          // A quoted key is followed by ':', handled after it closes.
          valueStart = false;
          continue;
        }
        if (c === 0x7c || c === 0x3e) {
          // A block scalar: the header ends the line, the content is every more-indented line below.
          const top = block[block.length - 1];
          blockScalarParent = top ? top.indent : -1;
          break;
        }
        if (c === 0x26 || c === 0x21) {
          // An anchor or a tag: the node itself follows.
          while (pos < n && !isBreakOrEnd(text, pos)) pos++;
          continue;
        }
        valueStart = false;
      }
      // Inside a plain scalar or after a key: a ': ' makes what came before a key of a block mapping.
      if (c === 0x3a && isBreakOrEnd(text, pos + 1)) {
        nodes++;
        const col = keyColumn(text, i, pos);
        const top = block[block.length - 1];
        if (!top || top.indent < col) {
          block.push({ indent: col, seq: false });
          const over = exceeded(pos);
          if (over) return over;
        }
        valueStart = true;
      }
      pos++;
    }
    i = skipLine(text, pos);
  }
  return { nodes };
}

function isFlowIndicator(c: number): boolean {
  return c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;
}

function isFlowScalarStart(previous: number): boolean {
  return previous === 0x5b || previous === 0x7b || previous === 0x2c || previous === 0x3a || previous === 0x3f;
}

/** Column of the key ending at the ':' at `colon`: the first non-blank after the line's indicators. */
function keyColumn(text: string, lineStart: number, colon: number): number {
  let p = lineStart;
  for (;;) {
    while (p < colon && isBlank(text.charCodeAt(p))) p++;
    const c = text.charCodeAt(p);
    if ((c === 0x2d || c === 0x3f) && isBreakOrEnd(text, p + 1) && p + 1 < colon) p++;
    else break;
  }
  return p - lineStart;
}

function skipLine(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl === -1 ? text.length : nl + 1;
}
