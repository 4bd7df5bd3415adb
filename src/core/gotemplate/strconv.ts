/**
 * The parts of Go's strconv that fmt and Sprig need: float formatting ('e', 'f', 'g', 'b', 'x' with Go's
 * rounding and exponent rules) and string/rune quoting. JavaScript's own number printing differs in the
 * places users notice (1e21 threshold, half-up rounding in toFixed, no `e+06` padding), hence this port.
 */

/** Decimal digits (no leading/trailing zeros) and the decimal point position: 0.d1d2.. × 10^dp. */
interface Digits {
  d: string;
  dp: number;
}

const floatView = new DataView(new ArrayBuffer(8));

/** The exact decimal expansion of a positive finite double (every double is a finite decimal). */
function exactDigits(x: number): Digits {
  floatView.setFloat64(0, x);
  const hi = floatView.getUint32(0);
  const lo = floatView.getUint32(4);
  const biasedExp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biasedExp === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = biasedExp - 1075;
  }
  let s: string;
  let dp: number;
  if (exp >= 0) {
    s = (mant << BigInt(exp)).toString();
    dp = s.length;
  } else {
    // mant × 2^exp = mant × 5^-exp / 10^-exp
    s = (mant * 5n ** BigInt(-exp)).toString();
    dp = s.length + exp;
  }
  return trimZeros({ d: s, dp });
}

/** Shortest digits that round-trip, as Go's strconv (and JavaScript's toExponential()) produce them. */
function shortestDigits(x: number): Digits {
  const [mantissa, exponent] = x.toExponential().split('e');
  return { d: mantissa.replace('.', ''), dp: Number(exponent) + 1 };
}

function trimZeros(digits: Digits): Digits {
  let end = digits.d.length;
  while (end > 0 && digits.d[end - 1] === '0') end--;
  return end === digits.d.length ? digits : { d: digits.d.slice(0, end), dp: end === 0 ? 0 : digits.dp };
}

/** strconv's decimal.Round: to nd digits, halfway cases to even (the expansion is exact, so ties are real). */
function roundDigits(digits: Digits, nd: number): Digits {
  const { d, dp } = digits;
  if (nd < 0 || nd >= d.length) return digits;
  const halfway = d[nd] === '5' && nd + 1 === d.length;
  const up = halfway ? nd > 0 && (d.charCodeAt(nd - 1) - 48) % 2 === 1 : d[nd] >= '5';
  if (!up) return trimZeros({ d: d.slice(0, nd), dp });
  let i = nd - 1;
  while (i >= 0 && d[i] === '9') i--;
  if (i < 0) return { d: '1', dp: dp + 1 };
  return { d: d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1), dp };
}

function formatE(neg: boolean, digits: Digits, prec: number, expChar: string): string {
  let out = neg ? '-' : '';
  out += digits.d.length === 0 ? '0' : digits.d[0];
  if (prec > 0) {
    out += '.';
    const frac = digits.d.slice(1, prec + 1);
    out += frac + '0'.repeat(prec - frac.length);
  }
  const exp = digits.d.length === 0 ? 0 : digits.dp - 1;
  const absExp = Math.abs(exp);
  return `${out}${expChar}${exp < 0 ? '-' : '+'}${absExp < 10 ? '0' : ''}${absExp}`;
}

function formatF(neg: boolean, digits: Digits, prec: number): string {
  const { d, dp } = digits;
  let out = neg ? '-' : '';
  out += dp > 0 ? d.slice(0, dp) + '0'.repeat(Math.max(0, dp - d.length)) : '0';
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = dp + i - 1;
      out += j >= 0 && j < d.length ? d[j] : '0';
    }
  }
  return out;
}

/** %b: decimalless mantissa and binary exponent, e.g. 4503599627370496p-52. */
function formatBinary(x: number): string {
  floatView.setFloat64(0, x);
  const hi = floatView.getUint32(0);
  const biasedExp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(floatView.getUint32(4));
  let exp = biasedExp - 1075;
  if (biasedExp === 0) exp = -1074;
  else mant |= 1n << 52n;
  return `${x < 0 || Object.is(x, -0) ? '-' : ''}${mant}p${exp >= 0 ? '+' : ''}${exp}`;
}

/** %x: hexadecimal mantissa and binary exponent, e.g. 0x1.8p+00 (shortest, or rounded to prec hex digits). */
function formatHex(x: number, prec: number, upper: boolean): string {
  const neg = x < 0 || Object.is(x, -0);
  x = Math.abs(x);
  let mant = 0n;
  let exp = 0;
  if (x !== 0) {
    floatView.setFloat64(0, x);
    const hi = floatView.getUint32(0);
    const biasedExp = (hi >>> 20) & 0x7ff;
    mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(floatView.getUint32(4));
    if (biasedExp === 0) {
      exp = -1022;
      while (mant < 1n << 52n) {
        mant <<= 1n;
        exp--;
      }
    } else {
      mant |= 1n << 52n;
      exp = biasedExp - 1023;
    }
  }
  // 52 fraction bits = 13 hex digits.
  let frac = (mant & ((1n << 52n) - 1n)).toString(16).padStart(13, '0');
  const lead = x === 0 ? 0 : 1;
  if (prec >= 0 && prec < 13) {
    const shift = BigInt((13 - prec) * 4);
    let f = mant & ((1n << 52n) - 1n);
    const rem = f & ((1n << shift) - 1n);
    f >>= shift;
    const half = 1n << (shift - 1n);
    if (rem > half || (rem === half && (f & 1n) === 1n)) f++;
    if (f >> BigInt(prec * 4) === 1n) {
      // Carried into the leading digit: 0x1.f → 0x2.0 is written 0x1.0p+1.
      f = 0n;
      exp++;
    }
    frac = prec === 0 ? '' : f.toString(16).padStart(prec, '0');
  } else {
    frac = frac.replace(/0+$/, '');
    if (prec > 13) frac += '0'.repeat(prec - frac.length);
  }
  const absExp = Math.abs(exp);
  const out = `${neg ? '-' : ''}0x${lead}${frac ? '.' + frac : ''}p${exp < 0 ? '-' : '+'}${absExp < 10 ? '0' : ''}${absExp}`;
  return upper ? out.toUpperCase() : out;
}

