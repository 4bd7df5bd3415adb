/**
 * What one chart template says, for authoring: the `.Values` paths it reads (with the range of each
 * key, whether a condition or `default` guards it), the `include`/`template` names it calls, the
 * `define`s it declares, the built-in objects and functions it uses, and its parse error. Read from
 * our Go-template parser's tree (the same one the renderer uses), tracking what `.` is inside
 * `with`/`range` and what `$var` holds, so `{{ with .Values.image }}{{ .tag }}` reads `image.tag`.
 * A file that does not parse is scanned lexically instead, so hover and navigation keep working
 * while the user types.
 *
 * A define's `.` is whatever its callers pass: the scan records every `include`/`template` call with
 * what it passes (`calls`; inside a define in terms of that define's own `.`), and a define is walked
 * with the root context unless `withDefineContexts` is given what its callers agree on
 * (define-context.ts infers that across the chart tree).
 */
import type { Range } from '../../diagnostics';
import { LineIndex } from '../../text/lines';
import { parseTemplates, TemplateError, type Tree } from '../../gotemplate';
import { NodeType, type ArgNode, type CommandNode, type ListNode, type Node, type PipeNode } from '../../gotemplate/ast';

export interface ValuesRef {
  /** `.Values.image.tag` → `['image', 'tag']`; `[]` for `.Values` itself. */
  path: string[];
  /** Where each key of `path` is written (absent for uses with no text of their own, like `.` in `with`). */
  segments?: (Range | undefined)[];
  /** A condition, `default`, `required`, `hasKey`, … handles the value being absent (or it only sets a variable). */
  guarded: boolean;
  /**
   * Lengths of the enclosing conditions' paths that are prefixes of this one (`if .Values.a` around
   * `.Values.a.b.c` gives 1): a read is excused where a missing key lies inside a tested path.
   */
  testedDepths?: number[];
  /** Read inside a `define`, whose `.` is whatever the caller passes. */
  inDefine?: boolean;
}

/**
 * What `.` (or a variable, or a call's argument) holds, as far as the scan can tell: the root
 * context, a `.Values` path, a `dict` literal's known keys, the argument of the define being walked
 * (`param`, with the keys read below it: only while recording call sites), the argument of a define
 * whose callers do not agree or pass what cannot be followed (`opaque`), or unknown.
 */
export type Dot = 'root' | 'unknown' | 'opaque' | { values: string[] } | { dict: ReadonlyMap<string, Dot> } | { param: string[] };

/** An `include "name" ARG` / `template "name" ARG` with a literal name. */
export interface CallSite {
  name: string;
  /** What the call passes as `.`; inside a define, in terms of that define's own `.` (`param`). */
  arg: Dot;
  /** The define whose body makes the call; absent for the file's own body. */
  from?: string;
}

/** A field read from the `.` of a define whose context is not known (`opaque`): hover says so. */
export interface UnresolvedRef {
  define: string;
  /** The keys as written (`.image.tag` → `['image', 'tag']`). */
  path: string[];
  range: Range;
}

export function isValuesDot(dot: unknown): dot is { values: string[] } {
  return typeof dot === 'object' && dot !== null && 'values' in dot;
}

/** What `keys` read below `base` are: `.Values.a` from the root, `.k.x` through a dict, … */
export function followDot(base: Dot, keys: readonly string[]): Dot {
  for (let i = 0; i < keys.length; i++) {
    if (base === 'root') {
      if (keys[i] !== 'Values') return 'unknown';
      base = { values: [] };
    } else if (typeof base === 'object' && 'values' in base) return { values: [...base.values, ...keys.slice(i)] };
    else if (typeof base === 'object' && 'param' in base) return { param: [...base.param, ...keys.slice(i)] };
    else if (typeof base === 'object' && 'dict' in base) base = base.dict.get(keys[i]) ?? 'unknown';
    else return base;
  }
  return base;
}

