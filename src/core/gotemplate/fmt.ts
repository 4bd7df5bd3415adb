/**
 * Go's fmt.Sprintf / fmt.Sprint over the Go value model. Templates print every value through these
 * (`{{ .x }}` is fmt.Fprint, `printf` is fmt.Sprintf), so chart output depends on matching Go exactly:
 * `1e+06` for float 1000000, `map[a:1 b:2]` with sorted keys, `%!d(string=x)` for a mismatched verb.
 */
import { GoStruct, GoTime, GoValue, GoMap } from './values';
import { canBackquote, formatFloat, quote, quoteRune } from './strconv';
import { goTimeString } from './gotime';
import { goBytes, goStringFromBytes } from './bytes';

interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  /** %+v: print struct field names. */
  plusV: boolean;
  /** %#v: Go-syntax representation. */
  sharpV: boolean;
  wid: number | undefined;
  prec: number | undefined;
}

const noFlags = (): Flags => ({
  plus: false,
  minus: false,
  sharp: false,
  space: false,
  zero: false,
  plusV: false,
  sharpV: false,
  wid: undefined,
  prec: undefined,
});

/** Go's type name of a value, as `%T` and error messages print it. */
export function goTypeName(value: GoValue): string {
  if (value === null || value === undefined) return '<nil>';
  switch (typeof value) {
    case 'bigint':
      return 'int';
    case 'number':
      return 'float64';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
  }
  if (Array.isArray(value)) return '[]interface {}';
  if (value instanceof Uint8Array) return '[]uint8';
  if (value instanceof GoTime) return 'time.Time';
  if (value instanceof GoStruct) return value.goTypeName;
  return 'map[string]interface {}';
}

/** fmt's %v of one value (what `{{ . }}` prints). */
export function formatValue(value: GoValue): string {
  // Every {{ pipeline }} output goes through here: skip the flag machinery for scalars.
  switch (typeof value) {
    case 'string':
      return value;
    case 'bigint':
      return String(BigInt.asIntN(64, value));
    case 'boolean':
      return value ? 'true' : 'false';
  }
  return printValue(value, 'v', noFlags(), 0);
}

/** Byte-order (= code point order) comparison, as Go sorts strings. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length < b.length ? -1 : 1;
}

/** Struct fields: own enumerable properties, except the type name the model stores on instances. */
export function structFields(value: GoStruct): [string, GoValue][] {
  return Object.entries(value).filter(([k]) => k !== 'goTypeName') as [string, GoValue][];
}

function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

function pad(s: string, f: Flags, zeroAllowed = true): string {
  if (f.wid === undefined) return s;
  const n = f.wid - runeCount(s);
  if (n <= 0) return s;
  if (f.minus) return s + ' '.repeat(n);
  return (f.zero && zeroAllowed ? '0' : ' ').repeat(n) + s;
}

/** Go's `%!verb(type=value)`: the value is printed with %v under the directive's own width and precision. */
function badVerb(value: GoValue, verb: string, f: Flags = noFlags()): string {
  if (value === null || value === undefined) return `%!${verb}(<nil>)`;
  return `%!${verb}(${goTypeName(value)}=${printValue(value, 'v', f, 0)})`;
}

