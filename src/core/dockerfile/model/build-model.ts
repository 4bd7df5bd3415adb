/**
 * Builds the DockerfileModel in one pass over dockerfile-ast's instructions: token offsets, stages,
 * variable scopes, the shell in effect and parsed shell bodies. Nothing here is quadratic in the
 * number of instructions, comments or variables.
 */
import type { Argument, Instruction } from 'dockerfile-ast';
import type { Range as AstRange } from 'vscode-languageserver-types';
import { LineIndex } from '../../text/lines';
import { parseDockerfileAst } from '../parse/dockerfile';
import { extractFlags, splitArguments } from '../parse/arguments';
import { buildScriptText, type ScriptText } from '../parse/script-text';
import { parseShell, type ShellScript } from '../parse/shell';
import { parseImageRef } from '../../containers/image-ref';
import type { CommentNode, DockerfileModel, InstructionNode, ShellKind, Stage, Token } from './types';
import { VariableScope, substitute } from './variables';

/** Build args BuildKit defines in the global scope without an ARG (usable in FROM). */
const AUTOMATIC_GLOBAL_ARGS = ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT'];
const SHELL_INSTRUCTIONS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);

export function buildModel(text: string): DockerfileModel {
  const ast = parseDockerfileAst(text);
  const lines = new LineIndex(text);
  const offset = (position: AstRange['start']) => lines.offsetAt(position);
  const escapeChar = ast.getEscapeCharacter();

  const directives = ast.getDirectives().map((d) => ({
    name: d.getName().toLowerCase(),
    value: d.getValue(),
    start: offset(d.getRange().start),
    end: offset(d.getRange().end),
  }));
  const comments: CommentNode[] = ast.getComments().map((c) => {
    const r = c.getRange();
    return { text: c.getContent(), start: offset(r.start), end: offset(r.end), line: r.start.line };
  });

  const model: DockerfileModel = {
    text,
    lines,
    escapeChar,
    directives,
    instructions: [],
    globalArgs: [],
    globalVariables: new VariableScope(),
    stages: [],
    comments,
    stageByName: new Map(),
  };
  for (const name of AUTOMATIC_GLOBAL_ARGS) model.globalVariables.define(name, undefined, -1);

  const pragmaShell = shellFromPragma(comments);
  let stage: Stage | undefined;
  let shellKind: ShellKind = pragmaShell ?? 'posix';
  let lastShellStmt: ShellKind | undefined;

  ast.getInstructions().forEach((instruction, index) => {
    const node = toNode(instruction, index, lines, shellKind, escapeChar);
    model.instructions.push(node);
    if (node.keyword === 'FROM') {
      stage = startStage(model, node, index);
      shellKind = pragmaShell ?? stage.baseStage?.instructions.at(-1)?.shellKind ?? defaultShellFor(stage, escapeChar);
      node.shellKind = shellKind;
      lastShellStmt = undefined;
      return;
    }
    if (!stage && node.keyword === 'ARG') {
      defineArgs(node, model.globalVariables, undefined, index);
      model.globalArgs.push(node);
      return;
    }
    // A fragment (a snippet, a file being written) has instructions before any FROM: they form an
    // implicit stage, so every check still reads them; first-instruction-from reports the missing FROM.
    if (!stage) {
      stage = startImplicitStage(model, node);
      shellKind = pragmaShell ?? 'posix';
      node.shellKind = shellKind;
    }
    node.stage = stage;
    stage.instructions.push(node);
    if (node.keyword === 'SHELL') {
      lastShellStmt = shellKindOf(node.execForm?.[0]?.value);
      shellKind = pragmaShell ?? lastShellStmt;
      node.shellKind = shellKind;
    }
    if (node.keyword === 'ARG') defineArgs(node, stage.variables, model.globalVariables, index);
    if (node.keyword === 'ENV') defineEnv(node, stage.variables, index);
    markStageReferences(model, node);
    if (node.onbuild) node.onbuild.stage = stage;
    if (SHELL_INSTRUCTIONS.has(node.keyword) && shellKind === 'posix') node.shell = parseBody(node, text, escapeChar);
    // ONBUILD RUN runs in images built from this one: its commands get the same checks.
    const trigger = node.onbuild;
    if (trigger && SHELL_INSTRUCTIONS.has(trigger.keyword) && shellKind === 'posix') trigger.shell = parseBody(trigger, text, escapeChar);
  });
  if (model.stages.length) model.stages[model.stages.length - 1].isFinal = true;
  void lastShellStmt;
  return model;
}

const FLAGGED = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']);

