import type { DockerfileRule } from '../check/rule';
import { properties } from './util/env-properties';

/** `ENV key value` is the legacy form: it cannot set several variables and breaks on values with `=`. */
const rule: DockerfileRule = {
  meta: {
    id: 'legacy-env-format',
    domain: 'dockerfile',
    defaultSeverity: 'style',
    description: 'ENV and LABEL should use the `key=value` form.',
    practice: 'style',
    aliases: ['LegacyKeyValueFormat'],
    fixable: true,
  },
  check({ model, report }) {
    for (const p of properties(model, 'ENV', 'LABEL')) {
      if (!p.legacy || !p.value) continue;
      const raw = model.text.slice(p.value.start, p.value.end);
      const needsQuotes = /\s/.test(raw) && !/^".*"$|^'.*'$/.test(raw);
      report({
        start: p.name.start,
        end: p.value.end,
        message: `Use \`${p.instruction.keyword} ${p.name.value}=...\`; the space-separated form is deprecated.`,
        fixes: [{ title: 'Use key=value', edits: [{ start: p.name.end, end: p.value.end, newText: `=${needsQuotes ? JSON.stringify(raw) : raw}` }], preferred: true }],
      });
    }
  },
};
export default rule;
