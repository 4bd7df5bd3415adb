/**
 * A set of associated templates (Go's *template.Template with its common map): files and their
 * {{define}}s share one namespace, a later definition replaces an earlier one unless it is empty,
 * and execution looks names up at run time. Parsing is cached per (name, text), so re-adding the
 * same text (Helm's `tpl`) costs a map lookup.
 */
import { isEmptyTree, Tree } from './ast';
import { goBuiltins } from './builtins';
import { TemplateError } from './errors';
import { Budget, ExecEnv, ExecLimits, Execution, MissingKey } from './exec';
import { parseTemplates } from './parse';
import { quote } from './strconv';
import { FuncMap, GoFunction, GoValue } from './values';

export interface TemplateSetOptions {
  missingkey?: MissingKey;
  limits?: ExecLimits;
  /** Same as limits.shouldCancel. */
  shouldCancel?: () => boolean;
  /** Name of the set's root template, used only in "no template … associated with template …" errors. */
  name?: string;
}

export interface Delimiters {
  left: string;
  right: string;
}

/** Defaults keep a runaway template (`range 1e12`, endless recursion) from hanging or exhausting memory. */
const DEFAULT_LIMITS = {
  // A large chart takes a few hundred thousand steps; this is about a second of work.
  maxSteps: 10_000_000,
  maxOutputBytes: 256 * 1024 * 1024,
  // Go's maxExecDepth; JavaScript's stack usually ends recursion earlier, which is reported as an error too.
  maxCallDepth: 100000,
  // The CLI has no other time bound: a loop of bcrypt or genPrivateKey calls would run for hours.
  maxMilliseconds: 30_000,
};

const PARSE_CACHE_SIZE = 1000;

/** What a set and its forks share: functions, options, the running execution's budget and the parse cache. */
interface Common {
  readonly functions: Map<string, { fn: GoFunction; builtin: boolean }>;
  readonly missingkey: MissingKey;
  readonly limits: Budget['limits'];
  readonly rootName: string;
  readonly parseCache: Map<string, Map<string, Tree>>;
  active: Budget | undefined;
}

export class TemplateSet implements ExecEnv {
  private readonly templates = new Map<string, Tree>();
  private readonly common: Common;
  private readonly parent: TemplateSet | undefined;

  constructor(funcs: FuncMap, options: TemplateSetOptions = {}, parent?: TemplateSet) {
    this.parent = parent;
    if (parent) {
      this.common = parent.common;
      return;
    }
    const functions = new Map<string, { fn: GoFunction; builtin: boolean }>();
    for (const [name, fn] of Object.entries(goBuiltins)) functions.set(name, { fn, builtin: true });
    for (const [name, fn] of Object.entries(funcs)) if (fn) functions.set(name, { fn, builtin: false });
    const limits = options.limits ?? {};
    this.common = {
      functions,
      missingkey: options.missingkey ?? 'default',
      limits: {
        maxSteps: limits.maxSteps ?? DEFAULT_LIMITS.maxSteps,
        maxOutputBytes: limits.maxOutputBytes ?? DEFAULT_LIMITS.maxOutputBytes,
        maxCallDepth: limits.maxCallDepth ?? DEFAULT_LIMITS.maxCallDepth,
        maxMilliseconds: limits.maxMilliseconds ?? DEFAULT_LIMITS.maxMilliseconds,
        shouldCancel: limits.shouldCancel ?? options.shouldCancel,
      },
      rootName: options.name ?? 'gotpl',
      parseCache: new Map(),
      active: undefined,
    };
  }

  get missingkey(): MissingKey {
    return this.common.missingkey;
  }

  /** Parses `text` under `name`; its {{define}}s join the set (later definitions replace earlier, like Go). */
  add(name: string, text: string, delims?: Delimiters): void {
    this.addTrees(name, text, delims);
  }

