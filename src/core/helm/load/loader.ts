/**
 * Loads a chart from a directory or a .tgz the way Helm does (pkg/chart/v2/loader): `.helmignore`
 * (plus the default `templates/.?*`) applied while walking, symlinks followed, UTF-8 BOMs stripped,
 * files over 5 MiB refused, every file routed by name (Chart.yaml, values.yaml, values.schema.json,
 * requirements.yaml, templates/**, charts/<sub>/** and charts/*.tgz as subcharts, the rest as .Files).
 *
 * Where we differ from Helm, on purpose: a symlink is followed only while its target stays inside the
 * read root (the chart folder, or the workspace when the caller gives one). Helm follows any link (and
 * logs it), so a chart from a pull request could render `/etc/passwd` into CI logs and SARIF; we stop
 * with an error naming the link instead. And the walk is bounded (entries, total bytes, subchart
 * depth), so a folder of symlinked folders (a DAG that doubles at every level) cannot hang the load.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, existsSync } from 'node:fs';
import { isAbsolute, join, posix, relative, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { HelmIgnore } from './helmignore';
import { readTarGz, MAX_ARCHIVE_BYTES, MAX_FILE_BYTES } from './tar';
import { readValuesFile, parseYamlMap } from '../values/yaml';
import { metadataFromYaml, validateMetadata, type Chart, type ChartFile } from '../chart';
import { yamlErrorLine } from '../errors';

export class ChartLoadError extends Error {
  constructor(
    message: string,
    /** The chart file at fault, when it is a real file on disk. */
    readonly filePath?: string,
    /** 1-based line in that file, when known. */
    readonly line?: number,
  ) {
    super(message);
  }
}

/** An exceeded bound of the loader: reported as it is, not wrapped once per subchart level. */
class BudgetError extends ChartLoadError {}

/** Options of a load from disk. */
export interface LoadOptions {
  /**
   * No file outside this folder is read, even through a symlink (default: the chart folder itself).
   * Give the workspace root to allow links to shared files elsewhere in the repository.
   */
  readRoot?: string;
}

/** Directory entries one load may visit: a real chart has hundreds; symlinked folders can make millions. */
export const MAX_CHART_ENTRIES = 20_000;
/** Symlinks one load may follow: a chart links a few shared files; a doubling DAG of linked folders links thousands. */
export const MAX_FOLLOWED_LINKS = 1000;
/** Total bytes of a chart folder, as Helm bounds a chart archive (MaxDecompressedChartSize). */
export const MAX_CHART_BYTES = MAX_ARCHIVE_BYTES;
/** Subcharts of subcharts: real charts nest a few levels; recursion over the chart tree must stay bounded. */
export const MAX_SUBCHART_DEPTH = 32;

