/** The `name=value` pairs of ENV, ARG and LABEL instructions with the offsets of name and value. */
import type { Instruction, Property } from 'dockerfile-ast';
import type { DockerfileModel, InstructionNode, Token } from '../../model/types';

export interface PropertyToken {
  instruction: InstructionNode;
  name: Token;
  /** Absent for `ARG NAME` without a default. */
  value?: Token;
  /** True for the legacy `ENV key value` form (no `=`). */
  legacy: boolean;
}

export function properties(model: DockerfileModel, ...keywords: string[]): PropertyToken[] {
  const result: PropertyToken[] = [];
  for (const instruction of model.instructions) {
    if (!keywords.includes(instruction.keyword)) continue;
    const list = (instruction.ast as Instruction & { getProperties?: () => Property[] }).getProperties?.() ?? [];
    for (const property of list) {
      const nameRange = property.getNameRange();
      const valueRange = property.getValueRange();
      const nameStart = model.lines.offsetAt(nameRange.start);
      const name: Token = { value: property.getName(), start: nameStart, end: model.lines.offsetAt(nameRange.end) };
      const raw = property.getValue();
      const value: Token | undefined =
        valueRange && raw !== null ? { value: property.getUnescapedValue() ?? raw, start: model.lines.offsetAt(valueRange.start), end: model.lines.offsetAt(valueRange.end) } : undefined;
      result.push({ instruction, name, value, legacy: property.getAssignmentOperator() === null && raw !== null });
    }
  }
  return result;
}
