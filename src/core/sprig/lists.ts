/**
 * Sprig's list.go. Every function accepts any slice (Go reflection), copies rather than mutates, and
 * reports a non-list argument the way Sprig does ("Cannot push on type string"); the must* variants
 * return that as an error and the plain ones panic, which a template sees as the same error.
 */
import { FuncMap, GoValue, goFunc } from '../gotemplate/values';
import { deepEqual, goKindName, requireList, sliceElements, strslice, toInt64 } from './convert';

const listOf = (what: string) => (v: GoValue): GoValue[] => requireList(v, (k) => `Cannot ${what} type ${k}`);

const pushList = listOf('push on');
const prependList = listOf('prepend on');
const chunkList = listOf('chunk');
const lastList = listOf('find last on');
const firstList = listOf('find first on');
const restList = listOf('find rest on');
const initialList = listOf('find initial on');
const reverseList = listOf('find reverse on');
const uniqList = listOf('find uniq on');
const withoutList = listOf('find without on');
const hasList = listOf('find has on');

function inList(list: GoValue[], needle: GoValue): boolean {
  return list.some((e) => deepEqual(e, needle));
}

function chunk(size: bigint, list: GoValue): GoValue[] {
  const l = chunkList(list);
  const n = Number(size);
  if (l.length === 0) return [];
  if (n <= 0) throw new Error('runtime error: makeslice: len out of range');
  const out: GoValue[] = [];
  for (let i = 0; i < l.length; i += n) out.push(l.slice(i, i + n));
  return out;
}

function slice(list: GoValue, indices: GoValue[]): GoValue {
  const l = sliceElements(list);
  if (!l) {
    if (list === null || list === undefined) throw new Error('runtime error: invalid memory address or nil pointer dereference');
    throw new Error(`list should be type of slice or array but ${goKindName(list)}`);
  }
  if (l.length === 0) return [];
  const start = indices.length > 0 ? Number(toInt64(indices[0])) : 0;
  const end = indices.length > 1 ? Number(toInt64(indices[1])) : l.length;
  if (start < 0 || end < start || end > l.length) throw new Error('reflect: slice index out of range');
  return l.slice(start, end);
}

function concat(lists: GoValue[]): GoValue[] {
  const out: GoValue[] = [];
  for (const list of lists) {
    const l = requireList(list, (k) => `Cannot concat type ${k} as list`);
    out.push(...l);
  }
  return out;
}

function uniq(list: GoValue): GoValue[] {
  const out: GoValue[] = [];
  for (const e of uniqList(list)) if (!inList(out, e)) out.push(e);
  return out;
}

/** Registers a function under its name and its must* twin (same behaviour: errors surface either way). */
function withMust(name: string, params: Parameters<typeof goFunc>[1], call: (...a: GoValue[]) => GoValue, variadic?: 'any'): FuncMap {
  const must = 'must' + name[0].toUpperCase() + name.slice(1);
  return { [name]: goFunc(name, params, call, variadic), [must]: goFunc(must, params, call, variadic) };
}

export function listFunctions(): FuncMap {
  const push = (l: GoValue, v: GoValue): GoValue[] => [...pushList(l), v];
  return {
    list: goFunc('list', [], (...v) => v, 'any'),
    tuple: goFunc('tuple', [], (...v) => v, 'any'),
    append: goFunc('append', ['any', 'any'], push),
    push: goFunc('push', ['any', 'any'], push),
    mustAppend: goFunc('mustAppend', ['any', 'any'], push),
    mustPush: goFunc('mustPush', ['any', 'any'], push),
    ...withMust('prepend', ['any', 'any'], (l, v) => [v, ...prependList(l)]),
    ...withMust('chunk', ['int', 'any'], (size, l) => chunk(size as bigint, l)),
    ...withMust('first', ['any'], (l) => firstList(l)[0] ?? null),
    ...withMust('last', ['any'], (l) => {
      const list = lastList(l);
      return list.length ? list[list.length - 1] : null;
    }),
    ...withMust('rest', ['any'], (l) => restList(l).slice(1)),
    ...withMust('initial', ['any'], (l) => initialList(l).slice(0, -1)),
    ...withMust('reverse', ['any'], (l) => [...reverseList(l)].reverse()),
    ...withMust('uniq', ['any'], uniq),
    ...withMust('without', ['any'], (l, ...omit) => withoutList(l).filter((e) => !inList(omit, e)), 'any'),
    ...withMust('has', ['any', 'any'], (needle, haystack) =>
      haystack === null || haystack === undefined ? false : inList(hasList(haystack), needle)),
    ...withMust('slice', ['any'], (l, ...indices) => slice(l, indices), 'any'),
    concat: goFunc('concat', [], (...lists) => concat(lists), 'any'),
  };
}
