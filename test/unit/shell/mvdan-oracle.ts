/**
 * The reference for our shell parser: mvdan-sh (Go's mvdan.cc/sh compiled to JavaScript) parses the
 * script and its tree is flattened into the same ShellScript shape. Too slow to ship (see
 * src/core/shell/parser.ts), exact enough to test against.
 */
import { syntax } from 'mvdan-sh';
import type { ShellCommand, ShellRedirect, ShellScript, ShellWord, ShellOperator } from '../../../src/core/shell/types';

const AND = 10;
const OR = 11;
const PIPE = 12;
const PIPE_ALL = 13;

const parser = syntax.NewParser(syntax.KeepComments(false), syntax.Variant(syntax.LangBash));

export function analyseWithMvdan(text: string): ShellScript {
  let file;
  currentText = text;
  try {
    file = parser.Parse(text, '');
  } catch (err) {
    return { commands: [], statementCount: 0, backgroundStatements: [], error: toParseError(err, text) };
  }
  const commands: ShellCommand[] = [];
  const background: number[] = [];
  const stmts = file.Stmts ?? [];
  stmts.forEach((stmt: SyntaxNode, index: number) => {
    if (stmt.Background) background.push(index);
    walkStmt(stmt, { statementIndex: index, depth: 0, conditional: false, background: !!stmt.Background }, commands, undefined);
  });
  return { commands, statementCount: stmts.length, backgroundStatements: background };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SyntaxNode = any;

interface WalkState {
  statementIndex: number;
  depth: number;
  conditional: boolean;
  background: boolean;
}

function walkStmts(stmts: SyntaxNode[] | undefined, state: WalkState, out: ShellCommand[]): void {
  for (const stmt of stmts ?? []) walkStmt(stmt, { ...state, background: state.background || !!stmt.Background }, out, undefined);
}

function walkStmt(stmt: SyntaxNode, state: WalkState, out: ShellCommand[], precededBy: ShellOperator | undefined): void {
  const cmd = stmt.Cmd;
  const redirects: ShellRedirect[] = (stmt.Redirs ?? []).map((r: SyntaxNode) => ({
    op: redirectOp(r),
    target: r.Word ? toWord(r.Word) : undefined,
  }));
  for (const r of stmt.Redirs ?? []) if (r.Word) collectNested(r.Word, state, out);
  if (!cmd) {
    out.push(simpleCommand(undefined, [], [], redirects, stmt, state, precededBy));
    return;
  }
  switch (syntax.NodeType(cmd)) {
    case 'CallExpr': {
      const words: SyntaxNode[] = cmd.Args ?? [];
      const assignments = (cmd.Assigns ?? []).map((a: SyntaxNode) => ({
        name: a.Name ? a.Name.Value : '',
        value: a.Value ? toWord(a.Value).value : '',
        start: a.Pos().Offset(),
        end: a.End().Offset(),
      }));
      for (const w of words) collectNested(w, state, out);
      for (const a of cmd.Assigns ?? []) if (a.Value) collectNested(a.Value, state, out);
      const [name, ...args] = words.map(toWord);
      out.push(simpleCommand(name, args, assignments, redirects, stmt, state, precededBy));
      return;
    }
    case 'BinaryCmd': {
      const op = cmd.Op === AND ? '&&' : cmd.Op === OR ? '||' : cmd.Op === PIPE ? '|' : cmd.Op === PIPE_ALL ? '|&' : ';';
      walkStmt(cmd.X, state, out, precededBy);
      walkStmt(cmd.Y, op === '||' ? { ...state, conditional: true } : state, out, op as ShellOperator);
      return;
    }
    case 'Subshell':
    case 'Block':
      walkStmts(cmd.Stmts, { ...state, depth: state.depth + 1 }, out);
      return;
    case 'IfClause':
      walkIf(cmd, state, out);
      return;
    case 'WhileClause':
      walkStmts(cmd.Cond, { ...state, depth: state.depth + 1, conditional: true }, out);
      walkStmts(cmd.Do, { ...state, depth: state.depth + 1, conditional: true }, out);
      return;
    case 'ForClause':
      walkStmts(cmd.Do, { ...state, depth: state.depth + 1 }, out);
      return;
    case 'CaseClause':
      for (const item of cmd.Items ?? []) walkStmts(item.Stmts, { ...state, depth: state.depth + 1, conditional: true }, out);
      return;
    case 'FuncDecl':
      if (cmd.Body) walkStmt(cmd.Body, { ...state, depth: state.depth + 1, conditional: true }, out, undefined);
      return;
    case 'TimeClause':
      if (cmd.Stmt) walkStmt(cmd.Stmt, state, out, precededBy);
      return;
    case 'DeclClause': {
      // export/declare/local/readonly: record as a command so rules can see `export X=...`.
      const variant = cmd.Variant ? cmd.Variant.Value : 'declare';
      const start = stmt.Pos().Offset();
      for (const a of cmd.Args ?? []) if (a.Value) collectNested(a.Value, state, out);
      const assignments = (cmd.Args ?? [])
        .filter((a: SyntaxNode) => a.Name)
        .map((a: SyntaxNode) => ({
          name: a.Name.Value,
          value: a.Value ? toWord(a.Value).value : '',
          start: a.Pos().Offset(),
          end: a.End().Offset(),
        }));
      const name: ShellWord = { value: variant, literal: true, start, end: start + variant.length };
      out.push(simpleCommand(name, [], assignments, redirects, stmt, state, precededBy));
      return;
    }
    default:
      return; // [[ ]], (( )), let, coproc: no commands inside that rules look at
  }
}

function walkIf(clause: SyntaxNode, state: WalkState, out: ShellCommand[]): void {
  const inner = { ...state, depth: state.depth + 1 };
  walkStmts(clause.Cond, { ...inner, conditional: true }, out);
  walkStmts(clause.Then, { ...inner, conditional: true }, out);
  if (clause.Else) {
    if (clause.Else.Cond && clause.Else.Cond.length) walkIf(clause.Else, state, out);
    else walkStmts(clause.Else.Then, { ...inner, conditional: true }, out);
  }
}

function simpleCommand(
  name: ShellWord | undefined,
  args: ShellWord[],
  assignments: ShellCommand['assignments'],
  redirects: ShellRedirect[],
  stmt: SyntaxNode,
  state: WalkState,
  precededBy: ShellOperator | undefined,
): ShellCommand {
  return {
    name,
    args,
    assignments,
    redirects,
    start: stmt.Pos().Offset(),
    end: statementEnd(stmt),
    statementIndex: state.statementIndex,
    precededBy,
    background: state.background,
    depth: state.depth,
    conditional: state.conditional,
  };
}

/** A statement's end without its `;` terminator (a trailing `&` is kept: it is part of what the statement does). */
function statementEnd(stmt: SyntaxNode): number {
  // mvdan-sh ends a statement after its `;`, even when the `;` sits after a `\`-newline; we end
  // commands at their last word, so trim separators, blanks and continuations.
  let end = stmt.End().Offset();
  for (;;) {
    const c = currentText[end - 1];
    if ((c === ';' && currentText[end - 2] !== '\\') || c === ' ' || c === '\t' || c === '\r') end--;
    else if (c === '\n' && currentText[end - 2] === '\\') end -= 2;
    else return end;
  }
}

/** Commands inside `$(...)` and process substitutions run too: collect them one level deeper. */
function collectNested(word: SyntaxNode, state: WalkState, out: ShellCommand[]): void {
  for (const part of word.Parts ?? []) {
    const type = syntax.NodeType(part);
    if (type === 'CmdSubst' || type === 'ProcSubst') walkStmts(part.Stmts, { ...state, depth: state.depth + 1 }, out);
    else if (type === 'DblQuoted') collectNested(part, state, out);
  }
}

function toWord(word: SyntaxNode): ShellWord {
  let value = '';
  let literal = true;
  const visit = (parts: SyntaxNode[], quoted: boolean) => {
    for (const part of parts ?? []) {
      switch (syntax.NodeType(part)) {
        case 'Lit':
          value += quoted ? part.Value.replace(/\\([$`"\\\n])/g, (_: string, c: string) => (c === '\n' ? '' : c)) : unescapeLiteral(part.Value);
          break;
        case 'SglQuoted':
          value += part.Value;
          break;
        case 'DblQuoted':
          visit(part.Parts, true);
          break;
        default:
          literal = false;
          value += sourceOf(part);
      }
    }
  };
  visit(word.Parts, false);
  return { value, literal, start: word.Pos().Offset(), end: word.End().Offset() };
}

function unescapeLiteral(raw: string): string {
  return raw.includes('\\') ? raw.replace(/\\(\n|.)/g, (_: string, c: string) => (c === '\n' ? '' : c)) : raw;
}

/** A compact stand-in for an expansion, e.g. `$VERSION` or `${VERSION}`, enough for rules to recognise variables. */
function sourceOf(part: SyntaxNode): string {
  const type = syntax.NodeType(part);
  if (type === 'ParamExp') return part.Short ? `$${part.Param.Value}` : `\${${part.Param ? part.Param.Value : ''}}`;
  if (type === 'CmdSubst') return '$(...)';
  if (type === 'ProcSubst') return `${currentText[part.Pos().Offset()]}(...)`;
  if (type === 'ArithmExp') return '$((...))';
  return '';
}

/** The text being analysed: mvdan-sh gives operators as numbers, so their text is read from the source. */
let currentText = '';

function redirectOp(redirect: SyntaxNode): string {
  const start = redirect.OpPos.Offset();
  const end = redirect.Word ? redirect.Word.Pos().Offset() : redirect.End().Offset();
  return currentText.slice(start, end).trim();
}

function toParseError(err: unknown, text: string): { message: string; start: number; end: number } {
  const raw = err && typeof (err as { Error?: () => string }).Error === 'function' ? (err as { Error: () => string }).Error() : String(err);
  const match = /^(\d+):(\d+): (.*)$/s.exec(raw);
  if (!match) return { message: raw, start: 0, end: Math.min(text.length, 1) };
  const line = Number(match[1]) - 1;
  const column = Number(match[2]) - 1;
  let offset = 0;
  for (let l = 0; l < line && offset !== -1; l++) offset = text.indexOf('\n', offset) + 1;
  const start = Math.min(text.length, Math.max(0, offset) + column);
  return { message: match[3], start, end: Math.min(text.length, start + 1) };
}
