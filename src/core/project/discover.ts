/**
 * Finds the files a project looks at below some paths: one walk for the CLI and the server (sorted,
 * so output is stable; build output and VCS folders skipped; symlinked folders not followed, so a loop
 * or a link out of the workspace is never walked), bounded by a file count.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compareNames } from '../text/order';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

export interface Discovered {
  files: string[];
  /** Paths given that do not exist. */
  missing: string[];
  /** Set when `maxFiles` stopped the walk. */
  truncated?: boolean;
}

export function discoverFiles(paths: string[], accept: (file: string) => boolean, maxFiles = Infinity): Discovered {
  const files: string[] = [];
  const missing: string[] = [];
  let truncated = false;
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => compareNames(a.name, b.name))) {
      if (files.length >= maxFiles) {
        truncated = true;
        return;
      }
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path);
      } else if (entry.isFile() && accept(path)) files.push(path);
    }
  };
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      missing.push(path);
      continue;
    }
    if (stat.isDirectory()) walk(path);
    else files.push(path); // a file named explicitly is checked whatever its name
  }
  return { files, missing, truncated: truncated || undefined };
}
