/**
 * The `--set` family of flags, parsed as Helm's pkg/strvals does (parser.go, literal_parser.go):
 * `a.b[0].c=v,d={x,y}` assignments into a values map. Typing matters for output: `--set n=5` gives an
 * int64 (prints `5`), `--set n=1.5` stays the string "1.5", `--set-json n=5` gives a float64.
 *
 * Errors use Helm's wording (`key "x" has no value`, `negative -1 index not allowed`, ...), so the
 * editor can show the same message helm would.
 */
import type { GoMap, GoValue } from '../gotemplate/values';

export type SetFlagMode = 'set' | 'set-string' | 'set-json' | 'set-file' | 'set-literal';

export const MAX_NESTED_NAME_LEVEL = 30;
export const MAX_INDEX = 65536;

export class StrvalsError extends Error {}

/**
 * An index cut off by the end of input (`a[`, `a[0`). Helm 4 wraps io.EOF into this error (`%w`) and its
 * parse loop takes any wrapped EOF for the normal end, so the flag is accepted with what was set before;
 * Helm 3 formats it with `%s` and fails.
 */
class IndexEofError extends StrvalsError {
  constructor() {
    super('error parsing index: EOF');
  }
}

/** Marks the end of input; Helm's parser uses io.EOF the same way, as a normal stop signal. */
const EOF = Symbol('EOF');
/** The value is not a `{a,b}` list; Helm's ErrNotList. */
const NOT_LIST = Symbol('NOT_LIST');

type Reader = (runes: string) => GoValue;

/** A rune cursor over the flag text (Go reads runes, so surrogate pairs count as one). */
class RuneScanner {
  private pos = 0;
  constructor(private readonly runes: string[]) {}
  read(): string | typeof EOF {
    return this.pos < this.runes.length ? this.runes[this.pos++] : EOF;
  }
  unread(): void {
    this.pos--;
  }
  rest(): string {
    return this.runes.slice(this.pos).join('');
  }
  skip(runeCount: number): void {
    this.pos += runeCount;
  }
}

interface Until {
  text: string;
  last: string | typeof EOF;
}

/** Reads up to a stop rune; `\` escapes the next rune unless `literal`. */
function runesUntil(sc: RuneScanner, stop: string, literal = false): Until {
  let text = '';
  for (;;) {
    const r = sc.read();
    if (r === EOF) return { text, last: EOF };
    if (stop.includes(r)) return { text, last: r };
    if (r === '\\' && !literal) {
      const next = sc.read();
      if (next === EOF) return { text, last: EOF };
      text += next;
    } else {
      text += r;
    }
  }
}

/** Helm's typedVal: only true/false/null (any case) and canonical int64 decimals are typed. */
export function typedSetValue(text: string): GoValue {
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (text === '0') return 0n;
  if (/^[+-]?[0-9]+$/.test(text) && text[0] !== '0') {
    const n = BigInt(text);
    if (n >= -(2n ** 63n) && n < 2n ** 63n) return n;
  }
  return text;
}

function goQuote(s: string): string {
  return JSON.stringify(s);
}

function atoi(text: string): number {
  // Go's strconv.Atoi: optional sign, decimal digits only.
  if (!/^[+-]?[0-9]+$/.test(text)) {
    throw new StrvalsError(`error parsing index: strconv.Atoi: parsing ${goQuote(text)}: invalid syntax`);
  }
  return Number(text);
}

function setKey(data: GoMap, key: string, value: GoValue): void {
  if (key.length === 0) return;
  data[key] = value;
}

function setIndex(list: GoValue[], index: number, value: GoValue): GoValue[] {
  if (index < 0) throw new StrvalsError(`negative ${index} index not allowed`);
  if (index > MAX_INDEX) throw new StrvalsError(`index of ${index} is greater than maximum supported index of ${MAX_INDEX}`);
  while (list.length <= index) list.push(null);
  list[index] = value;
  return list;
}

function asList(value: GoValue, key: string): GoValue[] {
  if (Array.isArray(value)) return value;
  throw new StrvalsError(`unable to parse key: interface conversion: value at ${goQuote(key)} is not a list`);
}

/**
 * `a.b...` in a key, for both parsers: parses the rest of the key into the map under `k` (created when
 * absent, kept only if something was set), bounded in depth as Helm bounds it.
 */
function descend(data: GoMap, k: string, level: number, parseKey: (inner: GoMap, level: number) => typeof EOF | undefined): typeof EOF | undefined {
  if (level + 1 > MAX_NESTED_NAME_LEVEL) {
    throw new StrvalsError(`value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`);
  }
  const inner = k in data ? asMap(data[k], k) : {};
  let result: typeof EOF | undefined;
  try {
    result = parseKey(inner, level + 1);
  } finally {
    if (Object.keys(inner).length !== 0) setKey(data, k, inner);
  }
  if (result === undefined && Object.keys(inner).length === 0) {
    throw new StrvalsError(`key map ${goQuote(k)} has no value`);
  }
  return result;
}

function asMap(value: GoValue, key: string): GoMap {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype) {
    return value as GoMap;
  }
  throw new StrvalsError(`unable to parse key: interface conversion: value at ${goQuote(key)} is not a map`);
}

