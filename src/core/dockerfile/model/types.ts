/**
 * The Dockerfile model every rule reads: instructions with exact token ranges, stages with their
 * base image and variable scope, and the shell commands inside RUN/CMD/ENTRYPOINT/HEALTHCHECK.
 * Built once per lint in a single pass (see build-model.ts).
 */
import type { Instruction } from 'dockerfile-ast';
import type { LineIndex } from '../../text/lines';
import type { ShellScript } from '../parse/shell';
import type { ImageRef } from '../../containers/image-ref';
import type { VariableScope } from './variables';

/** A piece of the document: text and offsets (`end` exclusive). */
export interface Token {
  value: string;
  start: number;
  end: number;
}

export interface FlagToken {
  name: string;
  /** `undefined` for a bare `--flag`. */
  value?: string;
  /** The whole `--name=value`. */
  start: number;
  end: number;
  nameStart: number;
  valueStart?: number;
}

export type ShellKind = 'posix' | 'powershell' | 'cmd' | 'other';

export interface InstructionNode {
  /** Position among all instructions of the file. */
  index: number;
  /** Upper-case keyword (`RUN`); for ONBUILD triggers the trigger's keyword with `onbuild` set. */
  keyword: string;
  /** The keyword as written (its case may differ). */
  keywordToken: Token;
  start: number;
  end: number;
  /** Arguments after the flags, split as Docker splits them (quotes kept for shell forms). */
  args: Token[];
  flags: FlagToken[];
  /** For CMD/ENTRYPOINT/RUN/SHELL/HEALTHCHECK in JSON (exec) form: the decoded strings. */
  execForm?: Token[];
  /** The text after keyword and flags, up to the end of the instruction. */
  argumentText?: Token;
  /** Shell commands of a shell-form RUN/CMD/ENTRYPOINT/HEALTHCHECK CMD under a POSIX shell. */
  shell?: ShellScript;
  /** Heredoc bodies (`RUN <<EOF`, `COPY <<EOF`), with name and content offsets. */
  heredocs: { name: string; content?: Token }[];
  /** The shell in effect (from SHELL instructions, a `# hadolint shell=` pragma, or the default). */
  shellKind: ShellKind;
  stage?: Stage;
  /** On an ONBUILD instruction: its trigger (the instruction it registers). */
  onbuild?: InstructionNode;
  /** Set on an ONBUILD's trigger: it runs in images built FROM this one, not in this build. */
  isTrigger?: boolean;
  ast: Instruction;
}

export interface Stage {
  index: number;
  /** `AS name`, lower-cased as Docker treats it. */
  name?: Token;
  /** The FROM; for an implicit stage, its first instruction. */
  from: InstructionNode;
  /**
   * Set on the stage a fragment's instructions before any FROM form (no image, no name): rules about
   * FROM itself skip it, the others check its instructions as those of any stage.
   */
  implicit?: boolean;
  /** The image argument as written, and after ARG substitution (`undefined` if it could not be resolved). */
  image?: Token;
  resolvedImage?: string;
  imageRef?: ImageRef;
  /** The earlier stage this one builds on, when FROM names a stage. */
  baseStage?: Stage;
  instructions: InstructionNode[];
  variables: VariableScope;
  isFinal: boolean;
  /** True when some later stage copies from this one or builds on it. */
  usedByLaterStage: boolean;
}

export interface CommentNode {
  text: string;
  /** Offsets of the whole comment including `#`. */
  start: number;
  end: number;
  line: number;
}

export interface DockerfileModel {
  text: string;
  lines: LineIndex;
  escapeChar: string;
  /** Parser directives at the top (`syntax`, `escape`, `check`), lower-cased names. */
  directives: { name: string; value: string; start: number; end: number }[];
  instructions: InstructionNode[];
  /** ARGs before the first FROM. */
  globalArgs: InstructionNode[];
  globalVariables: VariableScope;
  stages: Stage[];
  comments: CommentNode[];
  /** Lookup of stages by lower-cased name. */
  stageByName: Map<string, Stage>;
}
