/**
 * Splitting rendered templates into YAML documents, telling hooks from manifests and ordering them
 * by kind, as Helm does after rendering (pkg/release/v1/util: manifest.go, manifest_sorter.go,
 * kind_sorter.go). Each document's head (apiVersion, kind, metadata) is parsed as YAML, so a template
 * that renders invalid YAML fails here with `YAML parse error on <file>: ...`, like helm.
 */
import { createHash } from 'node:crypto';
import { parseDocument, isMap, isScalar, type Node } from 'yaml';
import { goBytes, isEscapedByte } from '../gotemplate/bytes';
import { decline, goYamlSyntaxError, readFastDocuments, resolvePlain, type ScalarReader } from './goyaml';
import { findExcessiveNesting } from '../yaml/nesting';

/** go-yaml v3's max_depth (parserc.go): deeper documents fail to decode. */
const GO_YAML_MAX_DEPTH = 10000;

/** Helm's InstallOrder: kinds earlier in the list are installed (and printed) first. */
export const INSTALL_ORDER: readonly string[] = [
  'PriorityClass', 'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy',
  'PodDisruptionBudget', 'ServiceAccount', 'Secret', 'SecretList', 'ConfigMap', 'StorageClass',
  'PersistentVolume', 'PersistentVolumeClaim', 'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleList',
  'ClusterRoleBinding', 'ClusterRoleBindingList', 'Role', 'RoleList', 'RoleBinding', 'RoleBindingList',
  'Service', 'DaemonSet', 'Pod', 'ReplicationController', 'ReplicaSet', 'Deployment', 'HorizontalPodAutoscaler',
  'StatefulSet', 'Job', 'CronJob', 'IngressClass', 'Ingress', 'APIService', 'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
];

/** Helm 3's list ends at APIService: webhook configurations are unknown kinds there (sorted after the known ones). */
export const HELM3_INSTALL_ORDER: readonly string[] = INSTALL_ORDER.slice(0, INSTALL_ORDER.indexOf('APIService') + 1);

const HOOK_EVENTS = new Set([
  'pre-install', 'post-install', 'pre-delete', 'post-delete', 'pre-upgrade', 'post-upgrade',
  'pre-rollback', 'post-rollback', 'test', 'test-success',
]);

export interface ManifestDoc {
  /** Template path, e.g. `mychart/templates/deployment.yaml`. */
  path: string;
  content: string;
  kind: string;
  apiVersion: string;
  name: string;
  /** Hook events when the document is a hook (`helm.sh/hook`). */
  hookEvents?: string[];
}

export class ManifestYamlError extends Error {
  constructor(
    readonly path: string,
    detail: string,
    /** 1-based line within the document's rendered text, when known. */
    readonly line?: number,
  ) {
    super(`YAML parse error on ${path}: ${detail}`);
  }
}

/**
 * Helm's SplitManifests. Helm 4.2+ keeps each document's trailing whitespace; Helm 3 and Helm 4.0/4.1
 * (`trimDocuments`) split on `(?:^|\s*\n)---\s*` and trim every document.
 */
export function splitManifests(text: string, trimDocuments: boolean): string[] {
  if (!trimDocuments) {
    return text
      .replace(/^\s+/, '')
      .split(/^---[ \t]*/m)
      .filter((d) => d.trim() !== '')
      .map((d) => d.replace(/^\s+/, ''));
  }
  return text
    .trim()
    .split(/(?:^|\s*\n)---\s*/)
    .filter((d) => d !== '')
    .map((d) => d.trim());
}

interface Head {
  kind: string;
  apiVersion: string;
  name: string;
  annotations: Record<string, string>;
}

function scalarString(node: unknown): string {
  if (isScalar(node)) return node.value === null || node.value === undefined ? '' : String(node.value);
  return '';
}

function mapGet(node: unknown, key: string): unknown {
  if (!isMap(node)) return undefined;
  for (const pair of node.items) if (scalarString(pair.key) === key) return pair.value;
  return undefined;
}

/**
 * Heads of recently seen documents: re-rendering mostly reproduces the same documents, and parsing
 * big ones (CRDs) is the costliest step after execution. Large documents are keyed by a hash so the
 * cache does not hold on to their text.
 */
const headCache = new Map<string, Head>();
const MAX_CACHED_HEADS = 4000;
const HASH_KEY_ABOVE = 4096;

function headCacheKey(doc: string): string {
  return doc.length <= HASH_KEY_ABOVE ? doc : `#${doc.length}:${createHash('sha1').update(doc).digest('hex')}`;
}

/** Parses the document as YAML (so invalid YAML fails like helm) and reads its head. */
export function parseHead(doc: string, path: string): Head {
  const key = headCacheKey(doc);
  const cached = headCache.get(key);
  if (cached) return cached;
  const head = parseHeadUncached(doc, path);
  headCache.set(key, head);
  if (headCache.size > MAX_CACHED_HEADS) headCache.delete(headCache.keys().next().value as string);
  return head;
}

