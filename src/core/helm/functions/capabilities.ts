/**
 * `.Capabilities` for an offline render (pkg/chart/common/capabilities.go): the Kubernetes version,
 * the API versions the cluster is assumed to serve, and Helm's build info. `helm template` uses a fixed
 * default set; `--kube-version` replaces the version and `--api-versions` adds entries.
 */
import { GoStruct, type GoValue } from '../../gotemplate/values';

/** What Helm 4 / 3.21 binaries report by default: v1.<client-go minor>.0 (client-go v0.36). */
export const DEFAULT_KUBE_VERSION = 'v1.36.0';
export const DEFAULT_HELM_VERSION = 'v4.2.4';

/**
 * The group/versions registered in client-go's scheme plus apiextensions (Helm's DefaultVersionSet), as
 * of Kubernetes 1.36. Helm lists only group/version strings; `--api-versions` may add "group/version/Kind".
 */
export const DEFAULT_API_VERSIONS: readonly string[] = [
  'v1',
  'admissionregistration.k8s.io/v1',
  'admissionregistration.k8s.io/v1alpha1',
  'admissionregistration.k8s.io/v1beta1',
  'apiextensions.k8s.io/v1',
  'apiextensions.k8s.io/v1beta1',
  'apps/v1',
  'apps/v1beta1',
  'apps/v1beta2',
  'authentication.k8s.io/v1',
  'authentication.k8s.io/v1alpha1',
  'authentication.k8s.io/v1beta1',
  'authorization.k8s.io/v1',
  'authorization.k8s.io/v1beta1',
  'autoscaling/v1',
  'autoscaling/v2',
  'autoscaling/v2beta1',
  'autoscaling/v2beta2',
  'batch/v1',
  'batch/v1beta1',
  'certificates.k8s.io/v1',
  'certificates.k8s.io/v1alpha1',
  'certificates.k8s.io/v1beta1',
  'coordination.k8s.io/v1',
  'coordination.k8s.io/v1alpha2',
  'coordination.k8s.io/v1beta1',
  'discovery.k8s.io/v1',
  'discovery.k8s.io/v1beta1',
  'events.k8s.io/v1',
  'events.k8s.io/v1beta1',
  'extensions/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1',
  'flowcontrol.apiserver.k8s.io/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1beta2',
  'flowcontrol.apiserver.k8s.io/v1beta3',
  'internal.apiserver.k8s.io/v1alpha1',
  'networking.k8s.io/v1',
  'networking.k8s.io/v1alpha1',
  'networking.k8s.io/v1beta1',
  'node.k8s.io/v1',
  'node.k8s.io/v1alpha1',
  'node.k8s.io/v1beta1',
  'policy/v1',
  'policy/v1beta1',
  'rbac.authorization.k8s.io/v1',
  'rbac.authorization.k8s.io/v1alpha1',
  'rbac.authorization.k8s.io/v1beta1',
  'resource.k8s.io/v1',
  'resource.k8s.io/v1alpha3',
  'resource.k8s.io/v1beta1',
  'resource.k8s.io/v1beta2',
  'scheduling.k8s.io/v1',
  'scheduling.k8s.io/v1alpha1',
  'scheduling.k8s.io/v1beta1',
  'storage.k8s.io/v1',
  'storage.k8s.io/v1alpha1',
  'storage.k8s.io/v1beta1',
  'storagemigration.k8s.io/v1alpha1',
];

export class KubeVersion extends GoStruct {
  readonly goTypeName = '*common.KubeVersion';
  constructor(
    readonly Version: string,
    readonly Major: string,
    readonly Minor: string,
  ) {
    super();
  }
  String(): string {
    return this.Version;
  }
  /** Deprecated in Helm but still used by charts (`.Capabilities.KubeVersion.GitVersion`). */
  GitVersion(): string {
    return this.Version;
  }
}

/** Parses "1.20", "v1.20.3" or "v1.33.4-gke.1" like Helm's ParseKubeVersion; throws on anything else. */
export function parseKubeVersion(version: string): KubeVersion {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?([-+].*)?$/.exec(version.trim());
  if (!m) throw new Error(`invalid kube version "${version}": expected a version like v1.30.0`);
  const [, major, minor, patch, suffix] = m;
  const normalized = `v${Number(major)}.${Number(minor)}.${Number(patch ?? 0)}`;
  // Helm 4 keeps a full input (with a provider suffix) as Version and normalizes the rest.
  const full = patch !== undefined ? `v${version.trim().replace(/^v/, '')}` : normalized + (suffix ?? '');
  return new KubeVersion(full, String(Number(major)), String(Number(minor)));
}

/**
 * chartutil.VersionSet: a []string with a Has method. An Array subclass, so `range`, `len` and printing
 * treat it as the slice it is in Go.
 */
export class VersionSet extends Array<string> {
  // map/filter/slice results are plain slices, not VersionSets.
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }
  /** Exact membership: "apps/v1", or "group/version/Kind" when such an entry was added. */
  Has(apiVersion: GoValue): boolean {
    return typeof apiVersion === 'string' && this.includes(apiVersion);
  }
}
Object.assign(VersionSet.prototype.Has, { goParams: ['string'] });

export function versionSet(versions: readonly string[]): VersionSet {
  const set = new VersionSet();
  set.push(...versions);
  return set;
}

export class HelmBuildInfo extends GoStruct {
  readonly goTypeName = 'version.BuildInfo';
  constructor(
    readonly Version: string,
    readonly GitCommit = '',
    readonly GitTreeState = '',
    readonly GoVersion = 'go1.26',
    readonly KubeClientVersion = 'v1.36',
  ) {
    super();
  }
  /** JSON tags of helm's BuildInfo. */
  goJsonValue(): GoValue {
    return {
      version: this.Version,
      git_commit: this.GitCommit,
      git_tree_state: this.GitTreeState,
      go_version: this.GoVersion,
      kube_client_version: this.KubeClientVersion,
    };
  }
}

export class Capabilities extends GoStruct {
  readonly goTypeName = '*common.Capabilities';
  constructor(
    readonly KubeVersion: KubeVersion,
    readonly APIVersions: VersionSet,
    readonly HelmVersion: HelmBuildInfo,
  ) {
    super();
  }
}

export interface CapabilitiesOptions {
  /** `--kube-version`; default DEFAULT_KUBE_VERSION. */
  kubeVersion?: string;
  /** `--api-versions`, appended to the default set. */
  apiVersions?: string[];
  /** Helm's version string; default DEFAULT_HELM_VERSION. */
  helmVersion?: string;
}

export function capabilities(options: CapabilitiesOptions = {}): Capabilities {
  return new Capabilities(
    parseKubeVersion(options.kubeVersion ?? DEFAULT_KUBE_VERSION),
    versionSet([...DEFAULT_API_VERSIONS, ...(options.apiVersions ?? [])]),
    new HelmBuildInfo(options.helmVersion ?? DEFAULT_HELM_VERSION),
  );
}
