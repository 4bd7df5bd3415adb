/**
 * Inline suppressions, in our syntax and in the syntaxes users already have in their files:
 *
 * | form                                         | scope                         |
 * |----------------------------------------------|-------------------------------|
 * | `# shipshape ignore=ID[,ID]`                 | the next instruction          |
 * | `# shipshape stage ignore=ID`                | the stage the comment is in (or the FROM below it) |
 * | `# shipshape global ignore=ID`               | the whole file                |
 * | `# hadolint ignore=`, `stage ignore=`, `global ignore=` | the same scopes      |
 * | `# check=skip=Rule1,Rule2` or `=all` (BuildKit directive) | the whole file       |
 * | `# dockerfile-utils: ignore`                 | every finding of the next instruction |
 *
 * An ID matches a rule's id or any of its aliases (DL3008, JSONArgsRecommended), case-insensitively;
 * `all` matches everything. Comments between the pragma and its instruction are allowed.
 */
import type { DockerfileModel, InstructionNode } from '../model/types';

type Scope = 'next' | 'stage' | 'file';

interface Pragma {
  scope: Scope;
  ids: Set<string>;
  line: number;
}

/** hadolint allows a comment after the ids: `# hadolint ignore=DL3002 # why`. */
const PRAGMA = /^\s*(shipshape|hadolint)\s+(?:(stage|global)\s+)?ignore\s*=\s*([A-Za-z0-9_,\s-]+?)\s*(?:#.*)?$/i;
const DOCKERFILE_UTILS = /^\s*dockerfile-utils\s*:\s*ignore\s*$/i;

export class Suppressions {
  private readonly file = new Set<string>();
  private readonly byInstruction = new Map<number, Set<string>>();
  private readonly byStage = new Map<number, Set<string>>();

  constructor(private readonly model: DockerfileModel) {
    const pragmas = collectPragmas(model);
    const instructionStartLines = model.instructions.map((i) => model.lines.positionAt(i.start).line);
    for (const pragma of pragmas) {
      if (pragma.scope === 'file') {
        pragma.ids.forEach((id) => this.file.add(id));
        continue;
      }
      const next = firstAfter(instructionStartLines, pragma.line);
      const target = next === -1 ? undefined : model.instructions[next];
      if (pragma.scope === 'next') {
        if (target) addAll(this.byInstruction, target.index, pragma.ids);
        continue;
      }
      // stage scope: the stage the comment sits in, or the one whose FROM follows it.
      const stage = target?.keyword === 'FROM' ? target.stage : target?.stage ?? model.stages.at(-1);
      if (stage) addAll(this.byStage, stage.index, pragma.ids);
    }
    for (const directive of model.directives) {
      if (directive.name !== 'check') continue;
      const skip = /(?:^|;)\s*skip\s*=\s*([^;]*)/i.exec(directive.value);
      if (skip) for (const id of skip[1].split(',')) if (id.trim()) this.file.add(id.trim().toLowerCase());
    }
  }

  isSuppressed(ruleIds: readonly string[], instruction: InstructionNode | undefined): boolean {
    const ids = ruleIds.map((r) => r.toLowerCase());
    const matches = (set: Set<string> | undefined) => !!set && (set.has('all') || ids.some((id) => set.has(id)));
    if (matches(this.file)) return true;
    if (!instruction) return false;
    if (matches(this.byInstruction.get(instruction.index))) return true;
    return instruction.stage !== undefined && matches(this.byStage.get(instruction.stage.index));
  }
}

function collectPragmas(model: DockerfileModel): Pragma[] {
  const pragmas: Pragma[] = [];
  // dockerfile-ast reads `# key=value` lines at the top as parser directives, so a pragma on the
  // first lines arrives as a directive, not a comment: read those lines too.
  const directiveComments = model.directives.map((d) => {
    const line = model.lines.positionAt(d.start).line;
    return { text: model.lines.lineText(line).replace(/^\s*#/, ''), line };
  });
  for (const comment of [...directiveComments, ...model.comments]) {
    const match = PRAGMA.exec(comment.text);
    if (match) {
      const scope: Scope = !match[2] ? 'next' : match[2].toLowerCase() === 'stage' ? 'stage' : 'file';
      const ids = new Set(match[3].split(/[\s,]+/).filter(Boolean).map((s) => s.toLowerCase()));
      pragmas.push({ scope, ids, line: comment.line });
    } else if (DOCKERFILE_UTILS.test(comment.text)) {
      pragmas.push({ scope: 'next', ids: new Set(['all']), line: comment.line });
    }
  }
  return pragmas;
}

/** Index of the first instruction starting after `line` (binary search; lines are ascending). */
function firstAfter(lines: number[], line: number): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lines[mid] <= line) low = mid + 1;
    else high = mid;
  }
  return low < lines.length ? low : -1;
}

function addAll(map: Map<number, Set<string>>, key: number, ids: Set<string>): void {
  const set = map.get(key) ?? new Set<string>();
  ids.forEach((id) => set.add(id));
  map.set(key, set);
}
