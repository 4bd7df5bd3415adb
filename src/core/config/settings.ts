/**
 * Editor settings (`shipshape.*` in VS Code; the same object any editor sends the language server) as
 * the core's options: the one mapping, for the server and the extension's rendered-chart view alike.
 */
import type { Severity } from '../diagnostics';
import type { CheckOptions, SeverityOverride } from './options';

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

function nonEmpty<T>(list: T[] | undefined): T[] | undefined {
  return list && list.length ? list : undefined;
}
