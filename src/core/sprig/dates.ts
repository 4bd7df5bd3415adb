/**
 * Sprig's date.go: date/dateInZone/htmlDate (Go layouts such as "2006-01-02"), toDate/mustToDate,
 * dateModify, ago, duration, durationRound, unixEpoch, now. Type switches follow Sprig: a date given
 * as anything but a time or an integer means "now", exactly as in Helm.
 */
import { FuncMap, GoTime, GoValue, goFunc } from '../gotemplate/values';
import { formatGoTime, localZoneName, parseGoTime, timeInZone } from '../gotemplate/gotime';
import { goTypeName } from '../gotemplate/fmt';

/** time.Time{}: January 1, year 1, 00:00:00 UTC. */
export const ZERO_TIME = new GoTime(-62135596800000, 0, 'UTC', 0);

const NS_PER = { ns: 1n, us: 1000n, µs: 1000n, μs: 1000n, ms: 1000000n, s: 1000000000n, m: 60000000000n, h: 3600000000000n };

/** time.ParseDuration: "1h30m", "-1.5s", "300ms"; nanoseconds as bigint. */
export function parseDuration(s: string): bigint {
  const orig = s;
  const invalid = (): never => {
    throw new Error(`time: invalid duration ${JSON.stringify(orig)}`);
  };
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') invalid();
  let total = 0n;
  while (s !== '') {
    const m = /^([0-9]*)(?:\.([0-9]*))?/.exec(s)!;
    if (m[0] === '' || m[0] === '.') invalid();
    s = s.slice(m[0].length);
    const unit = /^[^0-9.]*/.exec(s)![0];
    if (unit === '') throw new Error(`time: missing unit in duration ${JSON.stringify(orig)}`);
    const scale = (NS_PER as Record<string, bigint>)[unit];
    if (scale === undefined) throw new Error(`time: unknown unit ${JSON.stringify(unit)} in duration ${JSON.stringify(orig)}`);
    s = s.slice(unit.length);
    const frac = m[2] ?? '';
    // Fractions are exact to the nanosecond, as Go computes them.
    total += BigInt(m[1] || '0') * scale + (BigInt(frac || '0') * scale) / 10n ** BigInt(frac.length);
    if (total > 9223372036854775807n) invalid();
  }
  return neg ? -total : total;
}

function fmtFrac(v: bigint, prec: number): [string, bigint] {
  let digits = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    print = print || digit !== 0n;
    if (print) digits = String(digit) + digits;
    v /= 10n;
  }
  return [print ? '.' + digits : '', v];
}

/** time.Duration.String(): "1h0m0s", "1.5s", "100ms", "0s". */
export function durationString(d: bigint): string {
  if (d === 0n) return '0s';
  const neg = d < 0n;
  let u = neg ? -d : d;
  let out: string;
  if (u < 1000000000n) {
    let prec: number;
    let unit: string;
    if (u < 1000n) return (neg ? '-' : '') + u + 'ns';
    if (u < 1000000n) {
      prec = 3;
      unit = 'µs';
    } else {
      prec = 6;
      unit = 'ms';
    }
    const [frac, whole] = fmtFrac(u, prec);
    out = String(whole) + frac + unit;
  } else {
    const [frac, secsAll] = fmtFrac(u, 9);
    u = secsAll;
    out = String(u % 60n) + frac + 's';
    u /= 60n;
    if (u > 0n) {
      out = String(u % 60n) + 'm' + out;
      u /= 60n;
      if (u > 0n) out = String(u) + 'h' + out;
    }
  }
  return (neg ? '-' : '') + out;
}

export function localNow(): GoTime {
  const now = new GoTime(Date.now());
  return timeInZone(now, 'Local') ?? now;
}

function addDuration(t: GoTime, ns: bigint): GoTime {
  const totalNanos = BigInt(t.extraNanos) + ns;
  const ms = totalNanos / 1000000n;
  let extra = Number(totalNanos % 1000000n);
  let epoch = t.epochMillis + Number(ms);
  if (extra < 0) {
    extra += 1000000;
    epoch -= 1;
  }
  return new GoTime(epoch, t.offsetMinutes, t.zoneName, extra);
}

