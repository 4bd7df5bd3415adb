import type { DockerfileRule } from '../check/rule';
import { properties } from './util/env-properties';

const RESERVED = /^(com\.docker|io\.docker|org\.dockerproject)\./i;

/**
 * Docker's label key format: the `com.docker.*`, `io.docker.*` and `org.dockerproject.*` namespaces
 * are Docker's own; keys use lower-case letters, digits, `.` and `-`, start with a letter, end with a
 * letter or digit, and have no `..` or `--`. Tools that read labels (OCI annotations, registries,
 * Kubernetes image policies) expect that shape.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'label-key-format',
    domain: 'dockerfile',
    defaultSeverity: 'style',
    description: 'LABEL keys should follow Docker\'s format (`org.example.key`: lower case, no reserved namespace).',
    practice: 'style',
    aliases: ['DL3048'],
  },
  check({ model, report }) {
    for (const property of properties(model, 'LABEL')) {
      const key = property.name.value;
      if (key.includes('$')) continue;
      const problem = problemOf(key);
      if (problem) report({ start: property.name.start, end: property.name.end, message: `Label key \`${key}\` ${problem}.` });
    }
  },
};

function problemOf(key: string): string | undefined {
  if (RESERVED.test(key)) return 'is in a namespace Docker reserves for itself; use your own reverse-DNS prefix';
  if (/[^a-z0-9.-]/.test(key)) return 'should use only lower-case letters, digits, `.` and `-`';
  if (!/^[a-z]/.test(key)) return 'should start with a lower-case letter';
  if (!/[a-z0-9]$/.test(key)) return 'should end with a letter or digit';
  if (/\.\.|--/.test(key)) return 'has consecutive `.` or `-`';
  return undefined;
}
export default rule;
