/**
 * Go's time formatting and parsing by reference layout ("2006-01-02 15:04:05"), time.Time.String(),
 * and moving a time into a named IANA zone (via Intl, since we ship no tzdata). Used by fmt (%v of a
 * time) and by Sprig's date functions.
 */
import { GoTime } from './values';

const LONG_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Chunk =
  | { kind: 'lit'; text: string }
  | { kind: 'std'; std: string; frac?: { sep: string; digits: number; trim: boolean } };

const layoutCache = new Map<string, Chunk[]>();

const STD_PREFIXES: [string, string][] = [
  ['January', 'LongMonth'], ['Jan', 'Month'], ['Monday', 'LongWeekDay'], ['Mon', 'WeekDay'], ['MST', 'TZ'],
  ['002', 'ZeroYearDay'], ['01', 'ZeroMonth'], ['02', 'ZeroDay'], ['03', 'ZeroHour12'], ['04', 'ZeroMinute'],
  ['05', 'ZeroSecond'], ['06', 'Year'], ['15', 'Hour'], ['1', 'NumMonth'], ['2006', 'LongYear'], ['2', 'Day'],
  ['__2', 'UnderYearDay'], ['_2', 'UnderDay'], ['3', 'Hour12'], ['4', 'Minute'], ['5', 'Second'],
  ['PM', 'PM'], ['pm', 'pm'],
  ['-07:00:00', 'NumColonSecondsTZ'], ['-070000', 'NumSecondsTz'], ['-07:00', 'NumColonTZ'], ['-0700', 'NumTZ'],
  ['-07', 'NumShortTZ'], ['Z07:00:00', 'ISO8601ColonSecondsTZ'], ['Z070000', 'ISO8601SecondsTZ'],
  ['Z07:00', 'ISO8601ColonTZ'], ['Z0700', 'ISO8601TZ'], ['Z07', 'ISO8601ShortTZ'],
];

/** Splits a layout into literal text and standard chunks, following Go's nextStdChunk. */
function parseLayout(layout: string): Chunk[] {
  const cached = layoutCache.get(layout);
  if (cached) return cached;
  const chunks: Chunk[] = [];
  let lit = '';
  let i = 0;
  outer: while (i < layout.length) {
    const c = layout[i];
    if ((c === '.' || c === ',') && (layout[i + 1] === '0' || layout[i + 1] === '9')) {
      const ch = layout[i + 1];
      let j = i + 1;
      while (j < layout.length && layout[j] === ch) j++;
      if (!(layout[j] >= '0' && layout[j] <= '9')) {
        if (lit) chunks.push({ kind: 'lit', text: lit });
        lit = '';
        chunks.push({ kind: 'std', std: 'Frac', frac: { sep: c, digits: j - i - 1, trim: ch === '9' } });
        i = j;
        continue;
      }
    }
    for (const [prefix, std] of STD_PREFIXES) {
      if (!layout.startsWith(prefix, i)) continue;
      // "Jan"/"Mon" followed by a lowercase letter is a word, not a month or day.
      if ((std === 'Month' || std === 'WeekDay') && /[a-z]/.test(layout[i + 3] ?? '')) continue;
      // "_2006" is a literal underscore before a year.
      if (std === 'UnderDay' && layout.startsWith('_2006', i)) break;
      if (lit) chunks.push({ kind: 'lit', text: lit });
      lit = '';
      chunks.push({ kind: 'std', std });
      i += prefix.length;
      continue outer;
    }
    lit += c;
    i++;
  }
  if (lit) chunks.push({ kind: 'lit', text: lit });
  if (layoutCache.size > 500) layoutCache.clear();
  layoutCache.set(layout, chunks);
  return chunks;
}

const pad = (n: number, width: number): string => (n < 0 ? '-' + pad(-n, width) : String(n).padStart(width, '0'));

interface Civil {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  nanos: number;
  weekday: number; // 0 = Sunday
  yearDay: number; // 1-based
}

