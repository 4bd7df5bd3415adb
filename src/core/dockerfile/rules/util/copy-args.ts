/** Sources and destination of COPY/ADD, in shell or JSON form; heredoc COPYs have no file sources. */
import type { DockerfileModel, InstructionNode, Token } from '../../model/types';
import { dockerWord } from '../../parse/arguments';

/** A path argument: `value` is the path Docker uses (quotes removed, JSON decoded), `raw` the source text. */
export interface PathToken extends Token {
  raw: string;
}

export interface CopyArgs {
  sources: PathToken[];
  destination: PathToken;
}

const cache = new WeakMap<InstructionNode, CopyArgs | null>();

/** Computed once per instruction: eight rules read the same arguments. */
export function copyArgs(instruction: InstructionNode, model: Pick<DockerfileModel, 'text' | 'escapeChar'>): CopyArgs | undefined {
  if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return undefined;
  let found = cache.get(instruction);
  if (found === undefined) {
    found = readCopyArgs(instruction, model.text, model.escapeChar) ?? null;
    cache.set(instruction, found);
  }
  return found ?? undefined;
}

function readCopyArgs(instruction: InstructionNode, text: string, escapeChar: string): CopyArgs | undefined {
  if (instruction.heredocs.length) return undefined;
  // Shell form: BuildKit splits on whitespace first, then each word goes through quote removal.
  const args: PathToken[] = instruction.execForm
    ? instruction.execForm.map((t) => ({ ...t, raw: text.slice(t.start, t.end) }))
    : instruction.args.map((t) => {
        const raw = text.slice(t.start, t.end);
        return { ...t, raw, value: dockerWord(raw, escapeChar) };
      });
  if (args.length < 2) return undefined;
  return { sources: args.slice(0, -1), destination: args[args.length - 1] };
}

/** An absolute path: `/x`, `\\x`, a Windows drive (`C:\`, `c:/`, also as written before escapes are read), or a variable. */
export function isAbsolutePath(path: PathToken | { value: string; raw?: string }): boolean {
  const absolute = (p: string) => /^([/\\$~]|[A-Za-z]:[\\/])/.test(p);
  return absolute(path.value) || (path.raw !== undefined && absolute(path.raw.replace(/^["']/, '')));
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
