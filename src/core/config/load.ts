/**
 * Reads `.shipshape.yaml` (or `.yml`) and, for teams coming from hadolint, `.hadolint.yaml` (or
 * `.yml`), from a folder and its parents. The nearest file of each kind wins; ours overrides
 * hadolint's where both set the same thing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseYamlFile } from '../yaml/parse';
import type { Severity } from '../diagnostics';
import type { CheckOptions, SeverityOverride } from './options';

const SEVERITIES = new Set(['error', 'warning', 'info', 'style', 'off']);

export interface LoadedConfig {
  options: CheckOptions;
  /** The files that were read, nearest first. */
  files: string[];
  /** Problems found in those files (unknown keys, bad values), for the user to see. */
  problems: string[];
}

export function findConfigFile(startDir: string, names: string[]): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function loadConfig(startDir: string, explicitFile?: string): LoadedConfig {
  const files: string[] = [];
  const problems: string[] = [];
  let options: CheckOptions = {};
  const hadolint = explicitFile ? undefined : findConfigFile(startDir, ['.hadolint.yaml', '.hadolint.yml']);
  if (hadolint) {
    options = mergeOptions(options, fromHadolint(readYaml(hadolint, problems), hadolint, problems));
    files.push(hadolint);
  }
  const ours = explicitFile ?? findConfigFile(startDir, ['.shipshape.yaml', '.shipshape.yml']);
  if (ours) {
    options = mergeOptions(options, fromShipshape(readYaml(ours, problems), ours, problems));
    files.unshift(ours);
  }
  return { options, files, problems };
}

function readYaml(file: string, problems: string[]): Record<string, unknown> {
  try {
    // The bounded parser every YAML file goes through: an alias bomb or absurd nesting is a problem, not a hang.
    const parsed = parseYamlFile(readFileSync(file, 'utf8'), { version: '1.2' }); // 1.2: `off` stays a word
    if (parsed.fileError) {
      problems.push(`${file}: ${parsed.fileError.message}`);
      return {};
    }
    const document = parsed.documents[0];
    const error = document?.doc.errors[0]?.message ?? document?.valueError;
    if (error) {
      problems.push(`${file}: ${error.split('\n')[0]}`);
      return {};
    }
    const value = document?.value;
    if (value === null || value === undefined) return {};
    if (typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`${file}: expected a mapping at the top level`);
      return {};
    }
    return value as Record<string, unknown>;
  } catch (err) {
    problems.push(`${file}: ${(err as Error).message}`);
    return {};
  }
}

export function mergeOptions(base: CheckOptions, over: CheckOptions): CheckOptions {
  return {
    ...base,
    ...Object.fromEntries(Object.entries(over).filter(([, v]) => v !== undefined)),
    severity: { ...base.severity, ...over.severity },
  };
}

/** `.shipshape.yaml`: `rules: {id: severity|off}`, `disabled: [ids]`, `failureThreshold`, `trustedRegistries`, ... */
export function fromShipshape(raw: Record<string, unknown>, file: string, problems: string[]): CheckOptions {
  const options: CheckOptions = { severity: {} };
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'rules':
        for (const [id, level] of Object.entries(asRecord(value, file, key, problems))) {
          if (typeof level === 'string' && SEVERITIES.has(level)) options.severity![id] = level as SeverityOverride;
          else problems.push(`${file}: rules.${id}: expected one of error, warning, info, style, off`);
        }
        break;
      case 'disabled':
        for (const id of asStrings(value, file, key, problems)) options.severity![id] = 'off';
        break;
      case 'failureThreshold':
      case 'minimumSeverity':
        if (typeof value === 'string' && SEVERITIES.has(value) && value !== 'off') options[key] = value as Severity;
        else problems.push(`${file}: ${key}: expected one of error, warning, info, style`);
        break;
      case 'trustedRegistries':
        options.trustedRegistries = asStrings(value, file, key, problems);
        break;
      case 'allowInlineIgnores':
        if (typeof value === 'boolean') options.allowInlineIgnores = value;
        else problems.push(`${file}: ${key}: expected true or false`);
        break;
      case 'kubernetesVersion':
        options.kubernetesVersion = String(value);
        break;
      case 'crds':
        options.crdDirs = asStrings(value, file, key, problems).map((d) => resolve(dirname(file), d));
        break;
      default:
        problems.push(`${file}: unknown setting \`${key}\``);
    }
  }
  return options;
}

/** hadolint's keys: `ignored`, `override.{error,warning,info,style}`, `failure-threshold`, `trustedRegistries`, `disable-ignore-pragma`. */
export function fromHadolint(raw: Record<string, unknown>, file: string, problems: string[]): CheckOptions {
  const options: CheckOptions = { severity: {} };
  for (const id of asStrings(raw.ignored ?? [], file, 'ignored', problems)) options.severity![id] = 'off';
  const override = asRecord(raw.override ?? {}, file, 'override', problems);
  for (const level of ['error', 'warning', 'info', 'style'] as const) {
    for (const id of asStrings(override[level] ?? [], file, `override.${level}`, problems)) options.severity![id] = level;
  }
  const threshold = raw['failure-threshold'];
  if (typeof threshold === 'string') {
    if (threshold === 'none') options.failureThreshold = undefined;
    else if (SEVERITIES.has(threshold)) options.failureThreshold = threshold as Severity;
  }
  if (raw.trustedRegistries !== undefined) options.trustedRegistries = asStrings(raw.trustedRegistries, file, 'trustedRegistries', problems);
  if (raw['disable-ignore-pragma'] === true) options.allowInlineIgnores = false;
  return options;
}

function asRecord(value: unknown, file: string, key: string, problems: string[]): Record<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  problems.push(`${file}: ${key}: expected a mapping`);
  return {};
}

function asStrings(value: unknown, file: string, key: string, problems: string[]): string[] {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  problems.push(`${file}: ${key}: expected a list of strings`);
  return [];
}
