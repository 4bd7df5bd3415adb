/**
 * Semantic versions and range constraints as Masterminds/semver v3 reads them, for the two places Helm
 * checks ranges while rendering: a dependency's `version` against the subchart's Chart.yaml, and a
 * chart's `kubeVersion` against the target Kubernetes version. Prerelease versions only satisfy a
 * constraint that itself names a prerelease (`>=1.19.0-0`), as in Masterminds v3.
 */

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease: string;
}

const VERSION = /^v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export function parseSemver(text: string): SemVer | undefined {
  const m = VERSION.exec(text.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2] ?? 0), patch: Number(m[3] ?? 0), prerelease: m[4] ?? '' };
}

function comparePrerelease(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    const na = /^[0-9]+$/.test(pa[i]);
    const nb = /^[0-9]+$/.test(pb[i]);
    if (na && nb) {
      const d = Number(pa[i]) - Number(pb[i]);
      if (d) return Math.sign(d);
    } else if (na !== nb) {
      return na ? -1 : 1;
    } else if (pa[i] !== pb[i]) {
      return pa[i] < pb[i] ? -1 : 1;
    }
  }
  return 0;
}

export function compareSemver(a: SemVer, b: SemVer): number {
  return (
    Math.sign(a.major - b.major) || Math.sign(a.minor - b.minor) || Math.sign(a.patch - b.patch) || comparePrerelease(a.prerelease, b.prerelease)
  );
}

/** One comparison: `>=1.2`, `~1.2.3`, `1.x`; parts that are missing or wildcards are `undefined`. */
interface Comparison {
  op: string;
  parts: (number | undefined)[];
  prerelease: string;
}

const COMPARISON = /^(!=|>=|=>|<=|=<|~>|>|<|=|~|\^)?\s*v?([0-9xX*]+)(?:\.([0-9xX*]+))?(?:\.([0-9xX*]+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;

function parseComparison(text: string): Comparison | undefined {
  const m = COMPARISON.exec(text);
  if (!m) return undefined;
  const part = (s: string | undefined): number | undefined => (s === undefined || /^[xX*]$/.test(s) ? undefined : Number(s));
  const parts = [part(m[2]), part(m[3]), part(m[4])];
  // After the first wildcard everything is a wildcard (`1.x.3` means `1.x`).
  const firstWild = parts.indexOf(undefined);
  if (firstWild >= 0) for (let i = firstWild; i < 3; i++) parts[i] = undefined;
  return { op: m[1] ?? '=', parts, prerelease: m[5] ?? '' };
}

const v = (major: number, minor: number, patch: number, prerelease = ''): SemVer => ({ major, minor, patch, prerelease });

/** Whether `version` passes one comparison; wildcard parts widen `=`, `<=` and `>` to whole ranges. */
function satisfies(version: SemVer, c: Comparison): boolean {
  const [ma, mi, pa] = c.parts;
  const lo = v(ma ?? 0, mi ?? 0, pa ?? 0, c.prerelease);
  // The first version above the wildcard range: 1.2.x -> 1.3.0, 1.x -> 2.0.0, * -> none.
  const above = (): SemVer | undefined =>
    ma === undefined ? undefined : mi === undefined ? v(ma + 1, 0, 0) : pa === undefined ? v(ma, mi + 1, 0) : undefined;
  const cmp = (a: SemVer, b: SemVer): number => compareSemver(a, b);
  const inRange = (from: SemVer, to: SemVer | undefined): boolean => cmp(version, from) >= 0 && (to === undefined || cmp(version, to) < 0);
  switch (c.op) {
    case '=': {
      if (ma !== undefined && mi !== undefined && pa !== undefined) return cmp(version, lo) === 0;
      return inRange(lo, above());
    }
    case '!=':
      return !satisfies(version, { ...c, op: '=' });
    case '>': {
      const end = above();
      if (end) return cmp(version, end) >= 0;
      return ma === undefined ? false : cmp(version, lo) > 0;
    }
    case '>=':
    case '=>':
      return cmp(version, lo) >= 0;
    case '<':
      return cmp(version, lo) < 0;
    case '<=':
    case '=<': {
      const end = above();
      return end ? cmp(version, end) < 0 : cmp(version, lo) <= 0;
    }
    case '~':
    case '~>': {
      if (ma === undefined) return true;
      const end = mi === undefined ? v(ma + 1, 0, 0) : v(ma, mi + 1, 0);
      return inRange(lo, end);
    }
    case '^': {
      if (ma === undefined) return true;
      let end: SemVer;
      if (ma > 0 || mi === undefined) end = v(ma + 1, 0, 0);
      else if (mi > 0 || pa === undefined) end = v(0, mi + 1, 0);
      else end = v(0, 0, (pa ?? 0) + 1);
      return inRange(lo, end);
    }
  }
  return false;
}

/**
 * Parses a constraint such as `>=1.19.0-0`, `^2.0.0 || ~1.4`, `1.2 - 1.4.5`, `>= 1.2, < 2`.
 * Returns undefined for an invalid constraint (Helm then treats the range as incompatible).
 */
export function parseConstraint(text: string): ((version: SemVer) => boolean) | undefined {
  const alternatives: Comparison[][] = [];
  for (const alt of text.split('||')) {
    let s = alt.trim();
    // Hyphen ranges: `1.2 - 1.4.5` means `>=1.2 <=1.4.5`.
    s = s.replace(/(\S+)\s+-\s+(\S+)/g, '>=$1 <=$2');
    s = s.replace(/(!=|>=|=>|<=|=<|~>|>|<|=|~|\^)\s+/g, '$1');
    const tokens = s.split(/[\s,]+/).filter((t) => t !== '');
    if (tokens.length === 0) return undefined;
    const comparisons: Comparison[] = [];
    for (const token of tokens) {
      const c = parseComparison(token);
      if (!c) return undefined;
      comparisons.push(c);
    }
    alternatives.push(comparisons);
  }
  return (version) =>
    alternatives.some((cs) => {
      // A prerelease version only matches when some comparison of the group names a prerelease.
      if (version.prerelease && !cs.some((c) => c.prerelease !== '')) return false;
      return cs.every((c) => satisfies(version, c));
    });
}

/** Helm's IsCompatibleRange: false when either side does not parse. */
export function isCompatibleRange(constraint: string, version: string): boolean {
  const parsed = parseSemver(version);
  const check = parseConstraint(constraint);
  return parsed !== undefined && check !== undefined && check(parsed);
}
