import { compareNames } from './text/order';

/**
 * The finding every checker in Shipshape produces, whatever it checks (Dockerfile, manifest, compose
 * file, chart). Positions are 0-based (line, UTF-16 character), like VS Code's; the CLI adds 1.
 */

export type Severity = 'error' | 'warning' | 'info' | 'style';

/** Severities from most to least serious; a failure threshold keeps the ones at or above it. */
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'style'];

export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_ORDER.indexOf(severity) <= SEVERITY_ORDER.indexOf(threshold);
}

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A text replacement, in the coordinates of the document that was checked. */
export interface TextEdit {
  range: Range;
  newText: string;
  /** Another file than the one checked (absolute path), e.g. a chart's values.yaml from a template. */
  file?: string;
}

/** A mechanical fix offered as a quick fix in the editor. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a user most likely wants when several are offered. */
  preferred?: boolean;
}

export interface Diagnostic {
  /** Stable rule id, e.g. `no-latest-tag`; also the name of `docs/rules/<id>.md`. */
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  /** The equivalent hadolint (DLxxxx) or other well-known code, for users who know that tool. */
  aliases?: string[];
  fixes?: Fix[];
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    compareNames(a.rule, b.rule)
  );
}

/** Whether `position` lies within `range` (both ends included: a cursor just after a word is on it). */
export function contains(range: Range, position: Position): boolean {
  const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return after && before;
}
