/**
 * Evaluating pipelines with Go's semantics (text/template exec.go): variables, field and method
 * lookup, function calls with Go's argument checks and untyped-constant conversion, missingkey, and
 * the error messages Go gives for each. exec.ts walks the tree on top of this.
 *
 * Values: `undefined` is Go's invalid reflect.Value ("no value": a missing map key, nil data) and
 * prints as `<no value>`; `null` is a nil interface. Go keeps that difference until a pipeline ends
 * (where a nil interface becomes "no value"), and it decides errors such as
 * `nil pointer evaluating interface {}.b`, so we keep it too.
 */
import {
  ArgNode,
  ChainNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  Node,
  NodeType as NodeTypes,
  NumberNode,
  PipeNode,
  Tree,
  VariableNode,
} from './ast';
import { goLocation, TemplateError } from './errors';
import { goTypeName } from './fmt';
import { isGoFunction, isPlainMap, isTrue, RAW_ARGUMENTS } from './builtins';
import { quote } from './strconv';
import { GoFunction, GoParamType, GoStruct, GoValue } from './values';
import { assignable, findMethod, methodAsFunction, PARAM_TYPE_NAMES, ParamType, paramType, staticTypeName } from './go-types';

/** Module-local aliases: hot switches then skip the per-access export getter of CommonJS shims (tsx). */
const NodeType = NodeTypes;

export type MissingKey = 'default' | 'zero' | 'error';

export interface ExecLimits {
  /** Nodes walked plus commands evaluated, over the whole execution including nested `execute` calls. */
  maxSteps?: number;
  /** Output size of one execution, counted in UTF-16 code units (equal to bytes for ASCII text). */
  maxOutputBytes?: number;
  /** Nested template calls ({{template}}, and `execute` re-entered from functions such as include). */
  maxCallDepth?: number;
  /**
   * Wall time of one execution with everything it re-enters, checked every few thousand steps and
   * after every function call: steps do not bound a loop of expensive calls (`bcrypt`, `genPrivateKey`).
   */
  maxMilliseconds?: number;
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
  /** Date.now() past which the execution stops (Infinity without a time limit). */
  deadline: number;
  readonly limits: Required<Omit<ExecLimits, 'shouldCancel'>> & Pick<ExecLimits, 'shouldCancel'>;
}

export const MISSING: unique symbol = Symbol('missing');
export type Final = GoValue | typeof MISSING;

const CANCEL_CHECK_INTERVAL = 4096;
const hasOwn = Object.prototype.hasOwnProperty;

export abstract class Evaluator {
  protected varNames: string[];
  protected varValues: GoValue[];
  /** Whether each variable's static Go type is interface{} (range elements), for error messages. */
  protected varIface: boolean[];
  protected node: Node | undefined;
  protected dotIface = false;
  /** Static type of the last evaluated field: interface{} for map elements. */
  protected fieldIface = false;

  constructor(
    protected readonly env: ExecEnv,
    protected tree: Tree,
    protected readonly budget: Budget,
  ) {
    this.varNames = ['$'];
    this.varValues = [undefined];
    this.varIface = [false];
  }



