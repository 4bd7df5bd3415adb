/**
 * Names a service uses must be declared in the file: services in `depends_on` (unless
 * `required: false`), `links`, `volumes_from`, `network_mode: service:x` and a same-file `extends`; top-level `networks`, `volumes`, `secrets` and
 * `configs`. `docker compose` refuses such a file. Skipped for fragments (override files,
 * `include`), where the declaration may live in another file.
 */
import { asArray, asRecord, asString } from '../../rules/yaml-values';
import { namedEntries } from '../model';
import type { ComposeProject, ComposeService, TopLevelSection } from '../model';
import type { ComposeFinding, ComposeRule } from '../rule';

type Report = (finding: ComposeFinding) => void;

export const undefinedReference: ComposeRule = {
  meta: {
    id: 'compose-undefined-reference',
    domain: 'compose',
    defaultSeverity: 'error',
    description: 'Services, networks, volumes, secrets and configs a service uses must be defined in the file.',
    practice: 'correctness',
  },
  check(project, report) {
    if (project.partial) return;
    for (const service of project.services) {
      checkServices(project, service, report);
      checkTopLevel(project, service, 'networks', namedEntries(service.value.networks), report);
      checkTopLevel(project, service, 'secrets', namedEntries(service.value.secrets), report);
      checkTopLevel(project, service, 'configs', namedEntries(service.value.configs), report);
      checkTopLevel(project, service, 'volumes', namedVolumes(service.value.volumes), report);
    }
  },
};

function checkServices(project: ComposeProject, service: ComposeService, report: Report): void {
  const check = (name: string, path: ComposeFinding['path'], via: string, target: 'key' | 'value' = 'value') => {
    if (!project.serviceNames.has(name) && !name.includes('$')) report({ path, target, message: `Service "${service.name}" ${via} "${name}", which is not defined.` });
  };
  for (const { name, key } of namedEntries(service.value.depends_on)) {
    // `required: false` declares the dependency optional: it may be absent from the project.
    if (typeof key === 'string' && asRecord(asRecord(service.value.depends_on)?.[key])?.required === false) continue;
    check(name, [...service.path, 'depends_on', key], 'depends on service', typeof key === 'string' ? 'key' : 'value');
  }
  const extended = asRecord(service.value.extends);
  if (typeof service.value.extends === 'string') check(service.value.extends, [...service.path, 'extends'], 'extends service');
  else if (extended && extended.file === undefined && typeof extended.service === 'string') {
    check(extended.service, [...service.path, 'extends', 'service'], 'extends service');
  }
  asArray(service.value.links).forEach((link, i) => {
    const name = asString(link)?.split(':')[0];
    if (name) check(name, [...service.path, 'links', i], 'links to service');
  });
  asArray(service.value.volumes_from).forEach((source, i) => {
    const text = asString(source);
    if (!text || text.startsWith('container:')) return;
    check(text.replace(/^service:/, '').split(':')[0], [...service.path, 'volumes_from', i], 'takes volumes from service');
  });
  const mode = asString(service.value.network_mode);
  if (mode?.startsWith('service:')) check(mode.slice('service:'.length), [...service.path, 'network_mode'], 'shares the network of service');
}

function checkTopLevel(project: ComposeProject, service: ComposeService, section: TopLevelSection, entries: { name: string; key: string | number }[], report: Report): void {
  for (const { name, key } of entries) {
    // An interpolated name (`${NET}`) is only known when compose runs.
    if (project.declared[section].has(name) || (section === 'networks' && name === 'default') || name.includes('$')) continue;
    const singular = section.slice(0, -1);
    report({
      path: [...service.path, section, key],
      target: typeof key === 'string' ? 'key' : 'value',
      message: `Service "${service.name}" uses ${singular} "${name}", which is not declared under top-level \`${section}\`.`,
    });
  }
}

/** Named volumes among a service's mounts; bind mounts (paths) and anonymous volumes are not names. */
function namedVolumes(volumes: unknown): { name: string; key: number }[] {
  return asArray(volumes).flatMap((entry, i) => {
    const long = asRecord(entry);
    if (long) {
      const source = asString(long.source);
      return (long.type ?? 'volume') === 'volume' && source && isVolumeName(source) ? [{ name: source, key: i }] : [];
    }
    const text = asString(entry);
    if (!text || !text.includes(':')) return [];
    const source = text.split(':')[0];
    return isVolumeName(source) ? [{ name: source, key: i }] : [];
  });
}

/** Compose's rule: a source that is not a path (`/`, `.`, `~`, a drive letter) nor interpolated is a volume name. */
function isVolumeName(source: string): boolean {
  return source !== '' && !/^[/.~$\\]/.test(source) && !/^[A-Za-z]:[\\/]/.test(source) && !source.includes('/');
}