export interface NameRef {
  name: string;
  /** The name inside its quotes. */
  range: Range;
  keyword: 'include' | 'template';
  /** Piped into something (`template` cannot be: Go prints its output, it returns nothing). */
  piped: boolean;
  /** The `template`/`include` keyword itself, for a rewrite of one to the other. */
  keywordRange?: Range;
}

export interface DefineDecl {
  name: string;
  range: Range;
  /** The define's body as the parser reads it. */
  body: string;
  /** From its `{{ define }}` to its `{{ end }}` (to the file's end when unclosed). */
  span?: Range;
}

export interface BuiltinRef {
  /** `.Chart.Name` → `['Chart', 'Name']`. */
  path: string[];
  range: Range;
}

export interface FunctionCall {
  name: string;
  range: Range;
  /** Arguments including a piped value; undefined when not static. */
  argCount: number;
}

export interface TemplateParseError {
  message: string;
  range: Range;
}

export interface TemplateScan {
  values: ValuesRef[];
  names: NameRef[];
  defines: DefineDecl[];
  builtins: BuiltinRef[];
  functions: FunctionCall[];
  variables: Range[];
  /** Chart files named by `.Files.Get "x"` (often rendered with `tpl`, so they read values too). */
  filesRead: string[];
  /** Every `include`/`template` call with a literal name and what it passes. */
  calls: CallSite[];
  /** Reads from a define's `.` that cannot be resolved (see `withDefineContexts`). */
  unresolved: UnresolvedRef[];
  error?: TemplateParseError;
}

const BUILTIN_OBJECTS = new Set(['Chart', 'Release', 'Capabilities', 'Template', 'Files', 'Subcharts']);
/** Functions whose arguments may be absent by design. */
const GUARDING = new Set(['default', 'required', 'coalesce', 'empty', 'hasKey', 'dig', 'kindIs', 'kindOf', 'typeIs', 'typeOf', 'not', 'and', 'or', 'ternary', 'eq', 'ne', 'len', 'omit', 'pick', 'deepCopy', 'mustDeepCopy', 'merge', 'mergeOverwrite', 'mustMerge', 'mustMergeOverwrite']);

interface Scope {
  /** The define being walked; absent for the file's own body. */
  define?: string;
  dot: Dot;
  vars: Map<string, Dot>;
  /** Paths tested by enclosing conditions. */
  guards: string[][];
}

/** A parsed file's trees, kept for walking its defines again with their callers' context. */
const parsed = new WeakMap<TemplateScan, { name: string; text: string; lines: LineIndex; trees: Map<string, Tree> }>();

function emptyScan(): TemplateScan {
  return { values: [], names: [], defines: [], builtins: [], functions: [], variables: [], filesRead: [], calls: [], unresolved: [] };
}

export function scanTemplate(name: string, text: string, hasFunction: (name: string) => boolean): TemplateScan {
  const lines = new LineIndex(text);
  const scan = emptyScan();
  for (const m of text.matchAll(/\.Files\.Get\s+"([^"\\\n]+)"/g)) scan.filesRead.push(m[1]);
  let trees: Map<string, Tree>;
  try {
    trees = parseTemplates(name, text, { hasFunction });
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    scan.error = locateError(error, text, lines);
    scanLexically(text, lines, scan);
    return scan;
  }
  new Walker(text, lines, scan).run(trees, name);
  // Calls made inside defines, in terms of each define's own `.`.
  const symbolic = emptyScan();
  new Walker(text, lines, symbolic, true).run(trees, name, () => ({ param: [] }));
  scan.calls.push(...symbolic.calls);
  for (const define of findDefines(text, lines)) {
    const tree = trees.get(define.name);
    scan.defines.push({ ...define, body: tree ? String(tree.root).trim() : '' });
  }
  parsed.set(scan, { name, text, lines, trees });
  return scan;
}