/**
 * strconv.FormatFloat(x, fmt, prec, 64). fmt is one of e E f g G b x X; prec -1 means shortest.
 * Infinities are "+Inf"/"-Inf" and NaN "NaN", as in Go.
 */
export function formatFloat(x: number, fmt: string, prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (fmt === 'b') return formatBinary(x);
  if (fmt === 'x' || fmt === 'X') return formatHex(x, prec, fmt === 'X');
  const neg = x < 0 || Object.is(x, -0);
  const abs = Math.abs(x);
  const shortest = prec < 0;
  let digits: Digits;
  if (abs === 0) digits = { d: '', dp: 0 };
  else if (shortest) digits = shortestDigits(abs);
  else {
    const exact = exactDigits(abs);
    if (fmt === 'e' || fmt === 'E') digits = roundDigits(exact, prec + 1);
    else if (fmt === 'f') digits = roundDigits(exact, exact.dp + prec);
    else digits = roundDigits(exact, prec === 0 ? 1 : prec);
  }
  if (shortest) {
    if (fmt === 'e' || fmt === 'E') prec = Math.max(digits.d.length - 1, 0);
    else if (fmt === 'f') prec = Math.max(digits.d.length - digits.dp, 0);
    else prec = digits.d.length;
  } else if ((fmt === 'g' || fmt === 'G') && prec === 0) prec = 1;

  switch (fmt) {
    case 'e':
    case 'E':
      return formatE(neg, digits, prec, fmt);
    case 'f':
      return formatF(neg, digits, prec);
    case 'g':
    case 'G': {
      const nd = digits.d.length;
      let eprec = prec;
      if (eprec > nd && nd >= digits.dp) eprec = nd;
      // Go: "if precision was the shortest possible, use precision 6 for this decision".
      if (shortest) eprec = 6;
      const exp = digits.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > nd) prec = nd;
        return formatE(neg, digits, prec - 1, fmt === 'g' ? 'e' : 'E');
      }
      if (prec > digits.dp) prec = nd;
      return formatF(neg, digits, Math.max(prec - digits.dp, 0));
    }
  }
  throw new Error(`formatFloat: unknown format ${fmt}`);
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isPrint(ch: string): boolean {
  return PRINTABLE.test(ch);
}

function escapeRune(ch: string, quote: string, asciiOnly: boolean): string {
  const cp = ch.codePointAt(0)!;
  if (ch === quote || ch === '\\') return '\\' + ch;
  if (asciiOnly ? cp < 0x80 && isPrint(ch) : isPrint(ch)) return ch;
  switch (ch) {
    case '\x07':
      return '\\a';
    case '\b':
      return '\\b';
    case '\f':
      return '\\f';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case '\v':
      return '\\v';
  }
  if (cp < 0x20 || cp === 0x7f) return '\\x' + cp.toString(16).padStart(2, '0');
  // A byte that is not UTF-8 (gotemplate/bytes.ts) is quoted as Go quotes it; any other lone
  // surrogate cannot come from Go's bytes, Go would have seen the replacement character.
  if (cp >= 0xdc80 && cp <= 0xdcff) return '\\x' + (cp - 0xdc00).toString(16);
  if (cp >= 0xd800 && cp <= 0xdfff) return asciiOnly ? '\\ufffd' : '\ufffd';
  if (cp < 0x10000) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

/** strconv.Quote (or QuoteToASCII): double-quoted with Go escapes. */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

export function quote(s: string, asciiOnly = false): string {
  // Printable ASCII without quotes or backslashes needs no escaping (most template strings).
  if (PLAIN_ASCII.test(s)) return '"' + s + '"';
  let out = '"';
  for (const ch of s) out += escapeRune(ch, '"', asciiOnly);
  return out + '"';
}

/** strconv.QuoteRune: 'a', '\n', '☺'; invalid code points become U+FFFD. */
export function quoteRune(cp: number, asciiOnly = false): string {
  const valid = cp >= 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
  return "'" + escapeRune(String.fromCodePoint(valid ? cp : 0xfffd), "'", asciiOnly) + "'";
}

/** strconv.CanBackquote: a raw string literal can represent s. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    if (ch === '`' || ch === '\ufeff') return false;
    const cp = ch.codePointAt(0)!;
    if ((cp < 0x20 && ch !== '\t') || cp === 0x7f || (cp >= 0xd800 && cp <= 0xdfff)) return false;
  }
  return true;
}
