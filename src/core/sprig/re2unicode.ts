/**
 * Unicode data for the RE2 engine (re2syntax.ts): code point ranges of \p{...} classes and Go's
 * simple case-folding orbits (unicode.SimpleFold), both read once from V8's own Unicode tables through
 * property escapes and `iu` matching, so we ship no tables. Ranges are flat [lo0, hi0, lo1, hi1, ...]
 * arrays, sorted and merged; surrogate code points never appear (a JavaScript string decodes them to
 * U+FFFD, as Go decodes invalid UTF-8).
 */

export const MAX_RUNE = 0x10ffff;

let allCodePoints: string | undefined;

/** Every scalar value in order: index i is code point i below U+D800, U+E000.. after it, pairs from U+10000. */
function everyCodePoint(): string {
  if (allCodePoints === undefined) {
    const units = new Uint16Array(0xf800 + 2 * 0x100000);
    let n = 0;
    for (let c = 0; c < 0xd800; c++) units[n++] = c;
    for (let c = 0xe000; c <= 0xffff; c++) units[n++] = c;
    for (let c = 0; c < 0x100000; c++) {
      units[n++] = 0xd800 + (c >> 10);
      units[n++] = 0xdc00 + (c & 0x3ff);
    }
    allCodePoints = new TextDecoder('utf-16le').decode(units);
  }
  return allCodePoints;
}

function codePointAtIndex(i: number): number {
  if (i < 0xd800) return i;
  if (i < 0xf800) return i + 0x800;
  return 0x10000 + ((i - 0xf800) >> 1);
}

/** Ranges of the code points a JavaScript character class (with the u flag) matches. */
function rangesOf(jsClass: string): number[] {
  const out: number[] = [];
  const all = everyCodePoint();
  for (const m of all.matchAll(new RegExp(`${jsClass}+`, 'gu'))) {
    const lo = codePointAtIndex(m.index);
    const last = m.index + m[0].length - 1;
    // The last UTF-16 unit of a run may be the low half of a pair.
    const hi = last >= 0xf800 ? codePointAtIndex(last - ((last - 0xf800) & 1)) : codePointAtIndex(last);
    if (out.length && out[out.length - 1] + 1 >= lo) out[out.length - 1] = hi;
    else out.push(lo, hi);
  }
  return out;
}

const CATEGORIES = new Set(['Cc', 'Cf', 'Co', 'Cs', 'L', 'Ll', 'Lm', 'Lo', 'Lt', 'Lu', 'M', 'Mc', 'Me', 'Mn', 'N', 'Nd', 'Nl',
  'No', 'P', 'Pc', 'Pd', 'Pe', 'Pf', 'Pi', 'Po', 'Ps', 'S', 'Sc', 'Sk', 'Sm', 'So', 'Z', 'Zl', 'Zp', 'Zs']);
const tableCache = new Map<string, number[] | null>();

/**
 * The ranges of Go's \p{name} (unicode.Categories, unicode.Scripts, Any), or null for a name Go does
 * not know. Go's C is Cc|Cf|Co|Cs (its tables hold no unassigned code points, JavaScript's \p{C} does).
 */
export function unicodeTable(name: string): number[] | null {
  let hit = tableCache.get(name);
  if (hit !== undefined) return hit;
  let js: string | undefined;
  if (name === 'Any') hit = [0, MAX_RUNE];
  else if (name === 'C') js = '[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}]';
  else if (name === 'LC') js = '[\\p{Lu}\\p{Ll}\\p{Lt}]';
  else if (CATEGORIES.has(name)) js = `\\p{${name}}`;
  else if (/^[A-Z][A-Za-z_]+$/.test(name)) {
    try {
      new RegExp(`\\p{Script=${name}}`, 'u');
      js = `\\p{Script=${name}}`;
    } catch {
      hit = null;
    }
  } else hit = null;
  if (js !== undefined) hit = rangesOf(js);
  tableCache.set(name, hit!);
  return hit!;
}

let orbits: Map<number, number[]> | undefined;
let foldable: Int32Array | undefined;

function single(s: string): number | undefined {
  const c = s.codePointAt(0)!;
  return s.length === (c > 0xffff ? 2 : 1) ? c : undefined;
}

/**
 * Go's SimpleFold orbits: the code points with the same simple case folding. Candidates come from
 * toLowerCase/toUpperCase (single code point results only) and are kept when `iu` matching, which
 * compares simple case foldings, agrees: so U+0131 (dotless i) stays out of {I, i}, as in Go.
 */
function loadOrbits(): void {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: number, b: number) => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  // A backreference under `iu` compares simple case foldings: one regex for every pair.
  const sameFold = /^(.)\1$/iu;
  const r = rangesOf('[\\p{Changes_When_Casemapped}\\p{Changes_When_Casefolded}]');
  for (let i = 0; i < r.length; i += 2) {
    for (let c = r[i]; c <= r[i + 1]; c++) {
      const ch = String.fromCodePoint(c);
      for (const other of [single(ch.toLowerCase()), single(ch.toUpperCase())]) {
        if (other !== undefined && other !== c && sameFold.test(ch + String.fromCodePoint(other))) union(c, other);
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (const c of parent.keys()) {
    const root = find(c);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(c);
  }
  orbits = new Map();
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    g.sort((a, b) => a - b);
    for (const c of g) orbits.set(c, g);
  }
  foldable = Int32Array.from([...orbits.keys()].sort((a, b) => a - b));
}

/** ASCII letters' orbits, so that the common (?i) patterns need not load the whole table. */
const ASCII_ORBITS = new Map<number, number[]>();
for (let c = 0x41; c <= 0x5a; c++) {
  const orbit = c === 0x4b ? [0x4b, 0x6b, 0x212a] : c === 0x53 ? [0x53, 0x73, 0x17f] : [c, c + 0x20];
  ASCII_ORBITS.set(c, orbit).set(c + 0x20, orbit);
}

/** The code points fold-equivalent to c, c included (sorted), or undefined when c has none. */
export function foldOrbit(c: number): number[] | undefined {
  if (c < 0x80) return ASCII_ORBITS.get(c);
  if (!orbits) loadOrbits();
  return orbits!.get(c);
}

/** The sorted ASCII code points that have an orbit. */
export const ASCII_FOLDABLE = Int32Array.from([...ASCII_ORBITS.keys()].sort((a, b) => a - b));

/** Every code point that has a fold orbit, sorted. */
export function foldableCodePoints(): Int32Array {
  if (!foldable) loadOrbits();
  return foldable!;
}
