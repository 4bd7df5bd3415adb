/**
 * Turns the part of an instruction that Docker hands to a shell into the text the shell really sees,
 * with a map back to document offsets, so that shell findings land on the exact token in the file.
 *
 * Docker, not the shell, removes comment lines and blank lines inside a continued instruction, and
 * the escape character may be a backtick (`# escape=\``). The shell handles `\`-newline itself.
 */

export interface ScriptText {
  text: string;
  /** Offset in the document of offset `offset` in `text`. */
  toDocument(offset: number): number;
}

interface Segment {
  scriptStart: number;
  documentStart: number;
}

export function buildScriptText(
  document: string,
  start: number,
  end: number,
  escapeChar: string,
  hasHeredoc: boolean,
): ScriptText {
  const segments: Segment[] = [];
  let out = '';
  let continuing = false;
  let lineStart = start;
  while (lineStart < end) {
    let newline = document.indexOf('\n', lineStart);
    if (newline === -1 || newline >= end) newline = end;
    let lineEnd = newline; // exclusive, before \n
    if (lineEnd > lineStart && document[lineEnd - 1] === '\r') lineEnd--;
    const line = document.slice(lineStart, lineEnd);
    const trimmed = line.trimStart();
    const skip = continuing && !hasHeredoc && (trimmed === '' || trimmed.startsWith('#'));
    if (!skip) {
      segments.push({ scriptStart: out.length, documentStart: lineStart });
      // Docker accepts blanks after the escape character; the shell would not, so drop them.
      let contentEnd = line.length;
      while (contentEnd > 0 && (line[contentEnd - 1] === ' ' || line[contentEnd - 1] === '\t')) contentEnd--;
      const endsWithEscape = contentEnd > 0 && line[contentEnd - 1] === escapeChar;
      out += endsWithEscape ? line.slice(0, contentEnd - 1) + '\\' : line;
      // The \r of a CRLF is dropped; keep the mapping exact by starting a new segment at the line
      // terminator (the \r when there is one), so a word ending the line ends before the \r.
      if (newline < end) {
        segments.push({ scriptStart: out.length, documentStart: lineEnd });
        out += '\n';
      }
      continuing = endsWithEscape;
    }
    lineStart = newline + 1;
  }
  return {
    text: out,
    toDocument(offset: number): number {
      let low = 0;
      let high = segments.length - 1;
      if (high < 0) return start;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (segments[mid].scriptStart <= offset) low = mid;
        else high = mid - 1;
      }
      return segments[low].documentStart + (offset - segments[low].scriptStart);
    },
  };
}
