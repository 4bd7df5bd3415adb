/** One paragraph for the user's log once a workspace is read: what was found and which config applies. */
import type { Project } from './project';
import type { FileKind } from './kinds';

const NAMES: Partial<Record<FileKind, [string, string]>> = {
  dockerfile: ['Dockerfile', 'Dockerfiles'],
  kubernetes: ['Kubernetes manifest', 'Kubernetes manifests'],
  compose: ['Compose file', 'Compose files'],
  chart: ['Helm chart', 'Helm charts'],
  'helm-template': ['chart template', 'chart templates'],
};

export function describeProject(project: Project, roots: readonly string[]): string {
  const counts = new Map<FileKind, number>();
  const configs: string[] = [];
  for (const key of project.paths()) {
    const kind = project.kindOf(key);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    if (kind === 'config' && !key.endsWith('.dockerignore')) configs.push(key);
  }
  const found = Object.entries(NAMES)
    .map(([kind, names]) => [counts.get(kind as FileKind) ?? 0, names!] as const)
    .filter(([n]) => n > 0)
    .map(([n, [one, many]]) => `${n} ${n === 1 ? one : many}`);
  const options = project.optionsFor(roots[0] ?? process.cwd());
  return [
    `workspace ${roots.join(', ') || '(none)'}: ${found.length ? found.join(', ') : 'no Dockerfiles, manifests, Compose files or charts'}`,
    `config files: ${configs.length ? configs.join(', ') : 'none (defaults and editor settings)'}`,
    `Kubernetes schemas: ${options.kubernetesVersion ?? '1.34'}${options.crdDirs?.length ? `, CRDs from ${options.crdDirs.join(', ')}` : ''}`,
  ].join('\n');
}
