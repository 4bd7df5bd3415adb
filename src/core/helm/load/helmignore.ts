/**
 * `.helmignore` rules exactly as Helm applies them (pkg/ignore/rules.go), including its quirks:
 * a pattern without `/` matches the base name only, `**` is rejected, and a negated rule ignores
 * every path it does NOT match. The default rule `templates/.?*` hides dotfiles in templates/.
 */
import { compileGoPattern, goPathMatch } from '../path-match';

interface IgnorePattern {
  negate: boolean;
  mustDir: boolean;
  match: (path: string) => boolean;
}

export class HelmIgnore {
  private readonly patterns: IgnorePattern[] = [];

  /** Parses `.helmignore` text (the default rule is added first, as Helm does). */
  static parse(text: string): HelmIgnore {
    const rules = new HelmIgnore();
    rules.add('templates/.?*');
    for (const line of text.split('\n')) rules.add(line);
    return rules;
  }

  static defaults(): HelmIgnore {
    return HelmIgnore.parse('');
  }

  private add(line: string): void {
    let rule = line.trim();
    if (rule === '' || rule.startsWith('#')) return;
    if (rule.includes('**')) throw new Error('double-star (**) syntax is not supported');
    compileGoPattern(rule);
    const p: IgnorePattern = { negate: false, mustDir: false, match: () => false };
    if (rule.startsWith('!')) {
      p.negate = true;
      rule = rule.slice(1);
    }
    if (rule.endsWith('/')) {
      p.mustDir = true;
      rule = rule.slice(0, -1);
    }
    const pattern = rule;
    if (pattern.startsWith('/')) {
      const anchored = pattern.slice(1);
      p.match = (path) => goPathMatch(anchored, path);
    } else if (pattern.includes('/')) {
      p.match = (path) => goPathMatch(pattern, path);
    } else {
      p.match = (path) => goPathMatch(pattern, path.slice(path.lastIndexOf('/') + 1));
    }
    this.patterns.push(p);
  }

  /** `path` is chart-relative with `/` separators, e.g. `templates/NOTES.txt`. */
  ignores(path: string, isDir: boolean): boolean {
    if (path === '' || path === '.' || path === './') return false;
    for (const p of this.patterns) {
      if (p.negate) {
        if (p.mustDir && !isDir) return true;
        if (!p.match(path)) return true;
        continue;
      }
      if (p.mustDir && !isDir) continue;
      if (p.match(path)) return true;
    }
    return false;
  }
}
