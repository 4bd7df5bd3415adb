/**
 * The Kubernetes objects of one file, as the workspace rules see them: identity (kind, name,
 * namespace), labels, where the pod template is, and which names the object makes exist. `kind: List`
 * is expanded into its items. Every object remembers its file and YAML path so a rule can put a
 * finding on the exact key or value.
 */
import { isMap, isPair, isSeq, visit } from 'yaml';
import type { ParsedYamlFile, PathSegment, YamlDocument } from '../yaml/parse';
import { asArray, asRecord, asString, asStringMap, dig } from '../rules/yaml-values';
import type { YamlRecord } from '../rules/yaml-values';

export type YamlPath = PathSegment[];

export interface PodTemplate {
  /** Path of the PodSpec inside the object, e.g. `['spec', 'template', 'spec']`. */
  specPath: YamlPath;
  spec: YamlRecord;
  labels: Record<string, string>;
  /** Path of the template's labels (`metadata.labels`), where a selector finding points. */
  labelsPath: YamlPath;
}

/** A name the object makes exist, e.g. a SealedSecret provides the Secret of the same name. */
export interface ProvidedName {
  kind: string;
  name: string;
}

export interface K8sObject {
  fileName: string;
  file: ParsedYamlFile;
  docIndex: number;
  /** Path of the object inside its document: `[]`, or `['items', i]` for a List item. */
  path: YamlPath;
  apiVersion: string;
  kind: string;
  name?: string;
  /** As written; undefined means "whatever namespace it is applied to" and matches any namespace. */
  namespace?: string;
  labels: Record<string, string>;
  value: YamlRecord;
  podTemplate?: PodTemplate;
  provides: ProvidedName[];
  /**
   * From an unrendered Helm/Go template: it still tells other objects what exists (names, labels),
   * but its own content is not judged, since `{{ }}` parses into nonsense.
   */
  templated: boolean;
}

/** Where the PodSpec lives in each workload kind. */
const POD_SPEC_PATHS: Record<string, { spec: YamlPath; metadata: YamlPath }> = {
  Pod: { spec: ['spec'], metadata: ['metadata'] },
  PodTemplate: { spec: ['template', 'spec'], metadata: ['template', 'metadata'] },
  Deployment: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  StatefulSet: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  DaemonSet: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  ReplicaSet: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  ReplicationController: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  Job: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  CronJob: {
    spec: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    metadata: ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
  },
};

/** Objects of every document of a file. Documents without apiVersion and kind are not Kubernetes. */
export function extractObjects(fileName: string, file: ParsedYamlFile): K8sObject[] {
  const objects: K8sObject[] = [];
  file.documents.forEach((document, docIndex) => {
    const value = asRecord(document.value);
    if (!value) return;
    const templated = isUnrenderedTemplate(document);
    const kind = asString(value.kind);
    if (kind === 'List' || (kind?.endsWith('List') && Array.isArray(value.items))) {
      asArray(value.items).forEach((item, i) => {
        const object = toObject(fileName, file, docIndex, ['items', i], item, templated);
        if (object) objects.push(object);
      });
    } else {
      const object = toObject(fileName, file, docIndex, [], value, templated);
      if (object) objects.push(object);
    }
  });
  return objects;
}

/**
 * A Helm/Go template that was not rendered (`replicas: {{ .Values.n }}`) parses into nonsense:
 * `{{ x }}` becomes a flow map used as a key. Quoted `{{ }}` strings (alert templates in a
 * ConfigMap) are ordinary YAML and do not count.
 */
function isUnrenderedTemplate(document: YamlDocument): boolean {
  if (!document.source.includes('{{')) return false;
  if (document.doc.errors.length > 0) return true;
  let collectionKey = false;
  visit(document.doc, {
    Pair(_, pair) {
      if (isPair(pair) && (isMap(pair.key) || isSeq(pair.key))) {
        collectionKey = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return collectionKey;
}

function toObject(fileName: string, file: ParsedYamlFile, docIndex: number, path: YamlPath, raw: unknown, templated: boolean): K8sObject | undefined {
  const value = asRecord(raw);
  const apiVersion = asString(value?.apiVersion);
  const kind = asString(value?.kind);
  if (!value || !apiVersion || !kind) return undefined;
  const name = asString(dig(value, 'metadata', 'name'));
  const object: K8sObject = {
    fileName,
    file,
    docIndex,
    path,
    apiVersion,
    kind,
    name,
    namespace: asString(dig(value, 'metadata', 'namespace')),
    labels: asStringMap(dig(value, 'metadata', 'labels')),
    value,
    provides: name ? [{ kind, name }] : [],
    templated,
  };
  const where = POD_SPEC_PATHS[kind];
  const spec = where && asRecord(dig(value, ...where.spec));
  if (where && spec) {
    object.podTemplate = {
      specPath: where.spec,
      spec,
      labels: asStringMap(dig(value, ...where.metadata, 'labels')),
      labelsPath: [...where.metadata, 'labels'],
    };
  }
  object.provides.push(...indirectlyProvided(kind, value, name));
  return object;
}

/**
 * ConfigMaps and Secrets that tools create from other objects. Without these, every workload
 * reading a sealed, external, cert-manager or kustomize-generated secret would be reported as
 * referencing a missing one.
 */
function indirectlyProvided(kind: string, value: YamlRecord, name: string | undefined): ProvidedName[] {
  const secret = (n: unknown): ProvidedName[] => (typeof n === 'string' && n ? [{ kind: 'Secret', name: n }] : []);
  switch (kind) {
    case 'SealedSecret':
      return secret(dig(value, 'spec', 'template', 'metadata', 'name') ?? name);
    case 'ExternalSecret':
      return secret(dig(value, 'spec', 'target', 'name') ?? name);
    case 'Certificate':
      return secret(dig(value, 'spec', 'secretName'));
    case 'Kustomization': {
      // Generated names get a hash suffix, and kustomize rewrites references to match.
      const generated = (field: string, generatedKind: string): ProvidedName[] =>
        asArray(value[field]).flatMap((g) => {
          const generatedName = asString(asRecord(g)?.name);
          return generatedName ? [{ kind: generatedKind, name: generatedName }] : [];
        });
      return [...generated('configMapGenerator', 'ConfigMap'), ...generated('secretGenerator', 'Secret')];
    }
    default:
      return [];
  }
}

/** True when two objects can live in the same namespace (an unset namespace matches any). */
export function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

export const CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** The storage class of a PersistentVolume or claim: the field, else the legacy annotation. */
export function storageClassOf(value: YamlRecord, specPath: YamlPath = ['spec']): string | undefined {
  return asString(dig(value, ...specPath, 'storageClassName')) ?? asString(dig(value, 'metadata', 'annotations', CLASS_ANNOTATION));
}
