/**
 * The function docs cover exactly the functions a chart's templates can call (Go builtins, Sprig as
 * Helm registers it, Helm's own, include and tpl), and their argument counts agree with the engine:
 * the Go signatures of the whole map, plus a table of templates rendered through the real renderer.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentedFunctionNames, functionDoc } from '../../../src/core/helm/authoring/function-docs';
import { goBuiltins } from '../../../src/core/gotemplate/builtins';
import { helmFunctions } from '../../../src/core/helm/functions/index';
import { renderChart, ChartRenderError } from '../../../src/core/helm/index';

// The renderer's map (render.ts makeFunctions): Helm's functions plus include and tpl, which it binds to
// the template set itself, layered by the template set over Go's builtins (a same-named one replaces
// the builtin, as `slice` does).
const engineMap = { ...goBuiltins, ...helmFunctions() };
const engineNames = [...Object.keys(engineMap), 'include', 'tpl'].sort();

const dir = mkdtempSync(join(tmpdir(), 'shipshape-function-docs-'));
after(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'templates'));
writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: demo\nversion: 1.0.0\n');
writeFileSync(join(dir, 'templates/_helpers.tpl'), '{{ define "h" }}h{{ end }}');
const templatePath = join(dir, 'templates/t.yaml');
writeFileSync(templatePath, '');

/** Renders `text` as the chart's one template; the error message, or undefined when it renders. */
function renderError(text: string, helmCompat: 3 | 4 = 4): string | undefined {
  try {
    renderChart(dir, { helmCompat, fileOverrides: { [templatePath]: text } });
    return undefined;
  } catch (e) {
    assert.ok(e instanceof ChartRenderError, `expected ChartRenderError, got ${String(e)}`);
    return e.message;
  }
}

test('every function of the engine is documented, and nothing else', () => {
  assert.deepEqual(documentedFunctionNames(), engineNames);
});

test('each doc has a signature starting with its name and a one-line doc of at most 100 characters', () => {
  for (const name of documentedFunctionNames()) {
    const doc = functionDoc(name)!;
    assert.ok(doc.signature === name || doc.signature.startsWith(name + ' '), `${name}: signature ${doc.signature}`);
    assert.ok(doc.doc.length > 0 && doc.doc.length <= 100, `${name}: doc has ${doc.doc.length} characters`);
    assert.ok(!/[\r\n]/.test(doc.doc), `${name}: doc is one line`);
    assert.ok(Number.isInteger(doc.minArgs) && doc.minArgs >= 0, `${name}: minArgs`);
    assert.ok(doc.maxArgs === undefined || doc.maxArgs >= doc.minArgs, `${name}: maxArgs`);
  }
});

test('unknown names and Object.prototype members have no doc', () => {
  for (const name of ['env', 'expandenv', 'constructor', 'hasOwnProperty', '__proto__', 'nosuchfunction', '']) {
    assert.equal(functionDoc(name), undefined, name);
  }
  assert.equal(functionDoc('toString')?.signature, 'toString VALUE');
});

test('argument counts agree with the Go signatures of the whole function map', () => {
  for (const [name, fn] of Object.entries(engineMap)) {
    const doc = functionDoc(name)!;
    if (fn!.variadic === undefined) {
      assert.deepEqual([doc.minArgs, doc.maxArgs], [fn!.params.length, fn!.params.length], name);
    } else {
      // eq and dig check for more arguments than their signature needs, in their bodies.
      assert.ok(doc.minArgs >= fn!.params.length && doc.maxArgs === undefined, name);
    }
  }
});

test('every documented function parses in Helm 4; in Helm 3 exactly the `since: Helm 4` ones do not', () => {
  const names = documentedFunctionNames();
  const calls = (list: string[]) => `{{ if false }}${list.map((n) => `{{ $x := ${n} }}`).join('')}{{ end }}`;
  assert.equal(renderError(calls(names)), undefined);
  const helm4Only = names.filter((n) => functionDoc(n)!.since === 'Helm 4');
  assert.ok(helm4Only.length > 0);
  assert.equal(renderError(calls(names.filter((n) => !helm4Only.includes(n))), 3), undefined);
  for (const name of helm4Only) {
    assert.match(renderError(calls([name]), 3) ?? '', new RegExp(`function "${name}" not defined`), name);
  }
});

/** Go's own arity error, and the body checks of eq and dig. */
const ARITY = /wrong number of args for|missing argument for comparison|dig needs at least three arguments/;

