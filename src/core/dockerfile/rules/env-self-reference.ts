import type { DockerfileRule } from '../check/rule';
import { properties } from './util/env-properties';

/**
 * In `ENV A=1 B=$A`, `$A` is the value A had before this instruction, not 1: a surprise that hadolint
 * reports as an error. Split the ENV in two.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'env-self-reference',
    domain: 'dockerfile',
    defaultSeverity: 'error',
    description: 'An ENV should not use a variable it defines itself; the old value would be used.',
    practice: 'correctness',
    aliases: ['DL3044'],
  },
  check({ model, report }) {
    const byInstruction = new Map<number, ReturnType<typeof properties>>();
    for (const p of properties(model, 'ENV')) byInstruction.set(p.instruction.index, [...(byInstruction.get(p.instruction.index) ?? []), p]);
    for (const list of byInstruction.values()) {
      const defined = new Set<string>();
      for (const p of list) {
        if (p.value) {
          const source = model.text.slice(p.value.start, p.value.end);
          for (const match of source.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
            if (!defined.has(match[1])) continue;
            const start = p.value.start + match.index!;
            report({ start, end: start + match[0].length + (match[0].startsWith('${') ? 1 : 0), message: `\`${match[1]}\` is defined in this same ENV, so this reads its previous value; define it in an earlier ENV.` });
          }
        }
        defined.add(p.name.value);
      }
    }
  },
};
export default rule;
