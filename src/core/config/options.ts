/**
 * The options every checker understands, whatever their source: `.shipshape.yaml`, an existing
 * `.hadolint.yaml`, VS Code settings or CLI flags all resolve to one `CheckOptions`.
 */
import type { Severity } from '../diagnostics';

export type SeverityOverride = Severity | 'off';

export interface CheckOptions {
  /** Per-rule severity (`off` disables); keys are rule ids or aliases such as `DL3008`. */
  severity?: Record<string, SeverityOverride>;
  /** Findings below this severity are dropped (`style` keeps everything). */
  minimumSeverity?: Severity;
  /** The CLI exits 1 when a finding at or above this severity remains (default `error`). */
  failureThreshold?: Severity;
  /** Registries FROM / COPY --from / RUN --mount from= may pull from; empty means any. */
  trustedRegistries?: string[];
  /** When false, `# shipshape ignore=` / `# hadolint ignore=` pragmas are not honoured (a team policy). */
  allowInlineIgnores?: boolean;
  /** Kubernetes minor version to validate against, e.g. `1.34`. */
  kubernetesVersion?: string;
  /** Folders holding CustomResourceDefinitions. */
  crdDirs?: string[];
  /**
   * The `.dockerignore` of a Dockerfile's build context, supplied by the caller that read the file:
   * its text, `null` when the context has none, absent when unknown (rules that need it stay quiet).
   */
  dockerignore?: string | null;
}

/** Looks up the configured severity for a rule through its id or any alias, case-insensitively. */
export function configuredSeverity(
  options: CheckOptions,
  id: string,
  aliases: readonly string[] = [],
): SeverityOverride | undefined {
  const table = options.severity;
  if (!table) return undefined;
  if (table[id] !== undefined) return table[id];
  const lower = new Map(Object.entries(table).map(([k, v]) => [k.toLowerCase(), v]));
  for (const key of [id, ...aliases]) {
    const found = lower.get(key.toLowerCase());
    if (found !== undefined) return found;
  }
  return undefined;
}
