/**
 * What the workspace defines, read from its files alone (no cluster, no docker): images and their
 * stages, compose services, Kubernetes objects with their relations, and Helm charts. Plain data,
 * so the editor's tree and a JSON snapshot show the same thing.
 */

/**
 * Where something is defined: `line` (0-based) is where the editor reveals it; findings from
 * `startLine` (default `line`) to `endLine` belong to it.
 */
export interface SourceSpan {
  path: string;
  line: number;
  character: number;
  startLine?: number;
  endLine: number;
}

export interface StageEntry {
  index: number;
  /** `AS name`, lower-cased as Docker treats it. */
  name?: string;
  /** The base image after ARG substitution, else as written. */
  baseImage?: string;
  /** Name (or index) of the earlier stage this one builds on. */
  baseStage?: string;
  final: boolean;
  /** `COPY --from` sources: a stage name, a stage index, or an image. */
  copiesFrom: { from: string; isStage: boolean; at: SourceSpan }[];
  exposedPorts: { port: string; at: SourceSpan }[];
  /** The stage's own last CMD/ENTRYPOINT (the final stage's is what the image runs). */
  command?: { keyword: 'CMD' | 'ENTRYPOINT'; text: string; at: SourceSpan };
  entrypoint?: { keyword: 'CMD' | 'ENTRYPOINT'; text: string; at: SourceSpan };
  at: SourceSpan;
}

export interface DockerfileEntry {
  path: string;
  stages: StageEntry[];
  at: SourceSpan;
}

export interface ComposeServiceEntry {
  name: string;
  image?: string;
  /** The build context (`build: ./dir` or `build.context`), with the Dockerfile when named. */
  build?: string;
  /** The Dockerfile the build uses, resolved against the compose file's folder (it may not exist). */
  buildDockerfile?: string;
  ports: string[];
  networks: string[];
  dependsOn: string[];
  volumes: string[];
  at: SourceSpan;
}

export interface ComposeFileEntry {
  path: string;
  services: ComposeServiceEntry[];
  at: SourceSpan;
}

export type K8sRelationKind = 'selects' | 'routes-to' | 'uses';

/** An edge from one object to another it names; `target` is absent when the workspace does not define it. */
export interface K8sRelation {
  relation: K8sRelationKind;
  kind: string;
  name: string;
  target?: K8sObjectEntry;
  /** Where the reference is written in the source object. */
  at: SourceSpan;
}

export interface K8sContainerEntry {
  name: string;
  kind: 'container' | 'init' | 'ephemeral';
  image?: string;
  at: SourceSpan;
}

export interface K8sObjectEntry {
  /** Stable across refreshes: file, kind, namespace and name (document index when nameless). */
  key: string;
  path: string;
  kind: string;
  apiVersion: string;
  name?: string;
  /** As written; undefined when unset. */
  namespace?: string;
  clusterScoped: boolean;
  /** From an unrendered Helm template. */
  templated: boolean;
  /** Has containers or relations to show (a workload, Service, Ingress or HTTPRoute). */
  expandable: boolean;
  at: SourceSpan;
}

export interface ChartDependencyEntry {
  name: string;
  version?: string;
  repository?: string;
  alias?: string;
  /** The chart directory under `charts/` that provides it, when present in the workspace. */
  chartDir?: string;
  at: SourceSpan;
}

export interface ChartEntry {
  /** Path of Chart.yaml. */
  path: string;
  dir: string;
  name: string;
  version?: string;
  type?: string;
  dependencies: ChartDependencyEntry[];
  /** Chart directories under this chart's `charts/` folder. */
  subcharts: string[];
  /** Files under `templates/`, sorted. */
  templates: string[];
  /** Set when this chart lies in another chart's `charts/` folder. */
  parentDir?: string;
  at: SourceSpan;
}
