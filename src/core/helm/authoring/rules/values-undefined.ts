/**
 * `.Values.imge.tag` where no values file sets `imge` renders nothing (or fails with a nil pointer):
 * almost always a typo or a key left out of values.yaml. Reported where a value cannot be absent by
 * design: not under a condition on it, not through `default`/`required`/`hasKey`/`dig`, and only
 * below a map the chart fills (an empty `{}` or null invites the user's own keys), not when the
 * values file documents the key in a comment (`# host: example.com`: optional on purpose), and inside
 * a `define` only when its `.Values` is plainly the chart's (its first key exists).
 */
import { closest } from '../../../text/suggest';
import type { Fix } from '../../../diagnostics';
import type { ChartView } from '../chart-model';
import type { AuthoringRule } from './rule';

export const valuesUndefined: AuthoringRule = {
  meta: {
    id: 'helm-values-undefined',
    domain: 'helm',
    defaultSeverity: 'warning',
    description: 'A template should read only `.Values` keys that values.yaml defines, or guard the read.',
    practice: 'correctness',
    fixable: true,
  },
  target: 'template',
  check({ chart, scan, report }) {
    const seen = new Set<string>();
    for (const ref of scan.values) {
      if (ref.guarded || !ref.segments || ref.path[0] === 'global') continue;
      const missing = missingAt(chart, ref.path);
      if (missing === undefined || (ref.inDefine && missing === 0)) continue;
      // `{{ if .Values.opt }}…{{ .Values.opt.x }}`: `opt` is the user's to give; a tested key that exists does not excuse its missing children.
      if (ref.testedDepths?.some((depth) => depth > missing)) continue;
      if (chart.isDocumentedKey(ref.path[missing])) continue;
      const range = ref.segments[missing];
      if (!range) continue;
      const where = `${range.start.line}:${range.start.character}`;
      if (seen.has(where)) continue;
      seen.add(where);
      const parentPath = ref.path.slice(0, missing);
      const siblings = [...chart.childrenOf(parentPath).keys()];
      const guess = closest(ref.path[missing], siblings);
      const name = `.Values.${ref.path.slice(0, missing + 1).join('.')}`;
      const fixes: Fix[] = [];
      if (guess) fixes.push({ title: `Change to \`${guess}\``, edits: [{ range, newText: guess }], preferred: true });
      const add = addKeyFix(chart, ref.path.slice(0, missing + 1));
      if (add) fixes.push(add);
      report({ range, message: `\`${name}\` is not set in values.yaml${guess ? `; did you mean \`${guess}\`?` : ''}`, fixes });
    }
  },
};

/** The index of the first key of `path` no values file sets, when its parent is a map the chart fills. */
function missingAt(chart: ChartView, path: readonly string[]): number | undefined {
  for (let i = 0; i < path.length; i++) {
    const parent = path.slice(0, i);
    const sources = i === 0 ? undefined : chart.sourcesOf(parent);
    if (sources && sources.length > 0 && sources[0].type !== 'map') return undefined; // a list, alias or scalar: not ours to judge
    const children = chart.childrenOf(parent);
    if (children.has(path[i])) continue;
    return children.size > 0 ? i : undefined;
  }
  return undefined;
}

/** "Add `a.b` to values.yaml": a line under the deepest key that exists, with its children's indentation. */
function addKeyFix(chart: ChartView, path: string[]): Fix | undefined {
  const values = chart.values();
  if (!values) return undefined;
  const parent = path.length > 1 ? chart.sourcesOf(path.slice(0, -1)).find((k) => k.file === values.file) : undefined;
  if (path.length > 1 && !parent?.children?.size) return undefined;
  const name = path[path.length - 1];
  if (parent) {
    const first = parent.children!.values().next().value!;
    const indent = ' '.repeat(first.keyRange.start.character);
    const line = `${indent}${name}: ""`;
    const newText = parent.valueEnd.character === 0 ? `${line}\n` : `\n${line}`; // at a line start, or after the last child's text
    return { title: `Add \`${path.join('.')}\` to values.yaml`, edits: [{ file: values.file, range: { start: parent.valueEnd, end: parent.valueEnd }, newText }] };
  }
  const last = [...values.keys.values()].pop();
  const end = last ? last.valueEnd : { line: 0, character: 0 };
  return { title: `Add \`${name}\` to values.yaml`, edits: [{ file: values.file, range: { start: end, end }, newText: end.character === 0 ? `${name}: ""\n` : `\n${name}: ""` }] };
}
