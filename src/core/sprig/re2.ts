/**
 * Go's regexp package (RE2 syntax and semantics) for Sprig's regex functions and for schema
 * `pattern`s: every pattern runs on our own linear-time engines, never on V8's backtracking RegExp,
 * so no pattern from a chart or a CRD can take more than time linear in its input (with a constant
 * bounded by the program size, itself bounded, see re2prog.ts). Where that constant would still
 * mean seconds per MiB (an automaton that grows with the input, submatches of a huge match under a
 * huge pattern), a work budget stops the search with an error naming the pattern, rather than
 * freezing the editor: matchGoRegexp and findAt can throw.
 *
 * - re2syntax.ts parses Go's syntax with Go's error messages;
 * - re2prog.ts compiles it as Go does (same thread priorities), forward and reversed;
 * - re2dfa.ts answers "does it match" and "where does the leftmost-first match end" with a lazy DFA,
 *   then the reversed program's DFA finds where that match starts;
 * - re2backtrack.ts (a bit-state backtracker, as Go uses) extracts submatches on the found span only,
 *   when a caller needs them (ReplaceAll with a `$` template); re2vm.ts (a Pike VM) takes over on
 *   spans too long for the backtracker's bitmap, within a step budget (a clear error past it: a
 *   1 MiB match under a 1,000-instruction pattern would otherwise take half a minute).
 * Matching is by code point (a surrogate pair is one character, a lone surrogate is U+FFFD, as Go
 * reads invalid UTF-8); FindAll, ReplaceAll and Split follow Go's iteration rules (an empty match
 * right after a match is skipped, the search advances by one code point).
 *
 * No class of pattern is routed to V8: proving one backtracking-safe and matching Go's semantics
 * through a translation (captures in loops, (?i) folding, \s, $) is more code and more risk than
 * the DFA's cost, which bench/regex.bench.ts measures against V8 on safe patterns.
 */
import { Backtracker } from './re2backtrack';
import { LazyDFA, SearchBudgetError } from './re2dfa';
import { compileTree, type Compiled } from './re2prog';
import { parse } from './re2syntax';
import { PikeVM, SubmatchBudgetError } from './re2vm';

export interface GoRegexp {
  readonly expr: string;
  /** Capture group names by group index (index 0 unused), "" for unnamed groups. */
  readonly names: string[];
}

interface Engine extends GoRegexp {
  readonly compiled: Compiled;
  readonly forward: LazyDFA;
  reverse?: LazyDFA;
  /** Submatch engines by the groups they track, and the last group list asked for. */
  submatchers?: Map<string, Submatcher>;
  lastSubmatcher?: { groups: readonly number[]; sub: Submatcher | null };
}

interface Submatcher {
  readonly wanted: number[];
  readonly backtracker: Backtracker;
  vm?: PikeVM;
}

/** A match: [index, end) in UTF-16 units, with the asked-for groups' bounds in `slots`. */
export interface GoMatch {
  readonly index: number;
  readonly end: number;
  /** 2 per group (group 0 first), -1 for a group that did not take part or was not asked for. */
  readonly slots: number[];
}

const cache = new Map<string, Engine | Error>();
const CACHE_LIMIT = 1000;

