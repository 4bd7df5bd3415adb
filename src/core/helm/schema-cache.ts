/**
 * Compiled values.schema.json validators kept between runs. ajv compiling a chart's schema is most of
 * a short `shipshape render` of a chart that has one (107 ms of prometheus's run, 438 ms for
 * opentelemetry-collector's), while the standalone code it generates loads in a few milliseconds. So
 * that code is written to the user's cache folder (`shipshape/values-schema/<key>.js`, the key a hash
 * of the schema as compiled, its draft, ajv's version and this format) and loaded from there next time.
 * V8's code for it is kept beside (`<key>.js.v8`). The cache only ever saves time: a missing,
 * unreadable or unloadable entry means a compile, and a folder we cannot write means no cache.
 * SHIPSHAPE_CACHE_DIR moves it; SHIPSHAPE_NO_CACHE=1 turns it off.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type Ajv from 'ajv';
import type { AnySchema, ErrorObject } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { version as AJV_VERSION } from 'ajv/package.json';
import { evaluateCompiledModule } from '../schemas/compiled/load';

/** Bumped when what is compiled changes (options, the pattern engine's runtime). */
const FORMAT = 1;
/** Entries kept (each a schema and its V8 code); past it the oldest go. Larger generated code is not kept. */
const MAX_ENTRIES = 200;
const MAX_CODE_CHARS = 4 * 1024 * 1024;

export type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

function cacheDir(): string | undefined {
  if (process.env.SHIPSHAPE_NO_CACHE) return undefined;
  if (process.env.SHIPSHAPE_CACHE_DIR) return join(process.env.SHIPSHAPE_CACHE_DIR, 'values-schema');
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'shipshape', 'values-schema');
}

/**
 * The validator of `schema` (already prepared: no `$schema`, no remote refs) for the ajv `draft`
 * builds, from the cache when it holds one; `makeAjv` is called only when it does not.
 */
export function cachedValidator(schema: AnySchema, draft: string, makeAjv: () => Ajv): Validator {
  const dir = cacheDir();
  const key = createHash('sha1').update(`${FORMAT}\0${AJV_VERSION}\0${draft}\0${JSON.stringify(schema)}`).digest('hex');
  const file = dir && join(dir, `${key}.js`);
  if (file) {
    try {
      const loaded = loadCached(file);
      if (loaded) return loaded;
    } catch {
      /* not cached yet, or unusable: compile below */
    }
  }
  const ajv = makeAjv();
  const compiled = ajv.compile(schema);
  const validator: Validator = compiled;
  if (dir && file) {
    try {
      const code = standaloneCode(ajv, compiled);
      if (code.length > MAX_CODE_CHARS) return validator;
      mkdirSync(dir, { recursive: true });
      prune(dir);
      // Written beside and renamed: a concurrent run never loads half a file.
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, code);
      renameSync(partial, file);
    } catch {
      /* a read-only or full cache folder: this run compiled, the next compiles again */
    }
  }
  return validator;
}

/** Keeps the folder under MAX_ENTRIES schemas: the least recently written half goes. */
function prune(dir: string): void {
  const entries = readdirSync(dir).filter((name) => name.endsWith('.js'));
  if (entries.length < MAX_ENTRIES) return;
  const byAge = entries.map((name) => ({ name, at: statSync(join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 })).sort((a, b) => a.at - b.at);
  for (const { name } of byAge.slice(0, entries.length - MAX_ENTRIES / 2)) {
    rmSync(join(dir, name), { force: true });
    rmSync(join(dir, `${name}.v8`), { force: true });
  }
}

/** The kept validator, with V8's code for it when that is kept too; undefined when there is none. */
function loadCached(file: string): Validator | undefined {
  const source = readFileSync(file, 'utf8');
  const codeFile = `${file}.v8`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(codeFile);
  } catch {
    /* the first load since it was written */
  }
  const { exports, script } = evaluateCompiledModule(source, file, cachedData);
  const validate = exports.default as Validator | undefined;
  if (typeof validate !== 'function') return undefined;
  if (cachedData !== undefined && !script.cachedDataRejected) return validate;
  // V8's code is taken after the first validation, so that it holds the functions that one compiled.
  let saved = false;
  const first: Validator = (data: unknown) => {
    const valid = validate(data);
    first.errors = validate.errors;
    if (!saved) {
      saved = true;
      try {
        writeFileSync(codeFile, script.createCachedData());
      } catch {
        /* a cache we cannot write only costs time */
      }
    }
    return valid;
  };
  return first;
}
