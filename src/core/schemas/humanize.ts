/**
 * ajv errors → one readable finding per problem, placed on a document path.
 *
 * What users of kubeconform and yaml-language-server complain about, fixed here: oneOf/anyOf branch
 * dumps are collapsed ("expected integer or string"); unknown fields name their object and suggest
 * the nearest known field; missing fields go on the parent's key; enums list their values; a YAML 1.1
 * boolean or octal where a string belongs becomes its own, fixable finding.
 */
import { isScalar } from 'yaml';
import type { ErrorObject } from 'ajv';
import type { Severity } from '../diagnostics';
import { closest } from '../text/suggest';
import { HIDDEN, holdsSecret } from '../secrets/redact';
import { nodeAtPath, type PathSegment, type YamlDocument } from '../yaml/parse';
import type { JsonSchema } from './openapi';
import { acceptedTypes, knownProperties, schemaAtPath, type SchemaAt, type SchemaContext } from './walk';

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  /** Path inside the document's value. */
  path: PathSegment[];
  target: 'key' | 'value';
  /** Offer "quote this value" as a fix. */
  quote?: boolean;
  /** Offer replacing the value with this text. */
  replacement?: string;
  /** For merging "missing X" with "unknown Y; did you mean X" on the same object. */
  missingField?: string;
  suggestion?: string;
}

export interface HumanizeInput {
  errors: ErrorObject[];
  data: unknown;
  ctx: SchemaContext;
  root: SchemaAt;
  document: YamlDocument;
  /** Path of the validated value inside the document (a `kind: List` item is `['items', 3]`). */
  basePath: PathSegment[];
  /** The rule id for schema violations (`k8s-schema`, `compose-schema`, ...). */
  rule: string;
}

/** Plain scalars YAML 1.1 reads as booleans, and as octal numbers. */
const NORWAY = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;
const OCTAL = /^[-+]?0[0-7]+$|^0o[0-7]+$/;

