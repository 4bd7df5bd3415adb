/**
 * How the editor shows the server's preview tree: grouped by kind of file (the server's sections), by
 * Kubernetes namespace or by folder, filtered to items with problems and/or by text, with an icon per
 * kind and a tooltip per item. Pure: the client applies it to the server's data, so a change of view
 * asks nothing of the server. Items keep their ids and tallies; a group's tally is the sum of its items'.
 */
import type { FindingTally } from './tally';
import { describeTally } from './tally';
import type { TreeItemData } from './tree';

export type TreeGrouping = 'kind' | 'namespace' | 'folder';

export interface TreeViewOptions {
  groupBy?: TreeGrouping;
  /** Keep only items with findings (and the groups holding them). */
  onlyProblems?: boolean;
  /** Keep items whose label, description, kind or namespace contains this (case-insensitive), with what is below them. */
  text?: string;
  /** A file's path as the user reads it (relative to the workspace); `/`-separated. */
  displayPath?: (path: string) => string;
}

const SECTION = { images: 'images', compose: 'compose', k8s: 'k8s', helm: 'helm' } as const;

export function regroupTree(roots: readonly TreeItemData[], options: TreeViewOptions = {}): TreeItemData[] {
  const show = options.displayPath ?? ((p: string) => p);
  const tidy = roots.map(tidySection);
  const grouped = options.groupBy === 'namespace' ? byNamespace(tidy) : options.groupBy === 'folder' ? byFolder(tidy, show) : byKind(tidy);
  const text = options.text?.trim().toLowerCase() ?? '';
  return tallyGroups(text || options.onlyProblems ? filterItems(grouped, text, options.onlyProblems ?? false) : grouped);
}

/** Items that only group others (a section, a chart's Templates): the server counts nothing on them. */
const GROUPING = new Set(['section', 'namespace', 'kind', 'folder', 'dependencies', 'subcharts', 'templates']);

/** Every group's tally is the sum of its shown items' (an item's own tally stays what the server counted). */
function tallyGroups(items: TreeItemData[]): TreeItemData[] {
  return items.map((item) => {
    if (!item.children) return item;
    const children = tallyGroups(item.children);
    const copy = { ...item, children };
    return GROUPING.has(item.contextValue) ? withTally(copy) : copy;
  });
}

