/**
 * The in-memory chart, as Helm's loader builds it (pkg/chart/v2/chart.go): metadata from Chart.yaml,
 * templates, default values, the schema, other files (for `.Files`) and subcharts. Also Chart.yaml
 * validation with Helm's messages and the chart's full path used in template names.
 */
import type { GoMap, GoValue } from '../gotemplate/values';

export interface ChartFile {
  /** Chart-relative, `/`-separated: `templates/deployment.yaml`, `files/a.conf`. */
  name: string;
  data: Uint8Array;
}

export interface ChartDependency {
  name: string;
  version: string;
  repository: string;
  condition: string;
  tags: string[];
  enabled: boolean;
  importValues: GoValue[];
  alias: string;
}

export interface ChartMetadata {
  apiVersion: string;
  name: string;
  version: string;
  type: string;
  kubeVersion: string;
  deprecated: boolean;
  dependencies: ChartDependency[];
  /** Chart.yaml exactly as parsed (Go values), for `.Chart`. */
  raw: GoMap;
}

export interface Chart {
  metadata: ChartMetadata;
  templates: ChartFile[];
  /** Default values: every document of values.yaml merged (how Helm 4 reads it). */
  values: GoMap;
  /** Helm 3 reads only the first document; set only when values.yaml has several. */
  valuesFirstDocument?: GoMap;
  schema?: Uint8Array;
  files: ChartFile[];
  /** Subcharts found in charts/ (directories and .tgz), sorted by name. */
  dependencies: Chart[];
  parent?: Chart;
  /** Where it was loaded from (a directory, or `<archive>.tgz`), for messages. */
  origin: string;
}

export class ChartValidationError extends Error {
  constructor(message: string) {
    super(`validation: ${message}`);
  }
}

export function chartName(chart: Chart): string {
  return chart.metadata.name;
}

export function isLibraryChart(chart: Chart): boolean {
  return chart.metadata.type === 'library';
}

/** `<root>/charts/<sub>/charts/<subsub>`: the prefix of every template name of `chart`. */
export function chartFullPath(chart: Chart): string {
  return chart.parent ? `${chartFullPath(chart.parent)}/charts/${chart.metadata.name}` : chart.metadata.name;
}

function str(value: GoValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value : String(value);
}

function list(value: GoValue): GoValue[] {
  return Array.isArray(value) ? value : [];
}

/** Loose semver 2 (Masterminds' StrictNewVersion is not used by Helm; NewVersion accepts `v1.2`). */
const SEMVER = /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;

export function isValidSemver(version: string): boolean {
  return SEMVER.test(version);
}

/** Builds typed metadata from parsed Chart.yaml; `requirements.yaml` dependencies may be merged in. */
export function metadataFromYaml(raw: GoMap): ChartMetadata {
  const deps = list(raw.dependencies).map((d): ChartDependency => {
    const m = (d && typeof d === 'object' && !Array.isArray(d) ? d : {}) as GoMap;
    return {
      name: str(m.name),
      version: str(m.version),
      repository: str(m.repository),
      condition: str(m.condition),
      tags: list(m.tags).map(str),
      enabled: m.enabled === true,
      importValues: list(m['import-values']),
      alias: str(m.alias),
    };
  });
  return {
    apiVersion: str(raw.apiVersion) || 'v1',
    name: str(raw.name),
    version: str(raw.version),
    type: str(raw.type),
    kubeVersion: str(raw.kubeVersion),
    deprecated: raw.deprecated === true,
    dependencies: deps,
    raw,
  };
}

/** Chart.yaml validation, in Helm's order and wording (pkg/chart/v2/metadata.go Validate). */
export function validateMetadata(md: ChartMetadata): void {
  if (!md.apiVersion) throw new ChartValidationError('chart.metadata.apiVersion is required');
  if (!md.name) throw new ChartValidationError('chart.metadata.name is required');
  if (md.name.includes('/') || md.name.includes('\\') || md.name === '.' || md.name === '..') {
    throw new ChartValidationError(`chart.metadata.name ${JSON.stringify(md.name)} is invalid`);
  }
  if (!md.version) throw new ChartValidationError('chart.metadata.version is required');
  if (!isValidSemver(md.version)) throw new ChartValidationError(`chart.metadata.version ${JSON.stringify(md.version)} is invalid`);
  if (md.type !== '' && md.type !== 'application' && md.type !== 'library') {
    throw new ChartValidationError('chart.metadata.type must be application or library');
  }
  const seen = new Set<string>();
  for (const dep of md.dependencies) {
    if (dep.alias && !/^[a-zA-Z0-9_-]+$/.test(dep.alias)) {
      throw new ChartValidationError(`dependency ${JSON.stringify(dep.name)} has disallowed characters in the alias`);
    }
    const key = dep.alias || dep.name;
    if (seen.has(key)) throw new ChartValidationError(`more than one dependency with name or alias ${JSON.stringify(key)}`);
    seen.add(key);
  }
}
