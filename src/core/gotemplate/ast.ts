/**
 * The parse tree of a Go template (Go's text/template/parse nodes). `pos` is the UTF-16 offset of the
 * node's first character in the template text; error messages turn it into Go's line:byte-column.
 * `toString()` reproduces Go's Node.String(), which Go's error messages quote as `at <...>`.
 */
import { quote } from './strconv';

export const enum NodeType {
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

abstract class BaseNode {
  constructor(
    readonly src: Source,
    readonly pos: number,
  ) {}
  abstract toString(): string;
}

export class TextNode extends BaseNode {
  readonly type = NodeType.Text;
  constructor(src: Source, pos: number, readonly text: string) {
    super(src, pos);
  }
  toString(): string {
    return this.text;
  }
}

export class CommentNode extends BaseNode {
  readonly type = NodeType.Comment;
  constructor(src: Source, pos: number, readonly text: string) {
    super(src, pos);
  }
  toString(): string {
    return `{{${this.text}}}`;
  }
}

export class ListNode extends BaseNode {
  readonly type = NodeType.List;
  readonly nodes: Node[] = [];
  toString(): string {
    return this.nodes.map(String).join('');
  }
}

export class VariableNode extends BaseNode {
  readonly type = NodeType.Variable;
  /** `$x.A.B` is ['$x', 'A', 'B']. */
  constructor(src: Source, pos: number, readonly ident: string[]) {
    super(src, pos);
  }
  toString(): string {
    return this.ident.join('.');
  }
}

export class CommandNode extends BaseNode {
  readonly type = NodeType.Command;
  readonly args: ArgNode[] = [];
  toString(): string {
    return this.args.map((a) => (a.type === NodeType.Pipe ? `(${a})` : String(a))).join(' ');
  }
}

export class PipeNode extends BaseNode {
  readonly type = NodeType.Pipe;
  isAssign = false;
  readonly decl: VariableNode[] = [];
  readonly cmds: CommandNode[] = [];
  toString(): string {
    let s = '';
    if (this.decl.length > 0) s = this.decl.map(String).join(', ') + (this.isAssign ? ' = ' : ' := ');
    return s + this.cmds.map(String).join(' | ');
  }
}

export class ActionNode extends BaseNode {
  readonly type = NodeType.Action;
  constructor(src: Source, pos: number, readonly pipe: PipeNode) {
    super(src, pos);
  }
  toString(): string {
    return `{{${this.pipe}}}`;
  }
}

export class IdentifierNode extends BaseNode {
  readonly type = NodeType.Identifier;
  constructor(src: Source, pos: number, readonly ident: string) {
    super(src, pos);
  }
  toString(): string {
    return this.ident;
  }
}

export class DotNode extends BaseNode {
  readonly type = NodeType.Dot;
  toString(): string {
    return '.';
  }
}

export class NilNode extends BaseNode {
  readonly type = NodeType.Nil;
  toString(): string {
    return 'nil';
  }
}

export class FieldNode extends BaseNode {
  readonly type = NodeType.Field;
  /** `.A.B` is ['A', 'B']. */
  constructor(src: Source, pos: number, readonly ident: string[]) {
    super(src, pos);
  }
  toString(): string {
    return '.' + this.ident.join('.');
  }
}

export class ChainNode extends BaseNode {
  readonly type = NodeType.Chain;
  readonly field: string[] = [];
  constructor(src: Source, pos: number, readonly node: ArgNode) {
    super(src, pos);
  }
  toString(): string {
    const head = this.node.type === NodeType.Pipe ? `(${this.node})` : String(this.node);
    return head + this.field.map((f) => '.' + f).join('');
  }
}

export class BoolNode extends BaseNode {
  readonly type = NodeType.Bool;
  constructor(src: Source, pos: number, readonly value: boolean) {
    super(src, pos);
  }
  toString(): string {
    return this.value ? 'true' : 'false';
  }
}

/** A numeric or character constant, classified the way Go's parser does (see literals.ts). */
export class NumberNode extends BaseNode {
  readonly type = NodeType.Number;
  constructor(
    src: Source,
    pos: number,
    readonly text: string,
    readonly isInt: boolean,
    readonly isUint: boolean,
    readonly isFloat: boolean,
    readonly isComplex: boolean,
    readonly int64: bigint,
    readonly uint64: bigint,
    readonly float64: number,
  ) {
    super(src, pos);
  }
  toString(): string {
    return this.text;
  }
}

export class StringNode extends BaseNode {
  readonly type = NodeType.String;
  /** `quoted` is the literal as written; `value` is its unquoted text. */
  constructor(src: Source, pos: number, readonly quoted: string, readonly value: string) {
    super(src, pos);
  }
  toString(): string {
    return this.quoted;
  }
}

abstract class BranchNode extends BaseNode {
  constructor(
    src: Source,
    pos: number,
    readonly pipe: PipeNode,
    readonly list: ListNode,
    readonly elseList: ListNode | undefined,
  ) {
    super(src, pos);
  }
  protected branch(name: string): string {
    const otherwise = this.elseList ? `{{else}}${this.elseList}` : '';
    return `{{${name} ${this.pipe}}}${this.list}${otherwise}{{end}}`;
  }
}

export class IfNode extends BranchNode {
  readonly type = NodeType.If;
  toString(): string {
    return this.branch('if');
  }
}

export class RangeNode extends BranchNode {
  readonly type = NodeType.Range;
  toString(): string {
    return this.branch('range');
  }
}

export class WithNode extends BranchNode {
  readonly type = NodeType.With;
  toString(): string {
    return this.branch('with');
  }
}

export class TemplateNode extends BaseNode {
  readonly type = NodeType.Template;
  constructor(src: Source, pos: number, readonly name: string, readonly pipe: PipeNode | undefined) {
    super(src, pos);
  }
  toString(): string {
    return `{{template ${quote(this.name)}${this.pipe ? ' ' + this.pipe : ''}}}`;
  }
}

export class BreakNode extends BaseNode {
  readonly type = NodeType.Break;
  toString(): string {
    return '{{break}}';
  }
}

export class ContinueNode extends BaseNode {
  readonly type = NodeType.Continue;
  toString(): string {
    return '{{continue}}';
  }
}

export class ElseNode extends BaseNode {
  readonly type = NodeType.Else;
  toString(): string {
    return '{{else}}';
  }
}

export class EndNode extends BaseNode {
  readonly type = NodeType.End;
  toString(): string {
    return '{{end}}';
  }
}

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
