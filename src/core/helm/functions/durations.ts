/**
 * Helm's duration helpers (helm main after v4.2.4): a value is a Go duration string ("1m30s"), a
 * numeric string, or a number of seconds. `mustToDuration` fails on bad input; the others answer 0 (or
 * leave the value unchanged for the rounding helpers), so templates never fail on them.
 */
import { GoStruct, goFunc, type FuncMap, type GoValue } from '../../gotemplate/values';

const NS = 1n;
const US = 1000n * NS;
const MS = 1000n * US;
const SECOND = 1000n * MS;
const MINUTE = 60n * SECOND;
const HOUR = 60n * MINUTE;
const MAX_DURATION = 2n ** 63n - 1n;
const MIN_DURATION = -(2n ** 63n);

/** time.Duration: int64 nanoseconds, printed by its String method ("1h2m3.5s"). */
export class GoDuration extends GoStruct {
  readonly goTypeName = 'time.Duration';
  constructor(readonly nanoseconds: bigint) {
    super();
  }
  String(): string {
    return formatDuration(this.nanoseconds);
  }
  /** encoding/json writes a Duration as its int64 nanoseconds. */
  goJsonValue(): GoValue {
    return this.nanoseconds;
  }
  /** yaml.v3 writes a Duration as its String(). */
  goYamlValue(): GoValue {
    return this.String();
  }
}

/** Duration.String: "0s", "1.5µs", "500ms", "1m30s", "2540400h10m10s". */
export function formatDuration(d: bigint): string {
  const neg = d < 0n;
  let u = neg ? -d : d;
  let out: string;
  if (u < SECOND) {
    if (u === 0n) return '0s';
    const [unit, prec] = u < US ? ['ns', 0] : u < MS ? ['µs', 3] : ['ms', 6];
    const [frac, rest] = fraction(u, prec);
    out = `${rest}${frac}${unit}`;
  } else {
    const [frac, secs] = fraction(u, 9);
    u = secs;
    out = `${u % 60n}${frac}s`;
    u /= 60n;
    if (u > 0n) {
      out = `${u % 60n}m${out}`;
      u /= 60n;
      if (u > 0n) out = `${u}h${out}`;
    }
  }
  return neg ? '-' + out : out;
}

/** fmtFrac: the last `prec` digits as ".ddd" without trailing zeros, and the remaining integer part. */
function fraction(v: bigint, prec: number): [string, bigint] {
  const scale = 10n ** BigInt(prec);
  const digits = prec === 0 ? '' : (v % scale).toString().padStart(prec, '0').replace(/0+$/, '');
  return [digits ? '.' + digits : '', v / scale];
}

const UNITS: Record<string, bigint> = { ns: NS, us: US, 'µs': US, 'μs': US, ms: MS, s: SECOND, m: MINUTE, h: HOUR };

/** time.ParseDuration. */
export function parseDuration(text: string): bigint {
  const invalid = () => new Error(`time: invalid duration ${JSON.stringify(text)}`);
  let s = text;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();
  let total = 0n;
  const part = /^(\d*)(?:\.(\d*))?(ns|us|\u00b5s|\u03bcs|ms|s|m|h)/;
  while (s !== '') {
    const m = part.exec(s);
    if (!m || (m[1] === '' && (m[2] ?? '') === '')) throw invalid();
    const unit = UNITS[m[3]];
    const whole = BigInt(m[1] || '0') * unit;
    const frac = m[2] ? (BigInt(m[2]) * unit) / 10n ** BigInt(m[2].length) : 0n;
    total += whole + frac;
    if (total > MAX_DURATION + (neg ? 1n : 0n)) throw invalid();
    s = s.slice(m[0].length);
  }
  return neg ? -total : total;
}

function secondsToDuration(seconds: number): bigint {
  if (!Number.isFinite(seconds)) throw new Error('duration: value is not finite');
  const nanos = seconds * 1e9;
  if (nanos >= 2 ** 63 || nanos < -(2 ** 63)) throw new Error('duration: value out of range');
  return BigInt(Math.round(nanos));
}

