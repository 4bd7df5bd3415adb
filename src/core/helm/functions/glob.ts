/**
 * gobwas/glob patterns with '/' as the separator, as Helm's `.Files.Glob` compiles them: `*` any run of
 * non-separators, `**` any run at all, `?` one non-separator, `[abc]` `[a-z]` `[!abc]` classes, `{a,b}`
 * alternatives (nesting allowed), `\` escapes. The whole path must match. Returns undefined for a
 * malformed pattern (Helm then matches everything with `**`).
 */

export function compileGlob(pattern: string): RegExp | undefined {
  const chars = Array.from(pattern);
  let i = 0;
  // `\-` is invalid outside a class under the `u` flag; `\x2d` is a literal hyphen everywhere.
  const escape = (ch: string) => (ch === '-' ? '\\x2d' : ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'));

  // Parses until one of `stops` (at depth > 0 inside `{}`); returns the regex source.
  const parseSequence = (inBraces: boolean): string | undefined => {
    let out = '';
    while (i < chars.length) {
      const ch = chars[i];
      if (inBraces && (ch === ',' || ch === '}')) return out;
      i++;
      switch (ch) {
        case '\\':
          if (i >= chars.length) return undefined;
          out += escape(chars[i++]);
          break;
        case '*':
          if (chars[i] === '*') {
            while (chars[i] === '*') i++;
            out += '[\\s\\S]*';
          } else {
            out += '[^/]*';
          }
          break;
        case '?':
          out += '[^/]';
          break;
        case '[': {
          const cls = parseClass();
          if (cls === undefined) return undefined;
          out += cls;
          break;
        }
        case '{': {
          const alternatives: string[] = [];
          for (;;) {
            const alt = parseSequence(true);
            if (alt === undefined || i >= chars.length) return undefined;
            alternatives.push(alt);
            if (chars[i++] === '}') break;
          }
          out += `(?:${alternatives.join('|')})`;
          break;
        }
        default:
          out += escape(ch);
      }
    }
    return inBraces ? undefined : out;
  };

  const parseClass = (): string | undefined => {
    let negate = false;
    if (chars[i] === '!') {
      negate = true;
      i++;
    }
    let body = '';
    let closed = false;
    while (i < chars.length) {
      const ch = chars[i++];
      if (ch === ']') {
        closed = true;
        break;
      }
      if (chars[i] === '-' && chars[i + 1] !== undefined && chars[i + 1] !== ']') {
        const hi = chars[i + 1];
        i += 2;
        if (hi < ch) return undefined;
        body += `${escape(ch)}-${escape(hi)}`;
      } else {
        body += escape(ch);
      }
    }
    if (!closed || body === '') return undefined;
    // A negated class still never matches the separator in gobwas/glob.
    return negate ? `[^/${body}]` : `[${body}]`;
  };

  const source = parseSequence(false);
  if (source === undefined) return undefined;
  try {
    return new RegExp(`^${source}$`, 'u');
  } catch {
    return undefined;
  }
}

export function globMatcher(pattern: string): (path: string) => boolean {
  const re = compileGlob(pattern);
  return re ? (path) => re.test(path) : () => true;
}
