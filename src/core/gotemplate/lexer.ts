/**
 * Go text/template's lexer (text/template/parse/lex.go), token for token, so that the parser sees
 * exactly what Go's parser sees and fails with the same messages. Items are produced on demand.
 */
import { quote } from './strconv';

export enum ItemType {
  Error,
  Bool,
  Char,
  CharConstant,
  Comment,
  Complex,
  Assign,
  Declare,
  EOF,
  Field,
  Identifier,
  LeftDelim,
  LeftParen,
  Number,
  Pipe,
  RawString,
  RightDelim,
  RightParen,
  Space,
  String,
  Text,
  Variable,
  // Keywords (Go's itemKeyword and above): printed as <word> in messages.
  Keyword,
  Block,
  Break,
  Continue,
  Dot,
  Define,
  Else,
  End,
  If,
  Nil,
  Range,
  Template,
  With,
}

export interface Item {
  readonly type: ItemType;
  /** UTF-16 offset in the template text. */
  readonly pos: number;
  readonly val: string;
}

const KEYWORDS: Record<string, ItemType> = {
  '.': ItemType.Dot,
  block: ItemType.Block,
  break: ItemType.Break,
  continue: ItemType.Continue,
  define: ItemType.Define,
  else: ItemType.Else,
  end: ItemType.End,
  if: ItemType.If,
  range: ItemType.Range,
  nil: ItemType.Nil,
  template: ItemType.Template,
  with: ItemType.With,
};

const EOF = -1;
const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';
const TRIM_MARKER = 0x2d; // '-'
const TRIM_MARKER_LEN = 2; // " -" or "- "
const NO_DELIM = 0;
const DELIM = 1;
const DELIM_TRIM = 2;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;

/** Go's isAlphaNumeric: '_', unicode.IsLetter or unicode.IsDigit. */
function isAlphaNumeric(c: number): boolean {
  if (c < 0x80) {
    return c === 0x5f || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  }
  return c !== EOF && LETTER_OR_DIGIT.test(String.fromCodePoint(c));
}

/** Go's %#U of a rune: U+0041 'A'. */
function runeDescription(c: number): string {
  const hex = 'U+' + c.toString(16).toUpperCase().padStart(4, '0');
  const ch = String.fromCodePoint(c);
  return /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u.test(ch) ? `${hex} '${ch}'` : hex;
}

function hasLeftTrimMarker(s: string, at: number): boolean {
  return s.charCodeAt(at) === TRIM_MARKER && isSpace(s.charCodeAt(at + 1));
}

function hasRightTrimMarker(s: string, at: number): boolean {
  return isSpace(s.charCodeAt(at)) && s.charCodeAt(at + 1) === TRIM_MARKER;
}

/** A state function scans some input; it returns the next state, or null once an item is ready. */
type StateFn = ((l: Lexer) => StateFn) | null;

export class Lexer {
  pos = 0;
  start = 0;
  atEOF = false;
  parenDepth = 0;
  insideAction = false;
  item: Item = { type: ItemType.EOF, pos: 0, val: 'EOF' };
  /** `break`/`continue` are keywords unless the func map defines functions of those names. */
  breakOK = true;
  continueOK = true;

  constructor(
    public input: string,
    readonly leftDelim = '{{',
    readonly rightDelim = '}}',
  ) {}

  nextItem(): Item {
    this.item = { type: ItemType.EOF, pos: this.pos, val: 'EOF' };
    let state: StateFn = this.insideAction ? lexInsideAction : lexText;
    while (state !== null) state = state(this);
    return this.item;
  }

  next(): number {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return EOF;
    }
    const c = this.input.codePointAt(this.pos)!;
    this.pos += c > 0xffff ? 2 : 1;
    return c;
  }

  peek(): number {
    return this.pos >= this.input.length ? EOF : this.input.codePointAt(this.pos)!;
  }

  backup(): void {
    if (!this.atEOF && this.pos > 0) {
      const low = this.input.charCodeAt(this.pos - 1);
      this.pos -= low >= 0xdc00 && low <= 0xdfff && this.pos > 1 ? 2 : 1;
    }
  }

  thisItem(type: ItemType): Item {
    const item = { type, pos: this.start, val: this.input.slice(this.start, this.pos) };
    this.start = this.pos;
    return item;
  }

  emit(type: ItemType): StateFn {
    this.item = this.thisItem(type);
    return null;
  }

  ignore(): void {
    this.start = this.pos;
  }

  accept(valid: string): boolean {
    const c = this.peek();
    if (c !== EOF && c < 0x80 && valid.includes(String.fromCharCode(c))) {
      this.next();
      return true;
    }
    return false;
  }

  acceptRun(valid: string): void {
    while (this.accept(valid));
  }

  /** Reports an error item and stops: every later call yields EOF. */
  errorf(message: string): StateFn {
    this.item = { type: ItemType.Error, pos: this.start, val: message };
    this.start = 0;
    this.pos = 0;
    this.input = '';
    return null;
  }

  /** Is the next character a terminator of an identifier, field or variable? */
  atTerminator(): boolean {
    const c = this.peek();
    if (isSpace(c)) return true;
    switch (c) {
      case EOF:
      case 0x2e: // .
      case 0x2c: // ,
      case 0x7c: // |
      case 0x3a: // :
      case 0x29: // )
      case 0x28: // (
        return true;
    }
    return this.input.startsWith(this.rightDelim, this.pos);
  }

  /** Is the lexer at a right delimiter (DELIM), possibly preceded by a trim marker (DELIM_TRIM)? */
  atRightDelim(): number {
    if (hasRightTrimMarker(this.input, this.pos) && this.input.startsWith(this.rightDelim, this.pos + TRIM_MARKER_LEN)) {
      return DELIM_TRIM;
    }
    return this.input.startsWith(this.rightDelim, this.pos) ? DELIM : NO_DELIM;
  }
}

