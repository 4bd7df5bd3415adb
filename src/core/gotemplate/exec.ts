/**
 * Executes parsed templates (text/template exec.go's walk): output, if/with/range (maps in sorted
 * key order, integers, break/continue), {{template}} calls, and the limits that stop runaway
 * templates. Expression evaluation lives in eval.ts.
 */
import { ActionNode, ListNode, Node, NodeType as NodeTypes, PipeNode, RangeNode, TemplateNode } from './ast';
import { TemplateError } from './errors';
import { compareGoStrings, formatValue } from './fmt';
import { isGoFunction, isPlainMap, isTrue } from './builtins';
import { quote } from './strconv';
import { GoValue } from './values';
import { Evaluator } from './eval';

export type { Budget, ExecEnv, ExecLimits, MissingKey } from './eval';

/** Module-local aliases: hot switches then skip the per-access export getter of CommonJS shims (tsx). */
const NodeType = NodeTypes;

const enum Signal {
  None,
  Break,
  Continue,
}

export class Execution extends Evaluator {
  private readonly out: string[] = [];
  private outLength = 0;

  /** Runs the template with `data` as dot and $; nil data is "no value", as in Go. */
  run(data: GoValue): string {
    const dot = data === null ? undefined : data;
    this.varValues[0] = dot;
    try {
      this.walk(dot, this.tree.root);
    } catch (e) {
      if (e instanceof TemplateError) {
        if (e.partialOutput === undefined) e.partialOutput = this.out.join('');
        throw e;
      }
      if (e instanceof RangeError && /call stack/i.test(e.message)) {
        const err = this.error('template calls are nested too deeply (stack exhausted)', 'limit');
        err.partialOutput = this.out.join('');
        throw err;
      }
      throw e;
    }
    return this.out.join('');
  }


  private write(s: string): void {
    this.outLength += s.length;
    if (this.outLength > this.budget.limits.maxOutputBytes) {
      throw this.error(`template output exceeded the limit of ${this.budget.limits.maxOutputBytes} bytes`, 'limit');
    }
    this.out.push(s);
  }

  // --- walking ---

  private walk(dot: GoValue, node: Node): Signal {
    // A list has no text of its own: errors while walking it are reported at the enclosing node.
    if (node.type !== NodeType.List) this.node = node;
    this.step();
    switch (node.type) {
      case NodeType.Action: {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return Signal.None;
      }
      case NodeType.Break:
        return Signal.Break;
      case NodeType.Continue:
        return Signal.Continue;
      case NodeType.Comment:
        return Signal.None;
      case NodeType.If:
      case NodeType.With:
        return this.walkIfOrWith(node.type === NodeType.With, dot, node.pipe, node.list, node.elseList);
      case NodeType.List: {
        const nodes = node.nodes;
        for (let i = 0; i < nodes.length; i++) {
          const n = nodes[i];
          if (n.type === NodeType.Text) {
            this.step();
            this.write(n.text);
            continue;
          }
          const signal = this.walk(dot, n);
          if (signal !== Signal.None) return signal;
        }
        return Signal.None;
      }
      case NodeType.Range:
        this.walkRange(dot, node);
        return Signal.None;
      case NodeType.Template:
        this.walkTemplate(dot, node);
        return Signal.None;
      case NodeType.Text:
        this.write(node.text);
        return Signal.None;
    }
    this.errorf(`unknown node: ${node}`);
  }

  private walkIfOrWith(isWith: boolean, dot: GoValue, pipe: PipeNode, list: ListNode, elseList: ListNode | undefined): Signal {
    const mark = this.varNames.length;
    const val = this.evalPipeline(dot, pipe);
    let signal = Signal.None;
    if (isTrue(val)) {
      if (isWith) {
        const savedIface = this.dotIface;
        this.dotIface = false;
        signal = this.walk(val, list);
        this.dotIface = savedIface;
      } else {
        signal = this.walk(dot, list);
      }
    } else if (elseList) {
      signal = this.walk(dot, elseList);
    }
    this.pop(mark);
    return signal;
  }

