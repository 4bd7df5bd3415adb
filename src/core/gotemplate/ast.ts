/**
 * The parse tree of a Go template (Go's text/template/parse nodes). `pos` is the UTF-16 offset of the
 * node's first character in the template text; error messages turn it into Go's line:byte-column.
 * `toString()` reproduces Go's Node.String(), which Go's error messages quote as `at <...>`.
 */
import { quote } from './strconv';

export enum NodeType {
  Text,
  Action,
  Bool,
  Chain,
  Command,
  Dot,
  Field,
  Identifier,
  If,
  List,
  Nil,
  Number,
  Pipe,
  Range,
  String,
  Template,
  Variable,
  With,
  Comment,
  Break,
  Continue,
  // Only produced while parsing; never part of a finished tree.
  Else,
  End,
}

/** Shared by every node: where it starts, and which parse (file) it came from. */
export interface Source {
  /** Name of the top-level template whose text holds this node (Go's Tree.ParseName). */
  readonly parseName: string;
  readonly text: string;
}

export type Node =
  | TextNode
  | ActionNode
  | BoolNode
  | ChainNode
  | CommandNode
  | DotNode
  | FieldNode
  | IdentifierNode
  | IfNode
  | ListNode
  | NilNode
  | NumberNode
  | PipeNode
  | RangeNode
  | StringNode
  | TemplateNode
  | VariableNode
  | WithNode
  | CommentNode
  | BreakNode
  | ContinueNode
  | ElseNode
  | EndNode;

/** Nodes that can be an argument of a command. */
export type ArgNode =
  | BoolNode
  | ChainNode
  | DotNode
  | FieldNode
  | IdentifierNode
  | NilNode
  | NumberNode
  | PipeNode
  | StringNode
  | VariableNode;

// Fields are declared and assigned in constructors, not initialised as class fields: parse speed
// (define-semantics class fields cost a property definition each on every node).
abstract class BaseNode {
  declare readonly src: Source;
  declare readonly pos: number;
  constructor(src: Source, pos: number) {
    this.src = src;
    this.pos = pos;
  }
  abstract toString(): string;
}

/** Puts the node type on the class's prototype (shared, not stored per node). */
function nodeType<T extends { prototype: object }>(cls: T, type: NodeType): void {
  Object.defineProperty(cls.prototype, 'type', { value: type, writable: false, enumerable: true });
}