function toNode(instruction: Instruction, index: number, lines: LineIndex, shellKind: ShellKind, escapeChar: string): InstructionNode {
  const offset = (p: AstRange['start']) => lines.offsetAt(p);
  const text = lines.text;
  const range = instruction.getRange();
  const keywordRange = instruction.getInstructionRange();
  const [start, end, keywordEnd] = [offset(range.start), offset(range.end), offset(keywordRange.end)];
  const keyword = instruction.getKeyword().toUpperCase();
  const split = splitArguments(text, keywordEnd, end, escapeChar);
  const { flags, rest: args } = FLAGGED.has(keyword) ? extractFlags(keyword, split, text) : { flags: [], rest: split };
  const node: InstructionNode = {
    index,
    keyword,
    keywordToken: { value: instruction.getInstruction(), start: offset(keywordRange.start), end: keywordEnd },
    start,
    end,
    args,
    flags,
    heredocs: [],
    shellKind,
    ast: instruction,
  };
  if (args.length) node.argumentText = { value: text.slice(args[0].start, end), start: args[0].start, end };
  const json = instruction as Instruction & {
    getOpeningBracket?: () => Argument | null;
    getClosingBracket?: () => Argument | null;
    getJSONStrings?: () => (Argument & { getJSONValue(): string })[];
  };
  // dockerfile-ast works the JSON form out while parsing; these accessors only read it.
  if (json.getOpeningBracket?.() && json.getClosingBracket?.()) {
    // Decode the JSON string ourselves: dockerfile-ast's getJSONValue drops the spaces inside strings.
    node.execForm = (json.getJSONStrings?.() ?? []).map((s) => {
      const raw = token('', s.getRange(), lines);
      return { ...raw, value: decodeJsonString(text.slice(raw.start, raw.end)) ?? s.getJSONValue() };
    });
  }
  // Heredocs need `<<`; asking dockerfile-ast only then spares it a re-split of every instruction.
  const withHeredocs = instruction as Instruction & { getHeredocs?: () => import('dockerfile-ast').Heredoc[] };
  if (withHeredocs.getHeredocs && hasHeredocMarker(text, keywordEnd, end)) {
    node.heredocs = withHeredocs.getHeredocs().map((h) => {
      const content = h.getContentRange();
      return { name: h.getName(), content: content ? token(text.slice(offset(content.start), offset(content.end)), content, lines) : undefined };
    });
  }
  const trigger = (instruction as Instruction & { getTriggerInstruction?: () => Instruction | null }).getTriggerInstruction?.();
  if (trigger) {
    node.onbuild = toNode(trigger, index, lines, shellKind, escapeChar);
    node.onbuild.isTrigger = true;
  }
  return node;
}

/** Whether `<<` occurs between `from` and `to` (scans only the instruction, never the rest of the file). */
function hasHeredocMarker(text: string, from: number, to: number): boolean {
  for (let i = from; i < to - 1; i++) if (text.charCodeAt(i) === 60 && text.charCodeAt(i + 1) === 60) return true;
  return false;
}

function decodeJsonString(source: string): string | undefined {
  try {
    const value: unknown = JSON.parse(source);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

function token(value: string, range: AstRange, lines: LineIndex): Token {
  return { value, start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) };
}

function startStage(model: DockerfileModel, from: InstructionNode, index: number): Stage {
  const image = from.args[0];
  const hasName = from.args.length >= 3 && from.args[1].value.toUpperCase() === 'AS';
  const name = hasName ? { ...from.args[2], value: from.args[2].value.toLowerCase() } : undefined;
  const resolvedImage = image
    ? substitute(image.value, (n) => model.globalVariables.lookup(n, index).value, model.escapeChar).value
    : undefined;
  const baseStage = resolvedImage !== undefined ? model.stageByName.get(resolvedImage.toLowerCase()) : undefined;
  if (baseStage) baseStage.usedByLaterStage = true;
  const stage: Stage = {
    index: model.stages.length,
    name,
    from,
    image,
    resolvedImage,
    imageRef: resolvedImage !== undefined && !baseStage ? parseImageRef(resolvedImage) : undefined,
    baseStage,
    instructions: [],
    variables: new VariableScope(baseStage?.variables.snapshot()),
    isFinal: false,
    usedByLaterStage: false,
  };
  from.stage = stage;
  model.stages.push(stage);
  if (name && !model.stageByName.has(name.value)) model.stageByName.set(name.value, stage);
  model.stageByName.set(String(stage.index), stage);
  return stage;
}

function startImplicitStage(model: DockerfileModel, first: InstructionNode): Stage {
  const stage: Stage = {
    index: model.stages.length,
    from: first,
    implicit: true,
    instructions: [],
    variables: new VariableScope(model.globalVariables.snapshot()),
    isFinal: false,
    usedByLaterStage: false,
  };
  model.stages.push(stage);
  model.stageByName.set(String(stage.index), stage);
  return stage;
}

/** `COPY --from=x` and `RUN --mount=from=x` make stage x a dependency of a later stage. */
function markStageReferences(model: DockerfileModel, node: InstructionNode): void {
  for (const flag of node.flags) {
    let reference: string | undefined;
    if (flag.name === 'from' && (node.keyword === 'COPY' || node.keyword === 'ADD')) reference = flag.value;
    if (flag.name === 'mount' && flag.value) reference = /(?:^|,)from=([^,]+)/.exec(flag.value)?.[1];
    const stage = reference !== undefined ? model.stageByName.get(reference.toLowerCase()) : undefined;
    if (stage && stage !== node.stage) stage.usedByLaterStage = true;
  }
}

function defineArgs(node: InstructionNode, scope: VariableScope, globals: VariableScope | undefined, index: number): void {
  for (const arg of node.args) {
    const eq = arg.value.indexOf('=');
    const name = eq === -1 ? arg.value : arg.value.slice(0, eq);
    let value = eq === -1 ? undefined : unquote(arg.value.slice(eq + 1));
    // `ARG NAME` inside a stage takes the global default, as BuildKit does.
    if (value === undefined && globals) value = globals.lookup(name, Number.MAX_SAFE_INTEGER).value;
    if (value !== undefined) value = substitute(value, (n) => scope.lookup(n, index).value).value ?? value;
    scope.define(name, value, index);
  }
}

function defineEnv(node: InstructionNode, scope: VariableScope, index: number): void {
  const properties = (node.ast as Instruction & { getProperties?: () => import('dockerfile-ast').Property[] }).getProperties?.() ?? [];
  for (const property of properties) {
    const raw = property.getValue();
    const value = raw === null ? '' : substitute(unquote(raw), (n) => scope.lookup(n, index).value).value;
    scope.define(property.getName(), value, index);
  }
}

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) return value.slice(1, -1);
  return value;
}