/** Where a symlink really points, if that is outside `root` (both real paths). */
function linkLeavingRoot(abs: string, root: string): string | undefined {
  let target: string;
  try {
    target = realpathSync.native(abs);
  } catch (e) {
    throw new ChartLoadError(`error evaluating symlink ${abs}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`, abs);
  }
  return isInside(target, root) ? undefined : target;
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function realRoot(dir: string, options: LoadOptions | undefined): string {
  const root = options?.readRoot ?? dir;
  try {
    return realpathSync.native(root);
  } catch {
    return root;
  }
}

function outsideError(rel: string, abs: string, target: string, root: string): ChartLoadError {
  return new ChartLoadError(
    `chart file "${rel}" is a symbolic link to ${target}, outside ${root}: not read (shipshape reads no file outside the chart or workspace; helm would include it)`,
    abs,
  );
}

const BOM = [0xef, 0xbb, 0xbf];

function stripBom(data: Uint8Array): Uint8Array {
  return data.length >= 3 && data[0] === BOM[0] && data[1] === BOM[1] && data[2] === BOM[2] ? data.subarray(3) : data;
}

function text(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
}

interface CachedChart {
  fingerprint: string;
  chart: Chart;
}

const MAX_CACHED_CHARTS = 16;
const chartCache = new Map<string, CachedChart>();

/**
 * Sizes and mtimes of every file the loader would read under `path` (`.helmignore`d paths are skipped,
 * as loading skips them): any edit, addition or removal of a chart file changes it.
 */
function fingerprint(path: string, options: LoadOptions | undefined): string {
  const parts: string[] = [];
  const visited = new Set<string>();
  const root = statSync(path);
  if (!root.isDirectory()) return `:${root.size}:${root.mtimeMs}`;
  const boundary = realRoot(path, options);
  const ignoreFile = join(path, '.helmignore');
  const rules = existsSync(ignoreFile) ? HelmIgnore.parse(readFileSync(ignoreFile, 'utf8')) : HelmIgnore.defaults();
  let entries = 0;
  let links = 0;
  const walk = (abs: string, rel: string): void => {
    // Past a budget, or at a link that leaves the root: loading reports it, never cache that.
    if (++entries > MAX_CHART_ENTRIES) throw new ChartLoadError('too many entries');
    const link = lstatSync(abs).isSymbolicLink();
    const st = statSync(abs);
    if (rel !== '' && rules.ignores(rel, st.isDirectory())) return;
    if (link && (++links > MAX_FOLLOWED_LINKS || linkLeavingRoot(abs, boundary))) throw new ChartLoadError('link budget');
    if (st.isDirectory()) {
      const key = `${st.dev}:${st.ino}`;
      if (visited.has(key)) return;
      visited.add(key);
      for (const name of readdirSync(abs).sort()) walk(join(abs, name), rel === '' ? name : `${rel}/${name}`);
      visited.delete(key);
      return;
    }
    parts.push(`${rel}:${st.size}:${st.mtimeMs}`);
  };
  walk(path, '');
  return parts.join('\n');
}

/**
 * loadChartPath with a cache: a chart is read again only when a file under it changed (checked by
 * size and mtime), so re-rendering after a values change does not re-read and re-parse the chart.
 * The returned chart is shared: callers must not mutate it (processDependencies works on a copy).
 */
export function loadChartPathCached(path: string, overrides?: FileOverrides, options?: LoadOptions): Chart {
  let print: string;
  try {
    print = fingerprint(path, options) + overridesFingerprint(overrides) + (options?.readRoot ? `\nroot:${options.readRoot}` : '');
  } catch {
    return loadChartPath(path, overrides, options);
  }
  const cached = chartCache.get(path);
  if (cached && cached.fingerprint === print) {
    chartCache.delete(path);
    chartCache.set(path, cached);
    return cached.chart;
  }
  const chart = loadChartPath(path, overrides, options);
  chartCache.set(path, { fingerprint: print, chart });
  if (chartCache.size > MAX_CACHED_CHARTS) chartCache.delete(chartCache.keys().next().value as string);
  return chart;
}

export function clearChartCache(): void {
  chartCache.clear();
}

/**
 * Contents to use instead of what is on disk, by absolute path: the editor's unsaved buffers.
 * Only files that exist on disk are replaced (a new unsaved file is not part of the chart yet).
 */
export type FileOverrides = ReadonlyMap<string, string>;

function overridesFingerprint(overrides: FileOverrides | undefined): string {
  if (!overrides || overrides.size === 0) return '';
  const hash = createHash('sha1');
  for (const [path, text] of [...overrides].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`${path}\0${text}\0`);
  return `\noverrides:${hash.digest('hex')}`;
}

/** Loads a chart directory, or a packaged chart when `path` is a file. */
export function loadChartPath(path: string, overrides?: FileOverrides, options?: LoadOptions): Chart {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new ChartLoadError(`path "${path}" not found`);
  }
  if (st.isFile()) {
    if (st.size > MAX_CHART_BYTES) throw new ChartLoadError(`chart archive ${path} is larger than the maximum chart size ${MAX_CHART_BYTES}`);
    return loadArchive(readFileSync(path), path);
  }
  if (!st.isDirectory()) throw new ChartLoadError(`cannot load irregular file ${path} as it has file mode type bits set`);
  return loadDirectory(path, overrides, options);
}

