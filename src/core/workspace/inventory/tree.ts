/**
 * The preview tree's nodes, built from the inventory: Images, Compose services, Kubernetes objects
 * (by namespace and kind) and Helm charts. Children are built only when asked (a collapsed section
 * costs nothing), and ids depend on what a node stands for, not on its position, so a refresh keeps
 * the user's expanded nodes and selection.
 */
import type { WorkspaceInventory } from './inventory';
import type { ChartEntry, ComposeServiceEntry, DockerfileEntry, K8sObjectEntry, K8sRelation, SourceSpan, StageEntry } from './types';

export interface TreeNode {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** A codicon name. */
  icon: string;
  /** What the node stands for (`helmChart` gets the render action). */
  contextValue: string;
  /** Where a click reveals. */
  at?: SourceSpan;
  /** Findings within `at` belong to the node; false for links that reveal another definition. */
  ownsFindings: boolean;
  /** Other spans whose findings are the node's too (a chart's templates). */
  alsoCovers?: SourceSpan[];
  /** A chart's directory, for the render action. */
  chartDir?: string;
  children?: () => TreeNode[];
}

export interface TreeOptions {
  /** How a path is shown (e.g. relative to the workspace folder). */
  displayPath?: (path: string) => string;
}

export function rootNodes(inventory: WorkspaceInventory, options: TreeOptions = {}): TreeNode[] {
  const show = options.displayPath ?? ((p: string) => p);
  const sections: TreeNode[] = [];
  const section = (id: string, label: string, icon: string, count: number, children: () => TreeNode[]) => {
    if (count > 0) sections.push({ id, label, description: String(count), icon, contextValue: 'section', ownsFindings: false, children });
  };
  const dockerfiles = inventory.dockerfiles();
  section('images', 'Images', 'package', dockerfiles.length, () => dockerfiles.map((d) => dockerfileNode(d, show)));
  const compose = inventory.composeFiles();
  section('compose', 'Compose services', 'layers', compose.reduce((n, f) => n + f.services.length, 0), () =>
    compose.map((file) => ({
      id: `compose:${file.path}`,
      label: show(file.path),
      description: plural(file.services.length, 'service'),
      icon: 'file',
      contextValue: 'composeFile',
      at: file.at,
      ownsFindings: true,
      children: () => file.services.map((s) => composeServiceNode(`compose:${file.path}`, s, file.services, inventory)),
    })),
  );
  const objects = inventory.kubernetesObjects();
  section('k8s', 'Kubernetes objects', 'symbol-namespace', objects.length, () => namespaceNodes(inventory, objects, show));
  const charts = inventory.charts();
  const byDir = new Map(charts.map((c) => [c.dir, c]));
  section('helm', 'Helm charts', 'graph', charts.length, () => charts.filter((c) => !c.parentDir).map((c) => chartNode(c, byDir, show)));
  return uniqueIds(sections);
}

/**
 * Siblings may stand for the same thing twice (`EXPOSE 80` written twice, a port listed twice): a
 * tree view rejects duplicate ids, so later twins get a counter. Applied level by level, lazily.
 */
function uniqueIds(nodes: TreeNode[]): TreeNode[] {
  const seen = new Map<string, number>();
  return nodes.map((node) => {
    const n = seen.get(node.id) ?? 0;
    seen.set(node.id, n + 1);
    const children = node.children;
    return { ...node, id: n === 0 ? node.id : `${node.id}#${n + 1}`, children: children && (() => uniqueIds(children())) };
  });
}

function dockerfileNode(file: DockerfileEntry, show: (p: string) => string): TreeNode {
  const id = `image:${file.path}`;
  return {
    id,
    label: show(file.path),
    description: plural(file.stages.length, 'stage'),
    icon: 'file',
    contextValue: 'dockerfile',
    at: file.at,
    ownsFindings: true,
    children: () => file.stages.map((stage) => stageNode(id, stage, file.stages)),
  };
}

/** An unnamed stage is known by what it builds from (`COPY --from=<index>` still reaches it). */
const stageLabel = (stage: StageEntry) => stage.name ?? stage.baseImage ?? `stage ${stage.index}`;