function civil(t: GoTime): Civil {
  const ms = t.epochMillis + t.offsetMinutes * 60000;
  const wholeMs = Math.floor(ms);
  const d = new Date(wholeMs);
  const startOfYear = Date.UTC(d.getUTCFullYear(), 0, 1);
  const msOfSecond = ((wholeMs % 1000) + 1000) % 1000;
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    nanos: msOfSecond * 1e6 + Math.round((ms - wholeMs) * 1e6) + t.extraNanos,
    weekday: d.getUTCDay(),
    yearDay: Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - startOfYear) / 86400000) + 1,
  };
}

function formatZone(offsetMinutes: number, std: string): string {
  if (std.startsWith('ISO8601') && offsetMinutes === 0) return 'Z';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  if (std.endsWith('ShortTZ')) return sign + hh;
  const colon = std.includes('Colon') ? ':' : '';
  const seconds = std.toLowerCase().includes('seconds') ? colon + '00' : '';
  return sign + hh + colon + mm + seconds;
}

/** time.Time.Format(layout). */
export function formatGoTime(t: GoTime, layout: string): string {
  const c = civil(t);
  let out = '';
  for (const chunk of parseLayout(layout)) {
    if (chunk.kind === 'lit') {
      out += chunk.text;
      continue;
    }
    switch (chunk.std) {
      case 'LongMonth': out += LONG_MONTHS[c.month - 1]; break;
      case 'Month': out += LONG_MONTHS[c.month - 1].slice(0, 3); break;
      case 'NumMonth': out += c.month; break;
      case 'ZeroMonth': out += pad(c.month, 2); break;
      case 'LongWeekDay': out += LONG_DAYS[c.weekday]; break;
      case 'WeekDay': out += LONG_DAYS[c.weekday].slice(0, 3); break;
      case 'Day': out += c.day; break;
      case 'UnderDay': out += String(c.day).padStart(2, ' '); break;
      case 'ZeroDay': out += pad(c.day, 2); break;
      case 'UnderYearDay': out += String(c.yearDay).padStart(3, ' '); break;
      case 'ZeroYearDay': out += pad(c.yearDay, 3); break;
      case 'Hour': out += pad(c.hour, 2); break;
      case 'Hour12': out += c.hour % 12 === 0 ? 12 : c.hour % 12; break;
      case 'ZeroHour12': out += pad(c.hour % 12 === 0 ? 12 : c.hour % 12, 2); break;
      case 'Minute': out += c.minute; break;
      case 'ZeroMinute': out += pad(c.minute, 2); break;
      case 'Second': out += c.second; break;
      case 'ZeroSecond': out += pad(c.second, 2); break;
      case 'LongYear': out += pad(c.year, 4); break;
      case 'Year': out += pad(((c.year % 100) + 100) % 100, 2); break;
      case 'PM': out += c.hour >= 12 ? 'PM' : 'AM'; break;
      case 'pm': out += c.hour >= 12 ? 'pm' : 'am'; break;
      case 'TZ':
        out += t.zoneName || formatZone(t.offsetMinutes, 'NumTZ');
        break;
      case 'Frac': {
        const { sep, digits, trim } = chunk.frac!;
        let frac = pad(c.nanos, 9).slice(0, digits);
        if (trim) frac = frac.replace(/0+$/, '');
        if (frac) out += sep + frac;
        break;
      }
      default:
        out += formatZone(t.offsetMinutes, chunk.std);
    }
  }
  return out;
}

/** time.Time.String(): "2006-01-02 15:04:05.999999999 -0700 MST". */
export function goTimeString(t: GoTime): string {
  return formatGoTime(t, '2006-01-02 15:04:05.999999999 -0700 MST');
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat | null>();

function zoneFormatter(zone: string): Intl.DateTimeFormat | null {
  let f = zoneFormatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
        timeZoneName: 'short',
      });
    } catch {
      f = null;
    }
    zoneFormatters.set(zone, f);
  }
  return f;
}

