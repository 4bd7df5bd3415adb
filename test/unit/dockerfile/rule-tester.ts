/**
 * Table-driven tests for one Dockerfile rule, after ESLint's RuleTester: `valid` inputs must produce
 * no finding of the rule, `invalid` ones exactly the listed ranges (1-based `[line, col, endLine,
 * endCol]`, end exclusive) and, with `output`, the text after applying each finding's first fix.
 *
 * Every case also runs in generated variants that must not change the result: CRLF line endings,
 * a tab after the instruction keyword, and the backtick escape directive (lines shift by one).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CheckOptions } from '../../../src/core/config/options';
import type { Diagnostic } from '../../../src/core/diagnostics';
import { lintDockerfile } from '../../../src/core/dockerfile';
import type { DockerfileRule } from '../../../src/core/dockerfile/check/rule';

export type At = [line: number, column: number, endLine: number, endColumn: number];

export interface ValidCase {
  code: string;
  options?: CheckOptions;
  name?: string;
}

export interface InvalidCase extends ValidCase {
  errors: At[];
  output?: string;
}

interface Variant {
  name: string;
  apply(code: string): string | undefined;
  lineShift: number;
}

const VARIANTS: Variant[] = [
  { name: 'LF', apply: (c) => c, lineShift: 0 },
  { name: 'CRLF', apply: (c) => c.replace(/\r?\n/g, '\r\n'), lineShift: 0 },
  {
    name: 'tab separator',
    apply: (c) => c.replace(/^([A-Za-z]+) (?=\S)/gm, (m, kw: string) => (/^(FROM|RUN|CMD|COPY|ADD|ENV|ARG|USER|EXPOSE|WORKDIR|ENTRYPOINT|LABEL|HEALTHCHECK|SHELL|VOLUME|STOPSIGNAL|ONBUILD|MAINTAINER)$/i.test(kw) ? `${kw}\t` : m)),
    lineShift: 0,
  },
  {
    name: 'escape directive',
    // Only where every backslash is a line continuation: other backslashes mean something else under `.
    apply: (c) => (/^#\s*(escape|syntax|check)\s*=/im.test(c) || /\\(?!\r?\n)/.test(c) ? undefined : `# escape=\`\n${c.replace(/\\(?=\r?\n)/g, '`')}`),
    lineShift: 1,
  },
];

function toAt(d: Diagnostic, shift: number): At {
  return [d.range.start.line + 1 - shift, d.range.start.character + 1, d.range.end.line + 1 - shift, d.range.end.character + 1];
}

function findings(rule: DockerfileRule, code: string, options: CheckOptions = {}): Diagnostic[] {
  return lintDockerfile(code, options, [rule]).filter((d) => d.rule === rule.meta.id);
}

export function applyFirstFixes(code: string, diagnostics: Diagnostic[]): string {
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => lineStarts[p.line] + p.character;
  const edits = diagnostics
    .flatMap((d) => d.fixes?.[0]?.edits ?? [])
    .map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let result = code;
  let lastStart = Infinity;
  for (const e of edits) {
    if (e.end > lastStart) continue; // overlapping fixes: keep the later one, like ESLint's passes
    result = result.slice(0, e.start) + e.text + result.slice(e.end);
    lastStart = e.start;
  }
  return result;
}

export function ruleTester(rule: DockerfileRule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  const id = rule.meta.id;
  cases.valid.map((c) => (typeof c === 'string' ? { code: c } : c)).forEach((c, i) => {
    test(`${id} valid #${i + 1}${c.name ? ` (${c.name})` : ''}`, () => {
      for (const variant of VARIANTS) {
        const code = variant.apply(c.code);
        if (code === undefined) continue;
        const found = findings(rule, code, c.options).map((d) => toAt(d, variant.lineShift));
        assert.deepEqual(found, [], `${variant.name}: expected no ${id} finding in:\n${code}`);
      }
    });
  });
  cases.invalid.forEach((c, i) => {
    test(`${id} invalid #${i + 1}${c.name ? ` (${c.name})` : ''}`, () => {
      for (const variant of VARIANTS) {
        const code = variant.apply(c.code);
        if (code === undefined) continue;
        const diagnostics = findings(rule, code, c.options);
        assert.deepEqual(diagnostics.map((d) => toAt(d, variant.lineShift)), c.errors, `${variant.name}: ranges of ${id} in:\n${code}`);
        for (const d of diagnostics) assert.equal(d.severity, c.options?.severity?.[id] ?? rule.meta.defaultSeverity);
      }
      if (c.output !== undefined) assert.equal(applyFirstFixes(c.code, findings(rule, c.code, c.options)), c.output);
    });
  });
}
