import { isPair, isScalar, visit } from 'yaml';
import type { RuleMeta } from '../../rules/meta';
import type { DocFinding } from '../finding';
import type { YamlDocument } from '../parse';

/**
 * Kubernetes: reported by schema validation where a string is meant. Compose: docker compose's
 * go-yaml v3 reads `0123` as octal 83 even though YAML 1.2 says decimal, so every unquoted
 * leading-zero number is suspect, except permission modes where octal is the point.
 */
export const meta: RuleMeta = {
  id: 'yaml-octal-number',
  domain: 'yaml',
  defaultSeverity: 'warning',
  description: 'An unquoted number with a leading zero (0123) is read as octal, so a PIN, version or ZIP code silently changes.',
  practice: 'correctness',
  fixable: true,
};

const OCTAL_LOOKING = /^[-+]?0[0-9]+$/;
const MODE_KEYS = /(?:^|_)(?:mode|umask|permissions)$/i;

export function checkCompose(document: YamlDocument): DocFinding[] {
  const findings: DocFinding[] = [];
  visit(document.doc, {
    Scalar(_key, node, path) {
      if (node.type !== 'PLAIN' || !node.range || !OCTAL_LOOKING.test(String(node.source ?? ''))) return;
      const parent = path[path.length - 1];
      if (isPair(parent)) {
        if (parent.key === node) return; // a key, not a value
        if (isScalar(parent.key) && MODE_KEYS.test(String(parent.key.value))) return;
      }
      const source = String(node.source);
      const octal = /[89]/.test(source) ? undefined : parseInt(source, 8);
      findings.push({
        rule: meta.id,
        severity: meta.defaultSeverity,
        message:
          octal === undefined
            ? `${source} has a leading zero; quote it so every YAML reader keeps "${source}".`
            : `docker compose reads ${source} as the octal number ${octal}; quote it to keep "${source}".`,
        start: node.range[0],
        end: node.range[1],
        quote: true,
      });
    },
  });
  return findings;
}
