/**
 * The ajv instances every schema is compiled with, configured for the traps of Kubernetes, CRD and
 * Compose schemas: x-kubernetes-* keywords, OpenAPI formats with real range checks, and schema
 * `pattern`s run by an RE2 engine (linear time, as the API server and compose-go run them; CRDs are
 * user input, and a backtracking engine hangs on `(a|aa)+`-style patterns).
 *
 * The same configuration serves the validators compiled at build time (`compiled/precompile.ts`, ajv's
 * standalone code): everything the generated code calls is reachable as
 * `require("shipshape:schema-runtime").<name>` (see `schemaRuntime`), so ajv emits the same code in both
 * modes and the findings are the same whichever way a schema was compiled.
 */
import Ajv, { _, Name, type AnySchemaObject, type CodeKeywordDefinition, type ErrorObject, type Format, type KeywordCxt, type Options } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { extendErrors } from 'ajv/dist/compile/errors';
import N from 'ajv/dist/compile/names';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import { compileGoRegexp, matchGoRegexp, type GoRegexp } from '../sprig/re2';

export type AjvInstance = Ajv;

/** The module name generated validator code requires its helpers from (see compiled/load.ts). */
export const SCHEMA_RUNTIME = 'shipshape:schema-runtime';
const runtimeRef = (name: keyof typeof schemaRuntime) => _`require(${SCHEMA_RUNTIME}).${new Name(name)}`;

/**
 * Longer strings are not matched against schema patterns. RE2 is linear, but a multi-megabyte value
 * under a pattern with a large automaton is still seconds of work for no realistic manifest.
 */
const MAX_PATTERN_INPUT = 1 << 20;

/**
 * ajv's `code.regExp`: every schema `pattern` and `patternProperties` key runs in Go's RE2 dialect
 * (src/core/sprig/re2.ts), compiled on first use so that loading precompiled validators compiles
 * nothing. A pattern RE2 rejects is skipped rather than failing the whole schema (the API server
 * would have refused the CRD). ajv caches compiled patterns by `toString()`, so it must be unique.
 */
export function schemaRegExp(pattern: string, flags: string): { test(s: string): boolean; toString(): string } {
  const id = `/${pattern}/${flags}`;
  let re: GoRegexp | null | undefined;
  return {
    test(s: string): boolean {
      if (re === undefined) {
        try {
          re = compileGoRegexp(pattern);
        } catch {
          re = null;
        }
      }
      if (re === null || s.length > MAX_PATTERN_INPUT) return true;
      try {
        return matchGoRegexp(re, s);
      } catch {
        // A work limit of the engine (a huge automaton on a long value): undecided, so not reported as a mismatch.
        return true;
      }
    },
    toString: () => id,
  };
}
schemaRegExp.code = `require(${JSON.stringify(SCHEMA_RUNTIME)}).regExp`;

const INT32 = [-(2 ** 31), 2 ** 31 - 1] as const;
const GO_DURATION = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|\u00b5s|ms|s|m|h))+$|^0$/;
const ISO_DURATION = /^P(?!$)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;
// Kubernetes durations are Go's (`1m30s`); OpenAPI tooling sometimes writes ISO 8601. Accept both.
const duration = (s: string) => GO_DURATION.test(s) || ISO_DURATION.test(s);
const anything = () => true;

const KUBERNETES_FULL_FORMATS = ['date-time', 'date', 'time', 'email', 'hostname', 'ipv4', 'ipv6', 'uri', 'uuid', 'byte', 'regex'] as const;
/** The formats of Kubernetes and CRD schemas, by name: ajv-formats' where it has them, ours otherwise. */
const kubernetesFormats: Record<string, Format> = {
  ...Object.fromEntries(KUBERNETES_FULL_FORMATS.map((name) => [name, fullFormats[name]])),
  int32: { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= INT32[0] && n <= INT32[1] },
  int64: { type: 'number', validate: (n: number) => Number.isInteger(n) },
  double: anything,
  float: anything,
  quantity: anything,
  password: anything,
  'int-or-string': anything,
  duration,
};
/** compose-go's schema: every ajv-formats format, with Go durations. */
const composeFormats: Record<string, Format> = { ...fullFormats, duration };

