/**
 * The ajv instances every schema is compiled with, configured for the traps of Kubernetes, CRD and
 * Compose schemas: x-kubernetes-* keywords, OpenAPI formats with real range checks, and schema
 * `pattern`s that could backtrack catastrophically (CRDs are user input).
 */
import Ajv, { type AnySchemaObject, type ErrorObject, type Options } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export type AjvInstance = Ajv;

/** Longer strings are not matched against schema patterns: a linear-time guard against huge values. */
const MAX_PATTERN_INPUT = 10_000;

/**
 * A group that is itself quantified and contains a quantifier (`(a+)+`, `(x*y?)*`, `(a|aa)+` style
 * star height > 1) is the classic catastrophic-backtracking shape.
 */
export function isRiskyPattern(pattern: string): boolean {
  return /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\d*\})/.test(pattern);
}

/**
 * ajv's `code.regExp`: native RegExp for safe patterns; risky ones never run (see
 * `x-shipshape-unchecked-pattern`). ajv caches compiled patterns by `toString()`, so it must be unique.
 */
function guardedRegExp(pattern: string, flags: string): { test(s: string): boolean; toString(): string } {
  const id = `/${pattern}/${flags}`;
  if (isRiskyPattern(pattern)) return { test: () => true, toString: () => id };
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, flags);
  } catch {
    // Kubernetes patterns are RE2/ECMA-ish; one JS rejects is skipped rather than failing the whole schema.
    return { test: () => true, toString: () => id };
  }
  return { test: (s: string) => s.length > MAX_PATTERN_INPUT || regex.test(s), toString: () => id };
}
guardedRegExp.code = 'new RegExp';

const INT32 = [-(2 ** 31), 2 ** 31 - 1] as const;
const GO_DURATION = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$|^0$/;
const ISO_DURATION = /^P(?!$)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;

function addKubernetesVocabulary(ajv: Ajv): void {
  addFormats(ajv, ['date-time', 'date', 'time', 'email', 'hostname', 'ipv4', 'ipv6', 'uri', 'uuid', 'byte', 'regex']);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= INT32[0] && n <= INT32[1] });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  for (const name of ['double', 'float', 'quantity', 'password', 'int-or-string']) ajv.addFormat(name, () => true);
  // Kubernetes durations are Go's (`1m30s`); OpenAPI tooling sometimes writes ISO 8601. Accept both.
  ajv.addFormat('duration', (s: string) => GO_DURATION.test(s) || ISO_DURATION.test(s));
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
  ajv.addKeyword({
    keyword: 'x-kubernetes-list-map-keys',
    type: 'array',
    schemaType: 'array',
    errors: true,
    validate: validateListMapKeys,
  });
  ajv.addKeyword({
    keyword: 'x-shipshape-unchecked-pattern',
    type: 'string',
    schemaType: 'string',
    errors: true,
    validate: function unchecked(pattern: string) {
      (unchecked as unknown as { errors: Partial<ErrorObject>[] }).errors = [
        { keyword: 'x-shipshape-unchecked-pattern', message: 'pattern not checked', params: { pattern } },
      ];
      return false;
    },
  });
}

/** Two list entries with the same map keys: the API server rejects them (e.g. two containers named `app`). */
function validateListMapKeys(keys: string[], data: unknown[]): boolean {
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
  (validateListMapKeys as unknown as { errors: Partial<ErrorObject>[] }).errors = errors;
  return errors.length === 0;
}

const COMMON: Options = {
  allErrors: true,
  strict: false,
  verbose: true,
  logger: false,
  code: { regExp: guardedRegExp },
};

/** Draft-04/07 style schemas: Kubernetes definitions and CRDs. */
export function createKubernetesAjv(): Ajv {
  const ajv = new Ajv({ ...COMMON, discriminator: false });
  addKubernetesVocabulary(ajv);
  return ajv;
}

/** compose-go's schema is draft 2020-12. */
export function createComposeAjv(): Ajv {
  const ajv = new Ajv2020({ ...COMMON, allowUnionTypes: true }) as unknown as Ajv;
  addFormats(ajv);
  ajv.addFormat('duration', (s: string) => GO_DURATION.test(s) || ISO_DURATION.test(s));
  return ajv;
}

export type { AnySchemaObject, ErrorObject };
