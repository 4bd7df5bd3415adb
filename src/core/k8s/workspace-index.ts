/**
 * Indexes over every object of every file, so that a cross-file rule is a lookup, never a scan:
 * by (kind, name) for references, by label for Service selectors, and per (kind, directory) to know
 * whether the user manages a kind at all. Replacing one file touches only that file's entries.
 */
import { extractObjects, sameNamespace, storageClassOf } from './model';
import type { K8sObject } from './model';
import type { ParsedYamlFile } from '../yaml/parse';
import { asArray } from '../rules/yaml-values';

class MultiMap<V> {
  private readonly map = new Map<string, Set<V>>();
  add(key: string, value: V): void {
    let set = this.map.get(key);
    if (!set) this.map.set(key, (set = new Set()));
    set.add(value);
  }
  delete(key: string, value: V): void {
    const set = this.map.get(key);
    if (set?.delete(value) && set.size === 0) this.map.delete(key);
  }
  get(key: string): ReadonlySet<V> {
    return this.map.get(key) ?? EMPTY;
  }
}
const EMPTY: ReadonlySet<never> = new Set();

/** Pseudo-kinds for `podTemplateLabelKeyNear`: pod templates carrying a label key. */
const LABEL_KEY_PREFIX = '(pod label) ';

const nameKey = (kind: string, name: string) => `${kind}\u0000${name}`;
const labelKey = (key: string, value: string) => `${key}\u0000${value}`;

export class WorkspaceIndex {
  private readonly files = new Map<string, K8sObject[]>();
  private readonly byName = new MultiMap<K8sObject>();
  /** Objects by kind and folder: which folders "manage" a kind (see `managesKindNear`). */
  private readonly byKindAndFolder = new MultiMap<K8sObject>();
  /** Files listed as `resources` of a Kustomization → the kustomization files listing them. */
  private readonly kustomizationsOfFile = new MultiMap<string>();
  private readonly kustomizationResources = new Map<string, string[]>();
  private readonly podTemplatesByLabel = new MultiMap<K8sObject>();
  /** PersistentVolumes by storage class ('' = none), so a claim never scans every volume. */
  private readonly volumesByClass = new MultiMap<K8sObject>();
  /** Pod templates per namespace as written ('' = unset, which matches any namespace). */
  private readonly podTemplatesByNamespace = new MultiMap<K8sObject>();
  private podTemplateCount = 0;

  updateFile(fileName: string, file: ParsedYamlFile): void {
    this.removeFile(fileName);
    const objects = extractObjects(fileName, file);
    this.files.set(fileName, objects);
    for (const object of objects) this.index(object, true);
    const resources = objects.filter((o) => o.kind === 'Kustomization').flatMap((o) => kustomizationResourceFiles(fileName, o.value));
    if (resources.length > 0) {
      this.kustomizationResources.set(fileName, resources);
      for (const resource of resources) this.kustomizationsOfFile.add(resource, fileName);
    }
  }

  removeFile(fileName: string): void {
    for (const object of this.files.get(fileName) ?? []) this.index(object, false);
    this.files.delete(fileName);
    for (const resource of this.kustomizationResources.get(fileName) ?? []) this.kustomizationsOfFile.delete(resource, fileName);
    this.kustomizationResources.delete(fileName);
  }

  objectsOf(fileName: string): readonly K8sObject[] {
    return this.files.get(fileName) ?? [];
  }

  /** Objects that define or provide `kind`/`name` in a namespace compatible with `namespace`. */
  named(kind: string, name: string, namespace: string | undefined): K8sObject[] {
    return [...this.byName.get(nameKey(kind, name))].filter((o) => sameNamespace(o.namespace, namespace) || isClusterScoped(kind));
  }

  /**
   * Whether `kind` is defined in the folder of `fileName` or in a folder above it. A repository of
   * independent examples or services defines kinds in sibling folders that say nothing about this
   * one; a parent folder is where shared objects (StorageClasses, ServiceAccounts) usually live.
   */
  managesKindNear(kind: string, fileName: string): boolean {
    for (let folder: string | undefined = dirname(fileName); folder !== undefined; folder = parentFolder(folder)) {
      if (this.byKindAndFolder.get(`${kind}\u0000${folder}`).size > 0) return true;
    }
    return false;
  }

  /** Whether some pod template near `fileName` (see `managesKindNear`) has a label named `key`. */
  podTemplateLabelKeyNear(key: string, fileName: string): boolean {
    return this.managesKindNear(`${LABEL_KEY_PREFIX}${key}`, fileName);
  }

  /** Whether `object` is defined near `fileName` in the sense of `managesKindNear`. */
  isNear(object: K8sObject, fileName: string): boolean {
    const folder = dirname(object.fileName);
    for (let f: string | undefined = dirname(fileName); f !== undefined; f = parentFolder(f)) if (f === folder) return true;
    return false;
  }

  /** Objects of `kind` defined near `fileName` in the sense of `managesKindNear`. */
  ofKindNear(kind: string, fileName: string): K8sObject[] {
    const result: K8sObject[] = [];
    for (let folder: string | undefined = dirname(fileName); folder !== undefined; folder = parentFolder(folder)) {
      result.push(...this.byKindAndFolder.get(`${kind}\u0000${folder}`));
    }
    return result;
  }

