/** `shipshape check [paths...]`: checks every supported file below the paths, through the Project, and reports in one format. */
import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { isAtLeast } from '../core/diagnostics';
import type { CheckOptions } from '../core/config/options';
import { formatSarif, formatText, toJsonFindings, type FileReport } from '../core/present/report';
import { Project } from '../core/project';
import { allRules } from '../core/rules/registry';

export interface CheckArgs {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  config?: string;
  overrides: CheckOptions;
  color: boolean;
}

const MAX_READ_BYTES = 64 * 1024 * 1024;

export function runCheck(args: CheckArgs, version: string, out: (s: string) => void, err: (s: string) => void): number {
  const paths = args.paths.length ? args.paths : ['.'];
  // A device or FIFO named on the command line would block the read forever (/dev/zero: 2 GB, then a crash).
  for (const path of paths) {
    let special = false;
    try {
      const st = statSync(path);
      special = !st.isFile() && !st.isDirectory();
    } catch {
      // Missing paths are reported by the scan below.
    }
    if (special) {
      err(`shipshape: ${path}: not a regular file or folder (a device, FIFO or socket); not read\n`);
      return 2;
    }
  }
  const project = new Project({
    // The folders named are read as workspace folders too (a chart's other files are read only inside one).
    roots: [process.cwd(), ...paths.map((p) => resolve(p))],
    settings: args.overrides,
    configFile: args.config,
    // Read at most this much of one file: a 3 GB (sparse) x.yaml took 34 s and 4.3 GB to be skipped.
    // Up to it, an oversized file still gets its finding (YAML is refused past 24 MB).
    limits: { maxFileBytes: MAX_READ_BYTES },
    log: (message) => err(`shipshape: ${message}\n`),
  });
  const { missing } = project.scan(paths);
  for (const m of missing) err(`shipshape: ${m}: no such file or directory\n`);
  if (missing.length) return 2;
  for (const path of paths.map((p) => resolve(p))) {
    if (project.paths().includes(path) && project.textOf(path) === undefined) {
      err(`shipshape: ${path}: cannot be read\n`);
      return 2;
    }
  }
  const checked = project.checkAll();
  const reports: FileReport[] = checked.map(({ file, diagnostics }) => ({ file: relative(process.cwd(), file).split(sep).join('/') || file, diagnostics }));
  // A binary file named on the command line that no checker claims would otherwise pass in silence.
  for (const path of paths.map((p) => resolve(p))) {
    const text = project.paths().includes(path) ? project.textOf(path) : undefined;
    const reported = checked.some((c) => c.file === path && c.diagnostics.length > 0);
    if (text !== undefined && !reported && text.slice(0, 8192).includes('\u0000')) {
      err(`shipshape: ${path}: looks binary (it contains NUL bytes); not checked\n`);
    }
  }
  if (args.format === 'json') out(JSON.stringify(toJsonFindings(reports), null, 2) + '\n');
  else if (args.format === 'sarif') out(formatSarif(reports, allRules(), version));
  else out(formatText(reports, args.color));
  const threshold = args.overrides.failureThreshold ?? project.optionsFor(resolve(paths[0])).failureThreshold ?? 'error';
  const failing = reports.some((r) => r.diagnostics.some((d) => isAtLeast(d.severity, threshold)));
  return failing ? 1 : 0;
}