/** Finds where the first JSON value of `text` ends (like json.Decoder.InputOffset), or throws. */
function jsonValueEnd(text: string): number {
  let i = 0;
  while (i < text.length && /\s/.test(text[i])) i++;
  const start = i;
  let depth = 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (depth === 0) return i + 1;
    } else if (c === '{' || c === '[') {
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
      if (depth < 0) break;
    } else if (depth === 0 && /[\s,\]}]/.test(c)) {
      return i;
    }
  }
  if (depth === 0 && i > start) return i;
  throw new StrvalsError('unexpected EOF');
}

class Parser {
  private readonly sc: RuneScanner;
  constructor(
    text: string,
    private readonly data: GoMap,
    private readonly reader: Reader,
    private readonly isJson: boolean,
    private readonly acceptIndexEof: boolean,
  ) {
    this.sc = new RuneScanner(Array.from(text));
  }

  parse(): void {
    try {
      for (;;) {
        if (this.key(this.data, 0) === EOF) return;
      }
    } catch (e) {
      if (!(this.acceptIndexEof && e instanceof IndexEofError)) throw e;
    }
  }

  /** Returns EOF when the input ended cleanly after a complete assignment. */
  private key(data: GoMap, level: number): typeof EOF | undefined {
    const { text: k, last } = runesUntil(this.sc, '=[,.');
    if (last === EOF) {
      if (k.length === 0) return EOF;
      throw new StrvalsError(`key ${goQuote(k)} has no value`);
    }
    if (last === '[') {
      const i = this.keyIndex();
      const list = k in data ? asList(data[k], k) : [];
      // Helm sets the list under the key even when the item fails (Helm 4 then goes on, see IndexEofError).
      let result: { list: GoValue[]; eof?: typeof EOF } = { list };
      try {
        result = this.listItem(list, i, level);
      } finally {
        setKey(data, k, result.list);
      }
      return result.eof;
    }
    if (last === '=') {
      if (this.isJson) {
        if (this.emptyVal()) {
          setKey(data, k, null);
          return undefined;
        }
        setKey(data, k, this.jsonValue());
        this.emptyVal();
        return undefined;
      }
      const vl = this.valList();
      if (vl === EOF) {
        setKey(data, k, '');
        return EOF;
      }
      if (vl !== NOT_LIST) {
        setKey(data, k, vl);
        return undefined;
      }
      const v = this.val();
      setKey(data, k, this.reader(v.text));
      // Like Helm, a plain value never reports the end of input itself; the next key() call does.
      return undefined;
    }
    if (last === ',') {
      setKey(data, k, '');
      throw new StrvalsError(`key ${goQuote(k)} has no value (cannot end with ,)`);
    }
    // last === '.'
    return descend(data, k, level, (inner, next) => this.key(inner, next));
  }

  private keyIndex(): number {
    const { text, last } = runesUntil(this.sc, ']');
    if (last === EOF) throw new IndexEofError();
    return atoi(text);
  }

  private listItem(list: GoValue[], i: number, level: number): { list: GoValue[]; eof?: typeof EOF } {
    if (i < 0) throw new StrvalsError(`negative ${i} index not allowed`);
    const { text: k, last } = runesUntil(this.sc, '[.=');
    if (k.length > 0) throw new StrvalsError(`unexpected data at end of array index: ${goQuote(k)}`);
    if (last === EOF) return { list, eof: EOF };
    if (last === '=') {
      if (this.isJson) {
        if (this.emptyVal()) return { list: setIndex(list, i, null) };
        const value = this.jsonValue();
        setIndex(list, i, value);
        this.emptyVal();
        return { list };
      }
      const vl = this.valList();
      if (vl === EOF) return { list: setIndex(list, i, ''), eof: EOF };
      if (vl !== NOT_LIST) return { list: setIndex(list, i, vl) };
      const v = this.val();
      return { list: setIndex(list, i, this.reader(v.text)) };
    }
    if (last === '[') {
      const nextI = this.keyIndex();
      let current: GoValue[] = [];
      if (list.length > i && list[i] !== null && list[i] !== undefined) current = asList(list[i], `[${i}]`);
      const nested = this.listItem(current, nextI, level);
      return { list: setIndex(list, i, nested.list), eof: nested.eof };
    }
    // last === '.'
    let inner: GoMap = {};
    if (list.length > i) {
      const existing = list[i];
      if (existing !== null && typeof existing === 'object' && !Array.isArray(existing) && !(existing instanceof Uint8Array)) {
        inner = existing as GoMap;
      } else {
        list[i] = inner;
      }
    }
    const eof = this.key(inner, level);
    return { list: setIndex(list, i, inner), eof };
  }

  /** Consumes spaces up to a comma or the end (true: empty value); stops before anything else. */
  private emptyVal(): boolean {
    for (;;) {
      const r = this.sc.read();
      if (r === EOF || r === ',') return true;
      if (!/\s/u.test(r)) {
        this.sc.unread();
        return false;
      }
    }
  }