function lexText(l: Lexer): StateFn {
  const x = l.input.indexOf(l.leftDelim, l.pos);
  if (x >= 0) {
    if (x > l.pos) {
      l.pos = x;
      let trimLength = 0;
      if (hasLeftTrimMarker(l.input, x + l.leftDelim.length)) trimLength = rightTrimLength(l.input, l.start, l.pos);
      l.pos -= trimLength;
      const item = l.thisItem(ItemType.Text);
      l.pos += trimLength;
      l.ignore();
      if (item.val.length > 0) {
        l.item = item;
        return null;
      }
    }
    return lexLeftDelim;
  }
  l.pos = l.input.length;
  if (l.pos > l.start) return l.emit(ItemType.Text);
  l.item = { type: ItemType.EOF, pos: l.pos, val: 'EOF' };
  return null;
}

function lexLeftDelim(l: Lexer): StateFn {
  l.pos += l.leftDelim.length;
  const trimSpace = hasLeftTrimMarker(l.input, l.pos);
  const afterMarker = trimSpace ? TRIM_MARKER_LEN : 0;
  if (l.input.startsWith(LEFT_COMMENT, l.pos + afterMarker)) {
    l.pos += afterMarker;
    l.ignore();
    return lexComment;
  }
  l.item = l.thisItem(ItemType.LeftDelim);
  l.insideAction = true;
  l.pos += afterMarker;
  l.ignore();
  l.parenDepth = 0;
  return null;
}

function lexComment(l: Lexer): StateFn {
  l.pos += LEFT_COMMENT.length;
  const x = l.input.indexOf(RIGHT_COMMENT, l.pos);
  if (x < 0) return l.errorf('unclosed comment');
  l.pos = x + RIGHT_COMMENT.length;
  const delim = l.atRightDelim();
  if (delim === NO_DELIM) return l.errorf('comment ends before closing delimiter');
  const trimSpace = delim === DELIM_TRIM;
  if (trimSpace) l.pos += TRIM_MARKER_LEN;
  l.pos += l.rightDelim.length;
  if (trimSpace) l.pos += leftTrimLength(l.input, l.pos);
  l.ignore();
  return lexText;
}

function lexRightDelim(l: Lexer): StateFn {
  const trimSpace = l.atRightDelim() === DELIM_TRIM;
  if (trimSpace) {
    l.pos += TRIM_MARKER_LEN;
    l.ignore();
  }
  l.pos += l.rightDelim.length;
  l.item = l.thisItem(ItemType.RightDelim);
  if (trimSpace) {
    l.pos += leftTrimLength(l.input, l.pos);
    l.ignore();
  }
  l.insideAction = false;
  return null;
}

function lexInsideAction(l: Lexer): StateFn {
  if (l.atRightDelim() !== NO_DELIM) {
    if (l.parenDepth === 0) return lexRightDelim;
    return l.errorf('unclosed left paren');
  }
  const c = l.next();
  switch (c) {
    case EOF:
      return l.errorf('unclosed action');
    case 0x3d: // =
      return l.emit(ItemType.Assign);
    case 0x3a: // :
      if (l.next() !== 0x3d) return l.errorf('expected :=');
      return l.emit(ItemType.Declare);
    case 0x7c: // |
      return l.emit(ItemType.Pipe);
    case 0x22: // "
      return lexQuote;
    case 0x60: // `
      return lexRawQuote;
    case 0x24: // $
      return lexVariable;
    case 0x27: // '
      return lexChar;
    case 0x2e: {
      // '.': a field, unless a digit follows (.5 is a number)
      const d = l.input.charCodeAt(l.pos);
      if (l.pos >= l.input.length || d < 0x30 || d > 0x39) return lexField;
      l.backup();
      return lexNumber;
    }
    case 0x28: // (
      l.parenDepth++;
      return l.emit(ItemType.LeftParen);
    case 0x29: // )
      l.parenDepth--;
      if (l.parenDepth < 0) return l.errorf('unexpected right paren');
      return l.emit(ItemType.RightParen);
  }
  if (isSpace(c)) {
    l.backup();
    return lexSpace;
  }
  if (c === 0x2b || c === 0x2d || (c >= 0x30 && c <= 0x39)) {
    l.backup();
    return lexNumber;
  }
  if (isAlphaNumeric(c)) {
    l.backup();
    return lexIdentifier;
  }
  if (c < 0x80 && c >= 0x20 && c !== 0x7f) return l.emit(ItemType.Char);
  return l.errorf(`unrecognized character in action: ${runeDescription(c)}`);
}

