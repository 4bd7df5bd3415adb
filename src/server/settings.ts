/** The client's compose globs (`shipshape.composeFiles`), matched against a path relative to the workspace folder. */
import type { ClientSettings } from '../core/config/settings';
import { compileGlob } from '../core/helm/functions/glob';

export function composeGlobMatcher(settings: ClientSettings): (relativePath: string) => boolean {
  const globs = (settings.composeFiles ?? []).map((g) => compileGlob(g)).filter((r): r is RegExp => r !== undefined);
  return (path) => globs.some((re) => re.test(path));
}