export function loadDirectory(dir: string, overrides?: FileOverrides, options?: LoadOptions): Chart {
  if (!existsSync(join(dir, 'Chart.yaml'))) {
    throw new ChartLoadError(`Chart.yaml file is missing`);
  }
  const ignoreFile = join(dir, '.helmignore');
  const ignoreText = overrides?.get(ignoreFile) ?? (existsSync(ignoreFile) ? readFileSync(ignoreFile, 'utf8') : undefined);
  const rules = ignoreText !== undefined ? HelmIgnore.parse(ignoreText) : HelmIgnore.defaults();
  const files: ChartFile[] = [];
  const visited = new Set<string>();
  const boundary = realRoot(dir, options);
  let entries = 0;
  let links = 0;
  let bytes = 0;
  const walk = (abs: string, rel: string): void => {
    if (++entries > MAX_CHART_ENTRIES) {
      throw new BudgetError(`chart folder ${dir} has more than ${MAX_CHART_ENTRIES} entries (symlinked folders repeating each other?); not loaded`);
    }
    // Symlinks are followed like Helm's sympath.Walk, but only inside the read root (an ignored one is
    // never read, so it may point anywhere); a cycle would otherwise never end.
    const link = lstatSync(abs).isSymbolicLink();
    // A dangling link: Helm's words.
    const target = link ? linkLeavingRoot(abs, boundary) : undefined;
    const st = statSync(abs);
    if (rel !== '' && rules.ignores(rel, st.isDirectory())) return;
    if (link) {
      if (++links > MAX_FOLLOWED_LINKS) {
        throw new BudgetError(`chart folder ${dir} has more than ${MAX_FOLLOWED_LINKS} symbolic links to follow (symlinked folders repeating each other?); not loaded`);
      }
      if (target !== undefined) throw outsideError(rel, abs, target, boundary);
    }
    const key = `${st.dev}:${st.ino}`;
    if (st.isDirectory()) {
      if (visited.has(key)) throw new ChartLoadError(`symlink cycle at ${rel}`);
      visited.add(key);
      for (const name of readdirSync(abs).sort()) walk(join(abs, name), rel === '' ? name : `${rel}/${name}`);
      visited.delete(key);
      return;
    }
    if (!st.isFile()) throw new ChartLoadError(`cannot load irregular file ${abs} as it has file mode type bits set`);
    if (st.size > MAX_FILE_BYTES) {
      throw new ChartLoadError(`chart file "${rel}" is larger than the maximum file size ${MAX_FILE_BYTES}`);
    }
    bytes += st.size;
    if (bytes > MAX_CHART_BYTES) throw new BudgetError(`chart ${dir} is larger than the maximum chart size ${MAX_CHART_BYTES}`);
    const override = overrides?.get(abs);
    files.push({ name: rel, data: stripBom(override !== undefined ? Buffer.from(override, 'utf8') : readFileSync(abs)) });
  };
  walk(dir, '');
  return loadFiles(files, dir);
}

/** Decompressed bytes of the archives one load has opened (subcharts in subcharts add up). */
interface ArchiveBudget {
  bytes: number;
}

