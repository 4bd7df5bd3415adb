/**
 * Go's `filepath.Match` on `/`-separated paths, used by `.helmignore` and `helm template --show-only`.
 * Own code because the semantics are Go's (no `**`, `*` never crosses `/`, `[^a-z]` classes, `\` escapes),
 * which no glob library reproduces exactly.
 */

export class BadPatternError extends Error {
  constructor() {
    super('syntax error in pattern');
  }
}

const cache = new Map<string, RegExp>();

/** A literal character in a RegExp with the `u` flag, inside or outside a class (where `\-` alone is invalid). */
function escapeRegExp(ch: string): string {
  if (ch === '-') return '\\x2d';
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/** Compiles a Go path pattern to an anchored RegExp; throws BadPatternError like Go's ErrBadPattern. */
export function compileGoPattern(pattern: string): RegExp {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const chars = Array.from(pattern);
  let re = '^';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '*') {
      re += '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '\\') {
      if (i + 1 >= chars.length) throw new BadPatternError();
      re += escapeRegExp(chars[++i]);
    } else if (c === '[') {
      i++;
      let negate = false;
      if (chars[i] === '^') {
        negate = true;
        i++;
      }
      let cls = '';
      let first = true;
      for (;;) {
        if (i >= chars.length) throw new BadPatternError();
        if (chars[i] === ']' && !first) break;
        first = false;
        let lo = chars[i];
        if (lo === '\\') {
          i++;
          if (i >= chars.length) throw new BadPatternError();
          lo = chars[i];
        } else if (lo === '-' || lo === ']') {
          throw new BadPatternError();
        }
        i++;
        if (chars[i] === '-') {
          i++;
          let hi = chars[i];
          if (hi === undefined || hi === ']') throw new BadPatternError();
          if (hi === '\\') {
            i++;
            hi = chars[i];
            if (hi === undefined) throw new BadPatternError();
          }
          i++;
          cls += `${escapeRegExp(lo)}-${escapeRegExp(hi)}`;
        } else {
          cls += escapeRegExp(lo);
        }
      }
      re += negate ? `(?!/)[^${cls}]` : `[${cls}]`;
    } else {
      re += escapeRegExp(c);
    }
  }
  const compiled = new RegExp(`${re}$`, 'su');
  cache.set(pattern, compiled);
  return compiled;
}

/** filepath.Match(pattern, name). */
export function goPathMatch(pattern: string, name: string): boolean {
  return compileGoPattern(pattern).test(name);
}
