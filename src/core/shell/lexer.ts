/**
 * Reading shell words and operators: quoting, escapes, line continuations, expansions. Command
 * substitutions inside a word are handed back to the parser (through `SubstitutionParser`) so the
 * commands they run are analysed too.
 */
import type { ShellWord } from './types';

export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number = start + 1,
  ) {
    super(message);
  }
}

export interface WordToken {
  type: 'word';
  word: ShellWord;
  /** No quotes, escapes or expansions: the token can be a reserved word or an assignment name. */
  plain: boolean;
  /** Digits written right before `<` or `>` (`2>&1`). */
  ioNumber: boolean;
  start: number;
  end: number;
}

export interface OperatorToken {
  type: 'op';
  value: string;
  start: number;
  end: number;
}

export interface SimpleToken {
  type: 'newline' | 'eof';
  start: number;
  end: number;
}

export type Token = WordToken | OperatorToken | SimpleToken;

/** Parses `$(...)`, `<(...)` and backtick bodies (the parser implements it). */
export interface SubstitutionParser {
  /** Parses a list starting at `start` up to the closing `)`; returns the offset after the `)`. */
  parseParenthesised(start: number): number;
  /** Parses the text between backticks `start`..`end` as a separate script. */
  parseBackticks(start: number, end: number): void;
}

const OPERATORS = ['&&', '||', ';;&', ';;', ';&', '|&', '&>>', '&>', '<<<', '<<-', '<<', '>>', '<&', '>&', '<>', '>|', '|', '&', ';', '<', '>', '(', ')'];
const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
/** Characters that end a run of ordinary word characters: metacharacters, quotes, escapes, expansions. */
const SPECIAL: boolean[] = [];
for (const c of ' \t\n;&|<>()\\\'"$`') SPECIAL[c.charCodeAt(0)] = true;
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

export class Lexer {
  constructor(
    readonly text: string,
    private readonly substitutions: SubstitutionParser,
  ) {}

  /** Skips blanks, `\`-newline continuations and comments; stops at a newline or a token. */
  skipBlanks(pos: number): number {
    const text = this.text;
    for (;;) {
      const c = text[pos];
      if (c === ' ' || c === '\t' || c === '\r') pos++;
      else if (c === '\\' && text[pos + 1] === '\n') pos += 2;
      else if (c === '#') {
        const newline = text.indexOf('\n', pos);
        pos = newline === -1 ? text.length : newline;
      } else return pos;
    }
  }

  /** The token starting at `pos` (which must already be past blanks). */
  read(pos: number): Token {
    const text = this.text;
    if (pos >= text.length) return { type: 'eof', start: pos, end: pos };
    const c = text[pos];
    if (c === '\n') return { type: 'newline', start: pos, end: pos + 1 };
    if ((c === '<' || c === '>') && text[pos + 1] === '(') return this.readWord(pos);
    if (META.has(c)) {
      for (const op of OPERATORS) if (text.startsWith(op, pos)) return { type: 'op', value: op, start: pos, end: pos + op.length };
    }
    return this.readWord(pos);
  }

  readWord(start: number): WordToken {
    const text = this.text;
    let pos = start;
    let value = '';
    let literal = true;
    let plain = true;
    while (pos < text.length) {
      const c = text[pos];
      if ((c === '<' || c === '>') && text[pos + 1] === '(' && pos === start) {
        pos = this.substitutions.parseParenthesised(pos + 2);
        value += `${c}(...)`;
        literal = plain = false;
        continue;
      }
      if (META.has(c)) {
        // `arr=(a b)`: a bash array assignment keeps its parenthesised list in the word.
        if (c === '(' && plain && /^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(value)) {
          const close = this.matchingParen(pos);
          value += text.slice(pos, close);
          pos = close;
          continue;
        }
        break;
      }
      switch (c) {
        case '\\':
          if (text[pos + 1] === '\n') pos += 2;
          else if (pos + 1 < text.length) {
            value += text[pos + 1];
            pos += 2;
            plain = false;
          } else {
            value += c;
            pos++;
          }
          continue;
        case "'": {
          const close = text.indexOf("'", pos + 1);
          if (close === -1) throw new ShellSyntaxError("reached EOF without closing quote '", pos);
          value += text.slice(pos + 1, close);
          pos = close + 1;
          plain = false;
          continue;
        }
        case '"': {
          const result = this.readDoubleQuoted(pos);
          value += result.value;
          literal &&= result.literal;
          pos = result.end;
          plain = false;
          continue;
        }
        case '$': {
          const result = this.readDollar(pos);
          value += result.value;
          literal &&= result.literal;
          plain = false;
          pos = result.end;
          continue;
        }
        case '`': {
          pos = this.readBackticks(pos);
          value += '$(...)';
          literal = plain = false;
          continue;
        }
        default: {
          // Copy a run of ordinary characters in one slice.
          let end = pos + 1;
          while (end < text.length && !SPECIAL[text.charCodeAt(end)]) end++;
          value += text.slice(pos, end);
          pos = end;
        }
      }
    }
    const ioNumber = plain && /^\d+$/.test(value) && (text[pos] === '<' || text[pos] === '>');
    return { type: 'word', word: { value, literal, start, end: pos }, plain, ioNumber, start, end: pos };
  }

