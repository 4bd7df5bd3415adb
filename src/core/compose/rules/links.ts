/**
 * The talk's "services linked through networks": `links` is a legacy feature. Services on a shared
 * network already reach each other by service name, and `depends_on` keeps the start order.
 * The fix renames `links` to `depends_on` when every entry is a plain service name (no alias).
 */
import { asArray, asString } from '../../rules/yaml-values';
import { rangeOfPath } from '../../yaml/parse';
import type { ComposeRule } from '../rule';

export const links: ComposeRule = {
  meta: {
    id: 'compose-links',
    domain: 'compose',
    defaultSeverity: 'warning',
    description: 'Use networks (and `depends_on` for start order) instead of legacy `links`.',
    practice: 'network',
    fixable: true,
  },
  check(project, report) {
    for (const service of project.services) {
      if (service.value.links === undefined) continue;
      const path = [...service.path, 'links'];
      const plain = asArray(service.value.links).every((l) => asString(l) !== undefined && !asString(l)!.includes(':'));
      const fixable = plain && service.value.depends_on === undefined;
      report({
        path,
        target: 'key',
        message: `Service "${service.name}" uses legacy \`links\`; services on a shared network reach each other by name.`,
        fixes: fixable
          ? [{ title: 'Replace `links` with `depends_on`', preferred: true, edits: [{ range: rangeOfPath(project.file, project.docIndex, path, 'key'), newText: 'depends_on' }] }]
          : undefined,
      });
    }
  },
};
