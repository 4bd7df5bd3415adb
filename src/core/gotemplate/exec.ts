/**
 * Executes parsed templates with Go's semantics (text/template exec.go): truthiness, variables and
 * their scopes, field and method lookup, function calls with Go's argument checks, missingkey.
 *
 * Values: `undefined` is Go's invalid reflect.Value ("no value": a missing map key, nil data) and
 * prints as `<no value>`; `null` is a nil interface. Go keeps that difference until a pipeline ends
 * (where a nil interface becomes "no value"), and it decides errors such as
 * `nil pointer evaluating interface {}.b`, so we keep it too.
 */
import {
  ActionNode,
  ArgNode,
  ChainNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  ListNode,
  Node,
  NodeType,
  NumberNode,
  PipeNode,
  RangeNode,
  TemplateNode,
  Tree,
  VariableNode,
} from './ast';
import { goLocation, TemplateError } from './errors';
import { compareGoStrings, formatValue, goTypeName } from './fmt';
import { isGoFunction, isPlainMap, isTrue, RAW_ARGUMENTS } from './builtins';
import { quote } from './strconv';
import { GoFunction, GoParamType, GoStruct, GoValue } from './values';

export type MissingKey = 'default' | 'zero' | 'error';

export interface ExecLimits {
  /** Nodes walked plus commands evaluated, over the whole execution including nested `execute` calls. */
  maxSteps?: number;
  /** Output characters of one execution. */
  maxOutputBytes?: number;
  /** Nested template calls ({{template}}, and `execute` re-entered from functions such as include). */
  maxCallDepth?: number;
  /** Polled every few thousand steps; returning true aborts the execution. */
  shouldCancel?: () => boolean;
}

/** What an execution needs from its template set. */
export interface ExecEnv {
  lookupTemplate(name: string): Tree | undefined;
  lookupFunction(name: string): { fn: GoFunction; builtin: boolean } | undefined;
  readonly missingkey: MissingKey;
}

/** Counters shared by an execution and every execution it re-enters (include, tpl). */
export interface Budget {
  steps: number;
  depth: number;
  readonly limits: Required<Omit<ExecLimits, 'shouldCancel'>> & Pick<ExecLimits, 'shouldCancel'>;
}

type ParamType = GoParamType | 'value';
const MISSING: unique symbol = Symbol('missing');
type Final = GoValue | typeof MISSING;

const enum Signal {
  None,
  Break,
  Continue,
}

const CANCEL_CHECK_INTERVAL = 4096;
const hasOwn = Object.prototype.hasOwnProperty;

const PARAM_TYPE_NAMES: Record<ParamType, string> = {
  any: 'interface {}',
  value: 'reflect.Value',
  string: 'string',
  int: 'int',
  int64: 'int64',
  float64: 'float64',
  bool: 'bool',
  slice: '[]interface {}',
  map: 'map[string]interface {}',
  bytes: '[]uint8',
};

/** A method found on a struct or map value: a prototype function, optionally annotated with Go types. */
interface MethodFunction {
  (...args: GoValue[]): GoValue;
  goParams?: GoParamType[];
  goVariadic?: GoParamType;
}

const methodCache = new WeakMap<MethodFunction, GoFunction>();

/** Prototypes whose functions are JavaScript's, not Go methods (a slice has no `map` method in Go). */
const NON_GO_PROTOTYPES = new Set<object>([
  Object.prototype,
  Array.prototype,
  GoStruct.prototype,
  Uint8Array.prototype,
  Object.getPrototypeOf(Uint8Array.prototype) as object,
]);

