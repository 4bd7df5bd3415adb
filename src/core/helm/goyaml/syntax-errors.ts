/**
 * go-yaml's wording for the YAML syntax errors charts commonly hit. The `yaml` package finds the same
 * problems but words them differently; Helm users (and Helm's golden outputs) know libyaml's texts,
 * e.g. `yaml: line 11: could not find expected ':'`.
 *
 * Line numbers follow go-yaml's own quirk: scanner errors report the 1-based line of the position where
 * libyaml noticed the problem (often the next token, after skipping blank lines and comments), parser
 * errors report the 0-based line of the offending token (yaml.v2 decode.go `fail`).
 */

export interface YamlLibError {
  readonly code: string;
  readonly message: string;
  /** 1-based line and column where the `yaml` package reports the problem. */
  readonly line: number;
  readonly col: number;
}

/** `yaml: line N: <libyaml message>` for a `yaml` package error on `text`. */
export function goYamlSyntaxMessage(error: YamlLibError, text: string): string {
  const { line, text: message } = goYamlSyntaxError(error, text);
  return line > 0 ? `yaml: line ${line}: ${message}` : `yaml: ${message}`;
}

/** The line go-yaml would report (its own convention, see above) and libyaml's message. */
export function goYamlSyntaxError(error: YamlLibError, text: string): { line: number; text: string } {
  const first = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const { code, line } = error;
  if (/call stack/i.test(first)) return { line: 0, text: 'exceeded max depth of 10000' };
  // Scanner: a simple key at the mapping's indentation without ':' goes stale at the next token.
  if (code === 'MISSING_CHAR' && first.startsWith('Implicit map keys')) {
    return { line: nextTokenLine(text, line) + 1, text: "could not find expected ':'" };
  }
  if (code === 'MISSING_CHAR' && first.startsWith('Missing closing')) return { line, text: 'found unexpected end of stream' };
  // Scanner: a ':' value indicator where a plain scalar value cannot become a key.
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') {
    return { line: valueIndicatorLine(text, line, error.col), text: 'mapping values are not allowed in this context' };
  }
  if (code === 'TAB_AS_INDENT') return { line, text: 'found character that cannot start any token' };
  if (code === 'BAD_INDENT' && first.startsWith('Flow sequence')) return { line, text: "did not find expected ',' or ']'" };
  if (code === 'BAD_INDENT' && first.startsWith('Flow map')) return { line, text: "did not find expected ',' or '}'" };
  // Parser: a key where a block sequence expects its next "- ", or a key at no mapping's indentation.
  if (code === 'BAD_INDENT' && first.startsWith('All mapping items')) {
    const expected = previousItemIsDash(text, line) ? "did not find expected '-' indicator" : 'did not find expected key';
    return { line: line - 1, text: expected };
  }
  return { line, text: first };
}

/** 0-based line of the first token after 1-based `line`, skipping blank and comment lines (or EOF's). */
function nextTokenLine(text: string, line: number): number {
  const lines = text.split('\n');
  let i = line;
  while (i < lines.length && /^\s*(#.*)?$/.test(lines[i])) i++;
  // At EOF libyaml's mark sits on the line after the last one, whether or not the text ends with a
  // line break (Helm's manifest documents are trimmed, values files usually end with one).
  if (i >= lines.length) return text.endsWith('\n') ? lines.length - 1 : lines.length;
  return i;
}

/** 1-based line of the first ': ' (or ':' at a line end) at or after 1-based `line`/`col`. */
function valueIndicatorLine(text: string, line: number, col: number): number {
  const lines = text.split('\n');
  for (let i = line - 1; i < lines.length; i++) {
    const from = i === line - 1 ? Math.max(col - 1, 0) : 0;
    if (/:(\s|$)/.test(lines[i].slice(from))) return i + 1;
  }
  return line;
}

/** Whether the nearest earlier line indented like 1-based `line` starts a block sequence item. */
function previousItemIsDash(text: string, line: number): boolean {
  const lines = text.split('\n');
  const indentOf = (l: string) => l.length - l.trimStart().length;
  const column = indentOf(lines[line - 1] ?? '');
  for (let i = line - 2; i >= 0; i--) {
    const l = lines[i];
    if (/^\s*(#.*)?$/.test(l)) continue;
    if (indentOf(l) < column) return false;
    if (indentOf(l) === column) return /^-(\s|$)/.test(l.trimStart());
  }
  return false;
}