export function humanize(input: HumanizeInput): Finding[] {
  const errors = collapseAlternatives(input);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const finding = describeError(error, input);
    if (!finding) continue;
    // A finding must not print a secret into logs, SARIF or a shared screen.
    // (The Project hides secrets from every finding too; here the exact shown form is known, so a value cut short by `show` goes as well.)
    if (error.data !== null && typeof error.data !== 'object' && holdsSecret(input.document.value, finding.path, error.data)) finding.message = finding.message.split(show(error.data)).join(HIDDEN);
    const key = `${finding.path.join('\u0000')}|${finding.target}|${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return mergeTypoWithMissing(findings);
}

/** `contianers:` both misses `containers` and is unknown: one finding, on the typo, says both. */
function mergeTypoWithMissing(findings: Finding[]): Finding[] {
  const typos = findings.filter((f) => f.suggestion);
  return findings.filter((f) => {
    if (!f.missingField) return true;
    const typo = typos.find((t) => t.suggestion === f.missingField && t.path.length === f.path.length + 1 && f.path.every((s, i) => t.path[i] === s));
    if (!typo) return true;
    typo.message = typo.message.replace(/\?( \(in [^]*\))?$/, ' (a required field)?$1');
    return false;
  });
}

/**
 * oneOf/anyOf: when the value's type fits some branch, that branch's own errors are the real problem
 * (drop the other branches' type errors and the "must match" summary). When it fits none, one
 * "expected A or B" replaces them all.
 */
function collapseAlternatives(input: HumanizeInput): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  const replaced = new Map<ErrorObject, ErrorObject>();
  for (const error of input.errors) {
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') continue;
    const at = error.instancePath;
    const dataType = jsonType(error.data);
    const branches = (Array.isArray(error.schema) ? (error.schema as JsonSchema[]) : []).map((b) =>
      acceptedTypes(input.ctx, { schema: b }),
    );
    const fits = branches.some((types) => types.length === 0 || typesAccept(types, dataType));
    const sameSpot = input.errors.filter((e) => e !== error && e.instancePath === at && (e.keyword === 'type' || e.keyword === error.keyword));
    sameSpot.forEach((e) => dropped.add(e));
    const passing = (error.params as { passingSchemas?: unknown }).passingSchemas;
    const deeper = input.errors.some((e) => !dropped.has(e) && e !== error && e.instancePath.startsWith(`${at}/`));
    if (!fits) {
      const expected = [...new Set(branches.flat())];
      replaced.set(error, { ...error, keyword: 'type', params: { type: expected.join(',') } });
    } else if (deeper || input.errors.some((e) => !dropped.has(e) && e !== error && e.instancePath === at)) {
      dropped.add(error);
    } else if (!passing) {
      // The value has a fitting type but a constraint without its own error failed (const, enum).
      replaced.set(error, { ...error, message: 'does not match any allowed form' });
    }
  }
  return input.errors.filter((e) => !dropped.has(e)).map((e) => replaced.get(e) ?? e);
}

function describeError(error: ErrorObject, input: HumanizeInput): Finding | undefined {
  const path = decodePointer(error.instancePath, input.data);
  const docPath = [...input.basePath, ...path];
  const where = placeName(input, path);
  const params = error.params as Record<string, unknown>;
  const base = { rule: input.rule, severity: 'error' as Severity, path: docPath };
  switch (error.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const field = String(params.additionalProperty ?? params.unevaluatedProperty);
      const at = schemaAtPath(input.ctx, input.root, path);
      const known = at ? [...knownProperties(input.ctx, at).keys()] : [];
      const guess = closest(field, known);
      // The did-you-mean first: the Problems panel cuts a long line, and the place is the marked key anyway.
      const message = guess ? `Unknown field "${field}"; did you mean "${guess}"? (in ${where})` : `Unknown field "${field}" in ${where}${extensionHint(at)}`;
      return { ...base, path: [...docPath, field], target: 'key', suggestion: guess, replacement: guess, message };
    }
    case 'required':
      return {
        ...base,
        target: 'key',
        missingField: String(params.missingProperty),
        message: `Missing required field "${String(params.missingProperty)}" in ${where}.`,
      };
    case 'type':
      return describeType(error, input, docPath, where);
    case 'enum': {
      // "" (allowed where the API server defaults the field) is not worth suggesting.
      const allowed = (params.allowedValues as unknown[]).filter((v) => v !== '').map((v) => JSON.stringify(v)).join(', ');
      const choices = (params.allowedValues as unknown[]).filter((v): v is string => typeof v === 'string' && v !== '');
      // `tcp` for TCP, `Alwyas` for Always: offer the value meant.
      const meant =
        typeof error.data === 'string' ? (choices.find((v) => v.toLowerCase() === (error.data as string).toLowerCase()) ?? closest(error.data, choices)) : undefined;
      return { ...base, target: 'value', replacement: meant && asYamlString(meant), message: `${show(error.data)} is not allowed for ${where}; expected one of ${allowed}.` };
    }
    case 'const':
      return { ...base, target: 'value', message: `${where} must be ${JSON.stringify(params.allowedValue)}, not ${show(error.data)}.` };
    case 'pattern':
      if (error.parentSchema?.format === 'quantity') {
        return { ...base, target: 'value', message: `${show(error.data)} is not a valid quantity for ${where} (examples: 500m, 2, 1.5, 128Mi, 1Gi).` };
      }
      return { ...base, target: 'value', message: `${show(error.data)} does not match the pattern ${String(params.pattern)} required for ${where}.` };
    case 'format':
      return { ...base, target: 'value', message: describeFormat(String(params.format), error.data, where) };
    case 'x-kubernetes-list-map-keys': {
      const keys = (params.keys as string[]).map((k, i) => `${k}=${JSON.stringify((params.values as unknown[])[i])}`).join(', ');
      return {
        ...base,
        path: [...docPath, Number(params.index)],
        target: 'value',
        message: `Duplicate entry in ${where}: ${keys} is already used by entry ${Number(params.first) + 1}; the API server rejects this.`,
      };
    }
    case 'oneOf':
    case 'anyOf':
      return { ...base, target: 'value', message: `${show(error.data)} does not match any allowed form of ${where}.` };
    default:
      return { ...base, target: 'value', message: `${where} ${error.message ?? 'is invalid'}.` };
  }
}

function describeType(error: ErrorObject, input: HumanizeInput, docPath: PathSegment[], where: string): Finding {
  const expected = String((error.params as { type: string }).type).split(',');
  const actual = jsonType(error.data);
  const node = nodeAtPath(input.document, docPath);
  const scalar = node.found && isScalar(node.node) && node.node.type === 'PLAIN' ? String(node.node.source ?? '') : undefined;
  const wantsString = expected.includes('string');
  if (wantsString && scalar !== undefined && typeof error.data === 'boolean' && NORWAY.test(scalar)) {
    return {
      rule: 'yaml-norway-boolean',
      severity: 'error',
      path: docPath,
      target: 'value',
      quote: true,
      message: `"${scalar}" is read as the boolean ${String(error.data)} (YAML 1.1, as kubectl reads it), but ${where} is a string; quote it.`,
    };
  }
  if (wantsString && scalar !== undefined && typeof error.data === 'number' && OCTAL.test(scalar)) {
    return {
      rule: 'yaml-octal-number',
      severity: 'error',
      path: docPath,
      target: 'value',
      quote: true,
      message: `${scalar} is read as the octal number ${String(error.data)}, but ${where} is a string; quote it to keep "${scalar}".`,
    };
  }
  const quoteFix = wantsString && scalar !== undefined && (actual === 'number' || actual === 'integer' || actual === 'boolean');
  return {
    rule: input.rule,
    severity: 'error',
    path: docPath,
    target: 'value',
    quote: quoteFix || undefined,
    replacement: quoteFix ? undefined : unquoted(error.data, expected),
    message: `Expected ${listTypes(expected)} for ${where}, got ${actual === 'null' ? 'null' : `${article(actual)} ${show(error.data)}`}.`,
  };
}

/**
 * `replicas: "2"` → `2`, `hostNetwork: "true"` → `true`: the text of the value the field's type
 * wants when the string spells exactly one (undefined otherwise: "2.5" for an integer, "yes" for a
 * boolean are not guessed at).
 */
function unquoted(data: unknown, expected: string[]): string | undefined {
  if (typeof data !== 'string') return undefined;
  const text = data.trim();
  if (expected.includes('integer') && /^[-+]?\d+$/.test(text) && Number.isSafeInteger(Number(text))) return String(Number(text));
  if (expected.includes('number') && /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(text) && Number.isFinite(Number(text))) return String(Number(text));
  if (expected.includes('boolean') && (text === 'true' || text === 'false')) return text;
  return undefined;
}

/** A string value as YAML text that still reads as that string (quoted where YAML would read a bool, null or number). */
function asYamlString(value: string): string {
  return /^(?:true|false|yes|no|on|off|y|n|null|~|[-+.\d].*)$/i.test(value) || /[:#{}\[\],&*!|>'"%@`]/.test(value) ? JSON.stringify(value) : value;
}