/** Two list entries with the same map keys: the API server rejects them (e.g. two containers named `app`). */
function listMapKeyErrors(keys: string[], data: unknown[]): Partial<ErrorObject>[] | null {
  const seen = new Map<string, number>();
  const errors: Partial<ErrorObject>[] = [];
  data.forEach((item, index) => {
    if (!item || typeof item !== 'object') return;
    const values = keys.map((k) => (item as Record<string, unknown>)[k]);
    if (values.every((v) => v === undefined)) return;
    const id = JSON.stringify(values);
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else errors.push({ keyword: 'x-kubernetes-list-map-keys', message: 'duplicate entry', params: { index, first, keys, values } });
  });
  return errors.length > 0 ? errors : null;
}

/** What generated validator code reaches through `require("shipshape:schema-runtime")`. */
export const schemaRuntime = { regExp: schemaRegExp, kubernetesFormats, composeFormats, listMapKeyErrors };

/**
 * `x-kubernetes-list-map-keys` as a code keyword (a `validate` function cannot be emitted as standalone
 * code): a runtime helper returns the duplicate-entry errors, appended as ajv appends a function
 * keyword's errors (instancePath, schemaPath, and schema/data in verbose mode).
 */
const listMapKeys: CodeKeywordDefinition = {
  keyword: 'x-kubernetes-list-map-keys',
  type: 'array',
  schemaType: 'array',
  trackErrors: true,
  code(cxt: KeywordCxt) {
    const { gen, data, schemaCode } = cxt;
    const helper = gen.scopeValue('func', { ref: listMapKeyErrors, code: runtimeRef('listMapKeyErrors') });
    const errs = gen.const('dupErrs', _`${helper}(${schemaCode}, ${data})`);
    gen.if(_`${errs} !== null`, () => {
      gen.assign(N.vErrors, _`${N.vErrors} === null ? ${errs} : ${N.vErrors}.concat(${errs})`).assign(N.errors, _`${N.vErrors}.length`);
      extendErrors(cxt);
    });
    cxt.ok(_`${errs} === null`);
  },
};

function addKubernetesVocabulary(ajv: Ajv): void {
  for (const [name, format] of Object.entries(kubernetesFormats)) ajv.addFormat(name, format);
  ajv.addVocabulary([
    'x-kubernetes-list-type',
    'x-kubernetes-preserve-unknown-fields',
    'x-kubernetes-int-or-string',
    'x-kubernetes-embedded-resource',
    'x-kubernetes-map-type',
    'x-kubernetes-validations',
    'x-kubernetes-group-version-kind',
    'x-kubernetes-patch-strategy',
    'x-kubernetes-patch-merge-key',
    'example',
    'externalDocs',
  ]);
  ajv.addKeyword(listMapKeys);
}

const COMMON: Options = {
  allErrors: true,
  strict: false,
  verbose: true,
  logger: false,
};

export interface AjvMode {
  /** Keep each validator's source for ajv's standalone code (build time only: it costs memory). */
  source?: boolean;
}

/** Draft-04/07 style schemas: Kubernetes definitions and CRDs. */
export function createKubernetesAjv(mode: AjvMode = {}): Ajv {
  const ajv = new Ajv({ ...COMMON, discriminator: false, code: { regExp: schemaRegExp, formats: runtimeRef('kubernetesFormats'), source: mode.source } });
  addKubernetesVocabulary(ajv);
  return ajv;
}

let customAjv: Ajv | undefined;

/**
 * Compiles one CRD (or kubeconform-style) schema at run time on a shared instance: a fresh ajv costs
 * ~15 ms per schema (it compiles the meta-schema again), the shared one ~1 ms. The schema is removed
 * from the instance's cache afterwards, so edited CRDs do not accumulate; the returned function keeps
 * working. Throws what ajv throws for a broken schema.
 */
export function compileCustomSchema(schema: AnySchemaObject): ReturnType<Ajv['compile']> {
  const ajv = (customAjv ??= createKubernetesAjv());
  try {
    return ajv.compile(schema);
  } finally {
    ajv.removeSchema(schema);
  }
}

/** compose-go's schema is draft 2020-12. */
export function createComposeAjv(mode: AjvMode = {}): Ajv {
  const options: Options = { ...COMMON, allowUnionTypes: true, code: { regExp: schemaRegExp, formats: runtimeRef('composeFormats'), source: mode.source } };
  const ajv = new Ajv2020(options) as unknown as Ajv;
  // ajv-formats' formatMaximum/formatMinimum keywords; the formats themselves are ours (same objects).
  addFormats(ajv, { formats: [], keywords: true });
  for (const [name, format] of Object.entries(composeFormats)) ajv.addFormat(name, format);
  return ajv;
}

export type { AnySchemaObject, ErrorObject };