/** The process's local zone name, as Go's time.Local would load it from TZ or the system. */
export function localZoneName(): string {
  return process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * t.In(time.LoadLocation(zone)); undefined if the zone is unknown (callers decide the fallback, as
 * Sprig falls back to UTC). "UTC" and "" give UTC; "Local" the process zone.
 */
export function timeInZone(t: GoTime, zone: string): GoTime | undefined {
  if (zone === '' || zone === 'UTC') return new GoTime(t.epochMillis, 0, 'UTC', t.extraNanos);
  if (zone === 'Local') {
    const local = localZoneName();
    return timeInZone(t, local === 'Local' ? 'UTC' : local) ?? new GoTime(t.epochMillis, 0, 'UTC', t.extraNanos);
  }
  const f = zoneFormatter(zone);
  if (!f) return undefined;
  const wholeMs = Math.floor(t.epochMillis / 1000) * 1000;
  const parts = Object.fromEntries(f.formatToParts(new Date(wholeMs)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  const offsetMinutes = Math.round((asUtc - wholeMs) / 60000);
  // Intl names zones without an abbreviation "GMT+1"; Go's tzdata would say e.g. "CET". Use "+01" like
  // Go does for zones whose tzdata has no abbreviation.
  let name = parts.timeZoneName ?? '';
  if (/^(GMT|UTC)[+-]/.test(name) || name === '') name = formatZone(offsetMinutes, 'NumShortTZ');
  return new GoTime(t.epochMillis, offsetMinutes, name, t.extraNanos);
}

const MONTH_INDEX = new Map(LONG_MONTHS.flatMap((m, i) => [[m.toLowerCase(), i + 1], [m.slice(0, 3).toLowerCase(), i + 1]]));

/**
 * time.ParseInLocation(layout, value, loc) for the layouts charts use. A value without a zone is taken
 * in `zone` (default UTC). Errors read like Go's: `parsing time "x" as "layout": cannot parse "x" as "2006"`.
 */
export function parseGoTime(layout: string, value: string, zone = 'UTC'): GoTime {
  const fail = (rest: string, elem: string): never => {
    throw new Error(`parsing time ${JSON.stringify(value)} as ${JSON.stringify(layout)}: cannot parse ${JSON.stringify(rest)} as ${JSON.stringify(elem)}`);
  };
  let year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0, nanos = 0, pm: boolean | undefined;
  let offset: number | undefined;
  let zoneAbbrev: string | undefined;
  let pos = 0;
  const num = (min: number, max: number, elem: string): number => {
    const m = new RegExp(`^[0-9]{${min},${max}}`).exec(value.slice(pos));
    if (!m) fail(value.slice(pos), elem);
    pos += m![0].length;
    return Number(m![0]);
  };
  const source: Record<string, string> = Object.fromEntries(STD_PREFIXES.map(([p, s]) => [s, p]));
  for (const chunk of parseLayout(layout)) {
    if (chunk.kind === 'lit') {
      if (!value.startsWith(chunk.text, pos)) fail(value.slice(pos), chunk.text);
      pos += chunk.text.length;
      continue;
    }
    const elem = source[chunk.std] ?? '.000';
    switch (chunk.std) {
      case 'LongYear': year = num(4, 4, elem); break;
      case 'Year': year = num(2, 2, elem); year += year >= 69 ? 1900 : 2000; break;
      case 'NumMonth': case 'ZeroMonth': month = num(chunk.std === 'ZeroMonth' ? 2 : 1, 2, elem); break;
      case 'Month': case 'LongMonth': {
        const m = /^[A-Za-z]+/.exec(value.slice(pos));
        const idx = m ? MONTH_INDEX.get(m[0].toLowerCase()) : undefined;
        if (!m || !idx) fail(value.slice(pos), elem);
        month = idx!;
        pos += m![0].length;
        break;
      }
      case 'WeekDay': case 'LongWeekDay': {
        const m = /^[A-Za-z]+/.exec(value.slice(pos));
        if (!m) fail(value.slice(pos), elem);
        pos += m![0].length;
        break;
      }
      case 'Day': case 'ZeroDay': day = num(chunk.std === 'ZeroDay' ? 2 : 1, 2, elem); break;
      case 'UnderDay': if (value[pos] === ' ') pos++; day = num(1, 2, elem); break;
      case 'ZeroYearDay': case 'UnderYearDay': num(1, 3, elem); break;
      case 'Hour': hour = num(2, 2, elem); break;
      case 'Hour12': case 'ZeroHour12': hour = num(chunk.std === 'Hour12' ? 1 : 2, 2, elem); break;
      case 'Minute': case 'ZeroMinute': minute = num(chunk.std === 'Minute' ? 1 : 2, 2, elem); break;
      case 'Second': case 'ZeroSecond': {
        second = num(chunk.std === 'Second' ? 1 : 2, 2, elem);
        // Go accepts fractional seconds after a seconds field even when the layout has none.
        const frac = /^[.,]([0-9]+)/.exec(value.slice(pos));
        if (frac && !layout.slice(layout.indexOf(elem) + elem.length).startsWith('.')) {
          nanos = Number(frac[1].slice(0, 9).padEnd(9, '0'));
          pos += frac[0].length;
        }
        break;
      }
      case 'PM': case 'pm': {
        const s = value.slice(pos, pos + 2).toUpperCase();
        if (s !== 'AM' && s !== 'PM') fail(value.slice(pos), elem);
        pm = s === 'PM';
        pos += 2;
        break;
      }
      case 'Frac': {
        const m = /^[.,]([0-9]+)/.exec(value.slice(pos));
        if (!m) {
          if (chunk.frac!.trim) break;
          fail(value.slice(pos), elem);
        }
        nanos = Number(m![1].slice(0, 9).padEnd(9, '0'));
        pos += m![0].length;
        break;
      }
      case 'TZ': {
        const m = /^(UTC|GMT|[A-Z]{3,5})/.exec(value.slice(pos));
        if (!m) fail(value.slice(pos), elem);
        zoneAbbrev = m![0];
        if (zoneAbbrev === 'UTC' || zoneAbbrev === 'GMT') offset = 0;
        pos += m![0].length;
        break;
      }
      default: {
        if (chunk.std.startsWith('ISO8601') && value[pos] === 'Z') {
          offset = 0;
          pos++;
          break;
        }
        const m = /^([+-])([0-9]{2})(?::?([0-9]{2}))?(?::?([0-9]{2}))?/.exec(value.slice(pos));
        if (!m) fail(value.slice(pos), elem);
        offset = (m![1] === '-' ? -1 : 1) * (Number(m![2]) * 60 + Number(m![3] ?? 0));
        pos += m![0].length;
      }
    }
  }
  if (pos < value.length) {
    throw new Error(`parsing time ${JSON.stringify(value)}: extra text: ${JSON.stringify(value.slice(pos))}`);
  }
  if (pm !== undefined) {
    if (pm && hour < 12) hour += 12;
    else if (!pm && hour === 12) hour = 0;
  }
  if (month < 1 || month > 12) throw new Error(`parsing time ${JSON.stringify(value)}: month out of range`);
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    throw new Error(`parsing time ${JSON.stringify(value)}: day out of range`);
  }
  // Date.UTC maps years 0-99 to 1900-1999; set the year explicitly.
  const wall = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  wall.setUTCFullYear(year, month - 1, day);
  const wallMs = wall.getTime();
  const ms = Math.floor(nanos / 1e6);
  const extra = nanos % 1e6;
  if (offset !== undefined) {
    const name = zoneAbbrev ?? '';
    return new GoTime(wallMs - offset * 60000 + ms, offset, name, extra);
  }
  // No zone in the value: interpret the wall clock in `zone` (one correction step handles DST).
  const guess = timeInZone(new GoTime(wallMs), zone) ?? new GoTime(wallMs);
  let epoch = wallMs - guess.offsetMinutes * 60000;
  const settled = timeInZone(new GoTime(epoch), zone) ?? guess;
  epoch = wallMs - settled.offsetMinutes * 60000;
  return new GoTime(epoch + ms, settled.offsetMinutes, settled.zoneName, extra);
}