/** go-yaml's reader check (readerc.go) of the first sequence in `bytes` that is not UTF-8, in its words. */
export function yamlUtf8Error(bytes: Uint8Array): string | undefined {
  for (let i = 0; i < bytes.length; ) {
    const octet = bytes[i];
    const width = (octet & 0x80) === 0 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0;
    if (width === 0) return 'invalid leading UTF-8 octet';
    if (i + width > bytes.length) return 'incomplete UTF-8 octet sequence';
    let value = width === 1 ? octet & 0x7f : width === 2 ? octet & 0x1f : width === 3 ? octet & 0x0f : octet & 0x07;
    for (let k = 1; k < width; k++) {
      if ((bytes[i + k] & 0xc0) !== 0x80) return 'invalid trailing UTF-8 octet';
      value = (value << 6) + (bytes[i + k] & 0x3f);
    }
    const minimum = [0, 0, 0x80, 0x800, 0x10000][width];
    if (value < minimum) return 'invalid length of a UTF-8 sequence';
    if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) return 'invalid Unicode character';
    i += width;
  }
  return undefined;
}

/** What go-yaml's reader accepts (YAML 1.1 c-printable); a lone surrogate is a byte that is not UTF-8. */
const NOT_PRINTABLE = /[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * go-yaml's reader (readerc.go) fails on the first character that is not UTF-8 or not printable, before
 * any parsing: a raw control character or binary file content in a template's output.
 */
export function yamlReaderError(doc: string): string | undefined {
  const at = doc.search(NOT_PRINTABLE);
  if (at < 0) return undefined;
  if (isEscapedByte(doc[at])) return yamlUtf8Error(goBytes(doc.slice(at)));
  return 'control characters are not allowed';
}

function parseHeadUncached(doc: string, path: string): Head {
  const unreadable = yamlReaderError(doc);
  if (unreadable) throw new ManifestYamlError(path, `error converting YAML to JSON: yaml: ${unreadable}`);
  // The fast reader never nests deeper than FAST_MAX_DEPTH, far below the bound checked next.
  const fast = readHeadFast(doc);
  if (fast) return fast;
  // go-yaml's own bound (helm fails the same way); deeper would cost the YAML library seconds and its stack.
  if (findExcessiveNesting(doc, GO_YAML_MAX_DEPTH)) throw new ManifestYamlError(path, `error converting YAML to JSON: yaml: exceeded max depth of ${GO_YAML_MAX_DEPTH}`);
  return readHeadFull(doc, path);
}

/** A head field's scalar whose `yaml` 1.1 reading this module does not reproduce. */
const DOUBTFUL = Symbol('doubtful scalar');
/** Prefix of a key whose `yaml` 1.1 reading is doubtful (NUL never reaches here: the reader check refuses it). */
const DOUBTFUL_KEY = '\u0000';

/**
 * `String(value)` of the scalar as `yaml`'s 1.1 schema reads it (what readHeadFull's scalarString
 * gives), where that is certain: plain words starting with a letter (numbers, timestamps and
 * sexagesimals never do), the null and boolean words (the same sets in both), short decimal integers.
 */
function headPlain(text: string): string | typeof DOUBTFUL {
  if (text === '') return '';
  const resolved = resolvePlain(text);
  if (resolved.tag === 'null') return '';
  if (resolved.tag === 'bool') return String(resolved.value);
  if (resolved.tag === 'str' && /^[A-Za-z]/.test(text)) return text;
  return /^(?:0|-?[1-9][0-9]{0,14})$/.test(text) ? text : DOUBTFUL;
}

/** A plain scalar of the document, read (headPlain) only if it is a head field: most never are. */
class PlainScalar {
  constructor(readonly text: string) {}
}

const HEAD_SCALARS: ScalarReader = {
  plain: (text) => new PlainScalar(text),
  text: (value) => value,
  key(text, plain) {
    if (!plain) return text;
    if (text === '<<') decline();
    const read = headPlain(text);
    return read === DOUBTFUL ? DOUBTFUL_KEY + text : read;
  },
};

function headString(value: unknown): string {
  const read = value instanceof PlainScalar ? headPlain(value.text) : value;
  if (read === DOUBTFUL) decline();
  return typeof read === 'string' ? read : '';
}

function isHeadMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * The head by the one-pass reader (goyaml/fast-decode.ts), which reads the whole document, so text
 * `yaml` would reject still fails; undefined where it declines or a field read is doubtful.
 */
export function readHeadFast(doc: string): Head | undefined {
  const docs = readFastDocuments(doc, HEAD_SCALARS);
  if (!docs || docs.length > 1) return undefined;
  const root = docs.length === 0 ? null : docs[0];
  if (root !== null && !isHeadMap(root)) return undefined;
  try {
    const metadata = root?.metadata;
    const annotations: Record<string, string> = {};
    const ann = isHeadMap(metadata) ? metadata.annotations : undefined;
    if (isHeadMap(ann)) {
      for (const key of Object.keys(ann)) {
        if (key.startsWith(DOUBTFUL_KEY)) return undefined;
        annotations[key] = headString(ann[key]);
      }
    }
    return {
      kind: headString(root?.kind),
      apiVersion: headString(root?.apiVersion),
      name: isHeadMap(metadata) ? headString(metadata.name) : '',
      annotations,
    };
  } catch {
    return undefined;
  }
}

/** The head by the `yaml` package: its errors in go-yaml's words. */
export function readHeadFull(doc: string, path: string): Head {
  const parsed = parseDocument(doc, { version: '1.1', uniqueKeys: false, strict: false, prettyErrors: true });
  const error = parsed.errors[0];
  if (error) {
    const position = error.linePos?.[0];
    const go = goYamlSyntaxError({ code: error.code, message: error.message, line: position?.line ?? 0, col: position?.col ?? 0 }, doc);
    throw new ManifestYamlError(path, `error converting YAML to JSON: yaml: line ${go.line}: ${go.text}`, go.line);
  }
  const root = parsed.contents as Node | null;
  if (root !== null && root !== undefined && !isMap(root) && !(isScalar(root) && root.value === null)) {
    throw new ManifestYamlError(
      path,
      'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ' +
        `${isScalar(root) ? (typeof root.value === 'string' ? 'string' : typeof root.value === 'boolean' ? 'bool' : 'number') : 'array'} into Go value of type releaseutil.SimpleHead`,
    );
  }
  const metadata = mapGet(root, 'metadata');
  const annotations: Record<string, string> = {};
  const ann = mapGet(metadata, 'annotations');
  if (isMap(ann)) for (const pair of ann.items) annotations[scalarString(pair.key)] = scalarString(pair.value);
  return {
    kind: scalarString(mapGet(root, 'kind')),
    apiVersion: scalarString(mapGet(root, 'apiVersion')),
    name: scalarString(mapGet(metadata, 'name')),
    annotations,
  };
}

function kindRank(kind: string, order: readonly string[]): number {
  const i = order.indexOf(kind);
  return i < 0 ? Number.POSITIVE_INFINITY : i;
}

/** Stable sort by InstallOrder; unknown kinds last, alphabetically among themselves (no kind, "", first). */
export function sortByKind<T extends { kind: string }>(items: T[], order: readonly string[] = INSTALL_ORDER): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      const ra = kindRank(a.item.kind, order);
      const rb = kindRank(b.item.kind, order);
      if (ra === Number.POSITIVE_INFINITY && rb === Number.POSITIVE_INFINITY && a.item.kind !== b.item.kind) {
        return a.item.kind < b.item.kind ? -1 : 1;
      }
      if (ra !== rb) return ra < rb ? -1 : 1;
      return a.index - b.index;
    })
    .map((x) => x.item);
}