function describeFormat(format: string, data: unknown, where: string): string {
  switch (format) {
    case 'int32':
      return `${show(data)} is out of range for ${where} (a 32-bit integer: -2147483648 to 2147483647).`;
    case 'int64':
      return `${show(data)} is not an integer, as ${where} requires.`;
    case 'byte':
      return `${where} must be base64-encoded; ${show(data)} is not valid base64 (use stringData for plain text).`;
    case 'date-time':
      return `${show(data)} is not an RFC 3339 date-time (e.g. 2024-01-31T12:00:00Z), as ${where} requires.`;
    case 'duration':
      return `${show(data)} is not a duration (e.g. 30s, 1m30s), as ${where} requires.`;
    default:
      return `${show(data)} is not a valid ${format} for ${where}.`;
  }
}

/** "spec.template.spec (PodSpec)" for Kubernetes, "services.web" for Compose: where the problem is. */
function placeName(input: HumanizeInput, path: PathSegment[]): string {
  const at = schemaAtPath(input.ctx, input.root, path);
  const dotted = path.length === 0 ? 'the document' : pathText(path);
  const name = at?.name && /^[A-Z]/.test(at.name) && at.schema.properties ? at.name : undefined;
  return name ? `${name} \`${dotted}\`` : `\`${dotted}\``;
}

export function pathText(path: readonly PathSegment[]): string {
  return path.reduce<string>((text, seg) => (typeof seg === 'number' ? `${text}[${seg}]` : text ? `${text}.${seg}` : String(seg)), '');
}

function extensionHint(at: SchemaAt | undefined): string {
  const patterns = Object.keys((at?.schema.patternProperties as Record<string, unknown>) ?? {});
  return patterns.includes('^x-') ? ' (custom fields must start with "x-").' : '.';
}

function decodePointer(pointer: string, data: unknown): PathSegment[] {
  if (!pointer) return [];
  const path: PathSegment[] = [];
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment: PathSegment = Array.isArray(node) && /^\d+$/.test(key) ? Number(key) : key;
    path.push(segment);
    node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
  }
  return path;
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value === 'object' ? 'object' : typeof value;
}

function typesAccept(types: string[], actual: string): boolean {
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

const TYPE_NAMES: Record<string, string> = { object: 'a mapping', array: 'a list', null: 'null' };

function listTypes(types: string[]): string {
  const names = [...new Set(types)].sort().map((t) => TYPE_NAMES[t] ?? (t === 'integer' ? 'an integer' : `a ${t}`));
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

function article(type: string): string {
  return TYPE_NAMES[type] ?? (type === 'integer' ? 'an integer' : `a ${type}`);
}

function show(value: unknown): string {
  if (value !== null && typeof value === 'object') return Array.isArray(value) ? '[…]' : '{…}';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}
