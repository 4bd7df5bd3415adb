/**
 * Kubernetes objects and the relations the tree shows between them, on top of the shared workspace
 * index (src/core/k8s): a Service selects workloads by pod template labels, an Ingress or HTTPRoute
 * routes to Services, a workload uses ConfigMaps, Secrets, PVCs and a ServiceAccount.
 */
import { isClusterScoped, WorkspaceIndex } from '../../k8s/workspace-index';
import type { K8sObject, YamlPath } from '../../k8s/model';
import { containersOf, referencesOf } from '../../k8s/pod-spec';
import { asArray, asRecord, asString, asStringMap, dig } from '../../rules/yaml-values';
import { nodeAtPath, rangeOfNode, rangeOfPath } from '../../yaml/parse';
import type { K8sContainerEntry, K8sObjectEntry, K8sRelation, K8sRelationKind, SourceSpan } from './types';

export class KubernetesInventory {
  private readonly index = new WorkspaceIndex();
  private readonly entries = new Map<string, { object: K8sObject; entry: K8sObjectEntry }[]>();
  private readonly entryOf = new Map<K8sObject, K8sObjectEntry>();

  /** Indexes a parsed manifest; returns its objects. */
  update(path: string, file: Parameters<WorkspaceIndex['updateFile']>[1]): K8sObjectEntry[] {
    this.remove(path);
    this.index.updateFile(path, file);
    const seen = new Map<string, number>();
    const list = this.index.objectsOf(path).map((object) => {
      const base = `${path}#${object.kind}/${object.namespace ?? ''}/${object.name ?? `doc${object.docIndex}`}`;
      // Two objects with the same identity in one file still need distinct tree ids.
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      const entry = toEntry(object, n === 0 ? base : `${base}~${n}`);
      this.entryOf.set(object, entry);
      return { object, entry };
    });
    this.entries.set(path, list);
    return list.map((e) => e.entry);
  }

  remove(path: string): void {
    for (const { object } of this.entries.get(path) ?? []) this.entryOf.delete(object);
    this.entries.delete(path);
    this.index.removeFile(path);
  }

  private objectOf(entry: K8sObjectEntry): K8sObject | undefined {
    return this.entries.get(entry.path)?.find((e) => e.entry === entry)?.object;
  }

  objects(): K8sObjectEntry[] {
    return [...this.entries.values()].flatMap((list) => list.map((e) => e.entry));
  }

  /** The containers of a workload's pod template (init and ephemeral ones included). */
  containersOf(entry: K8sObjectEntry): K8sContainerEntry[] {
    const object = this.objectOf(entry);
    if (!object) return [];
    return containersOf(object).map((ref) => ({ name: ref.name, kind: ref.kind, image: asString(ref.container.image), at: extentIn(object, entry.path, ref.path) }));
  }

  /** What `entry` points at, computed on demand (only for nodes the user expands). */
  relationsOf(entry: K8sObjectEntry): K8sRelation[] {
    const object = this.objectOf(entry);
    if (!object) return [];
    const span = (path: YamlPath) => spanIn(object, entry.path, path);
    const relations: K8sRelation[] = [];
    const seen = new Set<string>();
    const add = (relation: K8sRelationKind, kind: string, name: string, target: K8sObject | undefined, path: YamlPath) => {
      const key = `${relation}\u0000${kind}\u0000${name}\u0000${target ? this.entryOf.get(target)?.key : ''}`;
      if (seen.has(key)) return;
      seen.add(key);
      relations.push({ relation, kind, name, target: target && this.entryOf.get(target), at: span(path) });
    };
    const named = (kind: string, name: string, namespace: string | undefined) => this.index.named(kind, name, namespace).filter((o) => o.kind === kind || o.provides.some((p) => p.kind === kind));

    if (object.kind === 'Service' && asString(dig(object.value, 'spec', 'type')) !== 'ExternalName') {
      const selector = asStringMap(dig(object.value, 'spec', 'selector'));
      for (const workload of this.index.podTemplatesSelectedBy(selector, object.namespace)) {
        if (workload.name) add('selects', workload.kind, workload.name, workload, ['spec', 'selector']);
      }
    }
    for (const backend of backendsOf(object)) {
      const targets = named('Service', backend.name, backend.namespace);
      if (targets.length === 0) add('routes-to', 'Service', backend.name, undefined, backend.path);
      for (const target of targets) add('routes-to', 'Service', backend.name, target, backend.path);
    }
    for (const ref of referencesOf(object)) {
      const targets = named(ref.kind, ref.name, object.namespace);
      if (targets.length === 0) add('uses', ref.kind, ref.name, undefined, ref.path);
      for (const target of targets) add('uses', ref.kind, ref.name, target, ref.path);
    }
    return relations;
  }
}

