/** `shipshape check [paths...]`: lints every supported file below the paths and reports in one format. */
import { readFileSync } from 'node:fs';
import { relative, dirname, resolve, sep } from 'node:path';
import { compareDiagnostics, isAtLeast, type Diagnostic } from '../core/diagnostics';
import { loadConfig, mergeOptions } from '../core/config/load';
import type { CheckOptions } from '../core/config/options';
import { lintDockerfile } from '../core/dockerfile';
import { readDockerignore } from '../core/dockerfile/context/read';
import { formatSarif, formatText, toJsonFindings, type FileReport } from '../core/present/report';
import { isDockerfileName } from '../core/workspace/file-kinds';
import { discoverFiles } from './discover';
import { allRules } from './rules';
import { yamlChecker } from './yaml-checker';

export interface CheckArgs {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  config?: string;
  overrides: CheckOptions;
  color: boolean;
}

export interface FileChecker {
  /** Whether a file found while walking a folder is this checker's (by name). */
  accepts(file: string): boolean;
  /** The findings, or undefined when the content shows the file is not this checker's after all. */
  check(text: string, file: string, options: CheckOptions): Diagnostic[] | undefined;
  /** Called before a run with the paths given, for checkers that keep state across files. */
  begin?(paths: string[]): void;
  /** Findings that need every file first (cross-file, rendered charts), by file as given; merged into the reports. */
  finish?(): Map<string, Diagnostic[]>;
}

/** Checkers by file kind, tried in order. */
export const checkers: FileChecker[] = [yamlChecker, { accepts: isDockerfileName, check: (text, file, options) => lintDockerfile(text, { ...options, dockerignore: readDockerignore(file) }) }];

export function runCheck(args: CheckArgs, version: string, out: (s: string) => void, err: (s: string) => void): number {
  const paths = args.paths.length ? args.paths : ['.'];
  const { files, missing } = discoverFiles(paths, (f) => checkers.some((c) => c.accepts(f)));
  for (const m of missing) err(`shipshape: ${m}: no such file or directory\n`);
  if (missing.length) return 2;
  const reports: FileReport[] = [];
  for (const checker of checkers) checker.begin?.(paths);
  const configCache = new Map<string, CheckOptions>();
  for (const file of files) {
    const options = optionsFor(file, args, configCache, err);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      err(`shipshape: ${file}: ${(e as Error).message}\n`);
      return 2;
    }
    for (const checker of checkers.filter((c) => c.accepts(file) || paths.includes(file))) {
      const diagnostics = checker.check(text, file, options);
      if (diagnostics) {
        reports.push({ file: relative(process.cwd(), file).split(sep).join('/') || file, diagnostics });
        break;
      }
    }
  }
  for (const checker of checkers) {
    for (const [file, diagnostics] of checker.finish?.() ?? []) {
      const name = relative(process.cwd(), file).split(sep).join('/') || file;
      const report = reports.find((r) => r.file === name) ?? reports[reports.push({ file: name, diagnostics: [] }) - 1];
      if (report.diagnostics !== diagnostics) report.diagnostics.push(...diagnostics);
      report.diagnostics.sort(compareDiagnostics);
    }
  }
  if (args.format === 'json') out(JSON.stringify(toJsonFindings(reports), null, 2) + '\n');
  else if (args.format === 'sarif') out(formatSarif(reports, allRules(), version));
  else out(formatText(reports, args.color));
  const threshold = args.overrides.failureThreshold ?? 'error';
  const failing = reports.some((r) => r.diagnostics.some((d) => isAtLeast(d.severity, threshold)));
  return failing ? 1 : 0;
}

function optionsFor(file: string, args: CheckArgs, cache: Map<string, CheckOptions>, err: (s: string) => void): CheckOptions {
  const dir = dirname(resolve(file));
  let options = cache.get(dir);
  if (!options) {
    const loaded = loadConfig(dir, args.config);
    for (const problem of loaded.problems) err(`shipshape: config: ${problem}\n`);
    options = mergeOptions(loaded.options, args.overrides);
    cache.set(dir, options);
  }
  return options;
}