/** Whether a filter is on, and what it is, as the view's title shows it ("filtered: 'api' · only with problems"). */
export function describeFilter(options: TreeViewOptions): string | undefined {
  const parts = [options.text?.trim() ? `'${options.text.trim()}'` : '', options.onlyProblems ? 'only with problems' : ''].filter(Boolean);
  return parts.length ? `filtered: ${parts.join(' · ')}` : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Groupings

const SECTION_ICONS: Record<string, string> = { images: 'package', compose: 'server-environment', k8s: 'cloud', helm: 'graph' };

/** An unnamed stage is labelled by its base image: its description then need not say `FROM` it again. */
function tidySection(section: TreeItemData): TreeItemData {
  const icon = SECTION_ICONS[section.id] ?? section.icon;
  if (section.id !== SECTION.images) return { ...section, icon };
  const tidyStage = (stage: TreeItemData): TreeItemData =>
    stage.contextValue === 'stage' && stage.description?.startsWith(`FROM ${stage.label}`)
      ? { ...stage, description: stage.description.slice(`FROM ${stage.label}`.length).replace(/^ · /, '') || undefined }
      : stage;
  return { ...section, icon, children: section.children?.map((file) => ({ ...file, children: file.children?.map(tidyStage) })) };
}

/** The server's sections, with Kubernetes objects by kind (namespace in the description): section > kind > object. */
function byKind(roots: readonly TreeItemData[]): TreeItemData[] {
  return roots.map((section) => {
    if (section.id !== SECTION.k8s) return section;
    const kinds = new Map<string, TreeItemData[]>();
    for (const object of k8sObjects([section])) {
      const kind = object.k8s!.kind;
      (kinds.get(kind) ?? kinds.set(kind, []).get(kind)!).push(withDescription(object, [namespaceLabel(object), fileOf(object)]));
    }
    const children = [...kinds.keys()].sort().map((kind) => group(`k8s/kind:${kind}`, kind, 'kind', kindIcon(kind), byName(kinds.get(kind)!)));
    return { ...section, children };
  });
}

/** Namespaces first (objects by kind and name), then cluster-scoped objects, then the other sections as they are. */
function byNamespace(roots: readonly TreeItemData[]): TreeItemData[] {
  const namespaces = new Map<string, TreeItemData[]>();
  for (const object of k8sObjects(roots)) {
    const ns = object.k8s!.namespace ?? CLUSTER;
    (namespaces.get(ns) ?? namespaces.set(ns, []).get(ns)!).push(withDescription(object, [object.k8s!.kind, fileOf(object)]));
  }
  const order = (ns: string) => (ns === CLUSTER ? 1 : 0);
  const groups = [...namespaces.keys()]
    .sort((a, b) => order(a) - order(b) || compare(a, b))
    .map((ns) => group(`ns:${ns}`, ns, 'namespace', ns === CLUSTER ? 'globe' : 'symbol-namespace', byKindAndName(namespaces.get(ns)!), 'object'));
  return [...groups, ...roots.filter((r) => r.id !== SECTION.k8s)];
}

/**
 * Folders (of the workspace, flat, alphabetically), each with what its files define: Dockerfiles and
 * compose files (labelled by file name), Kubernetes objects and charts (a chart in the folder of its Chart.yaml).
 */
function byFolder(roots: readonly TreeItemData[], show: (path: string) => string): TreeItemData[] {
  const folders = new Map<string, TreeItemData[]>();
  const add = (item: TreeItemData, path: string) => {
    const folder = dirname(show(path));
    (folders.get(folder) ?? folders.set(folder, []).get(folder)!).push(item);
  };
  for (const section of roots) {
    if (section.id === SECTION.k8s) {
      for (const object of byKindAndName(k8sObjects([section]))) {
        add(withDescription(object, [object.k8s!.kind, namespaceLabel(object), basename(show(object.at!.path))]), object.at!.path);
      }
      continue;
    }
    for (const item of section.children ?? []) {
      if (!item.at) continue;
      const isFile = section.id === SECTION.images || section.id === SECTION.compose;
      // The folder says where: a file goes by its name, a chart's description drops its folder.
      const folder = dirname(show(item.at.path));
      add(isFile ? { ...item, label: basename(show(item.at.path)) } : { ...item, description: item.description?.replace(new RegExp(`( · )?${escapeRegExp(folder)}$`), '') || undefined }, item.at.path);
    }
  }
  return [...folders.keys()].sort(compare).map((folder) => group(`folder:${folder}`, folder === '.' ? '(workspace root)' : folder, 'folder', 'folder', folders.get(folder)!));
}

const CLUSTER = '(cluster-scoped)';

function k8sObjects(items: readonly TreeItemData[]): TreeItemData[] {
  const found: TreeItemData[] = [];
  const walk = (list: readonly TreeItemData[]) => {
    for (const item of list) {
      if (item.k8s) found.push(item);
      else if (item.id === SECTION.k8s || item.contextValue === 'namespace' || item.contextValue === 'kind') walk(item.children ?? []);
    }
  };
  walk(items);
  return found;
}

/** A group the view makes: its description counts its items, its tally sums theirs. */
function group(id: string, label: string, contextValue: string, icon: string, children: TreeItemData[], noun?: string): TreeItemData {
  const item: TreeItemData = { id: `view:${id}`, label, icon, contextValue, description: noun ? plural(children.length, noun) : String(children.length), children };
  const tally = sumTallies(children);
  if (tally) item.findings = tally;
  return item;
}

function sumTallies(items: readonly TreeItemData[]): FindingTally | undefined {
  const total = { errors: 0, warnings: 0, notes: 0 };
  for (const item of items) {
    total.errors += item.findings?.errors ?? 0;
    total.warnings += item.findings?.warnings ?? 0;
    total.notes += item.findings?.notes ?? 0;
  }
  return total.errors + total.warnings + total.notes > 0 ? total : undefined;
}

/** An object's description says what its group does not: kind, namespace, file. */
function withDescription(object: TreeItemData, parts: (string | undefined)[]): TreeItemData {
  return { ...object, description: parts.filter(Boolean).join(' · ') };
}

/** The server's object description is the file as shown, then " · templated" for an unrendered template. */
const fileOf = (object: TreeItemData) => object.description;

const namespaceLabel = (object: TreeItemData) => object.k8s?.namespace;

const byName = (items: TreeItemData[]) => [...items].sort((a, b) => compare(a.label, b.label));

const byKindAndName = (items: TreeItemData[]) => [...items].sort((a, b) => compare(a.k8s?.kind ?? '', b.k8s?.kind ?? '') || compare(a.label, b.label));

// ---------------------------------------------------------------------------------------------------
// Filters

function filterItems(items: readonly TreeItemData[], text: string, onlyProblems: boolean): TreeItemData[] {
  const kept: TreeItemData[] = [];
  for (const item of items) {
    if (onlyProblems && !hasProblems(item)) continue;
    const matches = !text || matchesText(item, text);
    // A match keeps what is below it (narrowed to problems when asked); otherwise only matching branches stay.
    const children = item.children && (matches ? (onlyProblems ? filterItems(item.children, '', true) : item.children) : filterItems(item.children, text, onlyProblems));
    if (!matches && !children?.length) continue;
    if (item.children === children) {
      kept.push(item);
      continue;
    }
    const copy: TreeItemData = { ...item, children };
    if (!children?.length) delete copy.children;
    if (isGroup(item)) {
      copy.description = String(countOf(copy));
      if (item.id.startsWith('view:') && /^\d+ \w+$/.test(item.description ?? '')) copy.description = plural(countOf(copy), item.description!.replace(/^\d+ (\w+?)s?$/, '$1'));
    }
    kept.push(copy);
  }
  return kept;
}

/** Server sections and the view's groups count what they hold; narrowed, they count what is shown. */
const isGroup = (item: TreeItemData) => item.id.startsWith('view:') || GROUPING.has(item.contextValue);

/** What a group counts: compose services (not files), Kubernetes objects, else its items. */
function countOf(item: TreeItemData): number {
  if (item.id === SECTION.compose) return (item.children ?? []).reduce((n, file) => n + (file.children?.length ?? 0), 0);
  if (item.id === SECTION.k8s) return k8sObjects([item]).length;
  // The server counts subcharts too.
  if (item.id === SECTION.helm) return charts(item.children ?? []);
  return item.children?.length ?? 0;
}

function charts(items: readonly TreeItemData[]): number {
  return items.reduce((n, i) => n + (i.contextValue === 'helmChart' ? 1 : 0) + charts(i.children ?? []), 0);
}

function withTally(item: TreeItemData): TreeItemData {
  const tally = sumTallies(item.children ?? []);
  if (tally) item.findings = tally;
  else delete item.findings;
  return item;
}

function hasProblems(item: TreeItemData): boolean {
  const f = item.findings ?? item.owned;
  if (f && f.errors + f.warnings + f.notes > 0) return true;
  return (item.children ?? []).some(hasProblems);
}

function matchesText(item: TreeItemData, text: string): boolean {
  return [item.label, item.description, item.k8s?.kind, item.k8s?.namespace].some((s) => s !== undefined && s.toLowerCase().includes(text));
}

// ---------------------------------------------------------------------------------------------------
// Icons and tooltips

/** Codicons (as in VS Code 1.100) per Kubernetes kind; other kinds get `symbol-object`. */
const KIND_ICONS: Record<string, string> = {
  Pod: 'vm',
  Deployment: 'rocket',
  ReplicaSet: 'copy',
  ReplicationController: 'copy',
  StatefulSet: 'list-ordered',
  DaemonSet: 'server',
  Job: 'play-circle',
  CronJob: 'watch',
  Service: 'radio-tower',
  Ingress: 'globe',
  IngressClass: 'globe',
  Gateway: 'globe',
  HTTPRoute: 'git-merge',
  NetworkPolicy: 'shield',
  ConfigMap: 'gear',
  Secret: 'lock',
  PersistentVolumeClaim: 'database',
  PersistentVolume: 'database',
  StorageClass: 'database',
  ServiceAccount: 'account',
  Role: 'key',
  ClusterRole: 'key',
  RoleBinding: 'organization',
  ClusterRoleBinding: 'organization',
  Namespace: 'symbol-namespace',
  HorizontalPodAutoscaler: 'arrow-both',
  PodDisruptionBudget: 'pulse',
  CustomResourceDefinition: 'symbol-class',
  LimitRange: 'dashboard',
  ResourceQuota: 'dashboard',
};

export const kindIcon = (kind: string): string => KIND_ICONS[kind] ?? 'symbol-object';

/** Icons by what an item stands for (its contextValue); items not listed keep the server's. */
const CONTEXT_ICONS: Record<string, string> = {
  stage: 'layers',
  composeService: 'server-process',
  network: 'type-hierarchy-sub',
  volume: 'database',
  port: 'plug',
  image: 'package',
  build: 'tools',
  container: 'vm-running',
  helmChart: 'graph',
  helmTemplate: 'file-code',
  chartDependency: 'package',
};

/** The codicon an item shows: per Kubernetes kind, per kind of item, else what the server chose. */
export function iconOf(item: TreeItemData): string {
  if (item.k8s) return kindIcon(item.k8s.kind);
  if (item.contextValue === 'stage') return item.icon === 'star-full' ? 'layers-active' : 'layers';
  if (item.contextValue === 'kind') return kindIcon(item.label);
  if (item.contextValue.startsWith('relation-')) {
    // The id names the other object: `<object>/<relation>:<Kind>/<name>`; a missing one keeps its warning.
    const kind = /\/(?:selects|routes-to|uses):([^/]+)\//.exec(item.id)?.[1];
    return item.icon === 'warning' || !kind ? item.icon : kindIcon(kind);
  }
  return CONTEXT_ICONS[item.contextValue] ?? item.icon;
}

const WHAT: Record<string, string> = {
  dockerfile: 'Dockerfile',
  stage: 'Build stage',
  composeFile: 'Compose file',
  composeService: 'Compose service',
  helmChart: 'Helm chart',
  helmTemplate: 'Helm template',
  chartDependency: 'Chart dependency',
  container: 'Container',
};

/** The hover of an item, as Markdown: what it is, its name, namespace, file:line and findings. */
export function tooltipMarkdown(item: TreeItemData, displayPath: (path: string) => string = (p) => p): string {
  const lines: string[] = [];
  if (item.k8s) {
    lines.push(`**${escape(item.k8s.kind)}** ${escape(item.k8s.name ?? '(unnamed)')} · ${escape(item.k8s.apiVersion)}`);
    lines.push(item.k8s.namespace !== undefined ? `Namespace: ${escape(item.k8s.namespace)}` : 'Cluster-scoped (no namespace)');
  } else {
    const finalStage = item.contextValue === 'stage' && item.icon === 'star-full';
    const what = finalStage ? 'Final build stage' : WHAT[item.contextValue];
    lines.push(what ? `**${what}** ${escape(item.label)}` : `**${escape(item.label)}**`);
    // A group's description is a count; an item's says something (its base image, its image, its version).
    const description = finalStage ? item.description?.replace(/(^| · )final$/, '') : item.description;
    const detail = item.tooltip ?? (isGroup(item) || item.contextValue === 'namespace' || item.contextValue === 'kind' ? undefined : description || undefined);
    if (detail) lines.push(escape(detail));
  }
  if (item.at) lines.push(`${escape(displayPath(item.at.path))}:${item.at.line + 1}`);
  const summary = describeTally(item.findings ?? item.owned);
  if (summary) lines.push(`Shipshape: ${summary}`);
  // Hard line breaks: one compact block, not a paragraph per line.
  return lines.join('  \n');
}

/** Markdown's punctuation, so names and paths show as written. */
const escape = (s: string) => s.replace(/[\\`*_{}[\]()#+!|<>]/g, (c) => `\\${c}`);

// ---------------------------------------------------------------------------------------------------

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : path.slice(0, i);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
