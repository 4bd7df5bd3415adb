/**
 * values.yaml must satisfy the chart's values.schema.json: Helm refuses to render otherwise
 * (`values don't meet the specifications of the schema(s)`), and says where only as a JSON pointer.
 * Reported on the key the pointer names (or the nearest key above it), as the user types. Another
 * values file beside it (`values-prod.yaml`, for `-f`) is checked as Helm would: applied over
 * values.yaml, each problem reported in it when the pointer leads to a key it sets.
 */
import { mergeMaps, parseYamlValues } from '../../goyaml';
import { validateAgainstSingleSchema } from '../../schema';
import { lookupValue } from '../values-tree';
import type { AuthoringRule } from './rule';

export const valuesSchema: AuthoringRule = {
  meta: {
    id: 'helm-values-schema',
    domain: 'helm',
    defaultSeverity: 'error',
    description: "A chart's values.yaml must satisfy its values.schema.json.",
    practice: 'correctness',
    aliases: ['helm lint'],
  },
  target: 'values',
  check({ chart, values, text, isDefaults, report }) {
    const schema = chart.readChartFile('values.schema.json');
    if (schema === undefined || values.error) return;
    let lines: string;
    try {
      const own = parseYamlValues(text);
      const defaults = isDefaults ? undefined : chart.readChartFile('values.yaml');
      lines = validateAgainstSingleSchema(defaults === undefined ? own : mergeMaps(parseYamlValues(defaults), own), schema);
    } catch {
      // Invalid YAML or an invalid schema is Helm's render error, reported on Chart.yaml by helm-render.
      return;
    }
    for (const m of lines.matchAll(/^- at '([^']*)': (.*)$/gm)) {
      const path = m[1].split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
      const { found, deepest } = lookupValue(values.keys, path);
      // In a -f file, only what it sets itself is its problem (the rest is values.yaml's).
      if (!isDefaults && !found) continue;
      const range = deepest?.keyRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      report({ range, message: `values.schema.json: at \`${m[1] || '/'}\`: ${m[2]}.` });
    }
  },
};