  private readDoubleQuoted(start: number): { value: string; literal: boolean; end: number } {
    const text = this.text;
    let pos = start + 1;
    let value = '';
    let literal = true;
    while (pos < text.length) {
      const c = text[pos];
      if (c === '"') return { value, literal, end: pos + 1 };
      if (c === '\\') {
        const next = text[pos + 1];
        if (next === '\n') pos += 2;
        else if (next === '$' || next === '`' || next === '"' || next === '\\') {
          value += next;
          pos += 2;
        } else {
          value += c;
          pos++;
        }
      } else if (c === '$') {
        const result = this.readDollar(pos);
        value += result.value;
        literal &&= result.literal;
        pos = result.end;
      } else if (c === '`') {
        pos = this.readBackticks(pos);
        value += '$(...)';
        literal = false;
      } else {
        value += c;
        pos++;
      }
    }
    throw new ShellSyntaxError('reached EOF without closing quote "', start);
  }

  /** `$name`, `${...}`, `$(...)`, `$((...))`, `$'...'`, `$"..."`, or a lone `$`. */
  private readDollar(start: number): { value: string; literal: boolean; end: number } {
    const text = this.text;
    const next = text[start + 1];
    if (next === '(') {
      if (text[start + 2] === '(') {
        const end = this.matchingDoubleParen(start + 1);
        return { value: '$((...))', literal: false, end };
      }
      return { value: '$(...)', literal: false, end: this.substitutions.parseParenthesised(start + 2) };
    }
    if (next === '{') {
      const end = this.matchingBrace(start + 1);
      const name = /^[#!]?([A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(text.slice(start + 2, end - 1))?.[1] ?? '';
      return { value: `\${${name}}`, literal: false, end };
    }
    if (next === "'") {
      const close = this.closingAnsiQuote(start + 2);
      return { value: text.slice(start + 2, close), literal: true, end: close + 1 };
    }
    if (next === '"') {
      const result = this.readDoubleQuoted(start + 1);
      return result;
    }
    if (next !== undefined && NAME_START.test(next)) {
      let end = start + 2;
      while (end < text.length && NAME_CHAR.test(text[end])) end++;
      return { value: text.slice(start, end), literal: false, end };
    }
    if (next !== undefined && /[0-9@*#?$!-]/.test(next)) return { value: text.slice(start, start + 2), literal: false, end: start + 2 };
    return { value: '$', literal: true, end: start + 1 };
  }

  private readBackticks(start: number): number {
    const text = this.text;
    let pos = start + 1;
    while (pos < text.length && text[pos] !== '`') pos += text[pos] === '\\' ? 2 : 1;
    if (pos >= text.length) throw new ShellSyntaxError('reached EOF without closing quote `', start);
    this.substitutions.parseBackticks(start + 1, pos);
    return pos + 1;
  }

  private closingAnsiQuote(pos: number): number {
    const text = this.text;
    while (pos < text.length && text[pos] !== "'") pos += text[pos] === '\\' ? 2 : 1;
    if (pos >= text.length) throw new ShellSyntaxError("reached EOF without closing quote '", pos);
    return pos;
  }

  /** From the `{` of `${`, the offset after its matching `}` (quotes and nested `${}` respected). */
  private matchingBrace(open: number): number {
    const text = this.text;
    let depth = 0;
    for (let pos = open; pos < text.length; pos++) {
      const c = text[pos];
      if (c === '\\') pos++;
      else if (c === "'" && depth > 0) {
        const close = text.indexOf("'", pos + 1);
        if (close === -1) break;
        pos = close;
      } else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) return pos + 1;
    }
    throw new ShellSyntaxError('reached EOF without matching ${ with }', open - 1);
  }

  /** From the first `(` of `$((`, the offset after the matching `))`. */
  private matchingDoubleParen(open: number): number {
    const text = this.text;
    let depth = 0;
    for (let pos = open; pos < text.length; pos++) {
      if (text[pos] === '(') depth++;
      else if (text[pos] === ')' && --depth === 0) return pos + 1;
    }
    throw new ShellSyntaxError('reached EOF without matching (( with ))', open - 1);
  }

  /** From a `(`, the offset after its matching `)`, skipping quoted text. */
  matchingParen(open: number): number {
    const text = this.text;
    let depth = 0;
    for (let pos = open; pos < text.length; pos++) {
      const c = text[pos];
      if (c === '\\') pos++;
      else if (c === "'" || c === '"') {
        const close = text.indexOf(c, pos + 1);
        if (close === -1) break;
        pos = close;
      } else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return pos + 1;
    }
    throw new ShellSyntaxError('reached EOF without matching ( with )', open);
  }
}
