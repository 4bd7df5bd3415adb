/**
 * Table-driven tests for one Dockerfile rule, after ESLint's RuleTester: `valid` inputs must produce
 * no finding of the rule, `invalid` ones exactly the listed ranges (1-based `[line, col, endLine,
 * endCol]`, end exclusive) and, with `output`, the text after applying each finding's first fix.
 *
 * Every case also runs in generated variants that must not change the result: CRLF line endings,
 * a tab after the instruction keyword, the backtick escape directive (lines shift by one), and the
 * last argument moved onto a `\\` continuation line (positions after the split move with it).
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
  /** The aliases (other tools' codes) each finding carries, in the order of `errors`. */
  aliases?: string[][];
}

interface Variant {
  name: string;
  /** The variant's text and how to map a position found in it back to the case's coordinates. */
  apply(code: string): { code: string; back(at: At): At } | undefined;
}

const KEYWORD = /^(FROM|RUN|CMD|COPY|ADD|ENV|ARG|USER|EXPOSE|WORKDIR|ENTRYPOINT|LABEL|HEALTHCHECK|SHELL|VOLUME|STOPSIGNAL|ONBUILD|MAINTAINER)$/i;
const same = (at: At): At => at;

const VARIANTS: Variant[] = [
  { name: 'LF', apply: (code) => ({ code, back: same }) },
  { name: 'CRLF', apply: (code) => ({ code: code.replace(/\r?\n/g, '\r\n'), back: same }) },
  {
    name: 'tab separator',
    apply: (code) => ({ code: code.replace(/^([A-Za-z]+) (?=\S)/gm, (m, kw: string) => (KEYWORD.test(kw) ? `${kw}\t` : m)), back: same }),
  },
  {
    name: 'escape directive',
    // Only where every backslash is a line continuation: other backslashes mean something else under `.
    apply: (code) =>
      /^#\s*(escape|syntax|check)\s*=/im.test(code) || /\\(?!\r?\n)/.test(code)
        ? undefined
        : { code: `# escape=\`\n${code.replace(/\\(?=\r?\n)/g, '`')}`, back: ([l, c, el, ec]) => [l - 1, c, el - 1, ec] },
  },
  { name: 'line continuation', apply: splitLastArgument },
];

/**
 * Moves the last argument of the last instruction onto a continuation line (`a b` becomes `a \` +
 * newline + `  b`); positions after the split move to the next line. Skipped where that would
 * change meaning: heredocs, quotes around the split, a last line that already continues another.
 */
function splitLastArgument(code: string): { code: string; back(at: At): At } | undefined {
  const lines = code.split('\n');
  const last = lines.length - 1;
  const line = lines[last];
  const keyword = /^([A-Za-z]+)[ \t]+\S/.exec(line);
  if (!keyword || !KEYWORD.test(keyword[1]) || /<</.test(code) || (last > 0 && /\\\s*$/.test(lines[last - 1]))) return undefined;
  let split = -1;
  for (let i = line.length - 2; i > keyword[1].length; i--) {
    if (line[i] !== ' ' || line[i - 1] === ' ' || line[i + 1] === ' ' || line[i - 1] === '\\') continue;
    const before = line.slice(0, i);
    if ((before.split('"').length - 1) % 2 === 0 && (before.split("'").length - 1) % 2 === 0) {
      split = i;
      break;
    }
  }
  if (split === -1) return undefined;
  const indent = 2;
  lines[last] = `${line.slice(0, split)} \\\n${' '.repeat(indent)}${line.slice(split + 1)}`;
  // 1-based: the split space was at column split + 1; what followed it now starts the next line.
  const backOne = (l: number, c: number): [number, number] => {
    if (l === last + 2) return [last + 1, c - indent + split + 1];
    return [l, c];
  };
  return {
    code: lines.join('\n'),
    back: ([l, c, el, ec]) => [...backOne(l, c), ...backOne(el, ec)] as At,
  };
}

function toAt(d: Diagnostic): At {
  return [d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1];
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
        const applied = variant.apply(c.code);
        if (applied === undefined) continue;
        const found = findings(rule, applied.code, c.options).map(toAt);
        assert.deepEqual(found, [], `${variant.name}: expected no ${id} finding in:\n${applied.code}`);
      }
    });
  });
  cases.invalid.forEach((c, i) => {
    test(`${id} invalid #${i + 1}${c.name ? ` (${c.name})` : ''}`, () => {
      for (const variant of VARIANTS) {
        const applied = variant.apply(c.code);
        if (applied === undefined) continue;
        const diagnostics = findings(rule, applied.code, c.options);
        assert.deepEqual(diagnostics.map((d) => applied.back(toAt(d))), c.errors, `${variant.name}: ranges of ${id} in:\n${applied.code}`);
        for (const d of diagnostics) assert.equal(d.severity, c.options?.severity?.[id] ?? rule.meta.defaultSeverity);
        if (c.aliases) assert.deepEqual(diagnostics.map((d) => d.aliases ?? []), c.aliases, `${variant.name}: aliases of ${id}`);
      }
      if (c.output !== undefined) assert.equal(applyFirstFixes(c.code, findings(rule, c.code, c.options)), c.output);
    });
  });
}
