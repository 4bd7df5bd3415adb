/**
 * ARG/ENV values in scope at each instruction, with Docker's substitution rules
 * (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR:+alt}`, `${VAR-x}`, `${VAR+x}`).
 *
 * Each stage keeps the history of every variable as a list of (instruction index, value), so a lookup
 * "at instruction i" is a binary search: no copying of scopes per instruction and no scan of earlier
 * instructions, which is what makes dockerfile-ast's own resolution quadratic.
 */

interface Definition {
  at: number;
  value: string | undefined;
}

export class VariableScope {
  private readonly history = new Map<string, Definition[]>();

  constructor(inherited?: Map<string, string | undefined>) {
    if (inherited) for (const [name, value] of inherited) this.history.set(name, [{ at: -1, value }]);
  }

  define(name: string, value: string | undefined, at: number): void {
    const list = this.history.get(name);
    if (list) list.push({ at, value });
    else this.history.set(name, [{ at, value }]);
  }

  /** The value visible to instruction `at` (definitions made by instruction `at` itself are not visible). */
  lookup(name: string, at: number): { defined: boolean; value: string | undefined } {
    const list = this.history.get(name);
    if (!list) return { defined: false, value: undefined };
    let low = 0;
    let high = list.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (list[mid].at < at) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found === -1 ? { defined: false, value: undefined } : { defined: true, value: list[found].value };
  }

  /** Final values, for stages that build on this one (`FROM builder AS next` inherits ENV). */
  snapshot(): Map<string, string | undefined> {
    const result = new Map<string, string | undefined>();
    for (const [name, list] of this.history) result.set(name, list[list.length - 1].value);
    return result;
  }
}

const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Substitutes variables in `text`. Returns `undefined` for `value` when a variable in it is not
 * defined (or has no value), so rules can tell "resolved" from "unknown".
 */
export function substitute(
  text: string,
  lookup: (name: string) => string | undefined,
  escapeChar = '\\',
): { value: string | undefined; unresolved: string[] } {
  if (!text.includes('$')) return { value: text, unresolved: [] };
  const unresolved: string[] = [];
  const value = text.replace(VARIABLE, (match, braced: string, op: string, word: string, bare: string, offset: number) => {
    if (offset > 0 && text[offset - 1] === escapeChar) return match.slice(0);
    const name = braced ?? bare;
    const current = lookup(name);
    if (op === ':-') return current ? current : word;
    if (op === '-') return current !== undefined ? current : word;
    if (op === ':+') return current ? word : '';
    if (op === '+') return current !== undefined ? word : '';
    if (current === undefined) {
      unresolved.push(name);
      return '';
    }
    return current;
  });
  return { value: unresolved.length ? undefined : value, unresolved };
}