export function loadArchive(data: Uint8Array, origin: string, depth = 0, budget: ArchiveBudget = { bytes: 0 }): Chart {
  const entries = readTarGz(data);
  for (const entry of entries) budget.bytes += entry.data.length;
  if (budget.bytes > MAX_CHART_BYTES) {
    throw new BudgetError(`chart archives under ${origin} decompress to more than the maximum chart size ${MAX_CHART_BYTES}`);
  }
  const files: ChartFile[] = [];
  for (const entry of entries) {
    // Helm's LoadArchiveFiles checks: nothing absolute, nothing above the chart's folder.
    const parts = entry.name.replace(/\\/g, '/').split('/');
    if (parts.length === 1 && parts[0] === 'Chart.yaml') throw new ChartLoadError('chart yaml not in base directory');
    const joined = parts.slice(1).join('/');
    if (joined === '') continue;
    if (joined.startsWith('/')) throw new ChartLoadError('chart illegally contains absolute paths');
    const rel = posix.normalize(joined);
    if (rel === '.' || rel === './') throw new ChartLoadError(`chart illegally contains content outside the base directory: ${JSON.stringify(entry.name)}`);
    if (rel.startsWith('..')) throw new ChartLoadError('chart illegally references parent directory');
    if (/^[a-zA-Z]:\//.test(rel)) throw new ChartLoadError('chart contains illegally named files');
    files.push({ name: rel, data: stripBom(entry.data) });
  }
  if (files.length === 0) throw new ChartLoadError('no files in chart archive');
  return loadFiles(files, origin, depth, budget);
}

/** Routes a chart's files (names relative to the chart root) into a Chart, recursing into subcharts. */
export function loadFiles(files: ChartFile[], origin: string, depth = 0, budget: ArchiveBudget = { bytes: 0 }): Chart {
  if (depth > MAX_SUBCHART_DEPTH) throw new BudgetError(`subcharts are nested more than ${MAX_SUBCHART_DEPTH} levels deep (at ${origin}); not loaded`);
  let rawMetadata: Record<string, unknown> | undefined;
  let requirements: Record<string, unknown> | undefined;
  const chart: Omit<Chart, 'metadata'> = { templates: [], values: {}, files: [], dependencies: [], origin };
  const subcharts = new Map<string, ChartFile[]>();
  for (const f of files) {
    const name = f.name;
    try {
      if (name === 'Chart.yaml') {
        rawMetadata = parseYamlMap(text(f.data));
      } else if (name === 'values.yaml') {
        const read = readValuesFile(text(f.data));
        chart.values = read.values;
        if (read.firstDocument) chart.valuesFirstDocument = read.firstDocument;
      } else if (name === 'values.schema.json') {
        chart.schema = f.data;
      } else if (name === 'requirements.yaml') {
        requirements = parseYamlMap(text(f.data));
        chart.files.push(f);
      } else if (name.startsWith('templates/')) {
        chart.templates.push(f);
      } else if (name.startsWith('charts/')) {
        if (name.endsWith('.prov')) {
          chart.files.push(f);
          continue;
        }
        const rest = name.slice('charts/'.length);
        const sub = rest.split('/')[0];
        const group = subcharts.get(sub) ?? [];
        group.push({ name: rest, data: f.data });
        subcharts.set(sub, group);
      } else if (name !== 'Chart.lock' && name !== 'requirements.lock') {
        chart.files.push(f);
      }
    } catch (e) {
      const message = (e as Error).message;
      const onDisk = join(origin, name);
      throw new ChartLoadError(`cannot load ${name}: ${message}`, existsSync(onDisk) ? onDisk : undefined, yamlErrorLine(message));
    }
  }
  if (!rawMetadata) throw new ChartLoadError('Chart.yaml file is missing');
  const raw = { ...rawMetadata } as Record<string, never>;
  if (requirements && Array.isArray(requirements.dependencies) && !Array.isArray(raw.dependencies)) {
    (raw as Record<string, unknown>).dependencies = requirements.dependencies;
  }
  const metadata = metadataFromYaml(raw);
  // requirements.yaml stays a .File only for apiVersion v1 charts.
  if (metadata.apiVersion !== 'v1') chart.files = chart.files.filter((f) => f.name !== 'requirements.yaml');
  validateMetadata(metadata);
  const result: Chart = { metadata, ...chart };
  for (const sub of [...subcharts.keys()].sort()) {
    if (sub.startsWith('_') || sub.startsWith('.')) continue;
    const group = subcharts.get(sub)!;
    let loaded: Chart;
    try {
      if (sub.endsWith('.tgz')) {
        loaded = loadArchive(group[0].data, `${origin}/charts/${sub}`, depth + 1, budget);
      } else {
        const inner = group
          .filter((f) => f.name.includes('/'))
          .map((f) => ({ name: f.name.slice(f.name.indexOf('/') + 1), data: f.data }));
        loaded = loadFiles(inner, join(origin, 'charts', sub), depth + 1, budget);
      }
    } catch (e) {
      // Said once, not once per level it passes through.
      if (e instanceof BudgetError) throw e;
      const inner = e instanceof ChartLoadError ? e : undefined;
      throw new ChartLoadError(`error unpacking subchart ${sub} in ${metadata.name}: ${(e as Error).message}`, inner?.filePath, inner?.line);
    }
    loaded.parent = result;
    result.dependencies.push(loaded);
  }
  return result;
}

/** Directories under `rootDir` holding a Chart.yaml, skipping subcharts (charts/), node_modules and dot dirs. */
export function findChartDirs(rootDir: string, maxDepth = 8): string[] {
  const found: string[] = [];
  const root = realRoot(rootDir, undefined);
  // Linked folders that repeat each other multiply the walk at every level: stop counting somewhere.
  let budget = MAX_CHART_ENTRIES;
  const walk = (dir: string, depth: number): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    if (names.includes('Chart.yaml')) {
      found.push(dir);
      // A chart's own charts/ holds subcharts, which are rendered through their parent.
      names = names.filter((n) => n !== 'charts');
    }
    if (depth >= maxDepth) return;
    for (const name of names) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      if (--budget < 0) return;
      const abs = join(dir, name);
      try {
        if (!statSync(abs).isDirectory()) continue;
        // A linked folder outside the root is not the workspace's chart (and is not read).
        if (lstatSync(abs).isSymbolicLink() && !isInside(realpathSync.native(abs), root)) continue;
        walk(abs, depth + 1);
      } catch {
        /* unreadable entries are not charts */
      }
    }
  };
  walk(rootDir, 0);
  return found;
}
