/** The flattened view of a shell script that Dockerfile rules read: simple commands with word offsets. */

export type ShellOperator = '&&' | '||' | '|' | '|&' | ';';

export interface ShellWord {
  /** The word as the shell would see it when it has no expansion: quotes removed, escapes resolved. */
  value: string;
  /** False when the word contains a parameter expansion, command substitution or arithmetic. */
  literal: boolean;
  start: number;
  end: number;
}

export interface ShellRedirect {
  op: string;
  target?: ShellWord;
}

export interface ShellAssignment {
  name: string;
  value: string;
  start: number;
  end: number;
}

export interface ShellCommand {
  /** The command name; absent for pure assignments (`A=1`) and redirect-only statements. */
  name?: ShellWord;
  args: ShellWord[];
  /** `NAME=value` prefixes (or the names set by `export`/`declare`/`local`/`readonly`). */
  assignments: ShellAssignment[];
  redirects: ShellRedirect[];
  start: number;
  end: number;
  /** Index of the top-level statement (separated by `;`, `&` or newlines) this command is part of. */
  statementIndex: number;
  /** The operator joining this command to the previous one inside its statement. */
  precededBy?: ShellOperator;
  /** The enclosing statement runs in the background (`&`). */
  background: boolean;
  /** 0 at top level (including `&&`/`||` chains and pipelines); more inside subshells, blocks, loops, `$(...)`. */
  depth: number;
  /** Inside an `if`/`while` condition or body, a `case` branch, a function, or on the right of `||`: it may not run. */
  conditional: boolean;
}

export interface ShellScript {
  commands: ShellCommand[];
  /** Number of top-level statements. */
  statementCount: number;
  /** Top-level statements that end with `&`. */
  backgroundStatements: number[];
  error?: { message: string; start: number; end: number };
}