/**
 * The scan again with each define's `.` (and `$`) as `contextOf` says (its callers' agreement; the
 * root context where it says nothing): `.repository` in a define called with `.Values.image` reads
 * `image.repository`; in an `opaque` one it is an unresolved read. A file that did not parse is
 * returned as it is.
 */
export function withDefineContexts(scan: TemplateScan, contextOf: (define: string) => Dot | undefined): TemplateScan {
  const source = parsed.get(scan);
  if (!source) return scan;
  const again = emptyScan();
  new Walker(source.text, source.lines, again).run(source.trees, source.name, contextOf);
  return { ...again, defines: scan.defines, filesRead: scan.filesRead, calls: scan.calls, error: scan.error };
}

class Walker {
  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly scan: TemplateScan,
    /** Record the calls made inside defines (walked with their `param`), not the file body's. */
    private readonly definesCalls = false,
  ) {}

  run(trees: Map<string, Tree>, name: string, contextOf?: (define: string) => Dot | undefined): void {
    // The file's own tree and each define's, whose `.` and `$` are what its callers pass (the root context unless told).
    for (const [treeName, tree] of trees) {
      if (tree.src.parseName !== name && treeName !== name) continue;
      const define = treeName !== name ? treeName : undefined;
      const dot: Dot = (define !== undefined ? contextOf?.(define) : undefined) ?? 'root';
      this.list(tree.root, { define, dot, vars: new Map([['$', dot]]), guards: [] });
    }
  }

  private call(name: string, arg: Dot, scope: Scope): void {
    if (this.definesCalls !== (scope.define !== undefined)) return;
    this.scan.calls.push({ name, arg, from: scope.define });
  }

  private list(list: ListNode | undefined, scope: Scope): void {
    for (const node of list?.nodes ?? []) this.node(node, scope);
  }

  private node(node: Node, scope: Scope): void {
    switch (node.type) {
      case NodeType.Action:
        this.pipe(node.pipe, scope, false);
        return;
      case NodeType.If:
      case NodeType.With:
      case NodeType.Range: {
        const inner: Scope = { ...scope, vars: new Map(scope.vars) };
        // Conditions test presence; ranging over an absent value does nothing.
        const tested = this.pipe(node.pipe, inner, true);
        if (node.type === NodeType.With) inner.dot = tested ?? 'unknown';
        if (node.type === NodeType.Range) {
          inner.dot = 'unknown';
          for (const v of node.pipe.decl) inner.vars.set(v.ident[0], 'unknown');
        }
        const guards = node.type === NodeType.Range ? scope.guards : [...scope.guards, ...this.testedPaths(node.pipe, scope)];
        this.list(node.list, { ...inner, guards });
        // `{{ if not .Values.a }}…{{ else }}{{ .Values.a }}`: the else branch is as guarded as the body.
        this.list(node.elseList, { ...scope, vars: new Map(scope.vars), guards });
        return;
      }
      case NodeType.Template: {
        const at = this.quotedAfter(node.pos, node.name);
        if (at) this.scan.names.push({ name: node.name, range: at, keyword: 'template', piped: (node.pipe?.cmds.length ?? 0) > 1, keywordRange: this.keywordBefore(at, 'template') });
        // `{{ template "x" }}` passes nil.
        this.call(node.name, (node.pipe && node.pipe.decl.length === 0 && node.pipe.cmds.length === 1 ? this.commandValue(node.pipe.cmds[0], scope) : undefined) ?? 'unknown', scope);
        if (node.pipe) this.pipe(node.pipe, scope, false);
        return;
      }
      default:
        return;
    }
  }

  /** Records a pipeline's references; returns what its value is when it is a plain values path. */
  private pipe(pipe: PipeNode, scope: Scope, isCondition: boolean): Dot | undefined {
    let result: Dot | undefined;
    pipe.cmds.forEach((cmd, index) => {
      const head = cmd.args[0];
      const fn = head?.type === NodeType.Identifier ? head.ident : undefined;
      const pipedInto = index < pipe.cmds.length - 1 ? pipe.cmds[index + 1].args[0] : undefined;
      const guardedByNext = pipedInto?.type === NodeType.Identifier && GUARDING.has(pipedInto.ident);
      // A value that only sets a variable is judged where the variable is used (not followed here).
      const guarded = isCondition || guardedByNext || (fn !== undefined && GUARDING.has(fn)) || pipe.decl.length > 0;
      if (fn !== undefined) {
        this.scan.functions.push({ name: fn, range: this.lines.rangeOf(head!.pos, head!.pos + fn.length), argCount: cmd.args.length - 1 + (index > 0 ? 1 : 0) });
        if (fn === 'include' || fn === 'template') this.includeName(cmd, index < pipe.cmds.length - 1, index > 0 ? pipe.cmds[index - 1] : undefined, scope);
        if (fn === 'index') this.indexPath(cmd, scope, guarded);
      }
      for (const arg of cmd.args) this.arg(arg, scope, guarded);
      if (pipe.cmds.length === 1) result = this.commandValue(cmd, scope);
    });
    for (const v of pipe.decl) {
      this.scan.variables.push(this.lines.rangeOf(v.pos, v.pos + v.ident[0].length));
      scope.vars.set(v.ident[0], result ?? 'unknown');
    }
    return result;
  }

  private arg(arg: ArgNode, scope: Scope, guarded: boolean): void {
    switch (arg.type) {
      case NodeType.Field:
        this.path(scope.dot, arg.ident, arg.pos, '.' + arg.ident.join('.'), 1, scope, guarded);
        return;
      case NodeType.Variable: {
        const [name, ...rest] = arg.ident;
        const start = this.locate(arg.pos, arg.ident.join('.'));
        this.scan.variables.push(this.lines.rangeOf(start, start + name.length));
        this.path(scope.vars.get(name) ?? 'unknown', rest, arg.pos, arg.ident.join('.'), name.length + 1, scope, guarded);
        return;
      }
      case NodeType.Dot:
        if (isValuesDot(scope.dot)) this.scan.values.push({ path: scope.dot.values, guarded: true });
        return;
      case NodeType.Pipe:
        this.pipe(arg, { ...scope, vars: scope.vars }, guarded);
        return;
      case NodeType.Chain:
        this.arg(arg.node, scope, true);
        return;
      default:
        return;
    }
  }

  /**
   * A field path read from `base`: `.Values.x` from the root, `.x` inside `with .Values`, `$v.x`.
   * `skip` is the length of the text before the first key (`.` or `$v.`).
   */
  private path(base: Dot, ident: string[], pos: number, written: string, skip: number, scope: Scope, guarded: boolean): void {
    let keys: string[];
    let offset: number;
    const start = this.locate(pos, written);
    // Through a dict literal's keys: `.ctx.Values.x` where `.` is `(dict "ctx" $)`.
    const readKeys = ident;
    let through = 0;
    while (typeof base === 'object' && 'dict' in base && through < ident.length) base = base.dict.get(ident[through++]) ?? 'unknown';
    if (through > 0) {
      skip += ident.slice(0, through).join('.').length + 1;
      ident = ident.slice(through);
      if (ident.length === 0) {
        if (isValuesDot(base)) this.scan.values.push({ path: base.values, guarded: true, inDefine: scope.define !== undefined || undefined });
        return;
      }
    }
    if (typeof base === 'object' && 'param' in base) return; // recording call sites only
    if (base === 'opaque') {
      if (scope.define !== undefined && ident.length > 0) this.scan.unresolved.push({ define: scope.define, path: readKeys, range: this.lines.rangeOf(start, start + written.length) });
      return;
    }
    if (base === 'root' && ident[0] !== 'Values' && ident.indexOf('Values') > 0) base = 'unknown';
    if (base === 'root') {
      if (ident.length === 0) return;
      const [object, ...rest] = ident;
      if (object !== 'Values') {
        // After a dict's keys (`.ctx.Chart.Name`), from the `.` before the object.
        if (BUILTIN_OBJECTS.has(object)) this.scan.builtins.push({ path: ident, range: this.lines.rangeOf(through > 0 ? start + skip - 1 : start, start + written.length) });
        return;
      }
      keys = rest;
      offset = start + skip + object.length + 1;
      if (rest.length === 0) {
        this.scan.values.push({ path: [], guarded: true });
        return;
      }
    } else if (isValuesDot(base)) {
      keys = ident;
      offset = start + skip;
    } else {
      // `.context.Values.x`, `$ctx.Values.x`: a helper handed the root under another name.
      const at = ident.indexOf('Values');
      if (at < 0 || at === ident.length - 1) return;
      keys = ident.slice(at + 1);
      offset = start + skip + ident.slice(0, at + 1).join('.').length + 1;
      base = 'root';
    }
    const segments: Range[] = [];
    for (const key of keys) {
      segments.push(this.lines.rangeOf(offset, offset + key.length));
      offset += key.length + 1;
    }
    const path = isValuesDot(base) ? [...base.values, ...keys] : keys;
    const testedDepths = scope.guards.filter((g) => g.length <= path.length && g.every((k, i) => path[i] === k)).map((g) => g.length);
    this.scan.values.push({
      path,
      segments: isValuesDot(base) ? [...Array(base.values.length).fill(undefined), ...segments] : segments,
      guarded,
      testedDepths: testedDepths.length ? testedDepths : undefined,
      inDefine: scope.define !== undefined || undefined,
    });
  }

  /** What a single-argument pipeline evaluates to (for `with`, `$x :=` and a call's argument). */
  private valueOf(arg: ArgNode, scope: Scope): Dot | undefined {
    if (arg.type === NodeType.Field) return followDot(scope.dot, arg.ident);
    if (arg.type === NodeType.Variable) return followDot(scope.vars.get(arg.ident[0]) ?? 'unknown', arg.ident.slice(1));
    if (arg.type === NodeType.Dot) return scope.dot;
    if (arg.type === NodeType.Pipe && arg.decl.length === 0 && arg.cmds.length === 1) return this.commandValue(arg.cmds[0], scope);
    return undefined;
  }

  /** A command's value: a single argument's, or a `dict` literal's with string keys. */
  private commandValue(cmd: CommandNode, scope: Scope): Dot | undefined {
    const head = cmd.args[0];
    if (cmd.args.length === 1) return head ? this.valueOf(head, scope) : undefined;
    if (head?.type !== NodeType.Identifier || head.ident !== 'dict' || cmd.args.length % 2 === 0) return undefined;
    const dict = new Map<string, Dot>();
    for (let i = 1; i < cmd.args.length; i += 2) {
      const key = cmd.args[i];
      if (key.type !== NodeType.String) return 'unknown';
      dict.set(key.value, this.valueOf(cmd.args[i + 1], scope) ?? 'unknown');
    }
    return { dict };
  }

  /** Paths an `if`/`with` condition tests: inside its body they may be read without a guard. */
  private testedPaths(pipe: PipeNode, scope: Scope): string[][] {
    const paths: string[][] = [];
    const visit = (p: PipeNode) => {
      for (const cmd of p.cmds)
        for (const arg of cmd.args) {
          if (arg.type === NodeType.Pipe) visit(arg);
          const value = this.valueOf(arg, scope);
          if (isValuesDot(value) && value.values.length > 0) paths.push(value.values);
        }
    };
    visit(pipe);
    return paths;
  }

  /** `index .Values "a" "b"` reads `a.b`. */
  private indexPath(cmd: CommandNode, scope: Scope, guarded: boolean): void {
    const base = cmd.args[1] ? this.valueOf(cmd.args[1], scope) : undefined;
    if (!isValuesDot(base)) return;
    const keys: string[] = [];
    const segments: Range[] = [];
    for (const arg of cmd.args.slice(2)) {
      if (arg.type !== NodeType.String) break;
      keys.push(arg.value);
      segments.push(this.lines.rangeOf(arg.pos + 1, arg.pos + 1 + arg.value.length));
    }
    if (keys.length > 0) this.scan.values.push({ path: [...base.values, ...keys], segments: [...Array(base.values.length).fill(undefined), ...segments], guarded: true });
  }

  /** `include "x" ARG` (or ARG piped in from `before`): the name, and the call with what it passes. */
  private includeName(cmd: CommandNode, piped: boolean, before: CommandNode | undefined, scope: Scope): void {
    const arg = cmd.args[1];
    if (arg?.type !== NodeType.String) return;
    const keyword = (cmd.args[0] as { ident: string }).ident as 'include' | 'template';
    const range = this.lines.rangeOf(arg.pos + 1, arg.pos + 1 + arg.value.length);
    this.scan.names.push({ name: arg.value, range, keyword, piped, keywordRange: this.keywordBefore(range, keyword) });
    const passed = cmd.args.length === 3 ? this.valueOf(cmd.args[2], scope) : cmd.args.length === 2 && before ? this.commandValue(before, scope) : undefined;
    this.call(arg.value, passed ?? 'unknown', scope);
  }

  /** Where `written` starts in the text near `pos` (Go puts a field's position at its last key). */
  private locate(pos: number, written: string): number {
    const from = Math.max(0, pos - written.length);
    const at = this.text.indexOf(written, from);
    return at >= 0 && at <= pos + 1 ? at : pos;
  }

  private quotedAfter(pos: number, name: string): Range | undefined {
    const at = this.text.indexOf(JSON.stringify(name), pos);
    if (at < 0) {
      const raw = this.text.indexOf('`' + name + '`', pos);
      return raw < 0 ? undefined : this.lines.rangeOf(raw + 1, raw + 1 + name.length);
    }
    return this.lines.rangeOf(at + 1, at + 1 + name.length);
  }

  private keywordBefore(name: Range, keyword: string): Range | undefined {
    const end = this.lines.offsetAt(name.start);
    const at = this.text.lastIndexOf(keyword, end);
    return at >= 0 && /^\s*["`]$/.test(this.text.slice(at + keyword.length, end)) ? this.lines.rangeOf(at, at + keyword.length) : undefined;
  }
}

