/**
 * Walks the parts of a PodSpec that rules care about: its containers (init and ephemeral included,
 * with their paths) and every reference it makes to other objects.
 */
import { argvOf } from '../rules/container-command';
import { asArray, asRecord, asString, dig } from '../rules/yaml-values';
import type { YamlRecord } from '../rules/yaml-values';
import type { K8sObject, YamlPath } from './model';

export type ContainerKind = 'container' | 'init' | 'ephemeral';

export interface ContainerRef {
  container: YamlRecord;
  /** Path of the container, relative to the object. */
  path: YamlPath;
  kind: ContainerKind;
  name: string;
}

const CONTAINER_LISTS: [string, ContainerKind][] = [
  ['containers', 'container'],
  ['initContainers', 'init'],
  ['ephemeralContainers', 'ephemeral'],
];

export function containersOf(object: K8sObject): ContainerRef[] {
  const template = object.podTemplate;
  if (!template) return [];
  const result: ContainerRef[] = [];
  for (const [list, kind] of CONTAINER_LISTS) {
    asArray(template.spec[list]).forEach((item, i) => {
      const container = asRecord(item);
      if (container) result.push({ container, path: [...template.specPath, list, i], kind, name: asString(container.name) ?? `#${i + 1}` });
    });
  }
  return result;
}

export interface ContainerCommand {
  ref: ContainerRef;
  argv: string[];
  /** Where a finding about the command goes. */
  field: 'command' | 'args';
}

/** Each container's start command (`command` + `args`) as argv; containers that set neither run the image's. */
export function containerCommands(object: K8sObject): ContainerCommand[] {
  return containersOf(object).flatMap((ref) => {
    const argv = argvOf(ref.container.command, ref.container.args);
    return argv ? [{ ref, argv, field: ref.container.command !== undefined ? ('command' as const) : ('args' as const) }] : [];
  });
}

/** Init containers with `restartPolicy: Always` are sidecars: long-running like app containers. */
export function isLongRunning(ref: ContainerRef): boolean {
  return ref.kind === 'container' || (ref.kind === 'init' && ref.container.restartPolicy === 'Always');
}

/** Pods of Jobs and CronJobs run to completion; probes and some practices do not apply to them. */
export function runsToCompletion(object: K8sObject): boolean {
  if (object.kind === 'Job' || object.kind === 'CronJob') return true;
  const policy = object.podTemplate?.spec.restartPolicy;
  return object.kind === 'Pod' && (policy === 'Never' || policy === 'OnFailure');
}

export type ReferencedKind = 'ConfigMap' | 'Secret' | 'PersistentVolumeClaim' | 'ServiceAccount';

export interface ObjectReference {
  kind: ReferencedKind;
  name: string;
  /** A key inside the ConfigMap or Secret, when the reference names one. */
  key?: string;
  optional: boolean;
  /** Path of the referencing `name` (or `key`) value, relative to the object. */
  path: YamlPath;
  keyPath?: YamlPath;
}

/** Every reference the pod template makes to a ConfigMap, Secret, PVC or ServiceAccount. */
export function referencesOf(object: K8sObject): ObjectReference[] {
  const template = object.podTemplate;
  if (!template) return [];
  const refs: ObjectReference[] = [];
  const spec = template.spec;
  const base = template.specPath;
  const add = (kind: ReferencedKind, source: unknown, path: YamlPath, nameField = 'name', key?: { value: unknown; path: YamlPath }) => {
    const record = asRecord(source);
    const name = asString(record?.[nameField]);
    if (!record || !name) return;
    refs.push({
      kind,
      name,
      optional: record.optional === true,
      path: [...path, nameField],
      key: asString(key?.value),
      keyPath: key && typeof key.value === 'string' ? key.path : undefined,
    });
  };

  for (const ref of containersOf(object)) {
    asArray(ref.container.env).forEach((env, i) => {
      const from = asRecord(asRecord(env)?.valueFrom);
      const at = [...ref.path, 'env', i, 'valueFrom'];
      const cm = from?.configMapKeyRef;
      const sec = from?.secretKeyRef;
      add('ConfigMap', cm, [...at, 'configMapKeyRef'], 'name', { value: asRecord(cm)?.key, path: [...at, 'configMapKeyRef', 'key'] });
      add('Secret', sec, [...at, 'secretKeyRef'], 'name', { value: asRecord(sec)?.key, path: [...at, 'secretKeyRef', 'key'] });
    });
    asArray(ref.container.envFrom).forEach((source, i) => {
      const at = [...ref.path, 'envFrom', i];
      add('ConfigMap', asRecord(source)?.configMapRef, [...at, 'configMapRef']);
      add('Secret', asRecord(source)?.secretRef, [...at, 'secretRef']);
    });
  }

  asArray(spec.volumes).forEach((volume, i) => {
    const v = asRecord(volume);
    if (!v) return;
    const at = [...base, 'volumes', i];
    addVolumeSource(refs, v.configMap, 'ConfigMap', [...at, 'configMap'], 'name');
    addVolumeSource(refs, v.secret, 'Secret', [...at, 'secret'], 'secretName');
    add('PersistentVolumeClaim', v.persistentVolumeClaim, [...at, 'persistentVolumeClaim'], 'claimName');
    asArray(dig(v, 'projected', 'sources')).forEach((source, j) => {
      const sourceAt = [...at, 'projected', 'sources', j];
      addVolumeSource(refs, asRecord(source)?.configMap, 'ConfigMap', [...sourceAt, 'configMap'], 'name');
      addVolumeSource(refs, asRecord(source)?.secret, 'Secret', [...sourceAt, 'secret'], 'name');
    });
  });

  for (const field of ['serviceAccountName', 'serviceAccount']) {
    const name = asString(spec[field]);
    if (name) {
      refs.push({ kind: 'ServiceAccount', name, optional: false, path: [...base, field] });
      break;
    }
  }
  return refs;
}

/** A configMap/secret volume: the object, and each `items[].key` it projects. */
function addVolumeSource(refs: ObjectReference[], source: unknown, kind: 'ConfigMap' | 'Secret', path: YamlPath, nameField: string): void {
  const record = asRecord(source);
  const name = asString(record?.[nameField]);
  if (!record || !name) return;
  const optional = record.optional === true;
  refs.push({ kind, name, optional, path: [...path, nameField] });
  asArray(record.items).forEach((item, i) => {
    const key = asString(asRecord(item)?.key);
    if (key) refs.push({ kind, name, key, optional, path: [...path, nameField], keyPath: [...path, 'items', i, 'key'] });
  });
}

/** Where a finding about a whole container goes: its `name` value, else the list item. */
export function containerAnchor(ref: ContainerRef): YamlPath {
  return typeof ref.container.name === 'string' ? [...ref.path, 'name'] : ref.path;
}

/** Where a finding about the whole pod goes: the pod spec key of a Pod, the template of a workload. */
export function podAnchor(object: K8sObject): YamlPath {
  return object.podTemplate ? object.podTemplate.specPath : ['kind'];
}