function fmtInteger(v: bigint, verb: string, f: Flags): string {
  if (verb === 'c') return pad(String.fromCodePoint(validRune(v)), f);
  if (verb === 'q') return pad(quoteRune(Number(v), f.plus), f);
  if (verb === 'U') {
    let s = 'U+' + (v < 0n ? v + (1n << 64n) : v).toString(16).toUpperCase().padStart(4, '0');
    if (f.sharp && v >= 0n && v <= 0x10ffffn && /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u.test(String.fromCodePoint(Number(v)))) {
      s += ` '${String.fromCodePoint(Number(v))}'`;
    }
    return pad(s, f);
  }
  const base = verb === 'b' ? 2 : verb === 'o' || verb === 'O' ? 8 : verb === 'x' || verb === 'X' ? 16 : 10;
  const neg = v < 0n;
  let digits = (neg ? -v : v).toString(base);
  if (verb === 'X') digits = digits.toUpperCase();
  let prec: number | undefined;
  if (f.prec !== undefined) {
    prec = f.prec;
    if (prec === 0 && v === 0n) return f.wid === undefined ? '' : ' '.repeat(f.wid);
  } else if (f.zero && f.wid !== undefined && !f.minus) {
    // Go turns zero padding into a minimum digit count, leaving room for the sign only.
    prec = f.wid - (neg || f.plus || f.space ? 1 : 0);
  }
  if (prec !== undefined && digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits;
  if (f.sharp && !f.sharpV) {
    if (base === 8 && digits[0] !== '0') digits = '0' + digits;
    else if (base === 16) digits = (verb === 'X' ? '0X' : '0x') + digits;
    else if (base === 2) digits = '0b' + digits;
  }
  if (verb === 'O') digits = '0o' + digits;
  const sign = neg ? '-' : f.plus ? '+' : f.space ? ' ' : '';
  return pad(sign + digits, { ...f, zero: false });
}

function validRune(v: bigint): number {
  if (v < 0n || v > 0x10ffffn || (v >= 0xd800n && v <= 0xdfffn)) return 0xfffd;
  return Number(v);
}

/** Flags that change how a float prints (width alone only pads). */
const plainFlags = (f: Flags): boolean => !f.plus && !f.space && !f.sharp && !f.zero && f.prec === undefined;

function fmtFloat(v: number, verb: string, f: Flags): string {
  // Fast path for the common {{ .Values.x }} case: in [1e-4, 1e6) Go's shortest %v and JavaScript's
  // String() both print the shortest round-trip digits in fixed notation.
  if (verb === 'v' && plainFlags(f)) {
    const abs = Math.abs(v);
    if ((abs >= 1e-4 && abs < 1e6) || (v === 0 && !Object.is(v, -0))) return pad(String(v), f);
  }
  let fmtChar = verb;
  let prec = -1;
  if (verb === 'v') fmtChar = 'g';
  else if (verb === 'F') fmtChar = 'f';
  if (verb === 'e' || verb === 'E' || verb === 'f' || verb === 'F') prec = 6;
  if (f.prec !== undefined) prec = f.prec;
  let num = formatFloat(v, fmtChar, prec);
  num = num[0] === '-' || num[0] === '+' ? num : '+' + num;
  if (f.space && num[0] === '+' && !f.plus) num = ' ' + num.slice(1);
  if (num[1] === 'I' || num[1] === 'N') {
    // Infinities and NaN are padded with spaces only; NaN shows a sign only when asked.
    if (num[1] === 'N' && !f.space && !f.plus) num = num.slice(1);
    return pad(num, f, false);
  }
  if (f.sharp && verb !== 'b' && !f.sharpV) num = keepDecimalPoint(num, verb, prec);
  if (f.plus || num[0] !== '+') {
    if (f.zero && !f.minus && f.wid !== undefined && f.wid > num.length) {
      return num[0] + '0'.repeat(f.wid - num.length) + num.slice(1);
    }
    return pad(num, f);
  }
  return pad(num.slice(1), f);
}

/** The '#' flag: always print a decimal point, and keep %g's trailing zeros. */
function keepDecimalPoint(num: string, verb: string, prec: number): string {
  let digits = 0;
  if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') digits = prec === -1 ? 6 : prec;
  let tail = '';
  let hasPoint = false;
  let sawNonzero = false;
  for (let i = 1; i < num.length; i++) {
    const c = num[i];
    if (c === '.') hasPoint = true;
    else if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
      tail = num.slice(i);
      num = num.slice(0, i);
      break;
    } else {
      if (c !== '0') sawNonzero = true;
      if (sawNonzero) digits--;
    }
  }
  if (!hasPoint) {
    if (num.length === 2 && num[1] === '0') digits--;
    num += '.';
  }
  if (digits > 0) num += '0'.repeat(digits);
  return num + tail;
}

function hexOfBytes(bytes: Uint8Array, verb: string, f: Flags): string {
  const n = f.prec !== undefined ? Math.min(f.prec, bytes.length) : bytes.length;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    let h = bytes[i].toString(16).padStart(2, '0');
    if (verb === 'X') h = h.toUpperCase();
    parts.push(h);
  }
  const prefix = verb === 'X' ? '0X' : '0x';
  let s: string;
  if (f.space) s = parts.map((p) => (f.sharp ? prefix + p : p)).join(' ');
  else s = (f.sharp && n > 0 ? prefix : '') + parts.join('');
  return pad(s, f);
}


function truncateRunes(s: string, prec: number | undefined): string {
  if (prec === undefined) return s;
  let i = 0;
  let n = 0;
  while (i < s.length && n < prec) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    n++;
  }
  return s.slice(0, i);
}