export interface SortedManifests {
  manifests: ManifestDoc[];
  hooks: ManifestDoc[];
}

/**
 * Helm's SortManifests over rendered files (path -> text): files in path order, partials (`_*`) and
 * blank files skipped, documents split, hooks separated (unknown hook types dropped), both sorted by kind.
 */
export function sortManifests(files: Map<string, string>, trimDocuments: boolean, order: readonly string[] = INSTALL_ORDER): SortedManifests {
  const manifests: ManifestDoc[] = [];
  const hooks: ManifestDoc[] = [];
  const paths = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const path of paths) {
    const content = files.get(path)!;
    if (path.slice(path.lastIndexOf('/') + 1).startsWith('_')) continue;
    if (content.trim() === '') continue;
    for (const doc of splitManifests(content, trimDocuments)) {
      const head = parseHead(doc, path);
      const base: ManifestDoc = { path, content: doc, kind: head.kind, apiVersion: head.apiVersion, name: head.name };
      const hookTypes = head.annotations['helm.sh/hook'];
      if (hookTypes === undefined) {
        manifests.push(base);
        continue;
      }
      const events = hookTypes.split(',').map((h) => h.trim().toLowerCase());
      if (events.some((e) => !HOOK_EVENTS.has(e))) continue;
      hooks.push({ ...base, hookEvents: events });
    }
  }
  return { manifests: sortByKind(manifests, order), hooks: sortByKind(hooks, order) };
}

export function isTestHook(doc: ManifestDoc): boolean {
  return doc.hookEvents?.some((e) => e === 'test' || e === 'test-success') ?? false;
}
