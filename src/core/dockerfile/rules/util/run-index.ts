/**
 * `runCommands` computed once per instruction (and once per instruction list) for a lint: dozens of
 * rules walk the same RUN commands, and unwrapping them again in every rule is most of their cost.
 */
import type { InstructionNode } from '../../model/types';
import { runCommands, type RunCommand } from './commands';

const byInstruction = new WeakMap<InstructionNode, RunCommand[]>();
const byList = new WeakMap<readonly InstructionNode[], RunCommand[]>();

/** Same result as `runCommands(instructions)`, cached. The model is immutable once built. */
export function cachedRunCommands(instructions: readonly InstructionNode[]): RunCommand[] {
  if (instructions.length === 1) return commandsOf(instructions[0]);
  let list = byList.get(instructions);
  if (!list) {
    list = instructions.flatMap(commandsOf);
    byList.set(instructions, list);
  }
  return list;
}

function commandsOf(instruction: InstructionNode): RunCommand[] {
  let list = byInstruction.get(instruction);
  if (!list) {
    list = instruction.keyword === 'RUN' || instruction.onbuild?.keyword === 'RUN' ? runCommands([instruction]) : [];
    byInstruction.set(instruction, list);
  }
  return list;
}