function fmtString(s: string, verb: string, f: Flags): string {
  switch (verb) {
    case 'v':
      if (f.sharpV) return pad(quote(s), f);
      return pad(truncateRunes(s, f.prec), f);
    case 's':
      return pad(truncateRunes(s, f.prec), f);
    case 'q': {
      s = truncateRunes(s, f.prec);
      if (f.sharp && canBackquote(s)) return pad('`' + s + '`', f);
      return pad(quote(s, f.plus), f);
    }
    case 'x':
    case 'X':
      return hexOfBytes(goBytes(s), verb, f);
  }
  return badVerb(s, verb, f);
}

/** A value's String() method if it has one: Go prints Stringers through it. */
function stringer(value: GoStruct): string | undefined {
  const method = (value as unknown as { String?: unknown }).String;
  if (typeof method !== 'function') return undefined;
  return String(method.call(value));
}

/** Containers being printed right now: a value that contains itself would print forever in Go. */
const printing = new Set<object>();

function printValue(value: GoValue, verb: string, f: Flags, depth: number): string {
  if (value !== null && typeof value === 'object' && !(value instanceof GoTime) && !(value instanceof Uint8Array)) {
    if (printing.has(value)) throw new Error(`cannot print a value that contains itself (${goTypeName(value)})`);
    if (depth > 2000) throw new Error('cannot print a value nested more than 2000 levels deep');
    printing.add(value);
    try {
      return printInner(value, verb, f, depth);
    } finally {
      printing.delete(value);
    }
  }
  return printInner(value, verb, f, depth);
}

