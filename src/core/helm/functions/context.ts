/**
 * The non-values parts of the template context (§7 of the Helm notes): `.Chart` built from Chart.yaml,
 * `.Release` and `.Template`. Helm 3 passes `.Chart` as the chart.Metadata struct (so `.Chart.Nope` is an
 * error and %v prints `{name  [] ...}`); Helm 4 passes a map keyed by the same Go field names.
 */
import { formatFloat } from '../../gotemplate/strconv';
import { GoStruct, type GoMap, type GoValue } from '../../gotemplate/values';
import { shortestFloat32 } from '../goyaml';

/** Chart.yaml fields in chart.Metadata's declaration order: [Go field, YAML/JSON key, kind]. */
const METADATA_FIELDS = [
  ['Name', 'name', 'string'],
  ['Home', 'home', 'string'],
  ['Sources', 'sources', 'strings'],
  ['Version', 'version', 'string'],
  ['Description', 'description', 'string'],
  ['Keywords', 'keywords', 'strings'],
  ['Maintainers', 'maintainers', 'maintainers'],
  ['Icon', 'icon', 'string'],
  ['APIVersion', 'apiVersion', 'string'],
  ['Condition', 'condition', 'string'],
  ['Tags', 'tags', 'string'],
  ['AppVersion', 'appVersion', 'string'],
  ['Deprecated', 'deprecated', 'bool'],
  ['Annotations', 'annotations', 'stringMap'],
  ['KubeVersion', 'kubeVersion', 'string'],
  ['Dependencies', 'dependencies', 'dependencies'],
  ['Type', 'type', 'string'],
] as const;

type FieldKind = (typeof METADATA_FIELDS)[number][2];

/**
 * Go's json decoding into a string field after sigs.k8s.io/yaml coerced YAML numbers and bools to
 * text: floats print with 32-bit %g (so `appVersion: 1.10` becomes "1.1", a known Helm surprise).
 */
function asString(value: GoValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) < 2 ** 53) return String(value);
    return formatFloat(shortestFloat32(value), 'g', -1);
  }
  throw new Error(`json: cannot unmarshal ${Array.isArray(value) ? 'array' : 'object'} into Go struct field of type string`);
}

/** Case-insensitive field lookup, as encoding/json matches struct fields. */
function lookup(map: GoMap, key: string): GoValue {
  if (key in map) return map[key];
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(map)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function asList(value: GoValue): GoValue[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw new Error('json: cannot unmarshal into Go struct field of type slice');
  return value;
}

function asMap(value: GoValue): GoMap {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof Uint8Array) {
    throw new Error('json: cannot unmarshal into Go struct field of type map');
  }
  return value as GoMap;
}

export class Maintainer extends GoStruct {
  readonly goTypeName = '*chart.Maintainer';
  constructor(
    readonly Name: string,
    readonly Email: string,
    readonly URL: string,
  ) {
    super();
  }
  goJsonValue(): GoValue {
    return omitEmpty({ name: this.Name, email: this.Email, url: this.URL });
  }
}

export class Dependency extends GoStruct {
  readonly goTypeName = '*chart.Dependency';
  constructor(
    readonly Name: string,
    readonly Version: string,
    readonly Repository: string,
    readonly Condition: string,
    readonly Tags: GoValue[],
    readonly Enabled: boolean,
    readonly ImportValues: GoValue[],
    readonly Alias: string,
  ) {
    super();
  }
  goJsonValue(): GoValue {
    return omitEmpty({
      name: this.Name,
      version: this.Version,
      repository: this.Repository,
      condition: this.Condition,
      tags: this.Tags,
      enabled: this.Enabled,
      'import-values': this.ImportValues,
      alias: this.Alias,
    });
  }
}

