import type { DockerfileRule } from '../check/rule';
import { lastInstruction } from './util/runtime';

/**
 * The final stage should run as an unprivileged user: an escape from a root process is root on the
 * host's kernel. Builder stages may stay root (they are not shipped). A final stage with no USER at
 * all is the softer `missing-user` rule.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'final-user-root',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'The final stage should switch to a non-root USER.',
    practice: 'security',
    aliases: ['DL3002'],
  },
  check({ model, report }) {
    const final = model.stages.at(-1);
    if (!final || !final.image) return;
    const user = lastInstruction(final, 'USER');
    const name = user?.args[0]?.value.split(':')[0];
    if (user && (name === 'root' || name === '0')) report({ start: user.args[0].start, end: user.args[0].end, message: 'The last USER of the final stage is root; switch to an unprivileged user before CMD.' });
  },
};
export default rule;
