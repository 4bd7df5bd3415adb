/**
 * Loads validators that `precompile.ts` wrote as ajv standalone code. The generated module is plain
 * CommonJS whose only imports are ajv's runtime helpers and our schema runtime (formats, the RE2
 * pattern engine, the list-map-keys check); it is evaluated here with a `require` that hands out the
 * bundled copies, so a packaged extension without node_modules runs it too.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import equal from 'ajv/dist/runtime/equal';
import ucs2length from 'ajv/dist/runtime/ucs2length';
import uri from 'ajv/dist/runtime/uri';
import validationError from 'ajv/dist/runtime/validation_error';
import type { ValidateFunction } from 'ajv';
import { SCHEMA_RUNTIME, schemaRuntime } from '../ajv';

export const COMPILED_DIR = 'compiled';
/** A single-schema module exports its function as `module.exports`; load.ts names it `default`. */
export const COMPOSE_EXPORT = 'default';

export interface CompiledIndex {
  /** `sourceHash` of the schema file the modules were compiled from. */
  source: string;
  /** Export name (a Kubernetes definition, or `compose`) → module file in the same folder. */
  modules: Record<string, string>;
}

/** Identifies a schema file's exact content (cheap: ~2 ms for the 1.2 MB definitions file). */
export function sourceHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

const esModule = <T>(value: T) => ({ __esModule: true, default: value });
const MODULES: Record<string, unknown> = {
  [SCHEMA_RUNTIME]: schemaRuntime,
  'ajv/dist/runtime/equal': esModule(equal),
  'ajv/dist/runtime/ucs2length': esModule(ucs2length),
  'ajv/dist/runtime/uri': esModule(uri),
  'ajv/dist/runtime/validation_error': esModule(validationError),
};

function runtimeRequire(name: string): unknown {
  if (!(name in MODULES)) throw new Error(`precompiled validator requires unknown module ${name}`);
  return MODULES[name];
}

/** The exports of one generated validator module (export name → validate function). */
export function loadCompiledModule(path: string): Record<string, ValidateFunction> {
  return evaluateCompiledModule(readFileSync(path, 'utf8'), path).exports;
}

/**
 * Evaluates generated validator code; with `cachedData` (V8's code for it from an earlier run) the
 * compile is skipped when V8 accepts it. The script is returned for `createCachedData`.
 */
export function evaluateCompiledModule(source: string, filename: string, cachedData?: Buffer): { exports: Record<string, ValidateFunction>; script: Script } {
  const script = new Script(`(function (require, module, exports) {${source}\n})`, { filename, cachedData });
  const wrapper = script.runInThisContext() as (
    req: (name: string) => unknown,
    module: { exports: Record<string, ValidateFunction> },
    exports: Record<string, ValidateFunction>,
  ) => void;
  const module = { exports: {} as Record<string, ValidateFunction> };
  wrapper(runtimeRequire, module, module.exports);
  const exported: unknown = module.exports;
  return { exports: typeof exported === 'function' ? { default: exported as ValidateFunction } : module.exports, script };
}