function stageNode(parentId: string, stage: StageEntry, stages: StageEntry[]): TreeNode {
  const id = `${parentId}/stage:${stage.name ?? stage.index}`;
  const from = stage.baseStage ? `stage ${stage.baseStage}` : (stage.baseImage ?? '?');
  const byName = (name: string) => stages.find((s) => stageLabel(s) === name || String(s.index) === name);
  const leaf = (key: string, label: string, icon: string, at: SourceSpan, description?: string, owns = true): TreeNode => ({
    id: `${id}/${key}`,
    label,
    description,
    icon,
    contextValue: key.split(':')[0],
    at,
    ownsFindings: owns,
  });
  return {
    id,
    label: stageLabel(stage),
    description: `FROM ${from}${stage.final ? ' · final' : ''}`,
    icon: stage.final ? 'star-full' : 'circle-outline',
    contextValue: 'stage',
    at: stage.at,
    ownsFindings: true,
    children: nonEmpty(() => {
      const children: TreeNode[] = [];
      const base = stage.baseStage !== undefined ? byName(stage.baseStage) : undefined;
      if (base) children.push(leaf('base', `builds on ${stageLabel(base)}`, 'arrow-up', base.at, undefined, false));
      const copied = new Set<string>();
      for (const copy of stage.copiesFrom) {
        if (copied.has(copy.from)) continue;
        copied.add(copy.from);
        const source = copy.isStage ? byName(copy.from) : undefined;
        children.push(leaf(`copyFrom:${copy.from}`, `copies from ${copy.from}`, 'arrow-small-left', copy.at, copy.isStage ? 'stage' : 'image'));
        if (source) children[children.length - 1].tooltip = `COPY --from=${copy.from} (stage defined on line ${source.at.line + 1})`;
      }
      for (const port of stage.exposedPorts) children.push(leaf(`port:${port.port}`, `exposes ${port.port}`, 'plug', port.at));
      for (const command of [stage.entrypoint, stage.command]) {
        if (command) children.push(leaf(`command:${command.keyword}`, command.keyword, 'terminal', command.at, command.text, command.at.line >= stage.at.line && command.at.line <= stage.at.endLine));
      }
      return children;
    }),
  };
}

function composeServiceNode(parentId: string, service: ComposeServiceEntry, all: ComposeServiceEntry[], inventory: WorkspaceInventory): TreeNode {
  const id = `${parentId}/service:${service.name}`;
  const child = (key: string, label: string, icon: string, description?: string, at: SourceSpan = service.at, owns = true): TreeNode => ({
    id: `${id}/${key}`,
    label,
    description,
    icon,
    contextValue: key.split(':')[0],
    at,
    ownsFindings: owns,
  });
  // The build reveals the Dockerfile it uses when the workspace has it.
  const buildNode = () => {
    const dockerfile = service.buildDockerfile !== undefined ? inventory.dockerfile(service.buildDockerfile) : undefined;
    return dockerfile ? child('build', 'build', 'tools', service.build, dockerfile.at, false) : child('build', 'build', 'tools', service.build);
  };
  return {
    id,
    label: service.name,
    description: service.image ?? (service.build !== undefined ? `build ${service.build}` : undefined),
    icon: 'server-process',
    contextValue: 'composeService',
    at: service.at,
    ownsFindings: true,
    children: nonEmpty(() => [
      ...(service.image !== undefined ? [child('image', 'image', 'package', service.image)] : []),
      ...(service.build !== undefined ? [buildNode()] : []),
      ...service.ports.map((p) => child(`port:${p}`, `port ${p}`, 'plug')),
      ...service.dependsOn.map((name) => {
        const target = all.find((s) => s.name === name);
        return child(`dependsOn:${name}`, `depends on ${name}`, 'arrow-right', target ? undefined : 'not defined', target?.at ?? service.at, false);
      }),
      ...service.networks.map((n) => child(`network:${n}`, `network ${n}`, 'globe')),
      ...service.volumes.map((v) => child(`volume:${v}`, `volume ${v}`, 'database')),
    ]),
  };
}

/** An object with no namespace goes where kubectl's context points: `default` unless set otherwise. */
const NO_NAMESPACE = 'default';
const CLUSTER = '(cluster-scoped)';

function namespaceNodes(inventory: WorkspaceInventory, objects: K8sObjectEntry[], show: (p: string) => string): TreeNode[] {
  const groups = new Map<string, Map<string, K8sObjectEntry[]>>();
  for (const object of objects) {
    const ns = object.clusterScoped ? CLUSTER : (object.namespace ?? NO_NAMESPACE);
    const kinds = groups.get(ns) ?? groups.set(ns, new Map()).get(ns)!;
    (kinds.get(object.kind) ?? kinds.set(object.kind, []).get(object.kind)!).push(object);
  }
  // Namespaces alphabetically (unset ones are in `default`), then cluster-scoped objects.
  const order = (ns: string) => (ns === CLUSTER ? 1 : 0);
  return [...groups.keys()]
    .sort((a, b) => order(a) - order(b) || (a < b ? -1 : 1))
    .map((ns) => {
      const kinds = groups.get(ns)!;
      const id = `k8s:ns:${ns}`;
      return {
        id,
        label: ns,
        description: plural([...kinds.values()].reduce((n, l) => n + l.length, 0), 'object'),
        icon: 'symbol-namespace',
        contextValue: 'namespace',
        ownsFindings: false,
        children: () =>
          [...kinds.keys()].sort().map((kind) => ({
            id: `${id}/kind:${kind}`,
            label: kind,
            description: String(kinds.get(kind)!.length),
            icon: 'symbol-class',
            contextValue: 'kind',
            ownsFindings: false,
            children: () => kinds.get(kind)!.map((o) => objectNode(inventory, o, show)),
          })),
      };
    });
}

