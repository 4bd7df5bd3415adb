/**
 * Go text/template's parser (text/template/parse/parse.go): same grammar, same look-ahead, same error
 * messages. One call parses a file into its top-level tree plus one tree per {{define}}/{{block}}.
 */
import {
  ActionNode,
  ArgNode,
  BoolNode,
  BreakNode,
  ChainNode,
  CommandNode,
  ContinueNode,
  DotNode,
  ElseNode,
  EndNode,
  FieldNode,
  IdentifierNode,
  IfNode,
  isEmptyTree,
  ListNode,
  NilNode,
  Node,
  NodeType as NodeTypes,
  NumberNode,
  PipeNode,
  RangeNode,
  Source,
  StringNode,
  TemplateNode,
  TextNode,
  Tree,
  VariableNode,
  WithNode,
} from './ast';
import { TemplateError } from './errors';
import { Item, ItemType as ItemTypes, Lexer } from './lexer';
import { classifyNumber, unquote, unquoteCharConstant } from './literals';
import { quote } from './strconv';

/** Module-local aliases: hot switches then skip the per-access export getter of CommonJS shims (tsx). */
const NodeType = NodeTypes;
const ItemType = ItemTypes;
type ItemType = ItemTypes;

export interface ParseOptions {
  /** Is `name` a function (builtin or from the func map)? Unknown names are parse errors, as in Go. */
  hasFunction: (name: string) => boolean;
  leftDelim?: string;
  rightDelim?: string;
  /** Nesting limit of parenthesised pipelines (Go's maxStackDepth, 10000). */
  maxExpressionDepth?: number;
}

/** Go's parse.maxStackDepth guards parenthesised nesting; we also bound control nesting for JS's stack. */
const MAX_STACK_DEPTH = 10000;
const MAX_CONTROL_DEPTH = 2000;

/** Parses `text` as template `name`; returns it and every template it defines, by name. */
export function parseTemplates(name: string, text: string, options: ParseOptions): Map<string, Tree> {
  const lexer = new Lexer(text, options.leftDelim || '{{', options.rightDelim || '}}');
  lexer.breakOK = !options.hasFunction('break');
  lexer.continueOK = !options.hasFunction('continue');
  const shared: Shared = { src: { parseName: name, text }, lexer, options, treeSet: new Map() };
  try {
    const top = new Parser(name, shared);
    top.parse();
    return shared.treeSet;
  } catch (e) {
    if (e instanceof RangeError) {
      throw parseError(name, 1, 'template is nested too deeply');
    }
    throw e;
  }
}

interface Shared {
  src: Source;
  lexer: Lexer;
  options: ParseOptions;
  treeSet: Map<string, Tree>;
}

function parseError(parseName: string, line: number, detail: string): TemplateError {
  return new TemplateError(`template: ${parseName}:${line}: ${detail}`, { kind: 'parse', templateName: parseName, line, detail });
}

/** Go's item.String(), as parse errors print tokens. */
function describe(item: Item): string {
  if (item.type === ItemType.EOF) return 'EOF';
  if (item.type === ItemType.Error) return item.val;
  if (item.type > ItemType.Keyword) return `<${item.val}>`;
  const chars = Array.from(item.val);
  if (chars.length > 10) return quote(chars.slice(0, 10).join('')) + '...';
  return quote(item.val);
}

function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

class Parser {
  private readonly token: Item[] = [];
  private peekCount = 0;
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  private stackDepth = 0;
  private controlDepth = 0;
  /** Offset of the {{ of the action being parsed (-1 outside actions), for "action started at" messages. */
  private actionPos = -1;
  private readonly src: Source;
  root: ListNode | undefined;

  constructor(
    private name: string,
    private readonly shared: Shared,
  ) {
    this.src = shared.src;
  }

