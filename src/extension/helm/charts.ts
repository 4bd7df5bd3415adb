/**
 * Which charts and values files the Render Helm Chart prompts offer. No `vscode` import: the rules are
 * unit-tested on plain paths.
 */
import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

/** The chart directory holding `path` (a Chart.yaml, a directory, or any file inside a chart), not above `stopAt`. */
export function chartDirOf(path: string, stopAt?: string): string | undefined {
  let dir = existsSync(join(path, 'Chart.yaml')) ? path : dirname(path);
  for (;;) {
    if (existsSync(join(dir, 'Chart.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir || (stopAt !== undefined && !(parent + sep).startsWith(stopAt + sep) && parent !== stopAt)) return undefined;
    dir = parent;
  }
}

/**
 * Chart directories without subcharts (`<chart>/charts/<sub>/`, at any depth), sorted. A folder named
 * charts/ that is not inside a chart (a repository of charts) is kept.
 */
export function topLevelCharts(chartDirs: readonly string[]): string[] {
  const dirs = new Set(chartDirs);
  return [...dirs].filter((d) => !(dirname(d).endsWith(`${sep}charts`) && dirs.has(dirname(dirname(d))))).sort();
}

/** A YAML file of the chart (path relative to it) worth offering as a values file: not values.yaml itself, nor templates, subcharts, CRDs or Chart metadata. */
export function isValuesCandidate(rel: string): boolean {
  if (!/\.ya?ml$/.test(rel)) return false;
  if (/^(templates|charts|crds)[\\/]/.test(rel)) return false;
  return !['values.yaml', 'Chart.yaml', 'Chart.lock'].includes(rel);
}