/** The time a date argument stands for: a time, Unix seconds as an integer, or (anything else) now. */
function asTime(date: GoValue): GoTime {
  if (date instanceof GoTime) return date;
  if (typeof date === 'bigint') return new GoTime(Number(date) * 1000);
  return localNow();
}

function dateInZone(layout: string, date: GoValue, zone: string): string {
  const t = asTime(date);
  return formatGoTime(timeInZone(t, zone) ?? timeInZone(t, 'UTC')!, layout);
}

function durationRound(v: GoValue): string {
  let d = 0n;
  if (typeof v === 'string') {
    try {
      d = parseDuration(v);
    } catch {
      d = 0n;
    }
  } else if (typeof v === 'bigint') d = v;
  else if (v instanceof GoTime) d = BigInt(Date.now() - v.epochMillis) * 1000000n;
  const u = d < 0n ? -d : d;
  const second = 1000000000n;
  const units: [bigint, string][] = [
    [second * 3600n * 24n * 365n, 'y'], [second * 3600n * 24n * 30n, 'mo'], [second * 3600n * 24n, 'd'],
    [second * 3600n, 'h'], [second * 60n, 'm'], [second, 's'],
  ];
  for (const [size, suffix] of units) if (u > size) return String(u / size) + suffix;
  return '0s';
}

/** A time.Time parameter: the engine has no such parameter type, so the function checks it like Go would. */
function requireTime(t: GoValue): GoTime {
  if (t instanceof GoTime) return t;
  throw new Error(`wrong type for value; expected time.Time; got ${goTypeName(t)}`);
}

export function dateFunctions(): FuncMap {
  const modify = (must: boolean) => (f: GoValue, t: GoValue): GoValue => {
    requireTime(t);
    try {
      return addDuration(t as GoTime, parseDuration(f as string));
    } catch (e) {
      if (must) throw e;
      return t;
    }
  };
  const dateInZoneFn = (name: string) =>
    goFunc(name, ['string', 'any', 'string'], (f, d, z) => dateInZone(f as string, d, z as string));
  const dateModifyFn = (name: string, must: boolean) => goFunc(name, ['string', 'any'], modify(must));
  return {
    ago: goFunc('ago', ['any'], (d) => {
      const t = d instanceof GoTime ? d : typeof d === 'bigint' ? new GoTime(Number(d) * 1000) : localNow();
      const ms = Date.now() - t.epochMillis;
      return durationString(BigInt(Math.round(ms / 1000)) * 1000000000n);
    }),
    date: goFunc('date', ['string', 'any'], (f, d) => dateInZone(f as string, d, 'Local')),
    date_in_zone: dateInZoneFn('date_in_zone'),
    dateInZone: dateInZoneFn('dateInZone'),
    date_modify: dateModifyFn('date_modify', false),
    dateModify: dateModifyFn('dateModify', false),
    must_date_modify: dateModifyFn('must_date_modify', true),
    mustDateModify: dateModifyFn('mustDateModify', true),
    duration: goFunc('duration', ['any'], (v) => {
      // Sprig accepts a decimal string or an int64 count of seconds; anything else is 0s.
      let n = 0n;
      if (typeof v === 'string') n = /^[+-]?[0-9]+$/.test(v) && BigInt(v) <= 9223372036854775807n && BigInt(v) >= -9223372036854775808n ? BigInt(v) : 0n;
      else if (typeof v === 'bigint') n = v;
      return durationString(BigInt.asIntN(64, n * 1000000000n));
    }),
    durationRound: goFunc('durationRound', ['any'], durationRound),
    htmlDate: goFunc('htmlDate', ['any'], (d) => dateInZone('2006-01-02', d, 'Local')),
    htmlDateInZone: goFunc('htmlDateInZone', ['any', 'string'], (d, z) => dateInZone('2006-01-02', d, z as string)),
    mustToDate: goFunc('mustToDate', ['string', 'string'], (f, s) => parseGoTime(f as string, s as string, localZoneName())),
    now: goFunc('now', [], () => localNow()),
    toDate: goFunc('toDate', ['string', 'string'], (f, s) => {
      try {
        return parseGoTime(f as string, s as string, localZoneName());
      } catch {
        return ZERO_TIME;
      }
    }),
    unixEpoch: goFunc('unixEpoch', ['any'], (t) => String(Math.floor(requireTime(t).epochMillis / 1000))),
  };
}