  /** Parses and associates like Go's Template.Parse; returns the top-level tree of `text`. */
  private addTrees(name: string, text: string, delims?: Delimiters): Tree {
    const trees = this.parse(name, text, delims);
    for (const [n, tree] of trees) {
      // Go's associate: an empty (whitespace/comment-only) body never replaces an existing template.
      if (isEmptyTree(tree.root) && this.lookupTemplate(n) !== undefined) continue;
      this.templates.set(n, tree);
    }
    return trees.get(name)!;
  }

  has(name: string): boolean {
    return this.lookupTemplate(name) !== undefined;
  }

  names(): string[] {
    const all = new Set<string>();
    for (let s: TemplateSet | undefined = this; s; s = s.parent) for (const n of s.templates.keys()) all.add(n);
    return [...all].sort();
  }

  /** Executes the named template with `data` as dot; throws TemplateError with Go's message. Re-entrant. */
  execute(name: string, data: GoValue): string {
    const tree = this.lookupTemplate(name);
    if (!tree) {
      const detail = `no template ${quote(name)} associated with template ${quote(this.common.rootName)}`;
      throw new TemplateError(`template: ${detail}`, { kind: 'exec', templateName: name, detail });
    }
    return this.run(tree, data);
  }

  private run(tree: Tree, data: GoValue): string {
    const name = tree.name;
    const common = this.common;
    const outer = common.active;
    const ms = common.limits.maxMilliseconds;
    const budget: Budget = outer ?? { steps: 0, depth: 0, limits: common.limits, deadline: ms > 0 ? Date.now() + ms : Infinity };
    if (outer && budget.depth >= budget.limits.maxCallDepth) {
      const detail = `exceeded maximum template depth (${budget.limits.maxCallDepth})`;
      throw new TemplateError(`template: ${name}: ${detail}`, { kind: 'limit', templateName: name, executing: name, detail });
    }
    common.active = budget;
    budget.depth++;
    try {
      return new Execution(this, tree, budget).run(data);
    } finally {
      budget.depth--;
      common.active = outer;
    }
  }

  /**
   * Parses `text` as a template named `name` in a throw-away fork of this set and executes it (Helm's
   * `tpl`): defines inside `text` are visible only there, every template of this set is callable.
   */
  executeText(name: string, text: string, data: GoValue, delims?: Delimiters): string {
    const fork = this.fork();
    // Like Helm, run the tree just parsed even when it is empty and an older template has the name.
    return fork.run(fork.addTrees(name, text, delims), data);
  }

  /** A child set: sees this set's templates, and its own additions stay local. Cheap (no copying). */
  fork(): TemplateSet {
    return new TemplateSet({}, {}, this);
  }

  lookupTemplate(name: string): Tree | undefined {
    for (let s: TemplateSet | undefined = this; s; s = s.parent) {
      const tree = s.templates.get(name);
      if (tree) return tree;
    }
    return undefined;
  }

  lookupFunction(name: string): { fn: GoFunction; builtin: boolean } | undefined {
    return this.common.functions.get(name);
  }

  private parse(name: string, text: string, delims?: Delimiters): Map<string, Tree> {
    const cache = this.common.parseCache;
    const key = `${name}\0${delims ? delims.left + '\0' + delims.right : ''}\0${text}`;
    let trees = cache.get(key);
    if (trees) return trees;
    trees = parseTemplates(name, text, {
      hasFunction: (n) => this.common.functions.has(n),
      leftDelim: delims?.left,
      rightDelim: delims?.right,
    });
    cache.set(key, trees);
    if (cache.size > PARSE_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return trees;
  }
}

/** Parses and executes one template text (a convenience for one-off rendering and tests). */
export function executeTemplate(
  text: string,
  data: GoValue,
  options: { funcs?: FuncMap; missingkey?: MissingKey; name?: string; limits?: ExecLimits } = {},
): string {
  const name = options.name ?? 'template';
  const set = new TemplateSet(options.funcs ?? {}, { missingkey: options.missingkey, limits: options.limits, name });
  set.add(name, text);
  return set.execute(name, data);
}
