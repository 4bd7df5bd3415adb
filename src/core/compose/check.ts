/** Runs the Compose rules over one compose file. */
import type { Diagnostic } from '../diagnostics';
import { compareDiagnostics } from '../diagnostics';
import { dedupeDiagnostics, enabledRules } from '../rules/options';
import type { RuleOptions } from '../rules/options';
import { YamlSuppressions } from '../rules/yaml-suppressions';
import { rangeOfPath } from '../yaml/parse';
import type { ParsedYamlFile } from '../yaml/parse';
import { readComposeProject, type ComposeFileContext } from './model';
import { composeRuleList } from './registry';
import type { ComposeFinding } from './rule';

/**
 * `fileName` locates the files the compose file refers to (`include`); `context.readFile` reads them
 * (default: from disk), so an editor can pass its unsaved buffers.
 */
export function checkComposeFile(file: ParsedYamlFile, fileName: string, options?: RuleOptions, context: Pick<ComposeFileContext, 'readFile'> = {}): Diagnostic[] {
  const project = readComposeProject(file, { fileName, readFile: context.readFile });
  if (!project) return [];
  const diagnostics: Diagnostic[] = [];
  for (const { rule, severity } of enabledRules(composeRuleList, options)) {
    const { meta } = rule;
    const report = (finding: ComposeFinding) =>
      diagnostics.push({
        rule: meta.id,
        severity,
        message: finding.message,
        range: rangeOfPath(file, project.docIndex, finding.path, finding.target),
        ...(meta.aliases?.length ? { aliases: meta.aliases } : {}),
        ...(finding.fixes ? { fixes: finding.fixes } : {}),
      });
    try {
      rule.check(project, report);
    } catch (error) {
      // A rule bug must cost one finding, not the whole check (and never the editor).
      report({ path: ['services'], target: 'key', message: `Rule ${meta.id} failed on this file: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  const suppressions = options?.allowInlineIgnores === false ? undefined : new YamlSuppressions(file);
  return dedupeDiagnostics(diagnostics.filter((d) => !suppressions?.isSuppressed(d))).sort(compareDiagnostics);
}