export class TextNode extends BaseNode {
  declare readonly text: string;
  declare readonly type: NodeType.Text;
  constructor(src: Source, pos: number, text: string) {
    super(src, pos);
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
}
nodeType(TextNode, NodeType.Text);

export class CommentNode extends BaseNode {
  declare readonly text: string;
  declare readonly type: NodeType.Comment;
  constructor(src: Source, pos: number, text: string) {
    super(src, pos);
    this.text = text;
  }
  toString(): string {
    return `{{${this.text}}}`;
  }
}
nodeType(CommentNode, NodeType.Comment);

export class ListNode extends BaseNode {
  declare readonly type: NodeType.List;
  declare readonly nodes: Node[];
  constructor(src: Source, pos: number) {
    super(src, pos);
    this.nodes = [];
  }
  toString(): string {
    return this.nodes.map(String).join('');
  }
}
nodeType(ListNode, NodeType.List);

export class VariableNode extends BaseNode {
  declare readonly ident: string[];
  declare readonly type: NodeType.Variable;
  /** `$x.A.B` is ['$x', 'A', 'B']. */
  constructor(src: Source, pos: number, ident: string[]) {
    super(src, pos);
    this.ident = ident;
  }
  toString(): string {
    return this.ident.join('.');
  }
}
nodeType(VariableNode, NodeType.Variable);

export class CommandNode extends BaseNode {
  declare readonly type: NodeType.Command;
  declare readonly args: ArgNode[];
  constructor(src: Source, pos: number) {
    super(src, pos);
    this.args = [];
  }
  toString(): string {
    return this.args.map((a) => (a.type === NodeType.Pipe ? `(${a})` : String(a))).join(' ');
  }
}
nodeType(CommandNode, NodeType.Command);

export class PipeNode extends BaseNode {
  declare readonly type: NodeType.Pipe;
  declare isAssign: boolean;
  declare readonly decl: VariableNode[];
  declare readonly cmds: CommandNode[];
  constructor(src: Source, pos: number) {
    super(src, pos);
    this.isAssign = false;
    this.decl = [];
    this.cmds = [];
  }
  toString(): string {
    let s = '';
    if (this.decl.length > 0) s = this.decl.map(String).join(', ') + (this.isAssign ? ' = ' : ' := ');
    return s + this.cmds.map(String).join(' | ');
  }
}
nodeType(PipeNode, NodeType.Pipe);

export class ActionNode extends BaseNode {
  declare readonly pipe: PipeNode;
  declare readonly type: NodeType.Action;
  constructor(src: Source, pos: number, pipe: PipeNode) {
    super(src, pos);
    this.pipe = pipe;
  }
  toString(): string {
    return `{{${this.pipe}}}`;
  }
}
nodeType(ActionNode, NodeType.Action);

export class IdentifierNode extends BaseNode {
  declare readonly ident: string;
  declare readonly type: NodeType.Identifier;
  constructor(src: Source, pos: number, ident: string) {
    super(src, pos);
    this.ident = ident;
  }
  toString(): string {
    return this.ident;
  }
}
nodeType(IdentifierNode, NodeType.Identifier);

export class DotNode extends BaseNode {
  declare readonly type: NodeType.Dot;
  toString(): string {
    return '.';
  }
}
nodeType(DotNode, NodeType.Dot);

export class NilNode extends BaseNode {
  declare readonly type: NodeType.Nil;
  toString(): string {
    return 'nil';
  }
}
nodeType(NilNode, NodeType.Nil);

export class FieldNode extends BaseNode {
  declare readonly ident: string[];
  declare readonly type: NodeType.Field;
  /** `.A.B` is ['A', 'B']. */
  constructor(src: Source, pos: number, ident: string[]) {
    super(src, pos);
    this.ident = ident;
  }
  toString(): string {
    return '.' + this.ident.join('.');
  }
}
nodeType(FieldNode, NodeType.Field);

export class ChainNode extends BaseNode {
  declare readonly node: ArgNode;
  declare readonly type: NodeType.Chain;
  declare readonly field: string[];
  constructor(src: Source, pos: number, node: ArgNode) {
    super(src, pos);
    this.node = node;
    this.field = [];
  }
  toString(): string {
    const head = this.node.type === NodeType.Pipe ? `(${this.node})` : String(this.node);
    return head + this.field.map((f) => '.' + f).join('');
  }
}
nodeType(ChainNode, NodeType.Chain);

export class BoolNode extends BaseNode {
  declare readonly value: boolean;
  declare readonly type: NodeType.Bool;
  constructor(src: Source, pos: number, value: boolean) {
    super(src, pos);
    this.value = value;
  }
  toString(): string {
    return this.value ? 'true' : 'false';
  }
}
nodeType(BoolNode, NodeType.Bool);

/** A numeric or character constant, classified the way Go's parser does (see literals.ts). */
export class NumberNode extends BaseNode {
  declare readonly text: string;
  declare readonly isInt: boolean;
  declare readonly isUint: boolean;
  declare readonly isFloat: boolean;
  declare readonly isComplex: boolean;
  declare readonly int64: bigint;
  declare readonly uint64: bigint;
  declare readonly float64: number;
  declare readonly type: NodeType.Number;
  constructor(
    src: Source,
    pos: number,
    text: string,
    isInt: boolean,
    isUint: boolean,
    isFloat: boolean,
    isComplex: boolean,
    int64: bigint,
    uint64: bigint,
    float64: number,
  ) {
    super(src, pos);
    this.text = text;
    this.isInt = isInt;
    this.isUint = isUint;
    this.isFloat = isFloat;
    this.isComplex = isComplex;
    this.int64 = int64;
    this.uint64 = uint64;
    this.float64 = float64;
  }
  toString(): string {
    return this.text;
  }
}
nodeType(NumberNode, NodeType.Number);

export class StringNode extends BaseNode {
  declare readonly quoted: string;
  declare readonly value: string;
  declare readonly type: NodeType.String;
  /** `quoted` is the literal as written; `value` is its unquoted text. */
  constructor(src: Source, pos: number, quoted: string, value: string) {
    super(src, pos);
    this.quoted = quoted;
    this.value = value;
  }
  toString(): string {
    return this.quoted;
  }
}
nodeType(StringNode, NodeType.String);

abstract class BranchNode extends BaseNode {
  declare readonly pipe: PipeNode;
  declare readonly list: ListNode;
  declare readonly elseList: ListNode | undefined;
  constructor(
    src: Source,
    pos: number,
    pipe: PipeNode,
    list: ListNode,
    elseList: ListNode | undefined,
  ) {
    super(src, pos);
    this.pipe = pipe;
    this.list = list;
    this.elseList = elseList;
  }
  protected branch(name: string): string {
    const otherwise = this.elseList ? `{{else}}${this.elseList}` : '';
    return `{{${name} ${this.pipe}}}${this.list}${otherwise}{{end}}`;
  }
}

export class IfNode extends BranchNode {
  declare readonly type: NodeType.If;
  toString(): string {
    return this.branch('if');
  }
}
nodeType(IfNode, NodeType.If);

export class RangeNode extends BranchNode {
  declare readonly type: NodeType.Range;
  toString(): string {
    return this.branch('range');
  }
}
nodeType(RangeNode, NodeType.Range);

export class WithNode extends BranchNode {
  declare readonly type: NodeType.With;
  toString(): string {
    return this.branch('with');
  }
}
nodeType(WithNode, NodeType.With);

export class TemplateNode extends BaseNode {
  declare readonly name: string;
  declare readonly pipe: PipeNode | undefined;
  declare readonly type: NodeType.Template;
  constructor(src: Source, pos: number, name: string, pipe: PipeNode | undefined) {
    super(src, pos);
    this.name = name;
    this.pipe = pipe;
  }
  toString(): string {
    return `{{template ${quote(this.name)}${this.pipe ? ' ' + this.pipe : ''}}}`;
  }
}
nodeType(TemplateNode, NodeType.Template);

export class BreakNode extends BaseNode {
  declare readonly type: NodeType.Break;
  toString(): string {
    return '{{break}}';
  }
}
nodeType(BreakNode, NodeType.Break);

export class ContinueNode extends BaseNode {
  declare readonly type: NodeType.Continue;
  toString(): string {
    return '{{continue}}';
  }
}
nodeType(ContinueNode, NodeType.Continue);

export class ElseNode extends BaseNode {
  declare readonly type: NodeType.Else;
  toString(): string {
    return '{{else}}';
  }
}
nodeType(ElseNode, NodeType.Else);

export class EndNode extends BaseNode {
  declare readonly type: NodeType.End;
  toString(): string {
    return '{{end}}';
  }
}
nodeType(EndNode, NodeType.End);

/** One parsed template: its body and the text it came from. */
export interface Tree {
  readonly name: string;
  readonly root: ListNode;
  readonly src: Source;
}

/** Text that bytes.TrimSpace empties (unicode.IsSpace; differs from JS trim on U+0085 and U+FEFF). */
const GO_SPACE_ONLY = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

/** Go's parse.IsEmptyTree: only whitespace text and comments (such a {{define}} does not replace another). */
export function isEmptyTree(node: Node): boolean {
  switch (node.type) {
    case NodeType.Comment:
      return true;
    case NodeType.List:
      return node.nodes.every(isEmptyTree);
    case NodeType.Text:
      return GO_SPACE_ONLY.test(node.text);
    default:
      return false;
  }
}
