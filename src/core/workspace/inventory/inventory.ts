/**
 * The workspace inventory: what the workspace's files define, kept current one file at a time.
 * `update(path, text)` re-reads only that file (YAML re-parses only the documents an edit touched);
 * relations and chart layouts are assembled when asked, from per-file entries.
 *
 * Paths are `/`-separated (e.g. a URI's path); nothing here touches the file system.
 */
import { detectYamlKind } from '../../yaml/detect';
import { parseYamlFile } from '../../yaml/parse';
import type { ParsedYamlFile } from '../../yaml/parse';
import { isDockerfileName, isYamlName } from '../file-kinds';
import { readCompose } from './compose';
import { readDockerfile } from './dockerfile';
import { readChartYaml } from './helm';
import type { ChartMetadataEntry } from './helm';
import { KubernetesInventory } from './kubernetes';
import type { ChartEntry, ComposeFileEntry, DockerfileEntry, K8sContainerEntry, K8sObjectEntry, K8sRelation } from './types';

/** How much of a file the inventory needs: its text, or only that it exists (a chart template). */
export type Interest = 'content' | 'path';

export function interestIn(path: string): Interest | undefined {
  const base = basename(path);
  // `Dockerfile.dockerignore` is BuildKit's per-Dockerfile ignore file, not a Dockerfile.
  if ((isDockerfileName(base) && !/\.dockerignore$/i.test(base)) || isYamlName(base)) return 'content';
  return templateChartDir(path) !== undefined ? 'path' : undefined;
}

type FileRecord =
  | { kind: 'dockerfile'; text: string; entry: DockerfileEntry }
  | { kind: 'compose'; text: string; parsed: ParsedYamlFile; entry: ComposeFileEntry }
  | { kind: 'kubernetes'; text: string; parsed: ParsedYamlFile; objects: K8sObjectEntry[] }
  | { kind: 'chart'; text: string; dir: string; meta: ChartMetadataEntry }
  | { kind: 'other'; text?: string; parsed?: ParsedYamlFile };

export class WorkspaceInventory {
  private readonly files = new Map<string, FileRecord>();
  private readonly kubernetes = new KubernetesInventory();
  private readonly chartsByDir = new Map<string, ChartMetadataEntry>();
  /** Chart directory → files under its templates/ folder (whether or not the chart is known yet). */
  private readonly templates = new Map<string, Set<string>>();

  /** Reads (or re-reads) one file; `text` may be omitted for files whose content is not needed. True when something changed. */
  update(path: string, text?: string, parsed?: ParsedYamlFile): boolean {
    const interest = interestIn(path);
    if (!interest) return this.remove(path);
    const previous = this.files.get(path);
    if (previous && previous.text === text) return false;
    this.forget(path, previous);
    const chartDir = templateChartDir(path);
    if (chartDir !== undefined) this.templatesOf(chartDir).add(path);
    this.files.set(path, text === undefined || interest === 'path' ? { kind: 'other' } : this.read(path, text, previous, parsed));
    return true;
  }