function printInner(value: GoValue, verb: string, f: Flags, depth: number): string {
  if (verb === 'T') return pad(goTypeName(value), f);
  if (value === null || value === undefined) {
    if (verb === 'v') return pad(depth > 0 && f.sharpV ? 'interface {}(nil)' : '<nil>', f);
    // Go's printValue writes a nil interface element of a slice or map as <nil> whatever the verb.
    return depth > 0 ? '<nil>' : badVerb(value, verb, f);
  }
  switch (typeof value) {
    case 'boolean':
      return verb === 't' || verb === 'v' ? pad(String(value), f) : badVerb(value, verb, f);
    case 'bigint':
      return 'vdbOoxXcqU'.includes(verb) ? fmtInteger(BigInt.asIntN(64, value), verb, f) : badVerb(value, verb, f);
    case 'number':
      return 'vbgGxXfFeE'.includes(verb) ? fmtFloat(value, verb, f) : badVerb(value, verb, f);
    case 'string':
      return fmtString(value, verb, f);
  }
  if (value instanceof Uint8Array) {
    if (verb === 's' || verb === 'q' || verb === 'x' || verb === 'X') {
      return verb === 'x' || verb === 'X' ? hexOfBytes(value, verb, f) : fmtString(goStringFromBytes(value), verb, f);
    }
    if (f.sharpV) return `[]byte{${Array.from(value, (b) => '0x' + b.toString(16)).join(', ')}}`;
    return '[' + Array.from(value, (b) => printValue(BigInt(b), verb, f, depth + 1)).join(' ') + ']';
  }
  if (value instanceof GoTime) {
    if (f.sharpV) return `time.Date(...)`;
    return fmtString(goTimeString(value), verb === 'v' || verb === 's' || verb === 'q' ? verb : 's', f);
  }
  if (value instanceof GoStruct) {
    const shown = f.sharpV ? undefined : stringer(value);
    if (shown !== undefined) return fmtString(shown, verb === 'x' || verb === 'X' || verb === 'q' ? verb : 's', f);
    const fields = structFields(value);
    if (f.sharpV) {
      const body = fields.map(([k, v]) => `${k}:${printValue(v, verb, f, depth + 1)}`).join(', ');
      return `${value.goTypeName}{${body}}`;
    }
    const body = fields.map(([k, v]) => (f.plusV ? `${k}:` : '') + printValue(v, verb, f, depth + 1));
    return '{' + body.join(' ') + '}';
  }
  if (Array.isArray(value)) {
    if (f.sharpV) {
      return `[]interface {}{${value.map((v) => printValue(v, verb, f, depth + 1)).join(', ')}}`;
    }
    return '[' + value.map((v) => printValue(v, verb, f, depth + 1)).join(' ') + ']';
  }
  const map = value as GoMap;
  const keys = Object.keys(map).sort(compareGoStrings);
  if (f.sharpV) {
    const body = keys.map((k) => `${quote(k)}:${printValue(map[k], verb, f, depth + 1)}`).join(', ');
    return `map[string]interface {}{${body}}`;
  }
  return 'map[' + keys.map((k) => `${fmtString(k, verb, f)}:${printValue(map[k], verb, f, depth + 1)}`).join(' ') + ']';
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** Go's fmt.Sprintf. */
export function sprintf(format: string, args: GoValue[]): string {
  let out = '';
  let argNum = 0;
  let reordered = false;
  let goodArgNum = true;
  const end = format.length;
  let i = 0;

  // Parses "[n]" at i; returns the new index and whether an index was found.
  const argIndex = (): void => {
    if (format[i] !== '[') return;
    reordered = true;
    const close = format.indexOf(']', i);
    const text = close < 0 ? '' : format.slice(i + 1, close);
    const n = /^[0-9]+$/.test(text) ? Number(text) : NaN;
    if (close < 0 || !(n >= 1 && n <= args.length)) {
      goodArgNum = false;
      i = close < 0 ? end : close + 1;
      return;
    }
    argNum = n - 1;
    i = close + 1;
  };
  const parseNum = (): number | undefined => {
    if (!isDigit(format[i])) return undefined;
    let n = 0;
    while (isDigit(format[i])) {
      n = n * 10 + Number(format[i]);
      if (n > 1e6) return -1;
      i++;
    }
    return n;
  };
  // A '*' width or precision takes an int argument.
  const intArg = (): number | undefined => {
    if (argNum >= args.length) return undefined;
    const v = args[argNum++];
    if (typeof v !== 'bigint' || v > 1000000n || v < -1000000n) return undefined;
    return Number(v);
  };

  while (i < end) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const f = noFlags();
    flags: for (; i < end; i++) {
      switch (format[i]) {
        case '#':
          f.sharp = true;
          break;
        case '0':
          f.zero = !f.minus;
          break;
        case '+':
          f.plus = true;
          break;
        case '-':
          f.minus = true;
          f.zero = false;
          break;
        case ' ':
          f.space = true;
          break;
        default:
          break flags;
      }
    }
    goodArgNum = true;
    argIndex();
    if (format[i] === '*') {
      i++;
      const w = intArg();
      if (w === undefined) out += '%!(BADWIDTH)';
      else {
        f.wid = Math.abs(w);
        if (w < 0) {
          f.minus = true;
          f.zero = false;
        }
      }
    } else {
      const w = parseNum();
      if (w !== undefined && w >= 0) f.wid = w;
      else if (w === -1) out += '%!(BADWIDTH)';
    }
    if (format[i] === '.') {
      i++;
      argIndex();
      if (format[i] === '*') {
        i++;
        const p = intArg();
        if (p === undefined || p < 0) out += '%!(BADPREC)';
        else f.prec = p;
      } else {
        const p = parseNum();
        f.prec = p === undefined ? 0 : p < 0 ? undefined : p;
        if (p === -1) out += '%!(BADPREC)';
      }
    }
    argIndex();
    if (i >= end) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (!goodArgNum) {
      out += `%!${verb}(BADINDEX)`;
      continue;
    }
    if (argNum >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    if (verb === 'w') {
      out += badVerb(args[argNum++], verb);
      continue;
    }
    if (verb === 'v') {
      if (f.sharp) {
        f.sharp = false;
        f.sharpV = true;
      }
      if (f.plus) {
        f.plus = false;
        f.plusV = true;
      }
    }
    out += printValue(args[argNum++], verb, f, 0);
  }

  if (!reordered && argNum < args.length) {
    const extra = args.slice(argNum).map((a) => (a === null || a === undefined ? '<nil>' : `${goTypeName(a)}=${formatValue(a)}`));
    out += `%!(EXTRA ${extra.join(', ')})`;
  }
  return out;
}

/** Go's fmt.Sprint: operands joined, with a space between two operands when neither is a string. */
export function sprint(args: GoValue[]): string {
  let out = '';
  for (let k = 0; k < args.length; k++) {
    const isString = typeof args[k] === 'string';
    if (k > 0 && !isString && typeof args[k - 1] !== 'string') out += ' ';
    out += formatValue(args[k]);
  }
  return out;
}

/** Go's fmt.Sprintln: operands always separated by spaces, newline appended. */
export function sprintln(args: GoValue[]): string {
  return args.map(formatValue).join(' ') + '\n';
}