/** Arguments (template literals) to call each function with; a call with k arguments takes the first k. */
const CASES: Record<string, string[]> = {
  and: ['true', 'false', '1', '2'],
  or: ['false', '1', '2', '3'],
  not: ['true', 'false'],
  len: ['"abc"', '1'],
  index: ['(list 1 2)', '0', '1', '2'],
  slice: ['(list 1 2 3)', '1', '2', '3'],
  printf: ['"%d-%s"', '1', '"a"', '2'],
  print: ['1', '2', '3'],
  call: ['1', '2', '3', '4'],
  eq: ['1', '1', '2', '3', '4'],
  ne: ['1', '2', '3'],
  lt: ['1', '2', '3'],
  default: ['"d"', '""', '1', '2'],
  ternary: ['"a"', '"b"', 'true', '1'],
  coalesce: ['""', '1', '2'],
  dict: ['"a"', '1', '"b"', '2'],
  list: ['1', '2', '3'],
  dig: ['"a"', '"b"', '"d"', '(dict)', '1', '2'],
  get: ['(dict "a" 1)', '"a"', '1'],
  set: ['(dict)', '"a"', '1', '2'],
  hasKey: ['(dict "a" 1)', '"a"', '1'],
  merge: ['(dict)', '(dict "a" 1)', '(dict)', '(dict)'],
  pluck: ['"a"', '(dict "a" 1)', '(dict)', '(dict)'],
  keys: ['(dict "a" 1)', '(dict)', '(dict)'],
  without: ['(list 1 2)', '1', '2', '3'],
  has: ['1', '(list 1)', '1'],
  join: ['","', '(list 1 2)', '1'],
  substr: ['0', '2', '"abcd"', '1'],
  indent: ['2', '"a"', '1'],
  replace: ['"a"', '"b"', '"aa"', '1'],
  quote: ['"a"', '1', '2'],
  round: ['1.25', '1', '0.5', '1'],
  mul: ['2', '3', '4', '5'],
  until: ['3', '1'],
  untilStep: ['0', '6', '2', '1'],
  seq: ['1', '2', '5', '1'],
  regexReplaceAll: ['"a"', '"banana"', '"o"', '1'],
  semverCompare: ['">=1.0.0"', '"1.2.3"', '1'],
  date: ['"2006-01-02"', '0', '1'],
  b64enc: ['"a"', '1'],
  include: ['"h"', '.', '1'],
  tpl: ['"{{ 1 }}"', '.', '1'],
  required: ['"needed"', '"v"', '1'],
  fail: ['"boom"', '1'],
  lookup: ['"v1"', '"ConfigMap"', '"ns"', '"name"', '1'],
  toYaml: ['(dict "a" 1)', '1'],
  fromYaml: ['"a: 1"', '1'],
  toJson: ['(list 1)', '1'],
  mustToJson: ['(list 1)', '1'],
  fromJsonArray: ['"[1]"', '1'],
  toToml: ['(dict "a" 1)', '1'],
  mustToDuration: ['"1m"', '1'],
  durationRoundTo: ['"90s"', '"1m"', '1'],
  getHostByName: ['"example.com"', '1'],
  uuidv4: ['1'],
  now: ['1'],
};

/** The call with its first k arguments, written directly and with the last one piped in. */
function calls(name: string, args: string[], k: number): string[] {
  const taken = Array.from({ length: k }, (_, i) => args[i] ?? '1');
  const direct = `{{ $x := ${[name, ...taken].join(' ')} }}`;
  if (k === 0) return [direct];
  return [direct, `{{ $x := ${taken[k - 1]} | ${[name, ...taken.slice(0, -1)].join(' ')} }}`];
}

for (const [name, args] of Object.entries(CASES)) {
  test(`argument counts of ${name} match the engine`, () => {
    const doc = functionDoc(name);
    assert.ok(doc, `${name} is documented`);
    const counts: Array<[number, boolean]> = [[doc.minArgs, true]];
    if (doc.minArgs > 0) counts.push([doc.minArgs - 1, false]);
    // A variadic function also takes more than its minimum.
    counts.push(doc.maxArgs === undefined ? [doc.minArgs + 3, true] : [doc.maxArgs + 1, false]);
    for (const [k, accepted] of counts) {
      for (const text of calls(name, args, k)) {
        const error = renderError(text);
        if (accepted) assert.doesNotMatch(error ?? '', ARITY, `${text} is accepted`);
        else assert.match(error ?? '(rendered)', ARITY, `${text} is an argument count error`);
      }
    }
  });
}
