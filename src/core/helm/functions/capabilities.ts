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
  readonly #normalized: string;
  constructor(
    readonly Version: string,
    readonly Major: string,
    readonly Minor: string,
    /** What String() prints and constraints are checked against (Helm 4.2: without a provider suffix). */
    normalized: string = Version,
  ) {
    super();
    this.#normalized = normalized;
  }
  String(): string {
    return this.#normalized;
  }
  /** Deprecated in Helm but still used by charts (`.Capabilities.KubeVersion.GitVersion`). */
  GitVersion(): string {
    return this.Version;
  }
}

/** Which helm's --kube-version parsing to follow: 3 (semver.NewVersion), 4.1 or 4 (4.2, keeps the input). */
export type KubeVersionRules = 3 | 4 | 4.1;

/** A --kube-version helm refuses, with helm's reason (printed after "invalid kube version 'X': "). */
export class KubeVersionError extends Error {}

/**
 * Parses --kube-version as helm does. Helm 3: Masterminds semver.NewVersion ("1" is v1.0.0, a
 * pre-release is kept). Helm 4: k8s.io ParseGeneric (at least major.minor, any suffix ignored, "1.2.3.4"
 * fine); 4.1 prints the numbers only, 4.2 keeps the input as Version and prints the numbers.
 */
export function parseKubeVersion(version: string, rules: KubeVersionRules = 4): KubeVersion {
  if (rules === 3) {
    const sv = SEMVER.exec(version);
    if (!sv) throw new KubeVersionError('Invalid Semantic Version');
    const [, major, minor = '0', patch = '0', pre, build] = sv;
    const text = `v${BigInt(major)}.${BigInt(minor)}.${BigInt(patch)}${pre ? `-${pre}` : ''}${build ? `+${build}` : ''}`;
    return new KubeVersion(text, String(BigInt(major)), String(BigInt(minor)));
  }
  const m = /^\s*v?([0-9]+(?:\.[0-9]+)*)(.*)$/s.exec(version);
  if (!m) throw new KubeVersionError(`could not parse ${goQuote(version)} as version`);
  const components = m[1].split('.');
  if (components.length < 2) throw new KubeVersionError(`illegal version string ${goQuote(version)}`);
  if (components[0].length > 1 && components[0].startsWith('0')) {
    throw new KubeVersionError(`illegal zero-prefixed version component ${goQuote(components[0])} in ${goQuote(version)}`);
  }
  const numbers = components.map((c) => {
    const n = BigInt(c);
    if (n > 0xffffffffffffffffn) {
      throw new KubeVersionError(`illegal non-numeric version component ${goQuote(c)} in ${goQuote(version)}: strconv.ParseUint: parsing ${goQuote(c)}: value out of range`);
    }
    return n;
  });
  const normalized = `v${numbers.join('.')}`;
  const full = rules === 4.1 ? normalized : version.startsWith('v') ? version : `v${version}`;
  return new KubeVersion(full, String(numbers[0]), String(numbers[1]), normalized);
}

/** Masterminds semver's loose form (NewVersion): v, 1 to 3 numbers, pre-release, build. */
const SEMVER = /^v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

const goQuote = (s: string): string => JSON.stringify(s);

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
  /** Whose --kube-version parsing (default 4: Helm 4.2). */
  kubeVersionRules?: KubeVersionRules;
  /** `--api-versions`, appended to the default set. */
  apiVersions?: string[];
  /** Helm's version string; default DEFAULT_HELM_VERSION. */
  helmVersion?: string;
}

export function capabilities(options: CapabilitiesOptions = {}): Capabilities {
  return new Capabilities(
    parseKubeVersion(options.kubeVersion ?? DEFAULT_KUBE_VERSION, options.kubeVersionRules),
    versionSet([...DEFAULT_API_VERSIONS, ...(options.apiVersions ?? [])]),
    new HelmBuildInfo(options.helmVersion ?? DEFAULT_HELM_VERSION),
  );
}
