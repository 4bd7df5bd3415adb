/**
 * What a stage's container runs: its effective CMD and ENTRYPOINT (the last of each, inherited from the
 * stage it builds on). How commands are classified lives in src/core/containers/processes.ts.
 */
import type { InstructionNode, Stage } from '../../model/types';

export function lastInstruction(stage: Stage, keyword: string): InstructionNode | undefined {
  for (let s: Stage | undefined = stage; s; s = s.baseStage) {
    for (let i = s.instructions.length - 1; i >= 0; i--) if (s.instructions[i].keyword === keyword) return s.instructions[i];
  }
  return undefined;
}

/** The CMD and ENTRYPOINT instructions that decide what the stage's container runs. */
export function runtimeInstructions(stage: Stage): InstructionNode[] {
  return [lastInstruction(stage, 'ENTRYPOINT'), lastInstruction(stage, 'CMD')].filter((i): i is InstructionNode => !!i);
}
