/**
 * A values.yaml key that no template reads is a setting that does nothing: users set it and nothing
 * changes. Shown as a hint on the key. A chart that reads `.Values` as a whole (passes it to `tpl`,
 * `toYaml`, a helper) may use any key, so none is reported; keys meant for subcharts and `global` are
 * not judged here.
 */
import { basename } from 'node:path';
import type { AuthoringRule } from './rule';
import type { ValueKey } from '../values-tree';
import type { TemplateScan } from '../template-refs';

export const valuesUnused: AuthoringRule = {
  meta: {
    id: 'helm-values-unused',
    domain: 'helm',
    defaultSeverity: 'style',
    description: 'Every key in values.yaml should be read by a template of the chart.',
    practice: 'style',
  },
  target: 'values',
  check({ chart, values, text, isDefaults, report }) {
    if (!isDefaults) return; // a -f file sets what it overrides; values.yaml declares the interface
    const paths: string[][] = [];
    const lexical = (source: string | undefined) => {
      for (const m of source?.matchAll(/\.Values((?:\.[A-Za-z_]\w*)+)/g) ?? []) paths.push(m[1].slice(1).split('.'));
    };
    // A define whose `.` is not known may still be handed this chart's root: its `.Values.x` (or `.ctx.Values.x`) may read `x`.
    const unresolved = (scan: TemplateScan | undefined) => {
      for (const ref of scan?.unresolved ?? []) if (ref.path.includes('Values')) paths.push(ref.path.slice(ref.path.indexOf('Values') + 1));
    };
    for (const file of chart.templates()) {
      const scan = chart.scan(file);
      for (const ref of scan?.values ?? []) paths.push(ref.path);
      unresolved(scan);
      for (const name of scan?.filesRead ?? []) lexical(chart.readChartFile(name));
    }
    // Helpers of other charts in the tree (a library chart's) run with this chart's values.
    for (const other of chart.tree())
      if (other.dir !== chart.dir)
        for (const file of other.templates()) {
          const scan = other.scan(file);
          for (const ref of scan?.values ?? []) if (ref.inDefine) paths.push(ref.path);
          unresolved(scan);
        }
    // Values that are themselves templates (rendered with `tpl`) read other values.
    lexical(text);
    if (paths.some((p) => p.length === 0)) return;
    const subcharts = new Set(chart.subcharts().map((s) => basename(s.dir)));
    for (const dep of chart.dependencyNames()) subcharts.add(dep);
    const visit = (key: ValueKey) => {
      if (paths.some((p) => p.length <= key.path.length && p.every((k, i) => key.path[i] === k))) return; // read whole
      if (!paths.some((p) => p.length > key.path.length && key.path.every((k, i) => p[i] === k))) {
        report({ range: key.keyRange, message: `\`${key.path.join('.')}\` is not read by any template of the chart.` });
        return;
      }
      for (const child of key.children?.values() ?? []) visit(child);
    };
    for (const key of values.keys.values()) if (key.path[0] !== 'global' && !subcharts.has(key.path[0])) visit(key);
  },
};
