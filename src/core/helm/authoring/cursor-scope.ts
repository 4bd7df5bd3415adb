/**
 * What `.` and `$` hold at the cursor of a template being typed: the `with`/`range`/`if` blocks and
 * the `define` around it, read from the closed actions before the cursor. Not from the parser: while an
 * action is half written the file rarely parses, and completion is asked exactly then.
 */
import { followDot, isValuesDot, type Dot } from './template-refs';

/** A template's `.`, or an item of a values list inside `range` over it. */
export type ScopeDot = Dot | { element: string[] };

export interface CursorScope {
  /** What `.` holds. */
  dot: ScopeDot;
  /** What `$` holds: the root context, or inside a define what its callers pass. */
  root: ScopeDot;
}

interface Block {
  keyword: string;
  dot: ScopeDot;
  /** The dot around the block, for its `else` branch. */
  outer: ScopeDot;
  root: ScopeDot;
}

/** Closed actions that open, branch or close a block (comments and strings with `}}` are rare enough here). */
const BLOCK_ACTION = /\{\{-?\s*(with|range|if|define|block|else|end)\b((?:[^}]|\}(?!\}))*)\}\}/g;

/**
 * The scope at the end of `textBefore` (the template's text up to the cursor); `defineDot` tells what
 * a define's callers pass (undefined: no caller, the root assumption).
 */
export function scopeAt(textBefore: string, defineDot: (name: string) => Dot | undefined): CursorScope {
  const stack: Block[] = [];
  const current = (): CursorScope => (stack.length ? stack[stack.length - 1] : { dot: 'root', root: 'root' });
  for (const match of textBefore.matchAll(BLOCK_ACTION)) {
    const keyword = match[1];
    const rest = match[2].replace(/-\s*$/, '').trim();
    const { dot, root } = current();
    switch (keyword) {
      case 'define': {
        const name = /^"((?:[^"\\]|\\.)*)"/.exec(rest)?.[1];
        const context = (name !== undefined ? defineDot(name) : 'unknown') ?? 'root';
        stack.push({ keyword, dot: context, outer: dot, root: context });
        break;
      }
      case 'block':
        stack.push({ keyword, dot: evaluate(rest.replace(/^"(?:[^"\\]|\\.)*"\s*/, ''), dot, root), outer: dot, root });
        break;
      case 'with':
        stack.push({ keyword, dot: evaluate(rest, dot, root), outer: dot, root });
        break;
      case 'range': {
        // An item of a values list; of anything else, not known.
        const over = evaluate(rest, dot, root);
        stack.push({ keyword, dot: isValuesDot(over) ? { element: over.values } : 'unknown', outer: dot, root });
        break;
      }
      case 'if':
        stack.push({ keyword, dot, outer: dot, root });
        break;
      case 'else': {
        const top = stack[stack.length - 1];
        if (!top) break;
        const chained = /^with\b/.exec(rest);
        top.dot = chained ? evaluate(rest.slice(4), top.outer, top.root) : top.outer;
        break;
      }
      case 'end':
        stack.pop();
        break;
    }
  }
  return current();
}

/** `.a.b` below `base`; below a list item only the item itself is known. */
export function followScope(base: ScopeDot, keys: readonly string[]): ScopeDot {
  if (typeof base === 'object' && 'element' in base) return keys.length === 0 ? base : 'unknown';
  return followDot(base, keys);
}

/** A pipeline's value when it is a plain field chain (`.a.b`, `$.Values.x`, `$v := .c`); 'unknown' otherwise. */
function evaluate(pipeline: string, dot: ScopeDot, root: ScopeDot): ScopeDot {
  const text = pipeline.replace(/^\$\w*(?:\s*,\s*\$\w*)?\s*:?=\s*/, '').trim();
  if (text === '.') return dot;
  if (text === '$') return root;
  const chain = /^(\$?)((?:\.[A-Za-z_]\w*)+)$/.exec(text);
  if (!chain) return 'unknown';
  return followScope(chain[1] ? root : dot, chain[2].slice(1).split('.'));
}
