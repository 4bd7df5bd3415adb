/**
 * A diagnostic located by offsets relative to its document's start, so that a document's findings
 * can be cached by its text and reused wherever that document moves in the file.
 */
import type { Severity } from '../diagnostics';

export interface DocFinding {
  rule: string;
  severity: Severity;
  message: string;
  /** Offsets relative to the document's `startOffset`. */
  start: number;
  end: number;
  /** Offer a "quote this value" quick fix for [start, end). */
  quote?: boolean;
  /** Offer replacing [start, end) with this text. */
  replacement?: string;
  /** The finding is a required field that is missing (left out on purpose in a partial object). */
  missingField?: boolean;
}
