/**
 * go-yaml v2's implicit typing of plain scalars (resolve.go): YAML 1.1 booleans (`yes`, `on`, `y` ...),
 * Go-syntax integers (`0x1f`, `0o17`, legacy octal `017`, `0b101`, `_` separators), floats, `.inf`/`.nan`,
 * nulls and timestamps. Both directions use it: reading values files, and deciding whether a string must
 * be quoted when printed (a string that would read back as something else is double-quoted).
 */

export type Resolved =
  | { readonly tag: 'str'; readonly value: string }
  | { readonly tag: 'bool'; readonly value: boolean }
  | { readonly tag: 'null'; readonly value: null }
  /** Go int/int64/uint64 (or, beyond 64 bits, a big.Int in newer go-yaml). */
  | { readonly tag: 'int'; readonly value: bigint }
  | { readonly tag: 'float'; readonly value: number }
  /** Decoded into interface{} a timestamp stays the original string (go-yaml keeps it for compatibility). */
  | { readonly tag: 'timestamp'; readonly value: string };

const YAML11_MAP = new Map<string, Resolved>();
for (const [words, resolved] of [
  ['y Y yes Yes YES true True TRUE on On ON', { tag: 'bool', value: true }],
  ['n N no No NO false False FALSE off Off OFF', { tag: 'bool', value: false }],
  ['~ null Null NULL', { tag: 'null', value: null }],
  ['.nan .NaN .NAN', { tag: 'float', value: NaN }],
  ['.inf .Inf .INF +.inf +.Inf +.INF', { tag: 'float', value: Infinity }],
  ['-.inf -.Inf -.INF', { tag: 'float', value: -Infinity }],
] as const) {
  for (const word of words.split(' ')) YAML11_MAP.set(word, resolved as Resolved);
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Resolves a plain (unquoted, untagged) scalar the way go-yaml v2 does. */
export function resolvePlain(text: string): Resolved {
  if (text === '') return { tag: 'null', value: null };
  const fromMap = YAML11_MAP.get(text);
  if (fromMap) return fromMap;
  const first = text[0];
  if (first === '.') {
    const f = parseGoFloat(text);
    return f === undefined ? { tag: 'str', value: text } : { tag: 'float', value: f };
  }
  if (!/[-+0-9]/.test(first)) return { tag: 'str', value: text };
  if (isTimestamp(text)) return { tag: 'timestamp', value: text };
  const plain = text.replaceAll('_', '');
  const int = parseGoInt(plain);
  if (int !== undefined && int >= INT64_MIN && int <= UINT64_MAX) return { tag: 'int', value: int };
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = parseGoFloat(plain);
    if (f !== undefined) return { tag: 'float', value: f };
  }
  // `0b` is already covered by Go's base-0 integer syntax; a binary literal too long for 64 bits stays
  // a string, as do out-of-range decimals (which YAML_STYLE_FLOAT turned into floats above).
  return { tag: 'str', value: text };
}

/** strconv.ParseInt(s, 0, 64)/ParseUint syntax: optional sign, 0x/0o/0b prefixes, leading 0 = octal. */
function parseGoInt(s: string): bigint | undefined {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const [, sign, digits] = m;
  let magnitude: bigint;
  if (digits === '0') magnitude = 0n;
  else if (/^0[oO]/.test(digits)) magnitude = BigInt('0o' + digits.slice(2));
  else if (/^0[0-7]+$/.test(digits)) magnitude = BigInt('0o' + digits.slice(1));
  else magnitude = BigInt(digits.toLowerCase());
  if (sign === '-') {
    return -magnitude >= INT64_MIN ? -magnitude : undefined;
  }
  // ParseInt takes a '+' sign, ParseUint does not: "+" beyond int64 is no integer.
  return sign === '+' && magnitude > INT64_MAX ? undefined : magnitude;
}

/** strconv.ParseFloat for the decimal syntax go-yaml lets through (overflow is an error in Go). */
function parseGoFloat(s: string): number | undefined {
  if (!/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return undefined;
  const f = Number(s);
  return Number.isFinite(f) ? f : undefined;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** go-yaml's parseTimestamp: the subset of YAML timestamps Go's time.Parse accepts with its 4 layouts. */
export function isTimestamp(s: string): boolean {
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?))?$/.exec(
      s,
    );
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1])) return false;
  const hour = m[4] ?? m[7];
  const minute = m[5] ?? m[8];
  const second = m[6] ?? m[9];
  if (hour === undefined) return true;
  return Number(hour) < 24 && Number(minute) < 60 && Number(second) < 60;
}

const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** YAML 1.1 sexagesimal numbers (`1:20`): not decoded by go-yaml, but still quoted when written. */
export function isBase60Float(s: string): boolean {
  return /^[-+0-9]/.test(s) && s.includes(':') && BASE60_FLOAT.test(s);
}

/** yaml.v3 resolves only YAML 1.2 booleans but still quotes the YAML 1.1 ones when writing. */
export function isOldBool(s: string): boolean {
  return /^(y|Y|yes|Yes|YES|on|On|ON|n|N|no|No|NO|off|Off|OFF)$/.test(s);
}

/** Whether go-yaml may write the string unquoted (encode.go stringv's canUsePlain). */
export function canBePlainString(s: string): boolean {
  return resolvePlain(s).tag === 'str' && !isBase60Float(s);
}
