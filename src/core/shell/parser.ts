/**
 * A POSIX/Bash parser that produces what the Dockerfile rules read: simple commands with their words,
 * how they are joined (`&&`, `|`, `;`, `&`) and where they sit (conditional, nested, background).
 *
 * Why not an npm parser: mvdan-sh (GopherJS) parses a 2.5 KB RUN in ~1 ms but reading its tree back
 * through the GopherJS accessors costs ~6x that; sh-syntax (WASM) is asynchronous and ~9.5 ms a call;
 * bash-parser is slower than mvdan-sh. This parser is one linear pass and is tested against mvdan-sh
 * (test/unit/shell/differential.test.ts), which stays as the reference.
 */
import { Lexer, ShellSyntaxError, type SubstitutionParser, type Token, type WordToken } from './lexer';
import type { ShellAssignment, ShellCommand, ShellOperator, ShellRedirect, ShellScript } from './types';

interface Context {
  depth: number;
  conditional: boolean;
  statementIndex: number;
}

const RESERVED_TERMINATORS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}', 'in']);
const DECLARATIONS = new Set(['export', 'declare', 'local', 'readonly', 'typeset']);
const REDIRECT_OPS = new Set(['<', '>', '>>', '<&', '>&', '<>', '>|', '&>', '&>>', '<<', '<<-', '<<<']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?\+?=/;
/** Deeper nesting than this is reported instead of recursing: bounded stack on hostile input. */
const MAX_NESTING = 200;

export function parseShellScript(text: string): ShellScript {
  const parser = new Parser(text, 0);
  try {
    parser.parseTopLevel();
  } catch (error) {
    if (!(error instanceof ShellSyntaxError)) throw error;
    return { commands: [], statementCount: 0, backgroundStatements: [], error: { message: error.message, start: error.start, end: Math.min(text.length, error.end) } };
  }
  return { commands: parser.out, statementCount: parser.statementCount, backgroundStatements: parser.backgroundStatements };
}

class Parser implements SubstitutionParser {
  readonly out: ShellCommand[] = [];
  statementCount = 0;
  readonly backgroundStatements: number[] = [];
  private readonly lexer: Lexer;
  private pos = 0;
  private peeked: { pos: number; token: Token; next: number } | undefined;
  private context: Context = { depth: 0, conditional: false, statementIndex: 0 };
  private nesting = 0;
  /** Heredocs whose bodies start after the current line; the command they belong to ends after the body. */
  private readonly pendingHeredocs: { delimiter: string; stripTabs: boolean; owner?: ShellCommand }[] = [];

  constructor(
    private readonly text: string,
    private readonly offset: number,
    shared?: Parser,
  ) {
    this.lexer = new Lexer(text, this);
    if (shared) {
      this.out = shared.out;
      this.context = { ...shared.context, depth: shared.context.depth + 1 };
      this.nesting = shared.nesting + 1;
    }
  }

  parseTopLevel(): void {
    this.parseList(undefined, true);
    const token = this.peek();
    if (token.type !== 'eof') throw this.unexpected(token);
  }

  // --- tokens -------------------------------------------------------------------------------

  private peek(): Token {
    const start = this.lexer.skipBlanks(this.pos);
    if (this.peeked?.pos === start) return this.peeked.token;
    const token = this.lexer.read(start);
    this.peeked = { pos: start, token, next: token.end };
    return token;
  }

  private next(): Token {
    const token = this.peek();
    this.pos = this.peeked!.next;
    this.peeked = undefined;
    if (token.type === 'newline') this.readHeredocBodies();
    return token;
  }

  private isOp(token: Token, ...values: string[]): boolean {
    return token.type === 'op' && values.includes(token.value);
  }

  private isReserved(token: Token, ...words: string[]): token is WordToken {
    return token.type === 'word' && token.plain && words.includes(token.word.value);
  }

  private skipNewlines(): void {
    while (this.peek().type === 'newline') this.next();
  }

  private expectReserved(word: string, opener: { start: number }, openerName: string): WordToken {
    this.skipNewlines();
    const token = this.peek();
    if (!this.isReserved(token, word)) throw new ShellSyntaxError(`"${openerName}" must be followed by "${word}"`, this.offset + opener.start);
    return this.next() as WordToken;
  }

  private unexpected(token: Token): ShellSyntaxError {
    const what = token.type === 'word' ? token.word.value : token.type === 'op' ? token.value : token.type === 'eof' ? 'end of script' : 'newline';
    return new ShellSyntaxError(`unexpected ${JSON.stringify(what)}`, this.offset + token.start, this.offset + Math.max(token.end, token.start + 1));
  }

  private enter(at: number): void {
    if (++this.nesting > MAX_NESTING) throw new ShellSyntaxError('nesting too deep to analyse', this.offset + at);
  }

  // --- lists and statements ------------------------------------------------------------------

  /** Statements until a terminator (a closing reserved word, `)`, `;;`) or the end. */
  private parseList(terminators: Set<string> | undefined, topLevel = false): void {
    for (;;) {
      // Set the statement's context before peeking: lexing its first word parses any `$(...)` in it.
      if (topLevel) this.context = { depth: 0, conditional: false, statementIndex: this.statementCount };
      this.skipNewlines();
      const token = this.peek();
      if (token.type === 'eof') return;
      if (token.type === 'op' && (token.value === ')' || token.value.startsWith(';;') || token.value === ';&')) {
        if (terminators) return;
        throw this.unexpected(token);
      }
      if (token.type === 'word' && token.plain && RESERVED_TERMINATORS.has(token.word.value) && token.word.value !== 'in') {
        if (terminators?.has(token.word.value)) return;
        throw this.unexpected(token);
      }
      const first = this.out.length;
      const single = this.parseAndOr();
      const separator = this.peek();
      if (this.isOp(separator, '&')) {
        this.next();
        // A backgrounded simple command includes its `&` (it is what the command does).
        if (single) single.end = this.offset + separator.end;
        for (let i = first; i < this.out.length; i++) this.out[i].background = true;
        if (topLevel) this.backgroundStatements.push(this.statementCount);
      } else if (this.isOp(separator, ';')) this.next();
      else if (separator.type !== 'newline' && separator.type !== 'eof' && !(terminators && this.endsList(separator))) throw this.unexpected(separator);
      if (topLevel) this.statementCount++;
    }
  }

  private endsList(token: Token): boolean {
    if (token.type === 'op') return token.value === ')' || token.value.startsWith(';;') || token.value === ';&';
    return token.type === 'word' && token.plain && RESERVED_TERMINATORS.has(token.word.value);
  }

  /** Returns the command when the list element is one simple command (no `&&`, `||` or `|`). */
  private parseAndOr(): ShellCommand | undefined {
    const outer = this.context;
    let single = this.parsePipeline(undefined);
    for (;;) {
      const token = this.peek();
      if (!this.isOp(token, '&&', '||')) break;
      single = undefined;
      this.next();
      const op = (token as { value: ShellOperator }).value;
      this.context = op === '||' ? { ...outer, conditional: true } : outer;
      this.skipNewlines();
      this.parsePipeline(op);
    }
    this.context = outer;
    return single;
  }

  private parsePipeline(precededBy: ShellOperator | undefined): ShellCommand | undefined {
    const first = this.peek();
    const negated = this.isReserved(first, '!');
    if (negated || this.isReserved(first, 'time')) this.next();
    const head = this.peek();
    const compound = this.isOp(head, '(') || this.isReserved(head, 'if', 'while', 'until', 'for', 'select', 'case', '{', '[[', 'function');
    const pushedBefore = this.out.length;
    this.parseCommand(precededBy);
    let piped = false;
    for (;;) {
      const token = this.peek();
      if (!this.isOp(token, '|', '|&')) break;
      piped = true;
      this.next();
      this.skipNewlines();
      this.parseCommand((token as { value: ShellOperator }).value);
    }
    // `! cmd` is one statement starting at the `!` (as mvdan-sh has it); in `! a | b` each command keeps its own start.
    const last = this.out[this.out.length - 1];
    if (negated && !piped && !compound && this.out.length > pushedBefore) last.start = Math.min(last.start, this.offset + first.start);
    return !piped && !compound && this.out.length > pushedBefore ? last : undefined;
  }

  // --- commands ------------------------------------------------------------------------------

  private parseCommand(precededBy: ShellOperator | undefined): void {
    const token = this.peek();
    if (token.type === 'eof' || token.type === 'newline' || (token.type === 'op' && !REDIRECT_OPS.has(token.value) && token.value !== '(')) throw this.unexpected(token);
    if (this.isOp(token, '(')) {
      this.next();
      if (this.text[token.end] === '(') return this.skipArithmeticCommand(token.start);
      this.nested(token.start, () => this.parseList(new Set()));
      if (!this.isOp(this.peek(), ')')) throw new ShellSyntaxError('reached EOF without matching ( with )', this.offset + token.start);
      this.next();
      return this.parseTrailingRedirects();
    }
    if (token.type === 'word' && token.plain) {
      switch (token.word.value) {
        case 'if':
          return this.parseIf();
        case 'while':
        case 'until':
          return this.parseLoop();
        case 'for':
        case 'select':
          return this.parseFor();
        case 'case':
          return this.parseCase();
        case '{':
          return this.parseBlock();
        case '[[':
          return this.skipUntilWord(']]', token);
        case 'function':
          return this.parseFunction(true);
      }
      if (this.isFunctionDefinition(token)) return this.parseFunction(false);
    }
    this.parseSimpleCommand(precededBy);
  }

  private parseSimpleCommand(precededBy: ShellOperator | undefined): void {
    const start = this.peek().start;
    let end = start;
    const words: WordToken[] = [];
    const assignments: ShellAssignment[] = [];
    const redirects: ShellRedirect[] = [];
    for (;;) {
      const token = this.peek();
      if (token.type === 'word' && token.ioNumber) {
        this.next();
        continue; // the operator follows immediately
      }
      if (token.type === 'op' && REDIRECT_OPS.has(token.value)) {
        this.next();
        redirects.push(this.parseRedirectTarget(token.value));
        end = this.pos;
        continue;
      }
      if (token.type !== 'word') break;
      this.next();
      end = token.end;
      const assignment = words.length === 0 ? ASSIGNMENT.exec(this.text.slice(token.start, token.end)) : null;
      if (assignment) {
        const value = token.word.value.slice(token.word.value.indexOf('=') + 1);
        assignments.push({ name: assignment[1], value, start: this.offset + token.start, end: this.offset + token.end });
      } else words.push(token);
    }
    const [nameToken, ...argTokens] = words;
    let name = nameToken?.word;
    let args = argTokens.map((t) => t.word);
    if (name && DECLARATIONS.has(name.value) && nameToken.plain) {
      // export/declare/local: the names they set are assignments, as mvdan-sh's DeclClause has them.
      for (const arg of args) {
        if (arg.value.startsWith('-') || arg.value.startsWith('+')) continue;
        const eq = arg.value.indexOf('=');
        assignments.push({ name: eq === -1 ? arg.value : arg.value.slice(0, eq), value: eq === -1 ? '' : arg.value.slice(eq + 1), start: this.offset + arg.start, end: this.offset + arg.end });
      }
      args = [];
    }
    name = name && this.shift(name);
    this.push({ name, args: args.map((w) => this.shift(w)), assignments, redirects, start, end, precededBy });
  }

  private parseRedirectTarget(op: string): ShellRedirect {
    const target = this.peek();
    if (target.type !== 'word') throw this.unexpected(target);
    this.next();
    if (op === '<<' || op === '<<-') this.pendingHeredocs.push({ delimiter: target.word.value, stripTabs: op === '<<-' });
    return { op, target: this.shift(target.word) };
  }

  private parseTrailingRedirects(): void {
    for (;;) {
      const token = this.peek();
      if (token.type === 'word' && token.ioNumber) this.next();
      else if (token.type === 'op' && REDIRECT_OPS.has(token.value)) {
        this.next();
        this.parseRedirectTarget(token.value);
      } else return;
    }
  }

  private push(command: Omit<ShellCommand, 'statementIndex' | 'background' | 'depth' | 'conditional'> & { start: number; end: number }): void {
    const pushed: ShellCommand = {
      ...command,
      start: this.offset + command.start,
      end: this.offset + command.end,
      statementIndex: this.context.statementIndex,
      background: false,
      depth: this.context.depth,
      conditional: this.context.conditional,
    };
    for (const heredoc of this.pendingHeredocs) heredoc.owner ??= pushed;
    this.out.push(pushed);
  }

  private shift<T extends { start: number; end: number }>(word: T): T {
    return this.offset === 0 ? word : { ...word, start: word.start + this.offset, end: word.end + this.offset };
  }

  // --- compound commands ---------------------------------------------------------------------

  private nested(at: number, body: () => void, conditional = this.context.conditional): void {
    const saved = this.context;
    this.enter(at);
    this.context = { ...saved, depth: saved.depth + 1, conditional };
    try {
      body();
    } finally {
      this.context = saved;
      this.nesting--;
    }
  }

  private parseIf(): void {
    const opener = this.next() as WordToken;
    this.nested(opener.start, () => {
      this.parseList(new Set(['then']));
      this.expectReserved('then', opener, 'if');
      this.parseList(new Set(['elif', 'else', 'fi']));
      for (;;) {
        this.skipNewlines();
        const token = this.peek();
        if (this.isReserved(token, 'elif')) {
          this.next();
          this.parseList(new Set(['then']));
          this.expectReserved('then', token, 'elif');
          this.parseList(new Set(['elif', 'else', 'fi']));
        } else if (this.isReserved(token, 'else')) {
          this.next();
          this.parseList(new Set(['fi']));
        } else break;
      }
      this.expectReserved('fi', opener, 'if');
    }, true);
    this.parseTrailingRedirects();
  }

  private parseLoop(): void {
    const opener = this.next() as WordToken;
    this.nested(opener.start, () => {
      this.parseList(new Set(['do']));
      this.expectReserved('do', opener, opener.word.value);
      this.parseList(new Set(['done']));
      this.expectReserved('done', opener, opener.word.value);
    }, true);
    this.parseTrailingRedirects();
  }

  private parseFor(): void {
    const opener = this.next() as WordToken;
    if (this.isOp(this.peek(), '(') && this.text[this.peek().end] === '(') {
      const paren = this.next();
      this.pos = this.lexer.matchingParen(paren.start);
    } else {
      const variable = this.next();
      if (variable.type !== 'word') throw this.unexpected(variable);
      this.skipNewlines();
      if (this.isReserved(this.peek(), 'in')) {
        this.next();
        while (this.peek().type === 'word') this.next();
      }
    }
    if (this.isOp(this.peek(), ';')) this.next();
    this.nested(opener.start, () => {
      this.expectReserved('do', opener, 'for');
      this.parseList(new Set(['done']));
      this.expectReserved('done', opener, 'for');
    });
    this.parseTrailingRedirects();
  }

  private parseCase(): void {
    const opener = this.next() as WordToken;
    const subject = this.next();
    if (subject.type !== 'word') throw this.unexpected(subject);
    this.expectReserved('in', opener, 'case');
    this.nested(opener.start, () => {
      for (;;) {
        this.skipNewlines();
        const token = this.peek();
        if (this.isReserved(token, 'esac')) break;
        if (token.type === 'eof') throw new ShellSyntaxError('"case" must be followed by "esac"', this.offset + opener.start);
        if (this.isOp(token, '(')) this.next();
        // Patterns: words separated by `|`, up to `)`.
        for (;;) {
          const pattern = this.next();
          if (pattern.type !== 'word') throw this.unexpected(pattern);
          const after = this.next();
          if (this.isOp(after, ')')) break;
          if (!this.isOp(after, '|')) throw this.unexpected(after);
        }
        this.parseList(new Set(['esac']));
        const end = this.peek();
        if (end.type === 'op' && (end.value.startsWith(';;') || end.value === ';&')) this.next();
      }
    }, true);
    this.next();
    this.parseTrailingRedirects();
  }

  private parseBlock(): void {
    const opener = this.next() as WordToken;
    this.nested(opener.start, () => {
      this.parseList(new Set(['}']));
      this.expectReserved('}', opener, '{');
    });
    this.parseTrailingRedirects();
  }

  private isFunctionDefinition(token: WordToken): boolean {
    const after = this.lexer.skipBlanks(token.end);
    return this.text[after] === '(' && this.text[this.lexer.skipBlanks(after + 1)] === ')';
  }

  /** `name() body` or `function name [()] body`; the body may not run, like mvdan-sh's FuncDecl. */
  private parseFunction(keyword: boolean): void {
    const first = this.next();
    if (keyword && this.next().type !== 'word') throw this.unexpected(first);
    if (this.isOp(this.peek(), '(')) {
      this.next();
      if (!this.isOp(this.next(), ')')) throw this.unexpected(first);
    }
    this.skipNewlines();
    this.nested(first.start, () => this.parseCommand(undefined), true);
  }

  private skipArithmeticCommand(start: number): void {
    this.pos = this.lexer.matchingParen(start);
    this.peeked = undefined;
    this.parseTrailingRedirects();
  }

  private skipUntilWord(word: string, opener: WordToken): void {
    this.next();
    for (;;) {
      const token = this.next();
      if (token.type === 'eof') throw new ShellSyntaxError(`"${opener.word.value}" must be closed with "${word}"`, this.offset + opener.start);
      if (token.type === 'word' && token.plain && token.word.value === word) break;
    }
    this.parseTrailingRedirects();
  }

  // --- heredocs and substitutions ------------------------------------------------------------

  /** After the newline that ends a line with `<<EOF`, the body runs up to the delimiter line. */
  private readHeredocBodies(): void {
    while (this.pendingHeredocs.length) {
      const { delimiter, stripTabs, owner } = this.pendingHeredocs.shift()!;
      let pos = this.pos;
      for (;;) {
        if (pos >= this.text.length) {
          this.pos = this.text.length;
          break;
        }
        const newline = this.text.indexOf('\n', pos);
        const lineEnd = newline === -1 ? this.text.length : newline;
        let line = this.text.slice(pos, lineEnd);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        if ((stripTabs ? line.replace(/^\t+/, '') : line) === delimiter) {
          this.pos = newline === -1 ? this.text.length : newline + 1;
          if (owner) owner.end = this.offset + pos + line.length;
          break;
        }
        pos = lineEnd + 1;
      }
    }
    this.peeked = undefined;
  }

  parseParenthesised(start: number): number {
    const savedPos = this.pos;
    const savedPeek = this.peeked;
    this.pos = start;
    this.peeked = undefined;
    this.nested(start, () => this.parseList(new Set()));
    const close = this.peek();
    if (!this.isOp(close, ')')) throw new ShellSyntaxError('reached EOF without matching $( with )', this.offset + start - 2);
    const end = close.end;
    this.pos = savedPos;
    this.peeked = savedPeek;
    return end;
  }

  parseBackticks(start: number, end: number): void {
    const inner = new Parser(this.text.slice(start, end), this.offset + start, this);
    inner.context = { ...this.context, depth: this.context.depth + 1 };
    inner.parseList(undefined);
  }
}
