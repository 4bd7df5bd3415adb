/**
 * A file that `include`s itself, directly or through the files it includes: compose refuses to load
 * the project ("include cycle detected"). The included files are read from disk (relative to the
 * including file, as compose resolves them), each once, so a wide include tree costs one read per file.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { asArray, asRecord, asString } from '../../rules/yaml-values';
import { parseYamlFile, type PathSegment } from '../../yaml/parse';
import type { ComposeRule } from '../rule';

/** Enough for any real project; bounds the walk on pathological trees. */
const MAX_FILES = 500;

export const includeCycle: ComposeRule = {
  meta: {
    id: 'compose-include-cycle',
    domain: 'compose',
    defaultSeverity: 'error',
    description: 'A compose file must not include itself, directly or through the files it includes.',
    practice: 'correctness',
  },
  check(project, report) {
    const fileName = project.fileName;
    if (!fileName) return;
    const self = resolve(fileName);
    const read = project.readFile ?? readOrUndefined;
    const includesOf = memoIncludes(read);
    for (const entry of includeEntries(project.value.include)) {
      const target = resolve(dirname(self), entry.path);
      const chain = pathBack(target, self, includesOf);
      // A cycle below this file, among files it includes: compose stops on it while loading this file
      // too (it checks each include against the files being loaded), so say so here, where a pre-commit
      // hook that passes only this file looks; the files of the cycle report it themselves as well.
      const below = chain ? undefined : cycleBelow(target, includesOf);
      if (!chain && !below) continue;
      const shown = abridged([self, ...(chain ?? below!)].map((p) => display(p, self))).join(' -> ');
      const why = chain ? 'compose cannot load a file that includes itself' : 'compose cannot load this file while the files it includes include themselves';
      report({ path: ['include', ...entry.at], message: `Include cycle: ${shown}; ${why}.` });
    }
  },
};

interface IncludeEntry {
  path: string;
  /** Below `include`: `[2]` for a plain entry, `[2, 'path']` or `[2, 'path', 1]` for the long form. */
  at: PathSegment[];
}

/** `include: [a.yaml, {path: b.yaml}, {path: [c.yaml, d.yaml]}]`; interpolated paths are not followed. */
function includeEntries(value: unknown): IncludeEntry[] {
  return asArray(value).flatMap((item, i): IncludeEntry[] => {
    const text = asString(item);
    if (text !== undefined) return usable(text) ? [{ path: text, at: [i] }] : [];
    const path = asRecord(item)?.path;
    if (typeof path === 'string') return usable(path) ? [{ path, at: [i, 'path'] }] : [];
    return asArray(path).flatMap((p, j) => {
      const s = asString(p);
      return s !== undefined && usable(s) ? [{ path: s, at: [i, 'path', j] }] : [];
    });
  });
}

const usable = (path: string) => path.trim() !== '' && !path.includes('$') && !/^[a-z][\w+.-]*:\/\//i.test(path);

function memoIncludes(read: (path: string) => string | undefined): (file: string) => string[] {
  const cache = new Map<string, string[]>();
  return (file) => {
    let list = cache.get(file);
    if (list) return list;
    list = [];
    if (cache.size < MAX_FILES) {
      const text = read(file);
      const doc = text === undefined ? undefined : parseYamlFile(text, { version: '1.2' }).documents[0]?.value;
      list = includeEntries(asRecord(doc)?.include).map((e) => resolve(dirname(file), e.path));
    }
    cache.set(file, list);
    return list;
  };
}

/** The include chain from `start` back to `goal` (ending with goal), or undefined; breadth-first, so the shortest. */
function pathBack(start: string, goal: string, includesOf: (file: string) => string[]): string[] | undefined {
  const previous = new Map<string, string | undefined>([[start, undefined]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const file = queue[head];
    if (file === goal) {
      const chain: string[] = [];
      for (let at: string | undefined = file; at !== undefined; at = previous.get(at)) chain.unshift(at);
      return chain;
    }
    for (const next of includesOf(file)) {
      if (previous.has(next)) continue;
      previous.set(next, file);
      queue.push(next);
    }
  }
  return undefined;
}

/**
 * A cycle reachable from `start` (which `goal`-less callers already know does not lead back to them):
 * the include chain from start into the cycle and round it once, the first file of the cycle repeated
 * at the end. Depth-first and iterative, so a chain of hundreds of files does not grow the stack.
 */
function cycleBelow(start: string, includesOf: (file: string) => string[]): string[] | undefined {
  const onStack = new Set<string>([start]);
  const done = new Set<string>();
  const stack: { file: string; next: number }[] = [{ file: start, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const includes = includesOf(top.file);
    if (top.next >= includes.length) {
      stack.pop();
      onStack.delete(top.file);
      done.add(top.file);
      continue;
    }
    const next = includes[top.next++];
    if (onStack.has(next)) return [...stack.map((f) => f.file), next];
    if (done.has(next)) continue;
    onStack.add(next);
    stack.push({ file: next, next: 0 });
  }
  return undefined;
}

/** A chain of hundreds of files, shown by its ends: the message stays readable. */
function abridged(names: string[]): string[] {
  return names.length <= 12 ? names : [...names.slice(0, 5), `(${names.length - 10} more)`, ...names.slice(-5)];
}

function display(path: string, self: string): string {
  const rel = relative(dirname(self), path);
  return rel === '' ? basename(path) : isAbsolute(rel) ? path : rel;
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