  persistentVolumesOfClass(className: string): ReadonlySet<K8sObject> {
    return this.volumesByClass.get(className);
  }

  /** Whether the workspace has a pod template in a namespace compatible with `namespace`. */
  hasPodTemplates(namespace: string | undefined): boolean {
    if (namespace === undefined) return this.podTemplateCount > 0;
    return this.podTemplatesByNamespace.get(namespace).size > 0 || this.podTemplatesByNamespace.get('').size > 0;
  }

  /** A workload whose pod template carries every label of `selector`, in a compatible namespace. */
  podTemplateSelectedBy(selector: Record<string, string>, namespace: string | undefined): K8sObject | undefined {
    return this.selected(selector, namespace).next().value ?? undefined;
  }

  /** Every such workload. */
  podTemplatesSelectedBy(selector: Record<string, string>, namespace: string | undefined): K8sObject[] {
    return [...this.selected(selector, namespace)];
  }

  private *selected(selector: Record<string, string>, namespace: string | undefined): Generator<K8sObject> {
    const entries = Object.entries(selector);
    if (entries.length === 0) return;
    // Start from the rarest label: the candidate set is then as small as the index allows.
    const candidateSets = entries.map(([k, v]) => this.podTemplatesByLabel.get(labelKey(k, v)));
    const smallest = candidateSets.reduce((a, b) => (b.size < a.size ? b : a));
    for (const o of smallest) {
      if (sameNamespace(o.namespace, namespace) && entries.every(([k, v]) => o.podTemplate?.labels[k] === v)) yield o;
    }
  }

  /**
   * Objects with the same API group, kind, namespace and name as `object` (any version: the API
   * server stores one object per group) that are applied together with it:
   * in the same file, or in files listed by one Kustomization. Files that merely sit side by side
   * are often alternatives (`pod.yaml`, `pod-privileged.yaml`), so they are not compared.
   */
  duplicatesOf(object: K8sObject): K8sObject[] {
    if (!object.name) return [object];
    const same = [...this.byName.get(nameKey(object.kind, object.name))].filter(
      (o) => o.kind === object.kind && apiGroup(o.apiVersion) === apiGroup(object.apiVersion) && o.name === object.name && (o.namespace ?? '') === (object.namespace ?? ''),
    );
    if (same.every((o) => o.fileName === object.fileName)) return same;
    const together = new Set(this.kustomizationsOf(object.fileName));
    return same.filter((o) => o.fileName === object.fileName || this.kustomizationsOf(o.fileName).some((k) => together.has(k)));
  }

  /** Kustomizations that list the file itself or its folder. */
  private kustomizationsOf(fileName: string): string[] {
    const file = normalizePath(fileName);
    return [...this.kustomizationsOfFile.get(file), ...this.kustomizationsOfFile.get(dirname(file))];
  }

  private index(object: K8sObject, add: boolean): void {
    const op = add ? 'add' : 'delete';
    this.byKindAndFolder[op](`${object.kind}\u0000${dirname(object.fileName)}`, object);
    if (object.kind === 'PersistentVolume') this.volumesByClass[op](storageClassOf(object.value) ?? '', object);
    for (const provided of object.provides) {
      this.byName[op](nameKey(provided.kind, provided.name), object);
      if (provided.kind !== object.kind) {
        this.byKindAndFolder[op](`${provided.kind}\u0000${dirname(object.fileName)}`, object);
      }
    }
    if (object.podTemplate) {
      for (const key of Object.keys(object.podTemplate.labels)) {
        this.byKindAndFolder[op](`${LABEL_KEY_PREFIX}${key}\u0000${dirname(object.fileName)}`, object);
      }
      this.podTemplateCount += add ? 1 : -1;
      this.podTemplatesByNamespace[op](object.namespace ?? '', object);
      for (const [k, v] of Object.entries(object.podTemplate.labels)) this.podTemplatesByLabel[op](labelKey(k, v), object);
    }
  }
}

const CLUSTER_SCOPED = new Set(['PersistentVolume', 'StorageClass', 'Namespace', 'ClusterRole', 'ClusterRoleBinding', 'IngressClass', 'GatewayClass', 'CustomResourceDefinition', 'Node', 'PriorityClass']);

/** `apps` of `apps/v1`; '' for the core group. Versions of one group are one object in the API server. */
function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** The folder part of a path or URI, without depending on Node (the core also runs in the browser). */
function dirname(fileName: string): string {
  return fileName.slice(0, Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'), 0));
}

function parentFolder(folder: string): string | undefined {
  return folder === '' ? undefined : dirname(folder);
}

/** The files a Kustomization's `resources` (and legacy `bases`) name, resolved against its folder. */
function kustomizationResourceFiles(fileName: string, value: Record<string, unknown>): string[] {
  const folder = dirname(fileName);
  const entries = [...asArray(value.resources), ...asArray(value.bases)].filter((e): e is string => typeof e === 'string' && !e.includes('://'));
  return entries.map((entry) => normalizePath(`${folder}/${entry}`));
}

function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '.' || (part === '' && parts.length > 0)) continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}
