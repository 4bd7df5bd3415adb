/**
 * `lintDockerfile(text, options)`: parse once, build the model once, run every enabled rule over it,
 * then apply severities and suppressions. Bad input (binary data, huge files) gets one clear
 * diagnostic instead of a parse; a rule that throws is reported, never propagated to the caller.
 */
import { compareDiagnostics, isAtLeast, type Diagnostic, type Fix, type Severity } from '../../diagnostics';
import { configuredSeverity, type CheckOptions } from '../../config/options';
import type { LineIndex } from '../../text/lines';
import { buildModel } from '../model/build-model';
import type { DockerfileModel, InstructionNode } from '../model/types';
import { dockerfileRules } from '../rules';
import type { DockerfileRule, Finding, OffsetFix } from './rule';
import { Suppressions } from './suppressions';

/** Larger files get a single `file-too-large` finding: no real Dockerfile comes near this. */
export const MAX_DOCKERFILE_BYTES = 2 * 1024 * 1024;

export interface LintResult {
  diagnostics: Diagnostic[];
  /** Rules that threw, with the error: a bug on our side, logged by the callers. */
  ruleErrors: { rule: string; error: Error }[];
  model?: DockerfileModel;
}

export function lintDockerfile(text: string, options: CheckOptions = {}, rules: readonly DockerfileRule[] = dockerfileRules): Diagnostic[] {
  return lintDockerfileDetailed(text, options, rules).diagnostics;
}

export function lintDockerfileDetailed(
  text: string,
  options: CheckOptions = {},
  rules: readonly DockerfileRule[] = dockerfileRules,
): LintResult {
  const unreadable = checkReadable(text);
  if (unreadable) return { diagnostics: [unreadable], ruleErrors: [] };
  const model = buildModel(text);
  const suppressions = options.allowInlineIgnores === false ? undefined : new Suppressions(model);
  const diagnostics: Diagnostic[] = [];
  const ruleErrors: LintResult['ruleErrors'] = [];
  for (const rule of rules) {
    const { id, aliases = [] } = rule.meta;
    // A finding may carry only some of the aliases, so the rule is skipped only when nothing of it
    // can be on: its id is off, or every alias is.
    const byId = configuredSeverity(options, id);
    if (byId === 'off' || (aliases.length && aliases.every((a) => configuredSeverity(options, id, [a]) === 'off'))) continue;
    const severityOf = severityLookup(options, id, rule.meta.defaultSeverity);
    const report = (finding: Finding) => {
      const carried = finding.aliases ?? aliases;
      const severity = severityOf(carried);
      if (severity === 'off' || (options.minimumSeverity && !isAtLeast(severity, options.minimumSeverity))) return;
      if (suppressions?.isSuppressed([id, ...carried], instructionAt(model, finding.start))) return;
      diagnostics.push({
        rule: id,
        severity,
        message: finding.message,
        range: model.lines.rangeOf(finding.start, finding.end),
        ...(carried.length ? { aliases: [...carried] } : {}),
        ...(finding.fixes?.length ? { fixes: finding.fixes.map((f) => toFix(f, model.lines)) } : {}),
      });
    };
    try {
      rule.check({ model, options, report });
    } catch (error) {
      ruleErrors.push({ rule: id, error: error instanceof Error ? error : new Error(String(error)) });
    }
  }
  diagnostics.sort(compareDiagnostics);
  return { diagnostics, ruleErrors, model };
}

/** The severity of a finding of rule `id` carrying `aliases` (memoized per alias list: lookups lower-case the table). */
function severityLookup(options: CheckOptions, id: string, defaultSeverity: Severity): (aliases: readonly string[]) => Severity | 'off' {
  if (!options.severity) return () => defaultSeverity;
  const memo = new Map<readonly string[], Severity | 'off'>();
  return (aliases) => {
    let found = memo.get(aliases);
    if (found === undefined) memo.set(aliases, (found = configuredSeverity(options, id, aliases) ?? defaultSeverity));
    return found;
  };
}

function toFix(fix: OffsetFix, lines: LineIndex): Fix {
  return {
    title: fix.title,
    edits: fix.edits.map((e) => ({ range: lines.rangeOf(e.start, e.end), newText: e.newText })),
    ...(fix.preferred ? { preferred: true } : {}),
  };
}

/** The instruction containing `offset` (binary search over start offsets), if any. */
export function instructionAt(model: DockerfileModel, offset: number): InstructionNode | undefined {
  const list = model.instructions;
  let low = 0;
  let high = list.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (list[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found !== -1 && offset <= list[found].end ? list[found] : undefined;
}

function checkReadable(text: string): Diagnostic | undefined {
  const start = { line: 0, character: 0 };
  if (text.length > MAX_DOCKERFILE_BYTES) {
    return {
      rule: 'file-too-large',
      severity: 'warning',
      message: `This file is ${(text.length / 1048576).toFixed(1)} MB; Dockerfiles over ${MAX_DOCKERFILE_BYTES / 1048576} MB are not linted.`,
      range: { start, end: start },
    };
  }
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000') || countControl(sample) > sample.length * 0.1) {
    return {
      rule: 'binary-file',
      severity: 'warning',
      message: 'This file looks binary (it contains NUL or control bytes), so it was not linted as a Dockerfile.',
      range: { start, end: start },
    };
  }
  return undefined;
}

function countControl(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) count++;
    else if (c === 0xfffd) count++;
  }
  return count;
}
