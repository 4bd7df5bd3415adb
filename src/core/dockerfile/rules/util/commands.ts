/**
 * Helpers over parsed shell commands shared by many rules: the command actually run behind wrappers
 * (`sudo`, `env X=1`, `exec`, `nice`), options vs operands, and every RUN command of a stage.
 */
import type { ShellCommand, ShellWord } from '../../parse/shell';
import type { InstructionNode, Stage } from '../../model/types';
import { basename, unwrap } from '../../../containers/processes';

export interface RunCommand {
  instruction: InstructionNode;
  command: ShellCommand;
  /** The program run after unwrapping `sudo`/`env`/`exec`/...: its name and arguments. */
  name: string;
  nameWord: ShellWord;
  args: ShellWord[];
}

/** Every command of the RUN instructions of `stage` (or of all stages), unwrapped, in order. */
export function runCommands(instructions: readonly InstructionNode[]): RunCommand[] {
  const result: RunCommand[] = [];
  for (const instruction of runInstructions(instructions)) {
    if (!instruction.shell) continue;
    for (const command of instruction.shell.commands) {
      const unwrapped = unwrap(command);
      if (!unwrapped) continue;
      result.push({ instruction, command, name: basename(unwrapped.nameWord.value), nameWord: unwrapped.nameWord, args: unwrapped.args });
    }
  }
  return result;
}

/** RUN instructions, including the RUN triggers of ONBUILD (they run in images built from this one). */
export function* runInstructions(instructions: readonly InstructionNode[]): Iterable<InstructionNode> {
  for (const instruction of instructions) {
    if (instruction.keyword === 'RUN') yield instruction;
    else if (instruction.onbuild?.keyword === 'RUN') yield instruction.onbuild;
  }
}

export function stageRunCommands(stage: Stage): RunCommand[] {
  return runCommands(stage.instructions);
}

/** Arguments that are not options (do not start with `-`). */
export function operands(args: readonly ShellWord[]): ShellWord[] {
  return args.filter((a) => !a.value.startsWith('-'));
}

/** True if any argument is one of the flags (exact, or `--flag=value` for long flags, or inside a short-flag cluster). */
export function hasFlag(args: readonly ShellWord[], ...flags: string[]): boolean {
  return args.some((a) =>
    flags.some((f) => {
      if (a.value === f) return true;
      if (f.startsWith('--')) return a.value.startsWith(f + '=');
      // `-y` matches `-qy`; long options never match clusters.
      return f.length === 2 && /^-[A-Za-z]+$/.test(a.value) && a.value.includes(f[1]);
    }),
  );
}

/** The first operand (the subcommand of `apt-get install`, `npm ci`, ...), skipping options and their values where known. */
export function subcommand(args: readonly ShellWord[], optionsWithValue: readonly string[] = []): ShellWord | undefined {
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value.startsWith('-')) {
      if (optionsWithValue.includes(value)) i++;
      continue;
    }
    return args[i];
  }
  return undefined;
}

/**
 * The value of environment variable `name` as `run` sees it: its own prefix (`X=1 cmd`), an earlier
 * `export X=1` of the same RUN at top level, then ENV/ARG of the stage. `undefined`
 * when unset. Variables exported in a subshell, a condition or a loop may not reach the command.
 */
export function environmentValue(run: RunCommand, name: string): string | undefined {
  const own = run.command.assignments.find((a) => a.name === name);
  if (own) return own.value;
  let exported: string | undefined;
  for (const command of run.instruction.shell?.commands ?? []) {
    if (command.start >= run.command.start) break;
    if (command.depth > 0 || command.conditional || command.name?.value !== 'export') continue;
    const assignment = command.assignments.find((a) => a.name === name);
    if (assignment) exported = assignment.value;
  }
  if (exported !== undefined) return exported;
  const variable = run.instruction.stage?.variables.lookup(name, run.instruction.index);
  return variable?.defined ? (variable.value ?? '') : undefined;
}

