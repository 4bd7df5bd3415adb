/**
 * Errors of parsing and executing templates. `message` is exactly Go's error text
 * (`template: NAME:LINE: …` for parse errors, `template: NAME:LINE:COL: executing "T" at <…>: …` for
 * execution errors); the fields let callers re-format it (Helm 4 prints exec errors on several lines).
 */

export type TemplateErrorKind = 'parse' | 'exec' | 'limit';

export interface TemplateErrorDetails {
  kind: TemplateErrorKind;
  /** The file (Go's ParseName) where the failing text is. */
  templateName: string;
  /** 1-based line. */
  line?: number;
  /** Go's column: 0-based byte offset in the line. */
  column?: number;
  /** Name of the template being executed (a {{define}} name, or the file itself). */
  executing?: string;
  /** Go's `<…>` context: the failing node's text. */
  context?: string;
  /** The message without Go's location prefix. */
  detail: string;
  /** Output written before the failure (Go leaves it in the writer). */
  partialOutput?: string;
  cause?: unknown;
}

export class TemplateError extends Error {
  readonly kind: TemplateErrorKind;
  readonly templateName: string;
  readonly line?: number;
  readonly column?: number;
  readonly executing?: string;
  readonly context?: string;
  readonly detail: string;
  partialOutput?: string;

  constructor(message: string, details: TemplateErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'TemplateError';
    this.kind = details.kind;
    this.templateName = details.templateName;
    this.line = details.line;
    this.column = details.column;
    this.executing = details.executing;
    this.context = details.context;
    this.detail = details.detail;
    this.partialOutput = details.partialOutput;
  }
}

/** 1-based line and Go's byte column of a UTF-16 offset in `text`. */
export function goLocation(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: utf8Length(text, lineStart, pos) };
}

/** UTF-8 byte length of text[from, to). */
export function utf8Length(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