function shellKindOf(executable: string | undefined): ShellKind {
  if (!executable) return 'posix';
  const base = executable.replace(/\\/g, '/').split('/').pop()!.toLowerCase().replace(/\.exe$/, '');
  if (base === 'powershell' || base === 'pwsh') return 'powershell';
  if (base === 'cmd') return 'cmd';
  return POSIX_SHELLS.has(base) ? 'posix' : 'other';
}

/** Windows base images run RUN with cmd unless a SHELL says otherwise. */
function defaultShellFor(stage: Stage, escapeChar: string): ShellKind {
  const image = stage.resolvedImage?.toLowerCase() ?? '';
  if (/(^|[/:-])(windows|nanoserver|servercore|windowsservercore)/.test(image)) return 'cmd';
  return escapeChar === '`' && image.includes('windows') ? 'powershell' : 'posix';
}

/** hadolint's `# hadolint shell=powershell` pragma sets the shell for the whole file. */
function shellFromPragma(comments: CommentNode[]): ShellKind | undefined {
  for (const c of comments) {
    const match = /^\s*hadolint\s+shell\s*=\s*(\S+)/i.exec(c.text);
    if (match) return shellKindOf(match[1]);
  }
  return undefined;
}

function parseBody(node: InstructionNode, text: string, escapeChar: string): ShellScript | undefined {
  if (node.execForm) return parseExecShell(node, text);
  let start = node.argumentText?.start;
  if (node.keyword === 'HEALTHCHECK') {
    const cmd = node.args.findIndex((a) => a.value.toUpperCase() === 'CMD');
    start = cmd === -1 || cmd + 1 >= node.args.length ? undefined : node.args[cmd + 1].start;
    if (cmd !== -1 && node.args[cmd + 1]?.value.startsWith('[')) return undefined;
  }
  if (start === undefined) return undefined;
  const [from, end, hasHeredoc] = [start, node.end, node.heredocs.length > 0];
  // Keyed by place and source: an instruction unchanged since the last lint is not even re-mapped.
  const parsed = parseShell(() => buildScriptText(text, from, end, escapeChar, hasHeredoc), `${escapeChar}${hasHeredoc}${from}:${text.slice(from, end)}`);
  const body = heredocScript(node, parsed, text);
  return body ?? parsed;
}

/**
 * `RUN <<EOF` (no command) and `RUN <<EOF bash` run the heredoc's body as the script. A body with a
 * shebang for another interpreter (python, node) is not shell and is left alone.
 */
function heredocScript(node: InstructionNode, parsed: ShellScript, text: string): ShellScript | undefined {
  const content = node.heredocs[0]?.content;
  if (!content || node.keyword !== 'RUN') return undefined;
  const first = parsed.commands[0];
  const command = first?.name?.value;
  if (parsed.commands.length > 1 || (command !== undefined && !POSIX_SHELLS.has(command))) return undefined;
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(content.value);
  if (shebang) {
    const interpreter = shebang[1].endsWith('/env') ? shebang[2] : shebang[1].split('/').pop();
    if (!interpreter || !POSIX_SHELLS.has(interpreter)) return { commands: [], statementCount: 0, backgroundStatements: [] };
  }
  const script: ScriptText = buildScriptText(text, content.start, content.end, '\\', true);
  return parseShell(script);
}

/** `CMD ["sh", "-c", "a && b"]`: analyse the script when its JSON string has no escapes (offsets map 1:1). */
function parseExecShell(node: InstructionNode, text: string): ShellScript | undefined {
  const exec = node.execForm!;
  if (exec.length < 3) return undefined;
  const shell = exec[0].value.split('/').pop()!;
  const flag = exec[1].value;
  if (!POSIX_SHELLS.has(shell) || !/^-[a-z]*c$/.test(flag)) return undefined;
  const script = exec[2];
  const raw = text.slice(script.start + 1, script.end - 1);
  if (raw !== script.value) return undefined;
  return parseShell(buildScriptText(text, script.start + 1, script.end - 1, '\\', true));
}
