/**
 * How the Project reads files it follows but was not given (a compose include, a chart's other files):
 * regular files only (a FIFO or device named like YAML would block or never end), bounded in size,
 * and only inside a workspace folder with links resolved, so nothing outside the workspace is read.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { sep } from 'node:path';

/** No hand-written file is larger; bigger ones (dumps, devices posing as files) are not read at all. */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A regular file within the size bound, or undefined. */
export function readSmallFile(path: string, maxBytes = MAX_READ_BYTES): string | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() && stat.size <= maxBytes ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a path is inside one of the folders, links resolved (a chart's files never lead outside it). */
export function isInsideRoots(path: string, roots: readonly string[]): boolean {
  const real = realOrUndefined(path);
  if (real === undefined) return false;
  return roots.some((root) => {
    const realRoot = realOrUndefined(root) ?? root;
    return real === realRoot || real.startsWith(realRoot + sep);
  });
}

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
