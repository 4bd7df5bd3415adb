/**
 * Shell analysis of RUN, CMD, ENTRYPOINT and HEALTHCHECK bodies: the script Docker hands to the shell
 * is parsed (src/core/shell) and its offsets mapped back to the document, so findings land on the
 * exact token. Results are cached by script text: re-linting after a keystroke re-parses only the
 * instruction that changed.
 */
import { parseShellScript, type ShellScript, type ShellWord } from '../../shell';
import type { ScriptText } from './script-text';

export type { ShellCommand, ShellOperator, ShellRedirect, ShellScript, ShellWord } from '../../shell';

const cache = new Map<string, ShellScript>();
/** Results already mapped to document offsets, by where and what the script is in the document. */
const mappedCache = new Map<string, ShellScript>();
const CACHE_LIMIT = 2000;
/** Bodies beyond this size are not analysed: shell analysis must stay bounded on pathological input. */
export const MAX_SCRIPT_LENGTH = 200_000;

/** Forgets cached parses (benchmarks measure cold runs with it). */
export function clearShellCache(): void {
  cache.clear();
  mappedCache.clear();
}

/**
 * Parses `script`; offsets in the result are document offsets (through `script.toDocument`).
 * `documentKey` identifies the script's place and text in the document (e.g. its start offset and raw
 * source): an unchanged instruction at an unchanged place then costs a lookup, not a re-mapping.
 */
export function parseShell(script: ScriptText | (() => ScriptText), documentKey?: string): ShellScript {
  if (documentKey !== undefined) {
    const cached = mappedCache.get(documentKey);
    if (cached) return cached;
  }
  const mapped = mapToDocument(typeof script === 'function' ? script() : script);
  if (documentKey === undefined) return mapped;
  if (mappedCache.size >= CACHE_LIMIT) mappedCache.delete(mappedCache.keys().next().value as string);
  mappedCache.set(documentKey, mapped);
  return mapped;
}

function mapToDocument(script: ScriptText): ShellScript {
  const relative = parseRelative(script.text);
  if (relative.commands.length === 0 && !relative.error) return relative;
  const map = script.toDocument;
  const mapWord = (w: ShellWord): ShellWord => ({ ...w, start: map(w.start), end: map(w.end) });
  return {
    statementCount: relative.statementCount,
    backgroundStatements: relative.backgroundStatements,
    error: relative.error && { ...relative.error, start: map(relative.error.start), end: map(relative.error.end) },
    commands: relative.commands.map((c) => ({
      ...c,
      name: c.name && mapWord(c.name),
      args: c.args.map(mapWord),
      assignments: c.assignments.map((a) => ({ ...a, start: map(a.start), end: map(a.end) })),
      redirects: c.redirects.map((r) => ({ op: r.op, target: r.target && mapWord(r.target) })),
      start: map(c.start),
      end: map(c.end),
    })),
  };
}

function parseRelative(text: string): ShellScript {
  const cached = cache.get(text);
  if (cached) return cached;
  const result = text.length > MAX_SCRIPT_LENGTH ? { commands: [], statementCount: 0, backgroundStatements: [] } : parseShellScript(text);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(text, result);
  return result;
}
