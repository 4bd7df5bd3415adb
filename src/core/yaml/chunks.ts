/**
 * A YAML stream as `---`-delimited chunks, and what an edit changed: the machinery that lets a
 * 5,000-document file be re-parsed and re-validated one document at a time.
 */

export interface Chunk {
  start: number;
  source: string;
}

/**
 * Splits text[from, to) at column-0 `---` markers; each chunk keeps its marker line so positions stay
 * exact. `from` must be 0 or the start of a marker line.
 */
export function splitDocuments(text: string, from = 0, to = text.length): Chunk[] {
  const chunks: Chunk[] = [];
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  marker.lastIndex = from;
  let start = from;
  for (let m = marker.exec(text); m && m.index < to; m = marker.exec(text)) {
    if (m.index <= start) continue;
    // Text before the first marker that is only comments/blank lines belongs to the first document,
    // as in YAML itself (the comment is attached to it, not a document of its own).
    if (start === 0 && isBlankOrComments(text.slice(0, m.index))) continue;
    chunks.push({ start, source: text.slice(start, m.index) });
    start = m.index;
  }
  if (to > start) chunks.push({ start, source: text.slice(start, to) });
  return chunks;
}

function isBlankOrComments(s: string): boolean {
  // Line by line: a single regex with nested optional repeats would backtrack exponentially.
  return s.split('\n').every((line) => /^[ \t]*(?:#.*)?\r?$/.test(line));
}


export interface ReparsePlan<C extends Chunk> {
  /** Previous chunks kept as they are (same offsets). */
  front: C[];
  /** Previous chunks kept, whose offsets move by `delta`. */
  back: C[];
  delta: number;
  /** The region of the new text to split and parse again. */
  from: number;
  to: number;
}

/**
 * Which previous chunks lie in the unchanged head and tail of the new text (and are still delimited
 * by document markers there); everything between them must be parsed again.
 */
export function planReparse<C extends Chunk>(previousText: string, old: readonly C[], text: string): ReparsePlan<C> {
  const delta = text.length - previousText.length;
  const prefix = commonPrefixLength(previousText, text);
  const suffix = commonSuffixLength(previousText, text, Math.min(previousText.length, text.length) - prefix);
  let front = 0;
  let frontEnd = 0;
  while (front < old.length) {
    const end = old[front].start + old[front].source.length;
    if (end > prefix || (end !== text.length && !isMarkerAt(text, end))) break;
    frontEnd = end;
    front++;
  }
  let back = old.length;
  let backStart = text.length;
  const tailStart = previousText.length - suffix;
  while (back > front) {
    const c = old[back - 1];
    const start = c.start + delta;
    if (c.start < tailStart || start < frontEnd || c.start === 0 || !isMarkerAt(text, start)) break;
    backStart = start;
    back--;
  }
  // A comment-only head belongs to the document after it (splitDocuments): re-parse them together.
  if (frontEnd === 0 && back < old.length && isBlankOrComments(text.slice(0, backStart))) {
    back++;
    backStart = back < old.length ? old[back].start + delta : text.length;
  }
  return { front: old.slice(0, front), back: old.slice(back), delta, from: frontEnd, to: backStart };
}
/**
 * Length of the common head of two strings, compared in big blocks: native string equality is
 * memcmp-fast, where a loop over characters or one comparison per document is not.
 */
function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let done = 0;
  let block = 65536;
  while (done < max) {
    const n = Math.min(block, max - done);
    if (a.slice(done, done + n) === b.slice(done, done + n)) done += n;
    else if (n > 64) block = n >> 2;
    else {
      while (done < max && a.charCodeAt(done) === b.charCodeAt(done)) done++;
      return done;
    }
  }
  return done;
}

function commonSuffixLength(a: string, b: string, max: number): number {
  let done = 0;
  let block = 65536;
  while (done < max) {
    const n = Math.min(block, max - done);
    if (a.slice(a.length - done - n, a.length - done) === b.slice(b.length - done - n, b.length - done)) done += n;
    else if (n > 64) block = n >> 2;
    else {
      while (done < max && a.charCodeAt(a.length - 1 - done) === b.charCodeAt(b.length - 1 - done)) done++;
      return done;
    }
  }
  return done;
}

export function isMarkerAt(text: string, offset: number): boolean {
  if (offset !== 0 && text[offset - 1] !== '\n') return false;
  if (!text.startsWith('---', offset)) return false;
  const next = text[offset + 3];
  return next === undefined || next === ' ' || next === '\t' || next === '\r' || next === '\n';
}

/**
 * A copy of `slice` that does not keep the whole file text alive. V8 slices point into their parent
 * string, and so would every cached document (and every string the parser cut from it): each edit of
 * a 10 MB file would leak the previous 10 MB.
 */
export function detached(slice: string): string {
  return Buffer.from(slice, 'utf16le').toString('utf16le');
}