function convertField(kind: FieldKind, value: GoValue): GoValue {
  switch (kind) {
    case 'string':
      return asString(value);
    case 'bool':
      return value === true;
    case 'strings':
      return asList(value).map(asString);
    case 'stringMap': {
      const out: GoMap = {};
      for (const [k, v] of Object.entries(asMap(value))) out[k] = asString(v);
      return out;
    }
    case 'maintainers':
      return asList(value).map((m) => {
        const map = asMap(m);
        return new Maintainer(asString(lookup(map, 'name')), asString(lookup(map, 'email')), asString(lookup(map, 'url')));
      });
    case 'dependencies':
      return asList(value).map((d) => {
        const map = asMap(d);
        return new Dependency(
          asString(lookup(map, 'name')),
          asString(lookup(map, 'version')),
          asString(lookup(map, 'repository')),
          asString(lookup(map, 'condition')),
          asList(lookup(map, 'tags')).map(asString),
          lookup(map, 'enabled') === true,
          asList(lookup(map, 'import-values')),
          asString(lookup(map, 'alias')),
        );
      });
  }
}

/** Helm 3's `.Chart`: the chart.Metadata struct (plus IsRoot). */
export class ChartMetadata extends GoStruct {
  readonly goTypeName = '*chart.Metadata';

  constructor(fields: ReadonlyArray<readonly [string, GoValue]>) {
    super();
    for (const [name, value] of fields) (this as unknown as GoMap)[name] = value;
  }

  /** JSON tags with omitempty: toYaml/toJson of `.Chart` print `name: x`, not `Name: x`. */
  goJsonValue(): GoValue {
    const out: GoMap = {};
    for (const [field, key] of METADATA_FIELDS) out[key] = (this as unknown as GoMap)[field];
    return omitEmpty(out);
  }
}

function metadataFields(chartYaml: GoMap): Array<[string, GoValue]> {
  return METADATA_FIELDS.map(([field, key, kind]) => [field, convertField(kind, lookup(chartYaml, key))]);
}

/** `.Chart` as Helm 3 passes it: a struct, so unknown fields are errors and %v prints `{...}`. */
export function chartMetadata(chartYaml: GoMap, options: { isRoot?: boolean } = {}): GoStruct {
  return new ChartMetadata([...metadataFields(chartYaml), ['IsRoot', options.isRoot ?? true]]);
}

/** `.Chart` as Helm 4 passes it: a map with the Go field names, unknown keys print nothing. */
export function chartMetadataMap(chartYaml: GoMap, options: { isRoot?: boolean } = {}): GoMap {
  const out: GoMap = {};
  for (const [field, value] of metadataFields(chartYaml)) out[field] = value;
  out.IsRoot = options.isRoot ?? true;
  return out;
}

/** encoding/json omitempty: drop "", false, 0, nil and empty slices/maps. */
function omitEmpty(map: GoMap): GoMap {
  const out: GoMap = {};
  for (const [k, v] of Object.entries(map)) {
    const empty =
      v === '' ||
      v === false ||
      v === null ||
      v === undefined ||
      (Array.isArray(v) && v.length === 0) ||
      (typeof v === 'object' && !(v instanceof GoStruct) && !Array.isArray(v) && Object.keys(v).length === 0);
    if (!empty) out[k] = v;
  }
  return out;
}

export interface ReleaseOptions {
  name: string;
  namespace?: string;
  revision?: number;
  isUpgrade?: boolean;
}

/** `.Release` for `helm template`: revision 1, install unless --is-upgrade, service "Helm". */
export function releaseObject(options: ReleaseOptions): GoMap {
  const isUpgrade = options.isUpgrade ?? false;
  return {
    Name: options.name,
    Namespace: options.namespace ?? 'default',
    IsUpgrade: isUpgrade,
    IsInstall: !isUpgrade,
    Revision: BigInt(options.revision ?? 1),
    Service: 'Helm',
  };
}

/** `.Template` for one file: its full name and the templates directory it lives in. */
export function templateObject(name: string, basePath: string): GoMap {
  return { Name: name, BasePath: basePath };
}
