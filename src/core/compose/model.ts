/**
 * A compose file as the rules see it: its services and the names it declares at the top level
 * (networks, volumes, secrets, configs), each with the YAML path where it is written.
 */
import type { ParsedYamlFile, PathSegment } from '../yaml/parse';
import { argvOf } from '../rules/container-command';
import { asRecord, asString } from '../rules/yaml-values';
import type { YamlRecord } from '../rules/yaml-values';

export type YamlPath = PathSegment[];

export interface ComposeService {
  name: string;
  value: YamlRecord;
  path: YamlPath;
}

export type TopLevelSection = 'networks' | 'volumes' | 'secrets' | 'configs';

export interface ComposeProject {
  file: ParsedYamlFile;
  docIndex: number;
  value: YamlRecord;
  services: ComposeService[];
  serviceNames: Set<string>;
  declared: Record<TopLevelSection, Set<string>>;
  /**
   * True when the file can only be a fragment of a project: it `include`s other files, or a service
   * has neither `image`, `build` nor `extends` (an override file such as
   * docker-compose.override.yml). Names it uses may then be declared in the other files.
   */
  partial: boolean;
  /** The file's path, for rules that follow references to other files (`include`). */
  fileName?: string;
  /** Reads another file of the project (default: from disk); undefined when it cannot be read. */
  readFile?: (path: string) => string | undefined;
}

export interface ComposeFileContext {
  fileName?: string;
  readFile?: (path: string) => string | undefined;
}

/** The compose project of a file, or undefined when the file has no top-level mapping. */
export function readComposeProject(file: ParsedYamlFile, context: ComposeFileContext = {}): ComposeProject | undefined {
  const docIndex = file.documents.findIndex((d) => asRecord(d.value) !== undefined);
  if (docIndex === -1) return undefined;
  const value = asRecord(file.documents[docIndex].value)!;
  const services = Object.entries(asRecord(value.services) ?? {}).flatMap(([name, raw]) => {
    const service = asRecord(raw);
    return service ? [{ name, value: service, path: ['services', name] }] : [];
  });
  const names = (section: TopLevelSection) => new Set(Object.keys(asRecord(value[section]) ?? {}));
  const fragmentService = services.some((s) => s.value.image === undefined && s.value.build === undefined && s.value.extends === undefined);
  return {
    file,
    docIndex,
    value,
    services,
    serviceNames: new Set(Object.keys(asRecord(value.services) ?? {})),
    declared: { networks: names('networks'), volumes: names('volumes'), secrets: names('secrets'), configs: names('configs') },
    partial: value.include !== undefined || fragmentService,
    fileName: context.fileName,
    readFile: context.readFile,
  };
}

/** Entries of a field written either as a list of names or as a map keyed by name. */
export function namedEntries(value: unknown): { name: string; key: PathSegment }[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => {
      const name = asString(item) ?? asString(asRecord(item)?.source);
      return name !== undefined ? [{ name, key: i }] : [];
    });
  }
  return Object.keys(asRecord(value) ?? {}).map((name) => ({ name, key: name }));
}

export interface ServiceCommand {
  service: ComposeService;
  argv: string[];
  /** Where a finding about the command goes. */
  field: 'command' | 'entrypoint';
}

/** Each service's start command (`entrypoint` + `command`) as argv; services that set neither run the image's. */
export function serviceCommands(project: ComposeProject): ServiceCommand[] {
  return project.services.flatMap((service) => {
    const argv = argvOf(service.value.entrypoint, service.value.command);
    return argv ? [{ service, argv, field: service.value.command !== undefined ? ('command' as const) : ('entrypoint' as const) }] : [];
  });
}