const DEFINE = /\{\{-?\s*(?:define|block)\s+("(?:[^"\\\n]|\\.)*"|`[^`]*`)/g;

function findDefines(text: string, lines: LineIndex): { name: string; range: Range; span: Range }[] {
  const found: { name: string; range: Range; span: Range }[] = [];
  for (const m of text.matchAll(DEFINE)) {
    const quoted = m[1];
    const start = m.index! + m[0].length - quoted.length + 1;
    const name = quoted.startsWith('"') ? safeJson(quoted) : quoted.slice(1, -1);
    if (name !== undefined) found.push({ name, range: lines.rangeOf(start, start + quoted.length - 2), span: lines.rangeOf(m.index!, endOfBlock(text, m.index! + m[0].length)) });
  }
  return found;
}

/** Where the block opened just before `from` ends: after its matching `{{ end }}`, else the text's end. */
function endOfBlock(text: string, from: number): number {
  let depth = 1;
  const actions = /\{\{-?\s*(if|range|with|define|block|end)\b[^}]*\}?\}?/g;
  actions.lastIndex = from;
  for (let m = actions.exec(text); m; m = actions.exec(text)) {
    depth += m[1] === 'end' ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return text.length;
}

function safeJson(quoted: string): string | undefined {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return undefined;
  }
}

