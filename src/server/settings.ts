/**
 * The client's `shipshape` settings (VS Code's schema in package.json; any editor may send the same
 * object through `initializationOptions` or `workspace/configuration`) as the core's options.
 */
import type { CheckOptions, SeverityOverride } from '../core/config/options';
import type { Severity } from '../core/diagnostics';
import { compileGlob } from '../core/helm/functions/glob';

export interface ClientSettings {
  enable?: boolean;
  rules?: Record<string, SeverityOverride>;
  minimumSeverity?: Severity;
  trustedRegistries?: string[];
  allowInlineIgnores?: boolean;
  kubernetesVersion?: string;
  crdDirectories?: string[];
  composeFiles?: string[];
  debounceMs?: number;
}

export function toCheckOptions(settings: ClientSettings): CheckOptions {
  return {
    severity: settings.rules ?? {},
    trustedRegistries: nonEmpty(settings.trustedRegistries),
    allowInlineIgnores: settings.allowInlineIgnores,
    minimumSeverity: settings.minimumSeverity,
    kubernetesVersion: settings.kubernetesVersion || undefined,
    crdDirs: nonEmpty(settings.crdDirectories),
  };
}

/** `composeFiles` globs, matched against a path relative to the workspace folder. */
export function composeGlobMatcher(settings: ClientSettings): (relativePath: string) => boolean {
  const globs = (settings.composeFiles ?? []).map((g) => compileGlob(g)).filter((r): r is RegExp => r !== undefined);
  return (path) => globs.some((re) => re.test(path));
}

function nonEmpty<T>(list: T[] | undefined): T[] | undefined {
  return list && list.length ? list : undefined;
}
