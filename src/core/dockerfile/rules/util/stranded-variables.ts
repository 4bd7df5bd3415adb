/**
 * Variables a RUN uses that are set only elsewhere: by ARG or ENV of another stage, or by an ARG before
 * the first FROM that the stage does not declare again. Docker expands them to nothing there, so
 * `dnf install git-core-${version}` installs `git-core-` (the classic multistage mistake).
 */
import type { ShellWord } from '../../parse/shell';
import type { DockerfileModel, InstructionNode } from '../../model/types';
import { properties } from './env-properties';
import { isUnpinnable } from './package-managers';

export interface StrandedVariable {
  name: string;
  /** The ARG/ENV instruction that sets it elsewhere. */
  setBy: InstructionNode;
}

export interface StrandedExpansion {
  /** The word as the command receives it, the stranded variables expanded to nothing. */
  value: string;
  variables: StrandedVariable[];
}

const REFERENCE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * The expansion of `word` when every variable in it is stranded; `undefined` when it has none, another
 * kind of expansion (`$(...)`, `${x:-y}`), or a variable that may be set (this stage, the shell).
 */
export function strandedExpansion(word: ShellWord, instruction: InstructionNode, model: DockerfileModel): StrandedExpansion | undefined {
  if (word.literal) return undefined;
  const rest = word.value.replace(REFERENCE, '');
  if (rest.includes('$') || rest.includes('`')) return undefined;
  const variables: StrandedVariable[] = [];
  for (const match of word.value.matchAll(REFERENCE)) {
    const name = match[1] ?? match[2];
    const setBy = strandedAt(name, instruction, model);
    if (!setBy) return undefined;
    variables.push({ name, setBy });
  }
  return variables.length ? { value: rest, variables } : undefined;
}

function strandedAt(name: string, instruction: InstructionNode, model: DockerfileModel): InstructionNode | undefined {
  const stage = instruction.stage;
  if (!stage || stage.implicit || stage.variables.lookup(name, instruction.index).defined) return undefined;
  // Set by the shell of this RUN (`v=1 && ...`, `export v=1`, `for v in`, `read v`): not stranded.
  const script = model.text.slice(instruction.start, instruction.end);
  if (new RegExp(`(^|[^A-Za-z0-9_])${name}=|\\b(for|read|select)\\b[^;&|\\n]*\\b${name}\\b`).test(script)) return undefined;
  return settersOf(model).get(name)?.find((setter) => setter.stage !== stage);
}

/** The ARG/ENV instructions setting each name, computed once per model. */
function settersOf(model: DockerfileModel): Map<string, InstructionNode[]> {
  let found = cache.get(model);
  if (!found) {
    found = new Map();
    for (const p of properties(model, 'ARG', 'ENV')) {
      const list = found.get(p.name.value);
      if (list) list.push(p.instruction);
      else found.set(p.name.value, [p.instruction]);
    }
    cache.set(model, found);
  }
  return found;
}
const cache = new WeakMap<DockerfileModel, Map<string, InstructionNode[]>>();

/** "`$version` is set only in another stage (line 2)": for the messages of the rules that use this. */
export function describeStranded(expansion: StrandedExpansion, model: DockerfileModel): string {
  const names = expansion.variables.map((v) => {
    const line = model.lines.positionAt(v.setBy.start).line + 1;
    const where = v.setBy.stage ? 'in another stage' : 'before FROM';
    return `\`$${v.name}\` is set only ${where} (line ${line})`;
  });
  return names.join(', ');
}

/**
 * The package word a pinning rule checks: its literal value, or (for a word whose variables are all
 * stranded) its value as the command receives it. `undefined` when it cannot be pinned by a suffix
 * (`isUnpinnable`: a variable that may be set, a path, a URL).
 */
export function pinnableWord(word: ShellWord, instruction: InstructionNode, model: DockerfileModel): { value: string; stranded?: StrandedExpansion } | undefined {
  if (!isUnpinnable(word)) return { value: word.value };
  const stranded = strandedExpansion(word, instruction, model);
  if (!stranded || stranded.value === '' || isUnpinnable({ ...word, value: stranded.value, literal: true })) return undefined;
  // Whatever the rest reads, the version the author meant is missing.
  return { value: stranded.value, stranded };
}

/**
 * The message of a pinning rule for a stranded package word, reported whatever the pin check says:
 * `curl=${V}` reads `curl=` here, which no repository has.
 */
export function strandedPinMessage(stranded: StrandedExpansion, model: DockerfileModel): string {
  return `${describeStranded(stranded, model)}, so here the package reads \`${stranded.value}\`, without its version; declare it again in this stage.`;
}
