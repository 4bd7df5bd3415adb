/**
 * The `.dockerignore` the builder would use for a Dockerfile whose build context is its own folder:
 * `<Dockerfile>.dockerignore` beside it first (BuildKit's per-Dockerfile ignore file), else
 * `.dockerignore` in the folder. `null` when neither exists.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function readDockerignore(dockerfilePath: string): string | null {
  const folder = dirname(dockerfilePath);
  for (const candidate of [join(folder, `${basename(dockerfilePath)}.dockerignore`), join(folder, '.dockerignore')]) {
    try {
      return readFileSync(candidate, 'utf8');
    } catch {
      // not there: try the next one
    }
  }
  return null;
}
