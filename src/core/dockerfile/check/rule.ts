/**
 * What a Dockerfile rule is: declarative metadata plus a `check` that reads the model and reports
 * findings by document offsets. Rules never see VS Code, files or configuration sources.
 */
import type { RuleMeta } from '../../rules/meta';
import type { CheckOptions } from '../../config/options';
import type { DockerfileModel, InstructionNode, Token } from '../model/types';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface OffsetFix {
  title: string;
  edits: OffsetEdit[];
  preferred?: boolean;
}

export interface Finding {
  start: number;
  end: number;
  message: string;
  fixes?: OffsetFix[];
  /**
   * The codes of other tools this finding stands for, when the rule covers several of them and only
   * some apply (yum's DL3030 vs dnf's DL3038); absent means all of the rule's aliases. Severity
   * overrides, `off` and ignore pragmas by code then reach only the findings that carry the code.
   */
  aliases?: readonly string[];
}

export interface RuleContext {
  readonly model: DockerfileModel;
  readonly options: CheckOptions;
  report(finding: Finding): void;
}

export interface DockerfileRule {
  readonly meta: RuleMeta & { domain: 'dockerfile' };
  check(context: RuleContext): void;
}

/** The offsets of a token, for `report({ ...at(token), message })`. */
export function at(token: { start: number; end: number }): { start: number; end: number } {
  return { start: token.start, end: token.end };
}

/** Instructions of every stage with the given keyword(s), in file order (ONBUILD triggers excluded). */
export function instructionsOf(model: DockerfileModel, ...keywords: string[]): InstructionNode[] {
  return model.instructions.filter((i) => keywords.includes(i.keyword));
}

export function flagOf(instruction: InstructionNode, name: string) {
  return instruction.flags.find((f) => f.name.toLowerCase() === name);
}

export function replace(token: Token | { start: number; end: number }, newText: string): OffsetEdit {
  return { start: token.start, end: token.end, newText };
}
