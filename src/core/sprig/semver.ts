/**
 * Masterminds/semver v3 as Sprig (and Helm's kubeVersion and dependency checks) use it: loose version
 * parsing ("v1.2", "1"), constraint strings (`>= 1.2, < 2`, `^1.2`, `~1.2.3`, `1.2.x`, `1.0 - 2.0`,
 * `||`), and its prerelease rule: a prerelease version only satisfies constraints that name a prerelease.
 */
import { FuncMap, GoStruct, GoValue, goFunc } from '../gotemplate/values';

const VERSION_RE =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;

/** *semver.Version: fields are private so templates see only its methods (.Major, .Compare, ...). */
export class SemverVersion extends GoStruct {
  readonly goTypeName = '*semver.Version';
  readonly #major: bigint;
  readonly #minor: bigint;
  readonly #patch: bigint;
  readonly #pre: string;
  readonly #metadata: string;
  readonly #original: string;

  constructor(major: bigint, minor: bigint, patch: bigint, pre: string, metadata: string, original: string) {
    super();
    this.#major = major;
    this.#minor = minor;
    this.#patch = patch;
    this.#pre = pre;
    this.#metadata = metadata;
    this.#original = original;
    // Hide the type name from field enumeration: a Version has no exported fields.
    Object.defineProperty(this, 'goTypeName', { enumerable: false });
  }

  Major(): bigint {
    return this.#major;
  }
  Minor(): bigint {
    return this.#minor;
  }
  Patch(): bigint {
    return this.#patch;
  }
  Prerelease(): string {
    return this.#pre;
  }
  Metadata(): string {
    return this.#metadata;
  }
  Original(): string {
    return this.#original;
  }
  String(): string {
    return `${this.#major}.${this.#minor}.${this.#patch}${this.#pre ? '-' + this.#pre : ''}${this.#metadata ? '+' + this.#metadata : ''}`;
  }
  Compare(other: GoValue): bigint {
    return BigInt(compareVersions(this, asVersion(other)));
  }
  LessThan(other: GoValue): boolean {
    return compareVersions(this, asVersion(other)) < 0;
  }
  GreaterThan(other: GoValue): boolean {
    return compareVersions(this, asVersion(other)) > 0;
  }
  Equal(other: GoValue): boolean {
    return compareVersions(this, asVersion(other)) === 0;
  }
}

function asVersion(v: GoValue): SemverVersion {
  if (v instanceof SemverVersion) return v;
  throw new Error(`wrong type for value; expected *semver.Version; got ${typeof v === 'string' ? 'string' : 'other'}`);
}

/** Masterminds/semver's ErrInvalidSemVer: "invalid semantic version" since v3.4 (Helm 4), capitalised before. */
export const INVALID_SEMVER = 'invalid semantic version';

