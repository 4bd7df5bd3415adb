/**
 * Services that (transitively) depend on themselves: compose refuses to start the project
 * ("dependency cycle detected: a -> b -> a"). Dependencies are what compose orders services by:
 * `depends_on`, `links`, `volumes_from` and `network_mode: service:x`. Each cycle is reported once, as
 * compose reports it, on its first edge in the file (one finding per service would say the same
 * thing N times); the message lists the whole loop, so any edge of it can be broken.
 */
import { asArray, asString } from '../../rules/yaml-values';
import { namedEntries } from '../model';
import type { ComposeProject, YamlPath } from '../model';
import type { ComposeRule } from '../rule';

interface Edge {
  to: string;
  path: YamlPath;
  /** A map entry (`depends_on: {db: …}`) is reported on its key. */
  target: 'key' | 'value';
}

export const dependsOnCycle: ComposeRule = {
  meta: {
    id: 'compose-depends-on-cycle',
    domain: 'compose',
    defaultSeverity: 'error',
    description: 'Services must not depend on themselves, directly or through other services.',
    practice: 'correctness',
  },
  check(project, report) {
    const edges = dependencyEdges(project);
    const component = stronglyConnected([...edges.keys()], (name) => (edges.get(name) ?? []).map((e) => e.to));
    const reported = new Set<number>();
    for (const [from, list] of edges) {
      for (const edge of list) {
        const group = component.get(from);
        if (edge.to !== from && (group === undefined || group !== component.get(edge.to) || reported.has(group))) continue;
        if (edge.to !== from) reported.add(group!);
        const loop = edge.to === from ? `${from} -> ${from}` : cycleThrough(from, edge.to, edges, component);
        report({ path: edge.path, target: edge.target, message: `Dependency cycle: ${loop}; compose cannot decide which service to start first.` });
      }
    }
  },
};

function dependencyEdges(project: ComposeProject): Map<string, Edge[]> {
  const edges = new Map<string, Edge[]>();
  for (const service of project.services) {
    const list: Edge[] = [];
    const add = (to: string | undefined, path: YamlPath, target: 'key' | 'value' = 'value') => {
      if (to && project.serviceNames.has(to)) list.push({ to, path, target });
    };
    for (const { name, key } of namedEntries(service.value.depends_on)) {
      add(name, [...service.path, 'depends_on', key], typeof key === 'string' ? 'key' : 'value');
    }
    asArray(service.value.links).forEach((link, i) => add(asString(link)?.split(':')[0], [...service.path, 'links', i]));
    asArray(service.value.volumes_from).forEach((source, i) => {
      const text = asString(source);
      if (text && !text.startsWith('container:')) add(text.replace(/^service:/, '').split(':')[0], [...service.path, 'volumes_from', i]);
    });
    const mode = asString(service.value.network_mode);
    if (mode?.startsWith('service:')) add(mode.slice('service:'.length), [...service.path, 'network_mode']);
    edges.set(service.name, list);
  }
  return edges;
}

/** Tarjan's algorithm, iterative so that a long dependency chain cannot overflow the stack. */
function stronglyConnected(nodes: string[], next: (node: string) => string[]): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  let counter = 0;
  let components = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; children: string[]; i: number }[] = [];
    const open = (node: string) => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, children: next(node), i: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame.i < frame.children.length) {
        const child = frame.children[frame.i++];
        if (!index.has(child)) open(child);
        else if (onStack.has(child)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(child)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const members: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          members.push(member);
        } while (member !== frame.node);
        if (members.length > 1) members.forEach((m) => component.set(m, components));
        components++;
      }
    }
  }
  return component;
}

/** A readable cycle `from -> to -> … -> from`, found by a breadth-first walk inside the component. */
function cycleThrough(from: string, to: string, edges: Map<string, Edge[]>, component: Map<string, number>): string {
  const target = component.get(from);
  const previous = new Map<string, string>([[to, from]]);
  const queue = [to];
  for (let head = 0; head < queue.length && !previous.has(from); head++) {
    for (const edge of edges.get(queue[head]) ?? []) {
      if (component.get(edge.to) !== target || previous.has(edge.to)) continue;
      previous.set(edge.to, queue[head]);
      queue.push(edge.to);
    }
  }
  // Walk back from `from` to `to`: chain = [from, …, to]; the cycle is from -> to -> … -> from.
  const chain: string[] = [];
  for (let node: string | undefined = from; node !== undefined; node = node === to ? undefined : previous.get(node)) chain.push(node);
  return [from, ...chain.slice(1).reverse(), from].join(' -> ');
}
