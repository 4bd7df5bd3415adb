/**
 * The values the user gives on the command line, merged as Helm's valueOpts.MergeValues does
 * (pkg/cli/values/options.go): `-f` files in order (deep-merged), then the `--set` family grouped by
 * kind in a fixed order: --set-json, --set, --set-string, --set-file, --set-literal. Failures carry
 * Helm's wording (`failed to parse <file>: ...`, `failed parsing --set data: ...`).
 */
import { readFileSync, statSync } from 'node:fs';
import type { GoMap } from '../../gotemplate/values';
import { parseYamlValues } from '../goyaml';
import { resolve } from 'node:path';
import { ChartRenderError, yamlErrorLine } from '../errors';
import { parseSetInto, StrvalsError, type SetFlagMode } from '../strvals';
import { mergeMaps, type HelmCompat } from './coalesce';

export interface UserValueOptions {
  /** -f, in order (paths). */
  valuesFiles?: string[];
  set?: string[];
  setString?: string[];
  setJson?: string[];
  setFile?: string[];
  setLiteral?: string[];
}

/** Parses one `--set`-family flag value into `into` (mutated). Throws ChartRenderError with Helm's text. */
export function parseSetFlag(mode: SetFlagMode, expr: string, into: GoMap, readFile?: (path: string) => string, compat: HelmCompat = 4): void {
  try {
    parseSetInto(mode, expr, into, readFile ?? readUserFile, compat);
  } catch (e) {
    throw new ChartRenderError(`failed parsing --${mode} data: ${(e as Error).message}`);
  }
}

/** Go's text for a failed file read (os.PathError), so messages read like helm's. */
function goReadError(path: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return `read ${path}: is a directory`;
  const reason = code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
  return `open ${path}: ${reason}`;
}

/**
 * Beyond this a values file takes minutes to parse: refuse it (Helm reads any size). Files given to
 * --set-file are certificates and scripts, far smaller.
 */
export const MAX_USER_FILE_BYTES = 24 * 1024 * 1024;

/**
 * Reads a -f or --set-file path. Only regular files: `/dev/zero`, a FIFO or `/dev/stdin` would block
 * the process forever or fill its memory (helm hangs on them too); a clear error is better.
 */
function readUserFile(path: string): string {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return readFileSync(path, 'utf8'); // EISDIR, worded as Go words it
    if (!st.isFile()) throw new StrvalsError(`read ${path}: not a regular file (a device, FIFO or socket); not read`);
    size = st.size;
  } catch (e) {
    if (e instanceof StrvalsError) throw e;
    throw new StrvalsError(goReadError(path, e));
  }
  if (size > MAX_USER_FILE_BYTES) {
    throw new StrvalsError(`read ${path}: file is too large (${(size / 1048576).toFixed(1)} MiB; shipshape reads at most ${MAX_USER_FILE_BYTES / 1048576} MiB)`);
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new StrvalsError(goReadError(path, e));
  }
}

/** Helm's valueOpts.MergeValues: files, then the --set family grouped by kind in a fixed order. */
export function mergeUserValues(options: UserValueOptions, compat: HelmCompat): GoMap {
  let base: GoMap = {};
  for (const file of options.valuesFiles ?? []) {
    let text: string;
    try {
      text = readUserFile(file);
    } catch (e) {
      throw new ChartRenderError((e as Error).message);
    }
    try {
      base = mergeMaps(base, parseYamlValues(text, { firstDocumentOnly: compat === 3 }));
    } catch (e) {
      const message = (e as Error).message;
      const error = new ChartRenderError(`failed to parse ${file}: ${message}`);
      error.filePath = resolve(file);
      error.line = yamlErrorLine(message);
      throw error;
    }
  }
  for (const expr of options.setJson ?? []) {
    // Helm 4 also takes a whole JSON object, merged like a values file.
    if (compat === 4 && expr.trim().startsWith('{')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(expr.trim());
      } catch {
        parsed = undefined;
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new ChartRenderError(`failed parsing --set-json data JSON: ${expr}`);
      }
      base = mergeMaps(base, parsed as GoMap);
      continue;
    }
    try {
      parseSetInto('set-json', expr, base, undefined, compat);
    } catch {
      // Helm reports the flag value here, not the parser's reason.
      throw new ChartRenderError(`failed parsing --set-json data ${expr}`);
    }
  }
  for (const expr of options.set ?? []) parseSetFlag('set', expr, base, undefined, compat);
  for (const expr of options.setString ?? []) parseSetFlag('set-string', expr, base, undefined, compat);
  for (const expr of options.setFile ?? []) parseSetFlag('set-file', expr, base, readUserFile, compat);
  for (const expr of options.setLiteral ?? []) parseSetFlag('set-literal', expr, base, undefined, compat);
  return base;
}