/** semver.NewVersion. Throws INVALID_SEMVER like the library. */
export function parseSemver(v: string): SemverVersion {
  const m = VERSION_RE.exec(v);
  if (!m) throw new Error(INVALID_SEMVER);
  const seg = (s: string | undefined): bigint => {
    const n = BigInt((s ?? '0').replace('.', '') || '0');
    if (n > 0xffffffffffffffffn) throw new Error(`Error parsing version segment: strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
    return n;
  };
  const pre = m[5] ?? '';
  for (const part of pre ? pre.split('.') : []) {
    if (/^[0-9]+$/.test(part) && part.length > 1 && part[0] === '0') throw new Error('Version segment starts with 0');
  }
  return new SemverVersion(seg(m[1]), seg(m[2]), seg(m[3]), pre, m[8] ?? '', v);
}

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return -1;
  if (o === '') return 1;
  const sNum = /^[0-9]+$/.test(s);
  const oNum = /^[0-9]+$/.test(o);
  if (!sNum && !oNum) return s > o ? 1 : -1;
  if (!oNum) return -1;
  if (!sNum) return 1;
  return BigInt(s) > BigInt(o) ? 1 : -1;
}

export function compareVersions(a: SemverVersion, b: SemverVersion): number {
  for (const [x, y] of [[a.Major(), b.Major()], [a.Minor(), b.Minor()], [a.Patch(), b.Patch()]]) {
    if (x !== y) return x > y ? 1 : -1;
  }
  const ps = a.Prerelease();
  const po = b.Prerelease();
  if (ps === '' && po === '') return 0;
  if (ps === '') return 1;
  if (po === '') return -1;
  const sp = ps.split('.');
  const op = po.split('.');
  for (let i = 0; i < Math.max(sp.length, op.length); i++) {
    const d = comparePrePart(sp[i] ?? '', op[i] ?? '');
    if (d !== 0) return d;
  }
  return 0;
}

interface Constraint {
  op: string;
  con: SemverVersion;
  dirty: boolean;
  minorDirty: boolean;
  patchDirty: boolean;
}

const CV = String.raw`v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
const CV_NOGROUPS = CV.replace(/\((?!\?)/g, '(?:');
const OPS = String.raw`!=|>=|=>|<=|=<|~>|\^|~|>|<|=|`;
const CONSTRAINT_RE = new RegExp(String.raw`^\s*(${OPS})\s*(${CV})\s*$`);
const RANGE_RE = new RegExp(String.raw`\s*(${CV_NOGROUPS})\s+-\s+(${CV_NOGROUPS})\s*`, 'g');
const FIND_RE = new RegExp(String.raw`(?:${OPS})\s*${CV_NOGROUPS}`, 'g');
const VALID_RE = new RegExp(
  String.raw`^(\s*(?:${OPS})\s*${CV_NOGROUPS}\s*)((?:\s+|,\s*)(?:${OPS})\s*${CV_NOGROUPS}\s*)*$`,
);

const isX = (s: string): boolean => s === 'x' || s === 'X' || s === '*';

function parseConstraint(c: string): Constraint {
  if (c === '') return { op: '', con: parseSemver('0.0.0'), dirty: true, minorDirty: false, patchDirty: false };
  const m = CONSTRAINT_RE.exec(c);
  if (!m) throw new Error(`improper constraint: ${c}`);
  const [, op, , major, minor = '', patch = '', pre = ''] = m;
  let ver = m[2];
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isX(major) || major === '') {
    ver = `0.0.0${pre}`;
    dirty = true;
  } else if (isX(minor.replace(/^\./, '')) || minor === '') {
    ver = `${major}.0.0${pre}`;
    dirty = minorDirty = true;
  } else if (isX(patch.replace(/^\./, '')) || patch === '') {
    ver = `${major}${minor}.0${pre}`;
    dirty = patchDirty = true;
  }
  let con: SemverVersion;
  try {
    con = parseSemver(ver);
  } catch {
    throw new Error('constraint Parser Error');
  }
  return { op, con, dirty, minorDirty, patchDirty };
}

function tilde(v: SemverVersion, c: Constraint): boolean {
  if (compareVersions(v, c.con) < 0) return false;
  const con = c.con;
  if (con.Major() === 0n && con.Minor() === 0n && con.Patch() === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.Major() !== con.Major()) return false;
  return !(v.Minor() !== con.Minor() && !c.minorDirty);
}

function caret(v: SemverVersion, c: Constraint): boolean {
  const con = c.con;
  if (compareVersions(v, con) < 0) return false;
  if (con.Major() > 0n || c.minorDirty) return v.Major() === con.Major();
  if (v.Major() > 0n) return false;
  if (con.Minor() > 0n || c.patchDirty) return v.Minor() === con.Minor();
  if (v.Minor() > 0n) return false;
  return con.Patch() === v.Patch();
}

function notEqual(v: SemverVersion, c: Constraint): boolean {
  const con = c.con;
  if (c.dirty) {
    if (v.Prerelease() !== '' && con.Prerelease() === '') return false;
    if (con.Major() !== v.Major()) return true;
    if (con.Minor() !== v.Minor() && !c.minorDirty) return true;
    if (c.minorDirty) return false;
    if (con.Patch() !== v.Patch() && !c.patchDirty) return true;
    if (c.patchDirty) {
      if (v.Prerelease() !== '' || con.Prerelease() !== '') {
        return compareVersions(new SemverVersion(0n, 0n, 0n, v.Prerelease(), '', ''), new SemverVersion(0n, 0n, 0n, con.Prerelease(), '', '')) !== 0;
      }
      return false;
    }
  }
  return compareVersions(v, con) !== 0;
}

function checkOne(v: SemverVersion, c: Constraint): boolean {
  // A prerelease version only matches constraints that themselves carry a prerelease.
  const preBlocked = v.Prerelease() !== '' && c.con.Prerelease() === '';
  const con = c.con;
  switch (c.op) {
    case '':
    case '=':
      if (preBlocked) return false;
      return c.dirty ? tilde(v, c) : compareVersions(v, con) === 0;
    case '!=':
      return notEqual(v, c);
    case '>':
      if (preBlocked) return false;
      if (!c.dirty) return compareVersions(v, con) > 0;
      if (v.Major() > con.Major()) return true;
      if (v.Major() < con.Major()) return false;
      if (c.minorDirty) return false;
      if (c.patchDirty) return v.Minor() > con.Minor();
      return compareVersions(v, con) > 0;
    case '<':
      return !preBlocked && compareVersions(v, con) < 0;
    case '>=':
    case '=>':
      return !preBlocked && compareVersions(v, con) >= 0;
    case '<=':
    case '=<':
      if (preBlocked) return false;
      if (!c.dirty) return compareVersions(v, con) <= 0;
      if (v.Major() > con.Major()) return false;
      return !(v.Major() === con.Major() && v.Minor() > con.Minor() && !c.minorDirty);
    case '~':
    case '~>':
      return !preBlocked && tilde(v, c);
    case '^':
      return !preBlocked && caret(v, c);
  }
  return false;
}

/** semver.NewConstraint: OR-groups of AND-ed constraints. Throws "improper constraint: ...". */
export function parseConstraints(text: string): Constraint[][] {
  // "1.0 - 2.0" ranges become ">= 1.0, <= 2.0".
  const rewritten = text.replace(RANGE_RE, (_m, a: string, b: string) => `>= ${a}, <= ${b} `);
  return rewritten.split('||').map((group) => {
    if (!VALID_RE.test(group)) throw new Error(`improper constraint: ${group}`);
    const parts = group.match(FIND_RE) ?? [group];
    return parts.map(parseConstraint);
  });
}

export function checkConstraints(constraints: Constraint[][], v: SemverVersion): boolean {
  return constraints.some((group) => group.every((c) => checkOne(v, c)));
}

const constraintCache = new Map<string, Constraint[][]>();

/** Sprig's semverCompare: does version satisfy constraint? Parse errors are thrown. */
export function semverCompare(constraint: string, version: string): boolean {
  let parsed = constraintCache.get(constraint);
  if (!parsed) {
    parsed = parseConstraints(constraint);
    if (constraintCache.size > 1000) constraintCache.clear();
    constraintCache.set(constraint, parsed);
  }
  let v = versionCache.get(version);
  if (!v) {
    v = parseSemver(version);
    if (versionCache.size > 1000) versionCache.clear();
    versionCache.set(version, v);
  }
  return checkConstraints(parsed, v);
}

const versionCache = new Map<string, SemverVersion>();

export function semverFunctions(): FuncMap {
  return {
    semver: goFunc('semver', ['string'], (v) => parseSemver(v as string)),
    semverCompare: goFunc('semverCompare', ['string', 'string'], (c, v) => semverCompare(c as string, v as string)),
  };
}
