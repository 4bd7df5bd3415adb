import type { DockerfileRule } from '../check/rule';
import { lastInstruction } from './util/runtime';

/**
 * A final stage without any USER runs as whatever its base image says, usually root. Info level:
 * many official images drop privileges in their entrypoint (gosu, su-exec), and distroless `:nonroot`
 * bases set a user themselves; both are recognised.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'missing-user',
    domain: 'dockerfile',
    defaultSeverity: 'info',
    description: 'The final stage should set a non-root USER instead of relying on the base image.',
    practice: 'security',
  },
  check({ model, report }) {
    const final = model.stages.at(-1);
    if (!final || !final.image || lastInstruction(final, 'USER')) return;
    const image = final.resolvedImage ?? '';
    if (image === 'scratch' || /nonroot|rootless|unprivileged/.test(image)) return;
    const entry = lastInstruction(final, 'ENTRYPOINT');
    if (entry && /gosu|su-exec|setpriv|chroot|entrypoint/i.test(model.text.slice(entry.start, entry.end))) return;
    report({ start: final.image.start, end: final.image.end, message: 'The final stage never sets USER, so the container runs as root (unless its base image sets a user); add `USER <name>`.' });
  },
};
export default rule;