  // --- token buffer (three-token look-ahead, exactly as Go's) ---

  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.shared.lexer.nextItem();
    return this.token[this.peekCount];
  }

  private backup(): void {
    this.peekCount++;
  }

  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1];
    this.peekCount = 1;
    this.token[0] = this.shared.lexer.nextItem();
    return this.token[0];
  }

  private nextNonSpace(): Item {
    let token: Item;
    do token = this.next();
    while (token.type === ItemType.Space);
    return token;
  }

  private peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  // --- errors ---

  private errorf(detail: string): never {
    const line = this.token[0] ? lineAt(this.src.text, this.token[0].pos) : 1;
    throw parseError(this.src.parseName, line, detail);
  }

  private expect(expected: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.type !== expected) this.unexpected(token, context);
    return token;
  }

  private expectOneOf(a: ItemType, b: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.type !== a && token.type !== b) this.unexpected(token, context);
    return token;
  }

  private unexpected(token: Item, context: string): never {
    if (token.type === ItemType.Error) {
      let extra = '';
      const tokenLine = lineAt(this.src.text, token.pos);
      const actionLine = this.actionPos < 0 ? 0 : lineAt(this.src.text, this.actionPos);
      if (actionLine !== 0 && actionLine !== tokenLine) {
        extra = ` in action started at ${this.src.parseName}:${actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${token.val}${extra}`);
    }
    this.errorf(`unexpected ${describe(token)} in ${context}`);
  }

  private unquoteOrFail(text: string): string {
    try {
      return unquote(text);
    } catch (e) {
      this.errorf((e as Error).message);
    }
  }

  // --- trees ---

  /** Go's Tree.add: a second non-empty definition of a name in one parse is an error. */
  private add(): void {
    const existing = this.shared.treeSet.get(this.name);
    if (existing === undefined || isEmptyTree(existing.root)) {
      this.shared.treeSet.set(this.name, { name: this.name, root: this.root!, src: this.src });
      return;
    }
    if (!isEmptyTree(this.root!)) this.errorf(`template: multiple definition of template ${quote(this.name)}`);
  }

  parse(): void {
    this.root = new ListNode(this.src, this.peek().pos);
    while (this.peek().type !== ItemType.EOF) {
      if (this.peek().type === ItemType.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().type === ItemType.Define) {
          const definition = new Parser('definition', this.shared);
          definition.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === NodeType.End || n.type === NodeType.Else) this.errorf(`unexpected ${n}`);
      this.root.nodes.push(n);
    }
    this.add();
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const name = this.expectOneOf(ItemType.String, ItemType.RawString, context);
    this.name = this.unquoteOrFail(name.val);
    this.expect(ItemType.RightDelim, context);
    const [list, end] = this.itemList();
    if (end.type !== NodeType.End) this.errorf(`unexpected ${end} in ${context}`);
    this.root = list;
    this.add();
  }

  private itemList(): [ListNode, Node] {
    const list = new ListNode(this.src, this.peekNonSpace().pos);
    while (this.peekNonSpace().type !== ItemType.EOF) {
      const n = this.textOrAction();
      if (n.type === NodeType.End || n.type === NodeType.Else) return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.type) {
      case ItemType.Text:
        return new TextNode(this.src, token.pos, token.val);
      case ItemType.LeftDelim: {
        this.actionPos = token.pos;
        try {
          return this.action();
        } finally {
          this.actionPos = -1;
        }
      }
      default:
        this.unexpected(token, 'input');
    }
  }

  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.type) {
      case ItemType.Block:
        return this.blockControl();
      case ItemType.Break:
        return this.breakControl(token.pos);
      case ItemType.Continue:
        return this.continueControl(token.pos);
      case ItemType.Else:
        return this.elseControl();
      case ItemType.End:
        return this.endControl();
      case ItemType.If:
        return this.control('if');
      case ItemType.Range:
        return this.control('range');
      case ItemType.Template:
        return this.templateControl();
      case ItemType.With:
        return this.control('with');
    }
    this.backup();
    const start = this.peek();
    // Variables declared here persist until the enclosing "end".
    return new ActionNode(this.src, start.pos, this.pipeline('command', ItemType.RightDelim));
  }

  private breakControl(pos: number): Node {
    const token = this.nextNonSpace();
    if (token.type !== ItemType.RightDelim) this.unexpected(token, '{{break}}');
    if (this.rangeDepth === 0) this.errorf('{{break}} outside {{range}}');
    return new BreakNode(this.src, pos);
  }

  private continueControl(pos: number): Node {
    const token = this.nextNonSpace();
    if (token.type !== ItemType.RightDelim) this.unexpected(token, '{{continue}}');
    if (this.rangeDepth === 0) this.errorf('{{continue}} outside {{range}}');
    return new ContinueNode(this.src, pos);
  }

  private pipeline(context: string, end: ItemType): PipeNode {
    const pipe = new PipeNode(this.src, this.peekNonSpace().pos);
    // Declarations or assignments? Needs three-token look-ahead: in "$x foo", $x is an argument.
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.type !== ItemType.Variable) break;
      this.next();
      const tokenAfterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.type === ItemType.Assign || next.type === ItemType.Declare) {
        pipe.isAssign = next.type === ItemType.Assign;
        this.nextNonSpace();
        pipe.decl.push(new VariableNode(this.src, v.pos, [v.val]));
        this.vars.push(v.val);
      } else if (next.type === ItemType.Char && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(new VariableNode(this.src, v.pos, [v.val]));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const after = this.peekNonSpace().type;
          if (after === ItemType.Variable || after === ItemType.RightDelim || after === ItemType.RightParen) {
            continue decls; // the second variable of a range
          }
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.type === ItemType.Space) {
        this.backup3(v, tokenAfterVariable);
      } else {
        this.backup2(v);
      }
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      switch (token.type) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case ItemType.Bool:
        case ItemType.CharConstant:
        case ItemType.Complex:
        case ItemType.Dot:
        case ItemType.Field:
        case ItemType.Identifier:
        case ItemType.Number:
        case ItemType.Nil:
        case ItemType.RawString:
        case ItemType.String:
        case ItemType.Variable:
        case ItemType.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    // Only the first command of a pipeline can start with a non-executable operand.
    for (let i = 1; i < pipe.cmds.length; i++) {
      switch (pipe.cmds[i].args[0].type) {
        case NodeType.Bool:
        case NodeType.Dot:
        case NodeType.Nil:
        case NodeType.Number:
        case NodeType.String:
          this.errorf(`non executable command in pipeline stage ${i + 1}`);
      }
    }
  }

  /** if / range / with, including Go's rewriting of {{else if}} and {{else with}} into a nested node. */
  private control(context: 'if' | 'range' | 'with'): Node {
    if (++this.controlDepth > MAX_CONTROL_DEPTH) this.errorf('max expression depth exceeded');
    const savedVars = this.vars.length;
    const pipe = this.pipeline(context, ItemType.RightDelim);
    if (context === 'range') this.rangeDepth++;
    let [list, next] = this.itemList();
    if (context === 'range') this.rangeDepth--;
    let elseList: ListNode | undefined;
    if (next.type === NodeType.Else) {
      if ((context === 'if' && this.peek().type === ItemType.If) || (context === 'with' && this.peek().type === ItemType.With)) {
        this.next();
        elseList = new ListNode(this.src, next.pos);
        elseList.nodes.push(this.control(context));
      } else {
        [elseList, next] = this.itemList();
        if (next.type !== NodeType.End) this.errorf(`expected end; found ${next}`);
      }
    }
    this.vars.length = savedVars;
    this.controlDepth--;
    const Kind = context === 'if' ? IfNode : context === 'range' ? RangeNode : WithNode;
    return new Kind(this.src, pipe.pos, pipe, list, elseList);
  }

  private endControl(): Node {
    return new EndNode(this.src, this.expect(ItemType.RightDelim, 'end').pos);
  }

  private elseControl(): Node {
    const peek = this.peekNonSpace();
    // {{else if …}} and {{else with …}} are {{else}}{{if …}}: leave the keyword pending.
    if (peek.type === ItemType.If || peek.type === ItemType.With) return new ElseNode(this.src, peek.pos);
    return new ElseNode(this.src, this.expect(ItemType.RightDelim, 'else').pos);
  }

  private blockControl(): Node {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, ItemType.RightDelim);
    const block = new Parser(name, this.shared);
    const [list, end] = block.itemList();
    if (end.type !== NodeType.End) this.errorf(`unexpected ${end} in ${context}`);
    block.root = list;
    block.add();
    return new TemplateNode(this.src, token.pos, name, pipe);
  }

  private templateControl(): Node {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | undefined;
    if (this.nextNonSpace().type !== ItemType.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, ItemType.RightDelim);
    }
    return new TemplateNode(this.src, token.pos, name, pipe);
  }

  private parseTemplateName(token: Item, context: string): string {
    if (token.type === ItemType.String || token.type === ItemType.RawString) return this.unquoteOrFail(token.val);
    this.unexpected(token, context);
  }

  private command(): CommandNode {
    const cmd = new CommandNode(this.src, this.peekNonSpace().pos);
    for (;;) {
      this.peekNonSpace(); // skip leading spaces
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const token = this.next();
      if (token.type === ItemType.Space) continue;
      if (token.type === ItemType.RightDelim || token.type === ItemType.RightParen) this.backup();
      else if (token.type !== ItemType.Pipe) this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): ArgNode | undefined {
    const node = this.term();
    if (!node) return undefined;
    if (this.peek().type !== ItemType.Field) return node;
    const chain = new ChainNode(this.src, this.peek().pos, node);
    while (this.peek().type === ItemType.Field) chain.field.push(this.next().val.slice(1));
    // Fields after a field or variable extend it; literals cannot have fields.
    switch (node.type) {
      case NodeType.Field:
        return new FieldNode(this.src, chain.pos, [...node.ident, ...chain.field]);
      case NodeType.Variable:
        return new VariableNode(this.src, chain.pos, [...node.ident, ...chain.field]);
      case NodeType.Bool:
      case NodeType.String:
      case NodeType.Number:
      case NodeType.Nil:
      case NodeType.Dot:
        this.errorf(`unexpected . after term ${quote(String(node))}`);
    }
    return chain;
  }

  private term(): ArgNode | undefined {
    const token = this.nextNonSpace();
    switch (token.type) {
      case ItemType.Identifier:
        if (!this.shared.options.hasFunction(token.val)) this.errorf(`function ${quote(token.val)} not defined`);
        return new IdentifierNode(this.src, token.pos, token.val);
      case ItemType.Dot:
        return new DotNode(this.src, token.pos);
      case ItemType.Nil:
        return new NilNode(this.src, token.pos);
      case ItemType.Variable:
        return this.useVar(token.pos, token.val);
      case ItemType.Field:
        return new FieldNode(this.src, token.pos, token.val.slice(1).split('.'));
      case ItemType.Bool:
        return new BoolNode(this.src, token.pos, token.val === 'true');
      case ItemType.CharConstant:
      case ItemType.Complex:
      case ItemType.Number:
        return this.number(token);
      case ItemType.LeftParen: {
        if (this.stackDepth >= (this.shared.options.maxExpressionDepth ?? MAX_STACK_DEPTH)) this.errorf('max expression depth exceeded');
        this.stackDepth++;
        const pipe = this.pipeline('parenthesized pipeline', ItemType.RightParen);
        this.stackDepth--;
        return pipe;
      }
      case ItemType.String:
      case ItemType.RawString:
        return new StringNode(this.src, token.pos, token.val, this.unquoteOrFail(token.val));
    }
    this.backup();
    return undefined;
  }

  private number(token: Item): NumberNode {
    try {
      if (token.type === ItemType.CharConstant) {
        const r = BigInt(unquoteCharConstant(token.val));
        return new NumberNode(this.src, token.pos, token.val, true, true, true, false, r, r, Number(r));
      }
      const c = classifyNumber(token.val, token.type === ItemType.Complex);
      return new NumberNode(this.src, token.pos, token.val, c.isInt, c.isUint, c.isFloat, c.isComplex, c.int64, c.uint64, c.float64);
    } catch (e) {
      this.errorf((e as Error).message);
    }
  }

  private useVar(pos: number, name: string): VariableNode {
    const v = new VariableNode(this.src, pos, name.split('.'));
    if (!this.vars.includes(v.ident[0])) this.errorf(`undefined variable ${quote(v.ident[0])}`);
    return v;
  }
}