  private jsonValue(): GoValue {
    const rest = this.sc.rest();
    const end = jsonValueEnd(rest);
    const chunk = rest.slice(0, end);
    let value: GoValue;
    try {
      value = JSON.parse(chunk) as GoValue;
    } catch (e) {
      throw new StrvalsError((e as Error).message);
    }
    this.sc.skip(Array.from(chunk).length);
    return value;
  }

  private val(): Until {
    return runesUntil(this.sc, ',');
  }

  private valList(): GoValue[] | typeof EOF | typeof NOT_LIST {
    const r = this.sc.read();
    if (r === EOF) return EOF;
    if (r !== '{') {
      this.sc.unread();
      return NOT_LIST;
    }
    const list: GoValue[] = [];
    for (;;) {
      const { text, last } = runesUntil(this.sc, ',}');
      if (last === EOF) throw new StrvalsError("list must terminate with '}'");
      list.push(this.reader(text));
      if (last === '}') {
        const next = this.sc.read();
        if (next !== EOF && next !== ',') this.sc.unread();
        return list;
      }
    }
  }
}

/** --set-literal: the value is everything after the first `=`, with no escapes and no list syntax. */
class LiteralParser {
  private readonly sc: RuneScanner;
  constructor(
    text: string,
    private readonly data: GoMap,
    private readonly acceptIndexEof: boolean,
  ) {
    this.sc = new RuneScanner(Array.from(text));
  }

  parse(): void {
    try {
      while (this.key(this.data, 0) !== EOF) {
        /* each call consumes one assignment */
      }
    } catch (e) {
      if (!(this.acceptIndexEof && e instanceof IndexEofError)) throw e;
    }
  }

  private key(data: GoMap, level: number): typeof EOF | undefined {
    const { text: k, last } = runesUntil(this.sc, '=[.', true);
    if (last === EOF) {
      if (k.length === 0) return EOF;
      throw new StrvalsError(`key ${goQuote(k)} has no value`);
    }
    if (last === '=') {
      setKey(data, k, runesUntil(this.sc, '', true).text);
      return undefined;
    }
    if (last === '.') return descend(data, k, level, (inner, next) => this.key(inner, next));
    // last === '['
    const i = this.keyIndex();
    const list = k in data ? asList(data[k], k) : [];
    let result: { list: GoValue[]; eof?: typeof EOF } = { list };
    try {
      result = this.listItem(list, i, level);
    } finally {
      setKey(data, k, result.list);
    }
    return result.eof;
  }

  private keyIndex(): number {
    const { text, last } = runesUntil(this.sc, ']', true);
    if (last === EOF) throw new IndexEofError();
    return atoi(text);
  }

  private listItem(list: GoValue[], i: number, level: number): { list: GoValue[]; eof?: typeof EOF } {
    if (i < 0) throw new StrvalsError(`negative ${i} index not allowed`);
    const { text: k, last } = runesUntil(this.sc, '[.=', true);
    if (k.length > 0) throw new StrvalsError(`unexpected data at end of array index: ${goQuote(k)}`);
    if (last === EOF) return { list, eof: EOF };
    if (last === '=') return { list: setIndex(list, i, runesUntil(this.sc, '', true).text) };
    if (last === '.') {
      let inner: GoMap = {};
      if (list.length > i) {
        const existing = list[i];
        if (existing !== null && typeof existing === 'object' && !Array.isArray(existing)) inner = existing as GoMap;
        else list[i] = inner;
      }
      const eof = this.key(inner, level);
      return { list: setIndex(list, i, inner), eof };
    }
    const nextI = this.keyIndex();
    let current: GoValue[] = [];
    if (list.length > i && list[i] !== null && list[i] !== undefined) current = asList(list[i], `[${i}]`);
    const nested = this.listItem(current, nextI, level);
    return { list: setIndex(list, i, nested.list), eof: nested.eof };
  }
}

/**
 * Parses one flag value (`--set a=1,b=2` passes "a=1,b=2") into `into`, mutating it.
 * For `set-file`, each value is a path and `readFile` supplies its content (as a string).
 * `helmMajor` 4 (the default) accepts an index cut off by the end, as Helm 4 does (IndexEofError).
 * Throws StrvalsError with Helm's message on malformed input.
 */
export function parseSetInto(
  mode: SetFlagMode,
  expr: string,
  into: GoMap,
  readFile?: (path: string) => string,
  helmMajor: 3 | 4 = 4,
): void {
  const helm4 = helmMajor === 4;
  switch (mode) {
    case 'set':
      new Parser(expr, into, typedSetValue, false, helm4).parse();
      return;
    case 'set-string':
      new Parser(expr, into, (s) => s, false, helm4).parse();
      return;
    case 'set-json':
      new Parser(expr, into, (s) => s, true, helm4).parse();
      return;
    case 'set-file': {
      const read = readFile ?? ((): string => {
        throw new StrvalsError('--set-file needs a file reader');
      });
      new Parser(expr, into, (path) => read(path), false, helm4).parse();
      return;
    }
    case 'set-literal':
      new LiteralParser(expr, into, helm4).parse();
      return;
  }
}