/** While the text does not parse: values paths, names and defines found by pattern, all treated as guarded. */
function scanLexically(text: string, lines: LineIndex, scan: TemplateScan): void {
  for (const action of text.matchAll(/\{\{(?!\/\*)[\s\S]*?(?:\}\}|$)/g)) {
    const body = action[0];
    const base = action.index!;
    for (const m of body.matchAll(/\$?\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g)) {
      const keys = m[1].slice(1).split('.');
      let offset = base + m.index! + m[0].length - m[1].length + 1;
      const segments = keys.map((key) => {
        const range = lines.rangeOf(offset, offset + key.length);
        offset += key.length + 1;
        return range;
      });
      scan.values.push({ path: keys, segments, guarded: true });
    }
    for (const m of body.matchAll(/\b(include|template)\s+"([^"\\\n]*)"/g)) {
      const start = base + m.index! + m[0].length - m[2].length - 1;
      scan.names.push({ name: m[2], range: lines.rangeOf(start, start + m[2].length), keyword: m[1] as 'include' | 'template', piped: false });
    }
  }
  for (const define of findDefines(text, lines)) scan.defines.push({ ...define, body: '' });
}

/**
 * A parse error's place and words: Go gives a line only; point at the culprit on it where the message
 * names one. An action left open runs into the next lines, and Go then complains about what it finds
 * there (`function "selector" not defined`): the open `{{` is what the user must fix.
 */
