/**
 * The Kubernetes checker the editor and the CLI use: keep every manifest file of the workspace
 * (replace one file at a time as it changes), then check a file against the whole workspace.
 */
import type { Diagnostic, Severity } from '../diagnostics';
import { compareDiagnostics } from '../diagnostics';
import { dedupeDiagnostics, enabledRules } from '../rules/options';
import type { RuleOptions } from '../rules/options';
import { YamlSuppressions } from '../rules/yaml-suppressions';
import { rangeOfPath } from '../yaml/parse';
import type { ParsedYamlFile } from '../yaml/parse';
import type { K8sObject } from './model';
import { kubernetesRuleList } from './registry';
import type { Finding, KubernetesRule } from './rule';
import { WorkspaceIndex } from './workspace-index';

export class KubernetesWorkspace {
  private readonly index = new WorkspaceIndex();
  private readonly files = new Map<string, ParsedYamlFile>();

  constructor(private readonly rules: readonly KubernetesRule[] = kubernetesRuleList) {}

  updateFile(fileName: string, file: ParsedYamlFile): void {
    this.files.set(fileName, file);
    this.index.updateFile(fileName, file);
  }

  removeFile(fileName: string): void {
    this.files.delete(fileName);
    this.index.removeFile(fileName);
  }

  /** The objects the workspace knows from `fileName` (for outlines and trees). */
  objectsOf(fileName: string): readonly K8sObject[] {
    return this.index.objectsOf(fileName);
  }

  /** Findings located in `fileName`: its own objects' problems and their cross-file problems. */
  check(fileName: string, options?: RuleOptions): Diagnostic[] {
    const file = this.files.get(fileName);
    if (!file) return [];
    // Unrendered templates are indexed for the other files' sake but not judged themselves.
    const objects = this.index.objectsOf(fileName).filter((o) => !o.templated);
    const rules = enabledRules(this.rules, options);
    const diagnostics: Diagnostic[] = [];
    for (const object of objects) this.checkObject(object, rules, diagnostics);
    const suppressions = options?.allowInlineIgnores === false ? undefined : new YamlSuppressions(file);
    return dedupeDiagnostics(diagnostics.filter((d) => !suppressions?.isSuppressed(d))).sort(compareDiagnostics);
  }

  private checkObject(object: K8sObject, rules: { rule: KubernetesRule; severity: Severity }[], into: Diagnostic[]): void {
    // One context per object, not per rule: rules run in a loop that must stay cheap.
    let current = rules[0];
    const report = (finding: Finding) => {
      const { meta } = current.rule;
      into.push({
        rule: meta.id,
        severity: current.severity,
        message: finding.message,
        range: rangeOfPath(object.file, object.docIndex, [...object.path, ...finding.path], finding.target),
        ...(meta.aliases?.length ? { aliases: meta.aliases } : {}),
        ...(finding.fixes ? { fixes: finding.fixes } : {}),
      });
    };
    const context = { workspace: this.index, report };
    for (const entry of rules) {
      current = entry;
      try {
        entry.rule.check(object, context);
      } catch (error) {
        // A rule bug must cost one finding, not the whole check (and never the editor).
        report({ path: ['kind'], message: `Rule ${entry.rule.meta.id} failed on this object: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
  }
}
