/**
 * `values.schema.json` validation as Helm runs it before rendering (pkg/chart/common/util/jsonschema.go):
 * each chart is checked against its own schema with its own coalesced values, recursively, and the
 * failures are reported in Helm's wording (santhosh-tekuri/jsonschema v6 messages such as
 * `- at '/age': minimum: got -5, want 0`). Validated with ajv (compiled once per schema, kept by
 * schema-cache.ts); `format` is not asserted (as in Helm); remote `$ref`s (http, https, urn) are never
 * fetched and accept anything.
 */
import Ajv, { type ErrorObject, type AnySchema } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import type { GoMap, GoValue } from '../gotemplate/values';
import type { Chart } from './chart';
import { isTable } from './values/coalesce';
import { schemaRegExp } from '../schemas/ajv';
import { cachedValidator, type Validator } from './schema-cache';

export class SchemaValidationError extends Error {}

const compiled = new Map<string, Validator>();

/** Replaces remote `$ref`s with `{}`: Helm would fetch them over the network, we stay offline. */
function withoutRemoteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutRemoteRefs);
  if (node === null || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  if (typeof obj.$ref === 'string' && /^(https?|urn):/i.test(obj.$ref)) return {};
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, withoutRemoteRefs(v)]));
}

function compile(schemaText: string): Validator {
  const cached = compiled.get(schemaText);
  if (cached) return cached;
  let schema: unknown;
  try {
    schema = JSON.parse(schemaText);
  } catch (e) {
    throw new SchemaValidationError(`unable to parse values.schema.json: ${(e as Error).message}`);
  }
  schema = withoutRemoteRefs(schema);
  const draft = typeof schema === 'object' && schema !== null ? String((schema as Record<string, unknown>).$schema ?? '') : '';
  const dialect = draft.includes('draft-07') || draft.includes('draft-06') || draft.includes('draft-04') ? 'draft-07' : draft.includes('2019-09') ? '2019-09' : '2020-12';
  const Draft = dialect === 'draft-07' ? Ajv : dialect === '2019-09' ? Ajv2019 : Ajv2020;
  if (typeof schema === 'object' && schema !== null) delete (schema as Record<string, unknown>).$schema;
  // Patterns in Go's RE2 dialect, as Helm's jsonschema runs them (linear time: a chart is user input).
  const options = { strict: false, allErrors: true, validateFormats: false, logger: false as const, validateSchema: false, code: { source: true, regExp: schemaRegExp } };
  let validator: Validator;
  try {
    validator = cachedValidator(schema as AnySchema, dialect, () => new Draft(options));
  } catch (e) {
    throw new SchemaValidationError(`values.schema.json: ${(e as Error).message}`);
  }
  compiled.set(schemaText, validator);
  return validator;
}

/** Go values as JSON data: ints become numbers (Helm validates its map[string]any the same way). */
function toJsonData(value: GoValue): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toJsonData);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (isTable(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonData(v)]));
  return value ?? null;
}

const quoteList = (items: unknown[]): string => items.map((i) => `'${String(i)}'`).join(', ');

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'number' : 'number';
  return typeof value === 'object' ? 'object' : typeof value;
}

function goNumber(n: unknown): string {
  return typeof n === 'number' ? String(n) : JSON.stringify(n);
}

/** One ajv error in santhosh-tekuri/jsonschema v6's words. */
function describe(error: ErrorObject, data: unknown): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `missing property '${String(p.missingProperty)}'`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${error.keyword}: got ${goNumber(data)}, want ${goNumber(p.limit)}`;
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties': {
      const got = typeof data === 'string' ? Array.from(data).length : Array.isArray(data) ? data.length : data && typeof data === 'object' ? Object.keys(data).length : 0;
      return `${error.keyword}: got ${got}, want ${String(p.limit)}`;
    }
    case 'type':
      return `got ${jsonType(data)}, want ${String(p.type)}`;
    case 'enum':
      return `value must be one of ${quoteList((p.allowedValues as unknown[]).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))))}`;
    case 'const':
      return `value must be ${JSON.stringify(p.allowedValue)}`;
    case 'pattern':
      return `'${String(data)}' does not match pattern '${String(p.pattern)}'`;
    case 'additionalProperties':
      return `additional properties '${String(p.additionalProperty)}' not allowed`;
    case 'multipleOf':
      return `${goNumber(data)} not multipleOf ${goNumber(p.multipleOf)}`;
    case 'uniqueItems':
      return `items at ${String(p.j)} and ${String(p.i)} are equal`;
    case 'not':
      return `'not' failed`;
    case 'oneOf':
      return p.passingSchemas ? `valid against schemas at indexes ${(p.passingSchemas as number[]).join(' and ')}` : `oneOf failed, none matched`;
    case 'anyOf':
      return `anyOf failed`;
    case 'false schema':
      return 'false schema';
    default:
      return error.message ?? error.keyword;
  }
}

function valueAt(root: unknown, pointer: string): unknown {
  let cur = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[key] : undefined;
  }
  return cur;
}

/** Validates `values` against one schema; returns Helm's `- at '<pointer>': <msg>` lines, or ''. */
export function validateAgainstSingleSchema(values: GoMap, schemaText: string): string {
  const validate = compile(schemaText);
  const data = toJsonData(values);
  if (validate(data)) return '';
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if' && e.keyword !== 'allOf');
  // Several missing properties at one place are one line in v6: missing properties 'a', 'b'.
  const lines: { at: string; msg: string }[] = [];
  const missing = new Map<string, string[]>();
  for (const e of errors) {
    if (e.keyword === 'required') {
      const list = missing.get(e.instancePath) ?? [];
      if (list.length === 0) lines.push({ at: e.instancePath, msg: '' });
      list.push(String((e.params as Record<string, unknown>).missingProperty));
      missing.set(e.instancePath, list);
      continue;
    }
    lines.push({ at: e.instancePath, msg: describe(e, valueAt(data, e.instancePath)) });
  }
  for (const line of lines) {
    if (line.msg !== '') continue;
    const props = missing.get(line.at)!;
    line.msg = props.length === 1 ? `missing property '${props[0]}'` : `missing properties ${quoteList(props)}`;
  }
  lines.sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? -1 : 1));
  return `${lines.map((l) => `- at '${l.at}': ${l.msg}`).join('\n')}\n`;
}

/** Helm's ValidateAgainstSchema over the chart tree; returns the report ('' when valid). */
export function validateAgainstSchema(chart: Chart, values: GoMap): string {
  let report = '';
  if (chart.schema) {
    const text = Buffer.from(chart.schema).toString('utf8');
    const errors = validateAgainstSingleSchema(values, text);
    if (errors) report += `${chart.metadata.name}:\n${errors}`;
  }
  for (const sub of chart.dependencies) {
    const raw = values[sub.metadata.name];
    if (raw === undefined || raw === null) continue;
    if (!isTable(raw)) {
      report += `${sub.metadata.name}:\ninvalid type for values: expected object (map), got ${typeof raw}\n`;
      continue;
    }
    report += validateAgainstSchema(sub, raw);
  }
  return report;
}

/** Throws Helm's error when the coalesced values do not meet the charts' schemas. */
export function checkValuesSchema(chart: Chart, values: GoMap): void {
  const report = validateAgainstSchema(chart, values);
  if (report) {
    throw new SchemaValidationError(`values don't meet the specifications of the schema(s) in the following chart(s):\n${report}`);
  }
}
