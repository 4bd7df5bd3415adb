/**
 * go-yaml's order of string map keys (sorter.go keyList.Less): a "natural" order where runs of digits
 * compare by value (`a2` < `a10`) and non-letters sort before letters. yaml.v3 adds one twist: after a
 * shared digit, letters sort before non-letters. Helm's toYaml output order depends on this, not on
 * plain byte order.
 */

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return LETTER.test(String.fromCodePoint(cp));
}

function isDigit(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return DIGIT.test(String.fromCodePoint(cp));
}

function runes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

function keyLess(ar: number[], br: number[], v3: boolean): boolean {
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) {
      digits = isDigit(ar[i]);
      continue;
    }
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return v3 && digits ? al : bl;
    let start = 0;
    if (ar[i] === 0x30 || br[i] === 0x30) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== 0x30) {
          start = 1;
          break;
        }
      }
    }
    let ai = i;
    while (ai < ar.length && isDigit(ar[ai])) ai++;
    let bi = i;
    while (bi < br.length && isDigit(br[bi])) bi++;
    const an = digitRunValue(ar, i, ai, start);
    const bn = digitRunValue(br, i, bi, start);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

/**
 * The value go-yaml accumulates for a run of digits: an int64 that wraps on overflow. Short runs (all
 * that real keys have) stay in exact double arithmetic; long ones take the BigInt path.
 */
function digitRunValue(r: number[], from: number, to: number, start: number): number | bigint {
  if (to - from <= 15) {
    let n = start;
    for (let k = from; k < to; k++) n = n * 10 + (r[k] - 0x30);
    return n;
  }
  let n = BigInt(start);
  for (let k = from; k < to; k++) n = BigInt.asIntN(64, n * 10n + BigInt(r[k] - 0x30));
  return n;
}

function sortKeys(keys: readonly string[], v3: boolean): string[] {
  const decorated = keys.map((key) => ({ key, runes: runes(key) }));
  decorated.sort((a, b) => (keyLess(a.runes, b.runes, v3) ? -1 : keyLess(b.runes, a.runes, v3) ? 1 : 0));
  return decorated.map((d) => d.key);
}

/** Keys in yaml.v2's order (toYaml). */
export const sortKeysV2 = (keys: readonly string[]): string[] => sortKeys(keys, false);
/** Keys in yaml.v3's order (toYamlPretty). */
export const sortKeysV3 = (keys: readonly string[]): string[] => sortKeys(keys, true);
