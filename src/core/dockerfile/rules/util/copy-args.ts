/** Sources and destination of COPY/ADD, in shell or JSON form; heredoc COPYs have no file sources. */
import type { InstructionNode, Token } from '../../model/types';

export interface CopyArgs {
  sources: Token[];
  destination: Token;
}

export function copyArgs(instruction: InstructionNode): CopyArgs | undefined {
  if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return undefined;
  if (instruction.heredocs.length) return undefined;
  const args = instruction.execForm ?? instruction.args;
  if (args.length < 2) return undefined;
  return { sources: args.slice(0, -1), destination: args[args.length - 1] };
}

export function isUrl(value: string): boolean {
  return /^(https?|ftp):\/\//i.test(value);
}

export function isGitSource(value: string): boolean {
  return /^git@/.test(value) || /^git:\/\//.test(value) || /\.git(#.*)?$/.test(value) || /^https?:\/\/[^#]+\.git(#|$)/.test(value);
}

/** Archives ADD extracts (a reason to use ADD for a local file). */
export function isLocalArchive(value: string): boolean {
  return /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tar\.lz|tar\.lzma|gz|bz2|xz)$/i.test(value);
}