/** regexp.Compile: the compiled expression, or a thrown Error with Go's wording. Results are cached. */
export function compileGoRegexp(expr: string): GoRegexp {
  let hit = cache.get(expr);
  if (hit === undefined) {
    try {
      const { root, names } = parse(expr);
      const compiled = compileTree(root, expr);
      hit = { expr, names, compiled, forward: new LazyDFA(compiled.forward, compiled.classes, false) };
    } catch (e) {
      const msg = (e as Error).message;
      hit = new Error(msg.startsWith('error parsing regexp') ? msg : `error parsing regexp: ${msg}`);
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(expr, hit);
  }
  if (hit instanceof Error) throw hit;
  return hit;
}

/** Runs a search, turning a budget stop into an error that names the pattern and the input. */
function bounded<T>(re: GoRegexp, s: string, search: () => T): T {
  try {
    return search();
  } catch (err) {
    if (err instanceof SearchBudgetError || err instanceof SubmatchBudgetError) {
      throw new Error(`regexp: ${JSON.stringify(re.expr)} on a ${s.length}-character input: ${err.message}: simplify the pattern or shorten the input`);
    }
    throw err;
  }
}

/** regexp.MatchString. */
export function matchGoRegexp(re: GoRegexp, s: string): boolean {
  return bounded(re, s, () => (re as Engine).forward.searchForward(s, 0, true) >= 0);
}

/**
 * The leftmost-first match at or after pos (Go's doExecute from pos, the text before pos still seen by
 * ^ and \b), with the bounds of `groups` (group numbers ≥ 1) filled in.
 */
export function findAt(re: GoRegexp, s: string, pos: number, groups: readonly number[] = []): GoMatch | null {
  return bounded(re, s, () => find(re as Engine, s, pos, groups));
}

function find(e: Engine, s: string, pos: number, groups: readonly number[]): GoMatch | null {
  const end = e.forward.searchForward(s, pos, false);
  if (end < 0) return null;
  e.reverse ??= new LazyDFA(e.compiled.reverse, e.compiled.classes, true);
  const index = e.reverse.searchReverse(s, end, pos);
  if (index < 0) throw new Error(`re2: internal error: no start for the match of ${JSON.stringify(e.expr)} ending at ${end}`);
  if (groups.length === 0) return { index, end, slots: [index, end] };
  const sub = submatcher(e, groups);
  if (!sub) return { index, end, slots: [index, end] };
  const { wanted } = sub;
  const nslots = e.names.length * 2;
  let caps: number[] | null;
  // The backtracker while its bitmap (span × program bits) stays small, else the Pike VM.
  if (sub.backtracker.fits(end - index)) caps = sub.backtracker.captures(s, index, end);
  else caps = (sub.vm ??= new PikeVM(e.compiled.forward, e.compiled.classes, nslots, wanted)).captures(s, index, end);
  if (!caps) throw new Error(`re2: internal error: no submatches for the match of ${JSON.stringify(e.expr)} at ${index}`);
  const slots: number[] = [];
  for (let i = 0; i < nslots; i++) slots.push(-1);
  slots[0] = index;
  slots[1] = end;
  for (let j = 0; j < wanted.length; j++) {
    slots[2 * wanted[j]] = caps[2 * j];
    slots[2 * wanted[j] + 1] = caps[2 * j + 1];
  }
  return { index, end, slots };
}

/** The submatch engines for these groups (null when none of them exists), cached per group list. */
function submatcher(e: Engine, groups: readonly number[]): Submatcher | null {
  if (e.lastSubmatcher?.groups === groups) return e.lastSubmatcher.sub;
  const wanted = groups.filter((g) => g >= 1 && g < e.names.length);
  let sub: Submatcher | null = null;
  if (wanted.length) {
    const key = wanted.join(',');
    e.submatchers ??= new Map();
    sub = e.submatchers.get(key) ?? null;
    if (!sub) {
      sub = { wanted, backtracker: new Backtracker(e.compiled.forward, e.compiled.classes, e.names.length * 2, wanted) };
      e.submatchers.set(key, sub);
    }
  }
  e.lastSubmatcher = { groups, sub };
  return sub;
}

function runeWidth(s: string, pos: number): number {
  const c = s.charCodeAt(pos);
  if (c >= 0xd800 && c <= 0xdbff && pos + 1 < s.length) {
    const d = s.charCodeAt(pos + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** Go's allMatches: successive non-overlapping matches; an empty match touching the previous one is skipped. */
export function findAll(re: GoRegexp, s: string, n: number, groups: readonly number[] = []): GoMatch[] {
  const out: GoMatch[] = [];
  if (n === 0) return out;
  let pos = 0;
  let prevEnd = -1;
  while ((n < 0 || out.length < n) && pos <= s.length) {
    const m = findAt(re, s, pos, groups);
    if (!m) break;
    let accept = true;
    if (m.end === pos) {
      if (m.index === prevEnd) accept = false;
      pos += pos < s.length ? runeWidth(s, pos) : 1;
    } else pos = m.end;
    prevEnd = m.end;
    if (accept) out.push(m);
  }
  return out;
}

type Piece = string | { group: number } | { name: string };

/** Go's Regexp.Expand template syntax ($1, ${1}, $name, ${name}, $$), split into text and references. */
function parseTemplate(template: string): Piece[] {
  const out: Piece[] = [];
  let rest = template;
  for (;;) {
    const dollar = rest.indexOf('$');
    if (dollar < 0) break;
    out.push(rest.slice(0, dollar));
    rest = rest.slice(dollar + 1);
    if (rest[0] === '$') {
      out.push('$');
      rest = rest.slice(1);
      continue;
    }
    const ref = /^(?:\{([\p{L}\p{Nd}_]+)\}|([\p{L}\p{Nd}_]+))/u.exec(rest);
    if (!ref) {
      out.push('$');
      continue;
    }
    rest = rest.slice(ref[0].length);
    const name = ref[1] ?? ref[2];
    if (/^[0-9]+$/.test(name) && !(name[0] === '0' && name.length > 1) && name.length < 9) out.push({ group: Number(name) });
    else out.push({ name });
  }
  out.push(rest);
  return out;
}

/** The groups a template refers to (every group of a name, Go allows duplicates). */
function templateGroups(re: GoRegexp, pieces: Piece[]): number[] {
  const groups = new Set<number>();
  for (const p of pieces) {
    if (typeof p === 'string') continue;
    if ('group' in p) groups.add(p.group);
    else re.names.forEach((n, i) => i > 0 && n === p.name && groups.add(i));
  }
  return [...groups].sort((a, b) => a - b);
}

function expand(re: GoRegexp, pieces: Piece[], s: string, slots: number[]): string {
  const group = (i: number) => (2 * i + 1 < slots.length && slots[2 * i] >= 0 ? s.slice(slots[2 * i], slots[2 * i + 1]) : undefined);
  let out = '';
  for (const p of pieces) {
    if (typeof p === 'string') out += p;
    else if ('group' in p) out += group(p.group) ?? '';
    else {
      // The first group of that name that took part.
      for (let i = 1; i < re.names.length; i++) {
        const g = re.names[i] === p.name ? group(i) : undefined;
        if (g !== undefined) {
          out += g;
          break;
        }
      }
    }
  }
  return out;
}

/** Go's ReplaceAllString (expand = true) or ReplaceAllLiteralString. */
export function replaceAll(re: GoRegexp, s: string, repl: string, expandTemplate: boolean): string {
  const pieces = expandTemplate ? parseTemplate(repl) : [repl];
  const groups = templateGroups(re, pieces);
  let out = '';
  let lastEnd = 0;
  let searchPos = 0;
  while (searchPos <= s.length) {
    const m = findAt(re, s, searchPos, groups);
    if (!m) break;
    out += s.slice(lastEnd, m.index);
    // No replacement for an empty match right after the previous match.
    if (m.end > lastEnd || m.index === 0) out += expand(re, pieces, s, m.slots);
    lastEnd = m.end;
    const width = searchPos < s.length ? runeWidth(s, searchPos) : 1;
    if (searchPos + width > m.end) searchPos += width;
    else if (searchPos + 1 > m.end) searchPos++;
    else searchPos = m.end;
  }
  return out + s.slice(lastEnd);
}

/** Go's Regexp.Split. */
export function split(re: GoRegexp, s: string, n: number): string[] {
  if (n === 0) return [];
  if (re.expr.length > 0 && s.length === 0) return [''];
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of findAll(re, s, n)) {
    if (n > 0 && out.length === n - 1) break;
    end = m.index;
    if (m.end !== 0) out.push(s.slice(beg, end));
    beg = m.end;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

/** regexp.QuoteMeta. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}