/** Helm's toDuration: duration strings, numeric strings, ints and floats (seconds). */
export function toDuration(value: GoValue): bigint {
  if (value instanceof GoDuration) return value.nanoseconds;
  if (value === null || value === undefined) return 0n;
  if (typeof value === 'string') {
    const s = value.trim();
    if (s === '') throw new Error('duration: empty string');
    try {
      return parseDuration(s);
    } catch (e) {
      if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return secondsToDuration(Number(s));
      throw e;
    }
  }
  if (typeof value === 'bigint') {
    const nanos = value * SECOND;
    if (nanos > MAX_DURATION || nanos < MIN_DURATION) throw new Error('duration: value out of range');
    return nanos;
  }
  if (typeof value === 'number') return secondsToDuration(value);
  throw new Error(`duration: unsupported type`);
}

const orZero =
  (convert: (d: bigint) => GoValue) =>
  (v: GoValue): GoValue => {
    try {
      return convert(toDuration(v));
    } catch {
      return convert(0n);
    }
  };

// Duration.Seconds/Minutes/Hours split whole units from the remainder, as Go does, for identical floats.
const seconds = (d: bigint): number => Number(d / SECOND) + Number(d % SECOND) / 1e9;
const minutes = (d: bigint): number => Number(d / MINUTE) + Number(d % MINUTE) / 60e9;
const hours = (d: bigint): number => Number(d / HOUR) + Number(d % HOUR) / 3600e9;

function round(d: bigint, m: bigint): bigint {
  if (m <= 0n) return d;
  let r = d % m;
  const lessThanHalf = (x: bigint) => x + x < m;
  if (d < 0n) {
    r = -r;
    if (lessThanHalf(r)) return d + r;
    const d1 = d - m + r;
    return d1 < d && d1 >= MIN_DURATION ? d1 : MIN_DURATION;
  }
  if (lessThanHalf(r)) return d - r;
  const d1 = d + m - r;
  return d1 > d && d1 <= MAX_DURATION ? d1 : MAX_DURATION;
}

const truncate = (d: bigint, m: bigint): bigint => (m <= 0n ? d : d - (d % m));

/** Rounding helpers leave the value unchanged when the multiple is invalid or not positive. */
const byMultiple =
  (op: (d: bigint, m: bigint) => bigint) =>
  (v: GoValue, m: GoValue): GoValue => {
    let d: bigint;
    try {
      d = toDuration(v);
    } catch {
      return new GoDuration(0n);
    }
    try {
      return new GoDuration(op(d, toDuration(m)));
    } catch {
      return new GoDuration(d);
    }
  };

export function durationFunctions(): FuncMap {
  return {
    mustToDuration: goFunc('mustToDuration', ['any'], (v) => {
      if (v === null || v === undefined) throw new Error('duration: nil value');
      return new GoDuration(toDuration(v));
    }),
    durationSeconds: goFunc('durationSeconds', ['any'], orZero(seconds)),
    durationMilliseconds: goFunc('durationMilliseconds', ['any'], orZero((d) => d / MS)),
    durationMicroseconds: goFunc('durationMicroseconds', ['any'], orZero((d) => d / US)),
    durationNanoseconds: goFunc('durationNanoseconds', ['any'], orZero((d) => d)),
    durationMinutes: goFunc('durationMinutes', ['any'], orZero(minutes)),
    durationHours: goFunc('durationHours', ['any'], orZero(hours)),
    durationDays: goFunc('durationDays', ['any'], orZero((d) => hours(d) / 24)),
    durationWeeks: goFunc('durationWeeks', ['any'], orZero((d) => hours(d) / 168)),
    durationRoundTo: goFunc('durationRoundTo', ['any', 'any'], byMultiple(round)),
    durationTruncateTo: goFunc('durationTruncateTo', ['any', 'any'], byMultiple(truncate)),
  };
}
