/**
 * `.Files`: Helm's `files` type (pkg/engine/files.go), a map[string][]byte with methods. Like Go, it
 * IS a map: its own enumerable properties are the files (path -> bytes), so `range`, `len`, truthiness
 * (`{{ if .Files.Glob "x/*" }}` is false when nothing matches), printing and toYaml see the map, while
 * the template engine finds Get, Glob, ... on the prototype (methods win over keys, as in Go).
 */
import type { GoMap, GoParamType, GoValue } from '../../gotemplate/values';
import { goStringFromBytes } from '../../gotemplate/bytes';
import { globMatcher } from './glob';
import { toYaml } from './serialization';

export class HelmFiles {
  constructor(files: Map<string, Uint8Array>) {
    for (const [path, bytes] of files) {
      Object.defineProperty(this, path, { value: bytes, enumerable: true, writable: true, configurable: true });
    }
  }

  /** The file's bytes, or an empty slice when there is no such file. */
  GetBytes(name: GoValue): Uint8Array {
    return fileBytes(this, expectString(name, 'GetBytes')) ?? new Uint8Array();
  }

  /** The file's content as a Go string, "" when there is no such file: a binary file keeps its bytes
   * (gotemplate/bytes.ts), so `.Files.Get "x.bin" | b64enc` is the file's base64, as with helm. */
  Get(name: GoValue): string {
    return goStringFromBytes(this.GetBytes(name));
  }

  /** The files whose path matches the gobwas/glob pattern; a malformed pattern matches every file. */
  Glob(pattern: GoValue): HelmFiles {
    const matches = globMatcher(expectString(pattern, 'Glob'));
    return new HelmFiles(new Map(fileEntries(this).filter(([path]) => matches(path))));
  }

  /** The file split into lines, one trailing newline dropped; [] for a missing file. */
  Lines(path: GoValue): string[] {
    const bytes = fileBytes(this, expectString(path, 'Lines'));
    if (bytes === undefined) return [];
    // Helm indexes s[len(s)-1] without a length check, so an empty file panics there.
    if (bytes.length === 0) throw new Error('runtime error: index out of range [-1]');
    let text = goStringFromBytes(bytes);
    if (text.endsWith('\n')) text = text.slice(0, -1);
    return text.split('\n');
  }

  /** A ConfigMap `data` body: basename -> content, as toYaml prints it. */
  AsConfig(): string {
    return basenamesAsYaml(this, (bytes) => Buffer.from(bytes).toString('utf8'));
  }

  /** A Secret `data` body: basename -> base64 content, as toYaml prints it. */
  AsSecrets(): string {
    return basenamesAsYaml(this, (bytes) => Buffer.from(bytes).toString('base64'));
  }

}

/** The files object as the Go value the template context holds (a map with methods). */
export function filesValue(files: HelmFiles): GoValue {
  return files as unknown as GoMap;
}

// Helpers live outside the class so the template engine sees only Go's methods on the prototype.
function fileEntries(files: HelmFiles): Array<[string, Uint8Array]> {
  return Object.entries(files) as Array<[string, Uint8Array]>;
}

function fileBytes(files: HelmFiles, path: string): Uint8Array | undefined {
  return Object.prototype.hasOwnProperty.call(files, path) ? (files as unknown as Record<string, Uint8Array>)[path] : undefined;
}

function basenamesAsYaml(files: HelmFiles, encode: (bytes: Uint8Array) => string): string {
  const map: GoMap = {};
  for (const [path, bytes] of fileEntries(files)) map[goPathBase(path)] = encode(bytes);
  try {
    return toYaml(map);
  } catch {
    return '';
  }
}

// Go's parameter types, so a wrong argument fails like Go's reflection call does.
const typed = (method: unknown, params: GoParamType[]) => Object.assign(method as object, { goParams: params });
typed(HelmFiles.prototype.Get, ['string']);
typed(HelmFiles.prototype.GetBytes, ['string']);
typed(HelmFiles.prototype.Glob, ['string']);
typed(HelmFiles.prototype.Lines, ['string']);

function expectString(value: GoValue, method: string): string {
  if (typeof value !== 'string') {
    throw new Error(`wrong type for value; expected string; got ${typeof value} (in Files.${method})`);
  }
  return value;
}

/** Go's path.Base. */
export function goPathBase(path: string): string {
  if (path === '') return '.';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