  remove(path: string): boolean {
    const previous = this.files.get(path);
    if (!previous) return false;
    this.forget(path, previous);
    this.files.delete(path);
    return true;
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  /** Whether a Chart.yaml was read in `dir` (its templates/ files are then worth listing). */
  isChartDir(dir: string): boolean {
    return this.chartsByDir.has(dir);
  }

  get size(): number {
    return this.files.size;
  }

  dockerfiles(): DockerfileEntry[] {
    return this.ofKind('dockerfile').map((r) => r.entry);
  }

  dockerfile(path: string): DockerfileEntry | undefined {
    const record = this.files.get(path);
    return record?.kind === 'dockerfile' ? record.entry : undefined;
  }

  composeFiles(): ComposeFileEntry[] {
    return this.ofKind('compose').map((r) => r.entry);
  }

  kubernetesObjects(): K8sObjectEntry[] {
    return this.kubernetes.objects().sort((a, b) => compare(a.path, b.path) || a.at.line - b.at.line);
  }

  relationsOf(object: K8sObjectEntry): K8sRelation[] {
    return this.kubernetes.relationsOf(object);
  }

  containersOf(object: K8sObjectEntry): K8sContainerEntry[] {
    return this.kubernetes.containersOf(object);
  }

  /** Every chart (subcharts included), with its subcharts and templates found in the workspace. */
  charts(): ChartEntry[] {
    const result: ChartEntry[] = [];
    for (const record of this.ofKind('chart')) {
      const { dir, meta } = record;
      const subcharts = [...this.chartsByDir.keys()].filter((d) => dirname(d) === `${dir}/charts`).sort(compare);
      const parent = dirname(dirname(dir));
      result.push({
        path: `${dir}/Chart.yaml`,
        dir,
        name: meta.name,
        version: meta.version,
        type: meta.type,
        dependencies: meta.dependencies.map((dep) => {
          const provided = subcharts.find((s) => this.chartsByDir.get(s)?.name === dep.name) ?? subcharts.find((s) => basename(s) === dep.name);
          return provided ? { ...dep, chartDir: provided } : dep;
        }),
        subcharts,
        templates: [...(this.templates.get(dir) ?? [])].sort(compare),
        parentDir: basename(dirname(dir)) === 'charts' && this.chartsByDir.has(parent) ? parent : undefined,
        at: meta.at,
      });
    }
    return result;
  }

  /** `known`: the manifest as the caller already parsed it (YAML 1.1, this text), so it is not parsed twice. */
  private read(path: string, text: string, previous: FileRecord | undefined, known?: ParsedYamlFile): FileRecord {
    if (isDockerfileName(basename(path))) return { kind: 'dockerfile', text, entry: readDockerfile(path, text) };
    const previousParse = previous && 'parsed' in previous ? previous.parsed : undefined;
    if (basename(path) === 'Chart.yaml') {
      const dir = dirname(path);
      const meta = readChartYaml(path, parseYamlFile(text), dir);
      this.chartsByDir.set(dir, meta);
      return { kind: 'chart', text, dir, meta };
    }
    const kind = detectYamlKind(text, path);
    if (kind === 'compose') {
      // Compose is read as YAML 1.2 (go-yaml v3): `8080:80` stays a string, not a sexagesimal number.
      const parsed = parseYamlFile(text, { version: '1.2', previous: previousParse });
      const entry = readCompose(path, parsed);
      return entry && entry.services.length > 0 ? { kind: 'compose', text, parsed, entry } : { kind: 'other', text };
    }
    if (kind === 'kubernetes') {
      const parsed = known && known.text === text && known.version === '1.1' ? known : parseYamlFile(text, { version: '1.1', previous: previousParse });
      return { kind: 'kubernetes', text, parsed, objects: this.kubernetes.update(path, parsed) };
    }
    return { kind: 'other', text };
  }

  private forget(path: string, record: FileRecord | undefined): void {
    if (record?.kind === 'kubernetes') this.kubernetes.remove(path);
    if (record?.kind === 'chart') this.chartsByDir.delete(record.dir);
    const chartDir = templateChartDir(path);
    if (chartDir !== undefined) {
      const set = this.templates.get(chartDir);
      set?.delete(path);
      if (set?.size === 0) this.templates.delete(chartDir);
    }
  }

  private templatesOf(chartDir: string): Set<string> {
    let set = this.templates.get(chartDir);
    if (!set) this.templates.set(chartDir, (set = new Set()));
    return set;
  }

  private ofKind<K extends FileRecord['kind']>(kind: K): Extract<FileRecord, { kind: K }>[] {
    return [...this.files.entries()]
      .filter(([, r]) => r.kind === kind)
      .sort(([a], [b]) => compare(a, b))
      .map(([, r]) => r as Extract<FileRecord, { kind: K }>);
  }
}

/** `<chart>/templates/...` → `<chart>`; undefined outside a templates/ folder. */
export function templateChartDir(path: string): string | undefined {
  const at = path.lastIndexOf('/templates/');
  return at > 0 && at + '/templates/'.length < path.length ? path.slice(0, at) : undefined;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function dirname(path: string): string {
  return path.slice(0, Math.max(path.lastIndexOf('/'), 0));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