  private walkRange(dot: GoValue, r: RangeNode): void {
    this.node = r;
    const outerMark = this.varNames.length;
    const val = this.evalPipeline(dot, r.pipe);
    const mark = this.varNames.length;
    const decl = r.pipe.decl;
    const savedIface = this.dotIface;
    let ran = false;
    // Returns false to stop (break).
    const oneIteration = (index: GoValue, elem: GoValue, elemIface: boolean): boolean => {
      if (decl.length > 0) {
        if (r.pipe.isAssign) {
          if (decl.length > 1) this.setVar(decl[0].ident[0], index, false);
          else this.setVar(decl[0].ident[0], elem, elemIface);
        } else {
          this.setTopVar(1, elem, elemIface);
        }
      }
      if (decl.length > 1) {
        if (r.pipe.isAssign) this.setVar(decl[1].ident[0], elem, elemIface);
        else this.setTopVar(2, index, false);
      }
      this.dotIface = elemIface;
      const signal = this.walk(elem, r.list);
      this.dotIface = savedIface;
      this.pop(mark);
      return signal !== Signal.Break;
    };
    if (Array.isArray(val)) {
      ran = val.length > 0;
      for (let i = 0; i < val.length; i++) if (!oneIteration(BigInt(i), val[i] ?? null, true)) break;
    } else if (val instanceof Uint8Array) {
      ran = val.length > 0;
      for (let i = 0; i < val.length; i++) if (!oneIteration(BigInt(i), BigInt(val[i]), false)) break;
    } else if (typeof val === 'bigint') {
      if (decl.length > 1) this.errorf(`can't use ${formatValue(val)} to iterate over more than one variable`);
      ran = val > 0n;
      for (let i = 0n; i < val; i++) if (!oneIteration(undefined, i, false)) break;
    } else if (val !== undefined && isPlainMap(val)) {
      const keys = sortedKeys(val);
      ran = keys.length > 0;
      for (const k of keys) if (!oneIteration(k, val[k] ?? null, true)) break;
    } else if (val !== undefined) {
      this.errorf(`range can't iterate over ${formatValue(val)}`);
    }
    if (!ran && r.elseList) this.walk(dot, r.elseList);
    this.pop(outerMark);
  }

  private walkTemplate(dot: GoValue, t: TemplateNode): void {
    this.node = t;
    const tree = this.env.lookupTemplate(t.name);
    if (!tree) this.errorf(`template ${quote(t.name)} not defined`);
    const budget = this.budget;
    if (budget.depth >= budget.limits.maxCallDepth) {
      throw this.error(`exceeded maximum template depth (${budget.limits.maxCallDepth})`, 'limit');
    }
    // Variables declared by the pipeline persist in the caller.
    const newDot = this.evalPipeline(dot, t.pipe);
    const saved = { tree: this.tree, names: this.varNames, values: this.varValues, ifaces: this.varIface, iface: this.dotIface };
    this.tree = tree;
    // No dynamic scoping: the called template sees only $.
    this.varNames = ['$'];
    this.varValues = [newDot];
    this.varIface = [false];
    this.dotIface = false;
    budget.depth++;
    try {
      this.walk(newDot, tree.root);
    } finally {
      budget.depth--;
    }
    this.tree = saved.tree;
    this.varNames = saved.names;
    this.varValues = saved.values;
    this.varIface = saved.ifaces;
    this.dotIface = saved.iface;
  }

  private printValue(node: ActionNode, v: GoValue): void {
    this.node = node;
    if (v === undefined) this.write('<no value>');
    else if (typeof v === 'string') this.write(v);
    else {
      if (isGoFunction(v)) this.errorf(`can't print ${node} of type func`);
      this.write(formatValue(v));
    }
  }
}

/** Map keys in Go's order: byte-wise, i.e. code point order (UTF-16 order differs only past U+D7FF). */
export function sortedKeys(m: object): string[] {
  const keys = Object.keys(m);
  return keys.some((k) => /[\ud800-\uffff]/.test(k)) ? keys.sort(compareGoStrings) : keys.sort();
}