function locateError(error: TemplateError, text: string, lines: LineIndex): TemplateParseError {
  const started = /started at [^:]*:(\d+)/.exec(error.detail);
  const line = Math.max(0, Math.min(lines.lineCount - 1, (started ? Number(started[1]) : error.line ?? 1) - 1));
  const lineText = lines.lineText(line);
  const point = (l: number, start: number, end: number): Range => ({ start: { line: l, character: start }, end: { line: l, character: end } });
  const open = text.lastIndexOf('{{', lines.lineEnd(line));
  const close = open >= 0 ? text.indexOf('}}', open) : -1;
  const openLine = open >= 0 ? lines.positionAt(open).line : line;
  if (open >= 0 && openLine < line && (close < 0 || close >= lines.lineStart(line))) {
    const openText = lines.lineText(openLine);
    const character = lines.positionAt(open).character;
    return { message: `unclosed action: this \`{{\` has no \`}}\` (Go: ${error.detail})`, range: point(openLine, character, openText.trimEnd().length) };
  }
  if (/unexpected EOF/.test(error.detail)) {
    const unclosed = unclosedBlock(text);
    if (unclosed) {
      const p = lines.positionAt(unclosed.offset);
      return { message: `this \`{{ ${unclosed.keyword} }}\` has no \`{{ end }}\``, range: point(p.line, p.character, p.character + unclosed.length) };
    }
  }
  const named = /function "([^"]+)" not defined/.exec(error.detail);
  if (named) {
    const at = lineText.indexOf(named[1]);
    if (at >= 0) return { message: error.detail, range: point(line, at, at + named[1].length) };
  }
  const lineOpen = lineText.lastIndexOf('{{');
  if (lineOpen >= 0 && /unclosed|unexpected EOF|unterminated/.test(error.detail)) return { message: error.detail, range: point(line, lineOpen, lineText.trimEnd().length) };
  const indent = lineText.length - lineText.trimStart().length;
  return { message: error.detail, range: point(line, indent, Math.max(indent, lineText.trimEnd().length)) };
}

/** The innermost `if`/`range`/`with`/`define`/`block` action that no `end` closes. */
function unclosedBlock(text: string): { offset: number; length: number; keyword: string } | undefined {
  const open: { offset: number; length: number; keyword: string }[] = [];
  for (const m of text.matchAll(/\{\{-?\s*(if|range|with|define|block|end)\b[^}]*\}?\}?/g)) {
    if (m[1] === 'end') open.pop();
    else open.push({ offset: m.index!, length: m[0].length, keyword: m[1] });
  }
  return open.pop();
}