const ROUTING_KINDS = new Set(['Service', 'Ingress', 'HTTPRoute']);

/** Where a block (a container's map) starts and the line it ends on, so the findings on its lines are its own. */
function extentIn(object: K8sObject, path: string, at: YamlPath): SourceSpan {
  const document = object.file.documents[object.docIndex];
  const found = document ? nodeAtPath(document, [...object.path, ...at]) : undefined;
  const range = found?.found ? rangeOfNode(object.file, object.docIndex, found.node) : undefined;
  if (!range) return spanIn(object, path, at);
  // An end at a line's start belongs to the line before.
  const endLine = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
  return { path, line: range.start.line, character: range.start.character, endLine };
}

function spanIn(object: K8sObject, path: string, at: YamlPath): SourceSpan {
  const range = rangeOfPath(object.file, object.docIndex, [...object.path, ...at]);
  return { path, line: range.start.line, character: range.start.character, endLine: range.end.line };
}

function toEntry(object: K8sObject, key: string): K8sObjectEntry {
  const document = object.file.documents[object.docIndex];
  const where = rangeOfPath(object.file, object.docIndex, [...object.path, ...(object.name ? ['metadata', 'name'] : ['kind'])], 'key');
  const end = object.file.lines.positionAt(Math.max(document.startOffset, document.endOffset - 1));
  // A document's object owns its findings from its first line (apiVersion), not from its name.
  const start = object.path.length ? rangeOfPath(object.file, object.docIndex, object.path, 'value').start.line : object.file.lines.positionAt(document.startOffset).line;
  return {
    key,
    path: object.fileName,
    kind: object.kind,
    apiVersion: object.apiVersion,
    name: object.name,
    namespace: object.namespace,
    clusterScoped: isClusterScoped(object.kind),
    templated: object.templated,
    expandable: object.podTemplate !== undefined || ROUTING_KINDS.has(object.kind),
    at: { path: object.fileName, line: where.start.line, character: where.start.character, startLine: Math.min(start, where.start.line), endLine: end.line },
  };
}

interface Backend {
  name: string;
  namespace: string | undefined;
  path: YamlPath;
}

/** Services named by an Ingress (v1 and v1beta1 backends) or an HTTPRoute's backendRefs. */
function backendsOf(object: K8sObject): Backend[] {
  const result: Backend[] = [];
  if (object.kind === 'Ingress') {
    const add = (backend: unknown, path: YamlPath) => {
      const b = asRecord(backend);
      const v1 = asString(asRecord(b?.service)?.name);
      if (v1) result.push({ name: v1, namespace: object.namespace, path: [...path, 'service', 'name'] });
      else if (asString(b?.serviceName)) result.push({ name: asString(b?.serviceName)!, namespace: object.namespace, path: [...path, 'serviceName'] });
    };
    add(dig(object.value, 'spec', 'defaultBackend'), ['spec', 'defaultBackend']);
    add(dig(object.value, 'spec', 'backend'), ['spec', 'backend']);
    asArray(dig(object.value, 'spec', 'rules')).forEach((rule, i) => {
      asArray(dig(rule, 'http', 'paths')).forEach((p, j) => add(asRecord(p)?.backend, ['spec', 'rules', i, 'http', 'paths', j, 'backend']));
    });
  } else if (object.kind === 'HTTPRoute') {
    asArray(dig(object.value, 'spec', 'rules')).forEach((rule, i) => {
      asArray(asRecord(rule)?.backendRefs).forEach((item, j) => {
        const ref = asRecord(item);
        const name = asString(ref?.name);
        if (!ref || !name || (ref.kind ?? 'Service') !== 'Service' || (ref.group ?? '') !== '') return;
        result.push({ name, namespace: asString(ref.namespace) ?? object.namespace, path: ['spec', 'rules', i, 'backendRefs', j, 'name'] });
      });
    });
  }
  return result;
}
