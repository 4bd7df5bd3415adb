/**
 * Declarative metadata shared by every rule of every domain (Dockerfile, Kubernetes, Compose).
 * The registry of each domain lists rules with this metadata; docs, the CLI's `rules` listing,
 * the VS Code settings and SARIF output are all derived from it.
 */
import type { Severity } from '../diagnostics';

/** The talk's practices, plus the classic catalog's concerns. */
export type Practice =
  | 'multistage' // small images through multistage builds
  | 'single-process' // one process per container, no ssh
  | 'network' // services linked through networks
  | 'config-env' // configuration through environment variables or mounted volumes
  | 'security'
  | 'reproducibility'
  | 'correctness'
  | 'style';

export type Domain = 'dockerfile' | 'kubernetes' | 'compose' | 'yaml' | 'helm';

export interface RuleMeta {
  /** Stable kebab-case id; never renamed once released. File name of the rule and of its doc. */
  id: string;
  domain: Domain;
  defaultSeverity: Severity;
  /** One sentence, shown in rule listings and as the SARIF short description. */
  description: string;
  practice: Practice;
  /** Codes of other tools that check the same thing (hadolint DL3007, BuildKit JSONArgsRecommended, ...). */
  aliases?: string[];
  /** True when the rule offers a mechanical quick fix. */
  fixable?: boolean;
}

export function docsUrl(id: string): string {
  return `https://github.com/shipshape-dev/shipshape/blob/main/docs/rules/${id}.md`;
}