/** A method of a struct, or of a map or slice subclass (Helm's Files, VersionSet): a prototype function. */
function findMethod(receiver: object, name: string): MethodFunction | undefined {
  for (let proto = Object.getPrototypeOf(receiver); proto && !NON_GO_PROTOTYPES.has(proto); proto = Object.getPrototypeOf(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (d && typeof d.value === 'function' && name !== 'constructor') return d.value as MethodFunction;
  }
  return undefined;
}

function methodAsFunction(name: string, method: MethodFunction): GoFunction {
  let fn = methodCache.get(method);
  if (!fn) {
    const params = method.goParams ?? new Array<GoParamType>(method.length).fill('any');
    fn = { name, params, variadic: method.goVariadic, call: method };
    methodCache.set(method, fn);
  }
  return fn;
}

export class Execution {
  private readonly out: string[] = [];
  private outLength = 0;
  private varNames: string[];
  private varValues: GoValue[];
  /** Whether each variable's static Go type is interface{} (range elements), for error messages. */
  private varIface: boolean[];
  private node: Node | undefined;
  private dotIface = false;
  /** Static type of the last evaluated field: interface{} for map elements. */
  private fieldIface = false;

  constructor(
    private readonly env: ExecEnv,
    private tree: Tree,
    private readonly budget: Budget,
  ) {
    this.varNames = ['$'];
    this.varValues = [undefined];
    this.varIface = [false];
  }

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

  // --- errors and limits ---

  private error(detail: string, kind: 'exec' | 'limit' = 'exec', cause?: unknown): TemplateError {
    const name = this.tree.name;
    const node = this.node;
    if (!node) {
      return new TemplateError(`template: ${name}: ${detail}`, { kind, templateName: name, executing: name, detail, cause });
    }
    const { line, column } = goLocation(node.src.text, node.pos);
    const context = String(node);
    const where = `${node.src.parseName}:${line}:${column}`;
    return new TemplateError(`template: ${where}: executing ${quote(name)} at <${context}>: ${detail}`, {
      kind,
      templateName: node.src.parseName,
      line,
      column,
      executing: name,
      context,
      detail,
      cause,
    });
  }

  private errorf(detail: string): never {
    throw this.error(detail);
  }

  private step(): void {
    const b = this.budget;
    if (++b.steps > b.limits.maxSteps) throw this.error(`template execution exceeded the limit of ${b.limits.maxSteps} steps`, 'limit');
    if (b.limits.shouldCancel && b.steps % CANCEL_CHECK_INTERVAL === 0 && b.limits.shouldCancel()) {
      throw this.error('template execution was cancelled', 'limit');
    }
  }

  private write(s: string): void {
    this.outLength += s.length;
    if (this.outLength > this.budget.limits.maxOutputBytes) {
      throw this.error(`template output exceeded the limit of ${this.budget.limits.maxOutputBytes} bytes`, 'limit');
    }
    this.out.push(s);
  }

  // --- variables ---

  private push(name: string, value: GoValue, iface: boolean): void {
    this.varNames.push(name);
    this.varValues.push(value);
    this.varIface.push(iface);
  }

  private pop(mark: number): void {
    if (this.varNames.length === mark) return;
    this.varNames.length = mark;
    this.varValues.length = mark;
    this.varIface.length = mark;
  }

  private setTopVar(n: number, value: GoValue, iface: boolean): void {
    const i = this.varNames.length - n;
    this.varValues[i] = value;
    this.varIface[i] = iface;
  }

  private setVar(name: string, value: GoValue, iface: boolean): void {
    for (let i = this.varNames.length - 1; i >= 0; i--) {
      if (this.varNames[i] === name) {
        this.varValues[i] = value;
        this.varIface[i] = iface;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private varIndex(name: string): number {
    for (let i = this.varNames.length - 1; i >= 0; i--) if (this.varNames[i] === name) return i;
    this.errorf(`undefined variable: ${name}`);
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

  // --- evaluation ---

  private evalPipeline(dot: GoValue, pipe: PipeNode | undefined): GoValue {
    if (!pipe) return undefined;
    this.node = pipe;
    let value: Final = MISSING;
    const cmds = pipe.cmds;
    for (let i = 0; i < cmds.length; i++) {
      value = this.evalCommand(dot, cmds[i], value);
      // An interface{} holding nil is "no value" once the command is done (Go digs into interfaces).
      if (value === null) value = undefined;
    }
    const v = value as GoValue;
    for (const variable of pipe.decl) {
      if (pipe.isAssign) this.setVar(variable.ident[0], v, false);
      else this.push(variable.ident[0], v, false);
    }
    return v;
  }

  private evalCommand(dot: GoValue, cmd: CommandNode, final: Final): GoValue {
    this.step();
    const first = cmd.args[0];
    switch (first.type) {
      case NodeType.Field:
        return this.evalFieldNode(dot, first, cmd.args, final);
      case NodeType.Chain:
        return this.evalChainNode(dot, first, cmd.args, final);
      case NodeType.Identifier:
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case NodeType.Pipe:
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case NodeType.Variable:
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.node = first;
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case NodeType.Bool:
        return first.value;
      case NodeType.Dot:
        return dot;
      case NodeType.Nil:
        this.errorf('nil is not a command');
      case NodeType.Number:
        return this.idealConstant(first);
      case NodeType.String:
        return first.value;
    }
  }

  private notAFunction(args: ArgNode[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${args[0]}`);
  }

  private idealConstant(constant: NumberNode): GoValue {
    this.node = constant;
    const text = constant.text;
    if (constant.isComplex) this.errorf(`complex constant ${text} is not supported`);
    const isHexInt = text.length > 2 && text[0] === '0' && (text[1] === 'x' || text[1] === 'X') && !/[pP]/.test(text);
    if (constant.isFloat && !isHexInt && text[0] !== "'" && /[.eEpP]/.test(text)) return constant.float64;
    if (constant.isInt) return constant.int64;
    if (constant.isUint) this.errorf(`${text} overflows int`);
    return undefined;
  }

  private evalFieldNode(dot: GoValue, field: FieldNode, args: ArgNode[] | undefined, final: Final): GoValue {
    this.node = field;
    return this.evalFieldChain(dot, dot, this.dotIface, field, field.ident, args, final);
  }

  private evalChainNode(dot: GoValue, chain: ChainNode, args: ArgNode[] | undefined, final: Final): GoValue {
    this.node = chain;
    if (chain.node.type === NodeType.Nil) this.errorf(`indirection through explicit nil in ${chain}`);
    // (pipe).Field1.Field2: evaluate the pipeline, then the fields. A function's result is an interface{}.
    const receiver = this.evalArg(dot, undefined, chain.node);
    return this.evalFieldChain(dot, receiver, chain.node.type === NodeType.Identifier, chain, chain.field, args, final);
  }

  private evalVariableNode(dot: GoValue, variable: VariableNode, args: ArgNode[] | undefined, final: Final): GoValue {
    this.node = variable;
    const i = this.varIndex(variable.ident[0]);
    const value = this.varValues[i];
    if (variable.ident.length === 1) {
      this.notAFunction(args ?? [variable], final);
      return value;
    }
    return this.evalFieldChain(dot, value, this.varIface[i], variable, variable.ident.slice(1), args, final);
  }

  private evalFieldChain(dot: GoValue, receiver: GoValue, iface: boolean, node: Node, ident: string[], args: ArgNode[] | undefined, final: Final): GoValue {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) {
      receiver = this.evalField(dot, ident[i], node, undefined, MISSING, receiver, iface);
      iface = this.fieldIface;
    }
    return this.evalField(dot, ident[n - 1], node, args, final, receiver, iface);
  }

  private evalField(dot: GoValue, fieldName: string, node: Node, args: ArgNode[] | undefined, final: Final, receiver: GoValue, iface: boolean): GoValue {
    this.fieldIface = false;
    if (receiver === undefined) {
      if (this.env.missingkey === 'error') this.errorf(`nil data; no entry for key ${quote(fieldName)}`);
      return undefined;
    }
    // A method call on a nil interface cannot work; missingkey does not apply.
    if (receiver === null) this.errorf(`nil pointer evaluating ${staticTypeName(receiver, iface)}.${fieldName}`);
    if (typeof receiver === 'object') {
      const method = findMethod(receiver, fieldName);
      if (method) {
        const fn = methodAsFunction(fieldName, method);
        return this.evalCall(dot, fn, false, node, fieldName, args, final, receiver);
      }
    }
    const hasArgs = (args !== undefined && args.length > 1) || final !== MISSING;
    if (receiver instanceof GoStruct) {
      if (fieldName !== 'goTypeName' && hasOwn.call(receiver, fieldName)) {
        const c = fieldName.charCodeAt(0);
        if (!(c >= 0x41 && c <= 0x5a) && !/^\p{Lu}/u.test(fieldName)) {
          this.errorf(`${fieldName} is an unexported field of struct type ${staticTypeName(receiver, iface)}`);
        }
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        const v = (receiver as unknown as Record<string, GoValue>)[fieldName];
        return v === undefined ? null : v;
      }
    } else if (isPlainMap(receiver)) {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      this.fieldIface = true;
      if (hasOwn.call(receiver, fieldName)) {
        const v = receiver[fieldName];
        return v === undefined ? null : v;
      }
      switch (this.env.missingkey) {
        case 'zero':
          return null;
        case 'error':
          this.errorf(`map has no entry for key ${quote(fieldName)}`);
      }
      return undefined;
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${staticTypeName(receiver, iface)}`);
  }

  private evalFunction(dot: GoValue, node: IdentifierNode, cmd: Node, args: ArgNode[] | undefined, final: Final): GoValue {
    this.node = node;
    const name = node.ident;
    const found = this.env.lookupFunction(name);
    if (!found) this.errorf(`${quote(name)} is not a defined function`);
    return this.evalCall(dot, found.fn, found.builtin, cmd, name, args, final);
  }

  /** Calls a function or method; `args` still includes the function's own node at index 0. */
  private evalCall(
    dot: GoValue,
    fn: GoFunction,
    isBuiltin: boolean,
    node: Node,
    name: string,
    allArgs: ArgNode[] | undefined,
    final: Final,
    self?: object,
  ): GoValue {
    const args = allArgs ? allArgs.slice(1) : [];
    const params = fn.params;
    const raw = RAW_ARGUMENTS.has(fn);
    const numIn = args.length + (final !== MISSING ? 1 : 0);
    let numFixed = args.length;
    if (fn.variadic !== undefined) {
      numFixed = params.length;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${params.length} got ${args.length}`);
    } else if (numIn !== params.length) {
      this.errorf(`wrong number of args for ${name}: want ${params.length} got ${numIn}`);
    }

    // and/or short-circuit and return the deciding operand.
    if (isBuiltin && (name === 'and' || name === 'or')) {
      let v: GoValue = undefined;
      for (const arg of args) {
        v = this.evalArg(dot, 'value', arg);
        if (isTrue(v) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = this.validateType(final, 'value');
      return v;
    }

    const argv: GoValue[] = new Array(numIn);
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv[i] = this.evalArg(dot, paramType(params[i], raw), args[i]);
    if (fn.variadic !== undefined) {
      const t = paramType(fn.variadic, raw);
      for (; i < args.length; i++) argv[i] = this.evalArg(dot, t, args[i]);
    }
    if (final !== MISSING) {
      let t: GoParamType;
      if (fn.variadic !== undefined) t = numIn - 1 < numFixed ? params[numIn - 1] : fn.variadic;
      else t = params[params.length - 1];
      argv[i] = this.validateType(final, paramType(t, raw));
    }

    if (isBuiltin && name === 'call') {
      const calleeName = args.length === 0 ? String(final as GoValue) : String(args[0]);
      return this.callFunctionValue(node, calleeName, argv);
    }
    return this.invoke(node, name, fn, argv, self);
  }

  private invoke(node: Node, name: string, fn: GoFunction, argv: GoValue[], self?: object): GoValue {
    try {
      const result = self === undefined ? fn.call(...argv) : fn.call.apply(self, argv);
      // Functions return interface{}: JavaScript's undefined is a nil interface, not "no value".
      return result === undefined ? null : result;
    } catch (e) {
      if (e instanceof TemplateError && e.kind === 'limit') throw e;
      if (e instanceof RangeError && /call stack/i.test(e.message)) throw e;
      this.node = node;
      throw this.error(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`, 'exec', e);
    }
  }

  /** The `call` builtin: the first argument must be a function value. */
  private callFunctionValue(node: Node, calleeName: string, argv: GoValue[]): GoValue {
    const [target, ...args] = argv;
    const fail = (detail: string): never => {
      this.node = node;
      throw this.error(`error calling call: ${detail}`);
    };
    if (target === null || target === undefined) fail('call of nil');
    if (!isGoFunction(target)) fail(`non-function ${calleeName} of type ${goTypeName(target as GoValue)}`);
    const fn = target as unknown as GoFunction;
    const numIn = fn.params.length;
    if (fn.variadic !== undefined) {
      if (args.length < numIn) fail(`wrong number of args for ${calleeName}: got ${args.length} want at least ${numIn}`);
    } else if (args.length !== numIn) {
      fail(`wrong number of args for ${calleeName}: got ${args.length} want ${numIn}`);
    }
    const converted = args.map((arg, i) => {
      const t = i < numIn ? fn.params[i] : fn.variadic!;
      const v = arg === undefined ? null : arg;
      if (v === null) {
        if (t === 'any' || t === 'slice' || t === 'map' || t === 'bytes') return null;
        return fail(`arg ${i}: value is nil; should be of type ${PARAM_TYPE_NAMES[t]}`);
      }
      if (!assignable(v, t)) fail(`arg ${i}: value has type ${goTypeName(v)}; should be ${PARAM_TYPE_NAMES[t]}`);
      return v;
    });
    try {
      return fn.call(...converted);
    } catch (e) {
      if (e instanceof TemplateError && e.kind === 'limit') throw e;
      this.node = node;
      throw this.error(`error calling call: ${e instanceof Error ? e.message : String(e)}`, 'exec', e);
    }
  }

  /** Go's validateType: may `value` be passed where `type` is wanted? Converts "no value" to nil. */
  private validateType(value: Final, type: ParamType | undefined): GoValue {
    const v = value as GoValue;
    if (v === undefined) {
      if (type === undefined || type === 'value') return undefined;
      if (type === 'any' || type === 'slice' || type === 'map' || type === 'bytes') return null;
      this.errorf(`invalid value; expected ${PARAM_TYPE_NAMES[type]}`);
    }
    if (type === undefined || type === 'value' || type === 'any') return v;
    if (assignable(v, type)) return v;
    const got = v === null ? 'interface {}' : goTypeName(v);
    this.errorf(`wrong type for value; expected ${PARAM_TYPE_NAMES[type]}; got ${got}`);
  }

  private evalArg(dot: GoValue, type: ParamType | undefined, n: ArgNode): GoValue {
    this.node = n;
    switch (n.type) {
      case NodeType.Dot:
        return this.validateType(dot, type);
      case NodeType.Nil:
        if (type === undefined || type === 'value') return undefined;
        if (type === 'any' || type === 'slice' || type === 'map' || type === 'bytes') return null;
        this.errorf(`cannot assign nil to ${PARAM_TYPE_NAMES[type]}`);
      case NodeType.Field:
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), type);
      case NodeType.Variable:
        return this.validateType(this.evalVariableNode(dot, n, undefined, MISSING), type);
      case NodeType.Pipe:
        return this.validateType(this.evalPipeline(dot, n), type);
      case NodeType.Identifier:
        return this.validateType(this.evalFunction(dot, n, n, undefined, MISSING), type);
      case NodeType.Chain:
        return this.validateType(this.evalChainNode(dot, n, undefined, MISSING), type);
    }
    switch (type) {
      case 'bool':
        if (n.type === NodeType.Bool) return n.value;
        this.errorf(`expected bool; found ${n}`);
      case 'float64':
        if (n.type === NodeType.Number && n.isFloat) return n.float64;
        this.errorf(`expected float; found ${n}`);
      case 'int':
      case 'int64':
        if (n.type === NodeType.Number && n.isInt) return n.int64;
        this.errorf(`expected integer; found ${n}`);
      case 'string':
        if (n.type === NodeType.String) return n.value;
        this.errorf(`expected string; found ${n}`);
      case undefined:
      case 'any':
      case 'value':
        return this.evalEmptyInterface(dot, n);
    }
    this.errorf(`can't handle ${n} for arg of type ${PARAM_TYPE_NAMES[type]}`);
  }

  private evalEmptyInterface(dot: GoValue, n: ArgNode): GoValue {
    this.node = n;
    switch (n.type) {
      case NodeType.Bool:
        return n.value;
      case NodeType.Number:
        return this.idealConstant(n);
      case NodeType.String:
        return n.value;
    }
    this.errorf(`can't handle assignment of ${n} to empty interface argument`);
  }
}

/** Go's parameter type; builtins taking reflect.Value see missing values as such ('value'). */
function paramType(t: GoParamType, raw: boolean): ParamType {
  return raw && t === 'any' ? 'value' : t;
}

/**
 * The receiver's static type as Go names it in errors: interface {} for map and slice elements (and
 * for a nil whose declared type the value model does not know).
 */
function staticTypeName(receiver: GoValue, iface: boolean): string {
  return iface || receiver === null || receiver === undefined ? 'interface {}' : goTypeName(receiver);
}

function assignable(v: GoValue, type: ParamType): boolean {
  switch (type) {
    case 'any':
    case 'value':
      return true;
    case 'string':
      return typeof v === 'string';
    case 'int':
    case 'int64':
      return typeof v === 'bigint';
    case 'float64':
      return typeof v === 'number';
    case 'bool':
      return typeof v === 'boolean';
    case 'slice':
      return Array.isArray(v);
    case 'map':
      return isPlainMap(v);
    case 'bytes':
      return v instanceof Uint8Array;
  }
}

/** Map keys in Go's order: byte-wise, i.e. code point order (UTF-16 order differs only past U+D7FF). */
export function sortedKeys(m: object): string[] {
  const keys = Object.keys(m);
  return keys.some((k) => /[\ud800-\uffff]/.test(k)) ? keys.sort(compareGoStrings) : keys.sort();
}