  protected error(detail: string, kind: 'exec' | 'limit' = 'exec', cause?: unknown): TemplateError {
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

  protected errorf(detail: string): never {
    throw this.error(detail);
  }

  protected step(): void {
    const b = this.budget;
    if (++b.steps > b.limits.maxSteps) throw this.error(`template execution exceeded the limit of ${b.limits.maxSteps} steps`, 'limit');
    if (b.steps % CANCEL_CHECK_INTERVAL === 0) {
      if (b.limits.shouldCancel?.()) throw this.error('template execution was cancelled', 'limit');
      this.checkTime();
    }
  }

  protected checkTime(at?: Node): void {
    const b = this.budget;
    if (b.deadline !== Infinity && Date.now() > b.deadline) {
      if (at) this.node = at;
      throw this.error(`template execution exceeded the time limit of ${b.limits.maxMilliseconds / 1000} s`, 'limit');
    }
  }

  // --- variables ---

  protected push(name: string, value: GoValue, iface: boolean): void {
    this.varNames.push(name);
    this.varValues.push(value);
    this.varIface.push(iface);
  }

  protected pop(mark: number): void {
    if (this.varNames.length === mark) return;
    this.varNames.length = mark;
    this.varValues.length = mark;
    this.varIface.length = mark;
  }

  protected setTopVar(n: number, value: GoValue, iface: boolean): void {
    const i = this.varNames.length - n;
    this.varValues[i] = value;
    this.varIface[i] = iface;
  }

  protected setVar(name: string, value: GoValue, iface: boolean): void {
    for (let i = this.varNames.length - 1; i >= 0; i--) {
      if (this.varNames[i] === name) {
        this.varValues[i] = value;
        this.varIface[i] = iface;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  protected varIndex(name: string): number {
    for (let i = this.varNames.length - 1; i >= 0; i--) if (this.varNames[i] === name) return i;
    this.errorf(`undefined variable: ${name}`);
  }

  // --- evaluation ---

  protected evalPipeline(dot: GoValue, pipe: PipeNode | undefined): GoValue {
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

  protected evalCommand(dot: GoValue, cmd: CommandNode, final: Final): GoValue {
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

  protected notAFunction(args: ArgNode[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${args[0]}`);
  }

  protected idealConstant(constant: NumberNode): GoValue {
    this.node = constant;
    const text = constant.text;
    if (constant.isComplex) this.errorf(`complex constant ${text} is not supported`);
    const isHexInt = text.length > 2 && text[0] === '0' && (text[1] === 'x' || text[1] === 'X') && !/[pP]/.test(text);
    if (constant.isFloat && !isHexInt && text[0] !== "'" && /[.eEpP]/.test(text)) return constant.float64;
    if (constant.isInt) return constant.int64;
    if (constant.isUint) this.errorf(`${text} overflows int`);
    return undefined;
  }

  protected evalFieldNode(dot: GoValue, field: FieldNode, args: ArgNode[] | undefined, final: Final): GoValue {
    this.node = field;
    return this.evalFieldChain(dot, dot, this.dotIface, field, field.ident, args, final);
  }

  protected evalChainNode(dot: GoValue, chain: ChainNode, args: ArgNode[] | undefined, final: Final): GoValue {
    this.node = chain;
    if (chain.node.type === NodeType.Nil) this.errorf(`indirection through explicit nil in ${chain}`);
    // (pipe).Field1.Field2: evaluate the pipeline, then the fields. A function's result is an interface{}.
    const receiver = this.evalArg(dot, undefined, chain.node);
    return this.evalFieldChain(dot, receiver, chain.node.type === NodeType.Identifier, chain, chain.field, args, final);
  }

  protected evalVariableNode(dot: GoValue, variable: VariableNode, args: ArgNode[] | undefined, final: Final): GoValue {
    this.node = variable;
    const i = this.varIndex(variable.ident[0]);
    const value = this.varValues[i];
    if (variable.ident.length === 1) {
      this.notAFunction(args ?? [variable], final);
      return value;
    }
    return this.evalFieldChain(dot, value, this.varIface[i], variable, variable.ident.slice(1), args, final);
  }

  protected evalFieldChain(dot: GoValue, receiver: GoValue, iface: boolean, node: Node, ident: string[], args: ArgNode[] | undefined, final: Final): GoValue {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) {
      receiver = this.evalField(dot, ident[i], node, undefined, MISSING, receiver, iface);
      iface = this.fieldIface;
    }
    return this.evalField(dot, ident[n - 1], node, args, final, receiver, iface);
  }

  protected evalField(dot: GoValue, fieldName: string, node: Node, args: ArgNode[] | undefined, final: Final, receiver: GoValue, iface: boolean): GoValue {
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

  protected evalFunction(dot: GoValue, node: IdentifierNode, cmd: Node, args: ArgNode[] | undefined, final: Final): GoValue {
    this.node = node;
    const name = node.ident;
    const found = this.env.lookupFunction(name);
    if (!found) this.errorf(`${quote(name)} is not a defined function`);
    return this.evalCall(dot, found.fn, found.builtin, cmd, name, args, final);
  }

  /** Calls a function or method; `args` still includes the function's own node at index 0. */
  protected evalCall(
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

  protected invoke(node: Node, name: string, fn: GoFunction, argv: GoValue[], self?: object): GoValue {
    try {
      const result = self === undefined ? fn.call(...argv) : fn.call.apply(self, argv);
      this.checkTime(node);
      // Functions return interface{}: JavaScript's undefined is a nil interface, not "no value".
      return result === undefined ? null : result;
    } catch (e) {
      if (e instanceof TemplateError && e.kind === 'limit') throw e;
      if (e instanceof RangeError && /call stack/i.test(e.message)) throw e;
      this.node = node;
      // V8's words for a string or array past its maximum size (a doubling loop): say it plainly.
      if (e instanceof RangeError && /^Invalid (string|array) length$/.test(e.message)) {
        throw this.error(`error calling ${name}: the result is too large (over JavaScript's maximum ${e.message.includes('string') ? 'string' : 'array'} length)`, 'exec', e);
      }
      throw this.error(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`, 'exec', e);
    }
  }

  /** The `call` builtin: the first argument must be a function value. */
  protected callFunctionValue(node: Node, calleeName: string, argv: GoValue[]): GoValue {
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
  protected validateType(value: Final, type: ParamType | undefined): GoValue {
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

  protected evalArg(dot: GoValue, type: ParamType | undefined, n: ArgNode): GoValue {
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
        return this.evalEmptyInterface(n);
    }
    this.errorf(`can't handle ${n} for arg of type ${PARAM_TYPE_NAMES[type]}`);
  }

  protected evalEmptyInterface(n: ArgNode): GoValue {
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
