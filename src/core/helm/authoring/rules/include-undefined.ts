/** `include "x"` of a name no template of the chart tree defines fails the render ("no template ... associated"). */
import { closest } from '../../../text/suggest';
import type { AuthoringRule } from './rule';

export const includeUndefined: AuthoringRule = {
  meta: {
    id: 'helm-include-undefined',
    domain: 'helm',
    defaultSeverity: 'error',
    description: '`include` and `template` must name a `define` of the chart or one of its subcharts.',
    practice: 'correctness',
    fixable: true,
  },
  target: 'template',
  check({ chart, scan, report }) {
    if (scan.names.length === 0) return;
    const defined = chart.defines();
    for (const ref of scan.names) {
      if (defined.has(ref.name)) continue;
      const guess = closest(ref.name, [...defined.keys()]);
      report({
        range: ref.range,
        message: `No template named "${ref.name}" is defined in this chart or its subcharts${guess ? ` (did you mean "${guess}"?)` : ''}.`,
        fixes: guess ? [{ title: `Change to "${guess}"`, edits: [{ range: ref.range, newText: guess }], preferred: true }] : undefined,
      });
    }
  },
};
