/**
 * Output formats of `shipshape check`: text for people, JSON for scripts (1-based positions), and
 * SARIF 2.1.0 for GitHub code scanning. A `FileReport` is one checked file and its findings.
 */
import type { Diagnostic, Severity } from '../diagnostics';
import { docsUrl, type RuleMeta } from '../rules/meta';

export interface FileReport {
  /** Path as given or relative to the working directory, with `/` separators. */
  file: string;
  diagnostics: Diagnostic[];
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
  hadolint?: string;
}

export function toJsonFindings(reports: FileReport[]): JsonFinding[] {
  return reports.flatMap((r) =>
    r.diagnostics.map((d) => {
      const hadolint = d.aliases?.find((a) => /^(DL|SC)\d{4}$/.test(a));
      return {
        file: r.file,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: d.severity,
        rule: d.rule,
        message: d.message,
        ...(hadolint ? { hadolint } : {}),
      };
    }),
  );
}

export function formatText(reports: FileReport[], color = false): string {
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const colors: Record<Severity, number> = { error: 31, warning: 33, info: 36, style: 90 };
  const lines: string[] = [];
  let count = 0;
  for (const f of toJsonFindings(reports)) {
    count++;
    const alias = f.hadolint ? ` (${f.hadolint})` : '';
    lines.push(`${f.file}:${f.line}:${f.column} ${paint(colors[f.severity], f.severity)} ${f.message} ${paint(90, `[${f.rule}${alias}]`)}`);
  }
  lines.push(count === 0 ? `${reports.length} file(s) checked, no problems.` : `${reports.length} file(s) checked, ${count} problem(s).`);
  return lines.join('\n') + '\n';
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', style: 'note' };

export function formatSarif(reports: FileReport[], rules: readonly RuleMeta[], version: string): string {
  const used = new Set(reports.flatMap((r) => r.diagnostics.map((d) => d.rule)));
  const ruleList = rules.filter((r) => used.has(r.id));
  for (const id of used) {
    if (!ruleList.some((r) => r.id === id)) ruleList.push({ id, domain: 'dockerfile', defaultSeverity: 'warning', description: id, practice: 'correctness' });
  }
  const index = new Map(ruleList.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'shipshape',
            version,
            informationUri: 'https://github.com/shipshape-dev/shipshape',
            rules: ruleList.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.description },
              helpUri: docsUrl(r.id),
              defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
              properties: { practice: r.practice, ...(r.aliases?.length ? { aliases: r.aliases } : {}) },
            })),
          },
        },
        results: reports.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.rule,
            ruleIndex: index.get(d.rule),
            level: SARIF_LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.file },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