const RELATION_LABEL: Record<K8sRelation['relation'], string> = { selects: 'selects', 'routes-to': 'routes to', uses: 'uses' };

function objectNode(inventory: WorkspaceInventory, object: K8sObjectEntry, show: (p: string) => string): TreeNode {
  const id = `k8s:obj:${object.key}`;
  const containers = () =>
    inventory.containersOf(object).map((c): TreeNode => ({
      id: `${id}/${c.kind}:${c.name}`,
      label: c.kind === 'container' ? `container ${c.name}` : `${c.kind} container ${c.name}`,
      description: c.image,
      icon: 'vm',
      contextValue: 'container',
      at: c.at,
      ownsFindings: true,
    }));
  const relations = () =>
    inventory.relationsOf(object).map((r): TreeNode => ({
      id: `${id}/${r.relation}:${r.kind}/${r.name}${r.target ? `@${r.target.key}` : ''}`,
      label: `${RELATION_LABEL[r.relation]} ${r.kind} ${r.name}`,
      description: r.target ? show(r.target.path) : 'not defined in the workspace',
      icon: r.target ? 'link' : 'warning',
      contextValue: `relation-${r.relation}`,
      at: r.target?.at ?? r.at,
      ownsFindings: false,
    }));
  return {
    id,
    label: object.name ?? `(unnamed ${object.kind})`,
    description: `${show(object.path)}${object.templated ? ' · templated' : ''}`,
    tooltip: `${object.apiVersion} ${object.kind}`,
    icon: 'symbol-object',
    contextValue: 'k8sObject',
    at: object.at,
    ownsFindings: true,
    children: object.expandable ? () => [...containers(), ...relations()] : undefined,
  };
}

function chartNode(chart: ChartEntry, byDir: Map<string, ChartEntry>, show: (p: string) => string, parentId = ''): TreeNode {
  const id = `${parentId}chart:${chart.dir}`;
  const group = (key: string, label: string, icon: string, items: TreeNode[]): TreeNode[] =>
    items.length === 0 ? [] : [{ id: `${id}/${key}`, label, description: String(items.length), icon, contextValue: key, ownsFindings: false, children: () => items }];
  return {
    id,
    label: chart.name,
    description: [chart.version, chart.type === 'library' ? 'library' : undefined, show(chart.dir)].filter(Boolean).join(' · '),
    icon: 'graph',
    contextValue: 'helmChart',
    at: chart.at,
    ownsFindings: true,
    // A template's problems (a failed render, say) are the chart's problems.
    alsoCovers: chart.templates.map((path) => wholeFile(path)),
    chartDir: chart.dir,
    children: nonEmpty(() => [
      ...group(
        'dependencies',
        'Dependencies',
        'references',
        chart.dependencies.map((dep) => ({
          id: `${id}/dependency:${dep.alias ?? dep.name}`,
          label: dep.alias ? `${dep.name} as ${dep.alias}` : dep.name,
          description: [dep.version, dep.chartDir ? 'in charts/' : dep.repository].filter(Boolean).join(' · '),
          icon: 'package',
          contextValue: 'chartDependency',
          at: dep.at,
          ownsFindings: true,
        })),
      ),
      ...group('subcharts', 'Subcharts', 'graph', chart.subcharts.flatMap((dir) => (byDir.has(dir) ? [chartNode(byDir.get(dir)!, byDir, show, `${id}/`)] : []))),
      ...group(
        'templates',
        'Templates',
        'file-code',
        chart.templates.map((path) => ({
          id: `${id}/template:${path}`,
          label: path.slice(chart.dir.length + '/templates/'.length),
          icon: 'file-code',
          contextValue: 'helmTemplate',
          at: wholeFile(path),
          ownsFindings: true,
        })),
      ),
    ]),
  };
}

const wholeFile = (path: string): SourceSpan => ({ path, line: 0, character: 0, endLine: Number.MAX_SAFE_INTEGER });

/** Children cheap enough to build with their parent: a node with none gets no expander. */
function nonEmpty(build: () => TreeNode[]): (() => TreeNode[]) | undefined {
  const children = build();
  return children.length > 0 ? () => children : undefined;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