function lexSpace(l: Lexer): StateFn {
  let numSpaces = 0;
  while (isSpace(l.peek())) {
    l.next();
    numSpaces++;
  }
  // A trim-marked closing delimiter has a minus after a space: leave that space to the delimiter.
  if (hasRightTrimMarker(l.input, l.pos - 1) && l.input.startsWith(l.rightDelim, l.pos - 1 + TRIM_MARKER_LEN)) {
    l.backup();
    if (numSpaces === 1) return lexRightDelim;
  }
  return l.emit(ItemType.Space);
}

function lexIdentifier(l: Lexer): StateFn {
  for (;;) {
    const c = l.next();
    if (!isAlphaNumeric(c)) {
      l.backup();
      break;
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${runeDescription(l.peek())}`);
  const word = l.input.slice(l.start, l.pos);
  const keyword = KEYWORDS[word];
  if (keyword !== undefined && keyword > ItemType.Keyword) {
    if ((keyword === ItemType.Break && !l.breakOK) || (keyword === ItemType.Continue && !l.continueOK)) {
      return l.emit(ItemType.Identifier);
    }
    return l.emit(keyword);
  }
  if (word === 'true' || word === 'false') return l.emit(ItemType.Bool);
  return l.emit(ItemType.Identifier);
}

function lexField(l: Lexer): StateFn {
  return lexFieldOrVariable(l, ItemType.Field);
}

function lexVariable(l: Lexer): StateFn {
  return lexFieldOrVariable(l, ItemType.Variable);
}

function lexFieldOrVariable(l: Lexer, type: ItemType): StateFn {
  if (l.atTerminator()) return l.emit(type === ItemType.Variable ? ItemType.Variable : ItemType.Dot);
  for (;;) {
    const c = l.next();
    if (!isAlphaNumeric(c)) {
      l.backup();
      break;
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${runeDescription(l.peek())}`);
  return l.emit(type);
}

function lexChar(l: Lexer): StateFn {
  return lexEscapedUntil(l, 0x27, 'unterminated character constant', ItemType.CharConstant);
}

function lexNumber(l: Lexer): StateFn {
  if (!scanNumber(l)) return l.errorf(`bad number syntax: ${quote(l.input.slice(l.start, l.pos))}`);
  const sign = l.peek();
  if (sign === 0x2b || sign === 0x2d) {
    // Complex: 1+2i. No spaces, must end in 'i'.
    if (!scanNumber(l) || l.input.charCodeAt(l.pos - 1) !== 0x69) {
      return l.errorf(`bad number syntax: ${quote(l.input.slice(l.start, l.pos))}`);
    }
    return l.emit(ItemType.Complex);
  }
  if (l.input.charCodeAt(l.pos - 1) === 0x69) return l.emit(ItemType.Complex);
  return l.emit(ItemType.Number);
}

function lexQuote(l: Lexer): StateFn {
  return lexEscapedUntil(l, 0x22, 'unterminated quoted string', ItemType.String);
}

/** Scans to the closing quote `close`, skipping backslash escapes; a newline or EOF first is an error. */
function lexEscapedUntil(l: Lexer, close: number, unterminated: string, item: ItemType): StateFn {
  for (;;) {
    let c = l.next();
    if (c === 0x5c) {
      c = l.next();
      if (c !== EOF && c !== 0x0a) continue;
    }
    if (c === EOF || c === 0x0a) return l.errorf(unterminated);
    if (c === close) break;
  }
  return l.emit(item);
}

function lexRawQuote(l: Lexer): StateFn {
  const x = l.input.indexOf('`', l.pos);
  if (x < 0) return l.errorf('unterminated raw quoted string');
  l.pos = x + 1;
  return l.emit(ItemType.RawString);
}

function scanNumber(l: Lexer): boolean {
  l.accept('+-');
  let digits = '0123456789_';
  if (l.accept('0')) {
    // A leading 0 does not mean octal in floats.
    if (l.accept('xX')) digits = '0123456789abcdefABCDEF_';
    else if (l.accept('oO')) digits = '01234567_';
    else if (l.accept('bB')) digits = '01_';
  }
  l.acceptRun(digits);
  if (l.accept('.')) l.acceptRun(digits);
  if (digits.length === 11 && l.accept('eE')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  if (digits.length === 23 && l.accept('pP')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  l.accept('i'); // imaginary
  if (isAlphaNumeric(l.peek())) {
    l.next();
    return false;
  }
  return true;
}

function leftTrimLength(s: string, from: number): number {
  let i = from;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i - from;
}

function rightTrimLength(s: string, start: number, end: number): number {
  let i = end;
  while (i > start && isSpace(s.charCodeAt(i - 1))) i--;
  return end - i;
}

