/**
 * `.dockerignore` as the builder reads it (moby/patternmatcher): one pattern a line, `#` comments,
 * `!` exceptions, Go filepath.Match syntax (`*`, `?`, `[a-z]`, `\` escapes) plus `**` for any number
 * of folders; a pattern that matches a folder excludes everything in it; the last matching line wins.
 */

interface Pattern {
  text: string;
  exception: boolean;
  regex: RegExp;
}

export interface DockerIgnore {
  /** The pattern that excludes `path` (relative to the context, `/`-separated), or undefined if included. */
  excludedBy(path: string): string | undefined;
}

export function parseDockerignore(content: string): DockerIgnore {
  const patterns: Pattern[] = [];
  for (const raw of content.split(/\r?\n/)) {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const exception = line.startsWith('!');
    if (exception) line = line.slice(1).trim();
    const text = clean(line);
    if (text === '') continue;
    const regex = toRegex(text);
    if (regex) patterns.push({ text: line, exception, regex });
  }
  return {
    excludedBy(path: string): string | undefined {
      const target = clean(path);
      let excludedBy: string | undefined;
      for (const pattern of patterns) {
        if (matchesOrParentMatches(pattern.regex, target)) excludedBy = pattern.exception ? undefined : pattern.text;
      }
      return excludedBy;
    },
  };
}

/** filepath.Clean-like: no leading `/` or `./`, no trailing `/`, no `.` segments, `..` resolved. */
function clean(path: string): string {
  const out: string[] = [];
  for (const segment of path.replace(/\\(?![*?[\]\\])/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return out.join('/');
}

function matchesOrParentMatches(regex: RegExp, path: string): boolean {
  if (regex.test(path)) return true;
  // A matching folder excludes its whole content.
  for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
    if (regex.test(path.slice(0, slash))) return true;
  }
  return false;
}

/** Translates one pattern; undefined for a malformed one (the builder rejects those; we ignore them). */
function toRegex(pattern: string): RegExp | undefined {
  let out = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        // `**/` matches zero or more folders; a trailing `**` matches everything below.
        i++;
        if (pattern[i + 1] === '/') {
          i++;
          out += '(?:.*/)?';
        } else out += '.*';
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close === -1) return undefined;
      let body = pattern.slice(i + 1, close);
      if (body.startsWith('^') || body.startsWith('!')) body = '^' + body.slice(1);
      out += `[${body.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else if (c === '\\' && i + 1 < pattern.length) {
      out += escapeRegex(pattern[++i]);
    } else out += escapeRegex(c);
  }
  try {
    return new RegExp(out + '$');
  } catch {
    return undefined;
  }
}

function escapeRegex(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
