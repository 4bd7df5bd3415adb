/**
 * go-yaml's order of string map keys (sorter.go keyList.Less): a "natural" order where runs of digits
 * compare by value (`a2` < `a10`) and non-letters sort before letters. yaml.v3 adds one twist: after a
 * shared digit, letters sort before non-letters. Helm's toYaml output order depends on this, not on
 * plain byte order.
 */

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

const isLetter = (ch: string): boolean => LETTER.test(ch);
const isDigit = (ch: string): boolean => DIGIT.test(ch);

function keyLess(a: string, b: string, v3: boolean): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
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
    let an = 0n;
    let bn = 0n;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai].codePointAt(0)! - 48));
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi].codePointAt(0)! - 48));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}

export function compareKeysV2(a: string, b: string): number {
  return keyLess(a, b, false) ? -1 : keyLess(b, a, false) ? 1 : 0;
}

export function compareKeysV3(a: string, b: string): number {
  return keyLess(a, b, true) ? -1 : keyLess(b, a, true) ? 1 : 0;
}
