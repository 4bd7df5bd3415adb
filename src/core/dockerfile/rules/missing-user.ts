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
    fixable: true,
  },
  check({ model, report }) {
    const final = model.stages.at(-1);
    if (!final || !final.image || lastInstruction(final, 'USER')) return;
    const image = final.resolvedImage ?? '';
    if (image === 'scratch' || /nonroot|rootless|unprivileged/.test(image)) return;
    const entry = lastInstruction(final, 'ENTRYPOINT');
    if (entry && /gosu|su-exec|setpriv|chroot|entrypoint/i.test(model.text.slice(entry.start, entry.end))) return;
    // The fix switches to an unprivileged numeric user (no /etc/passwd entry needed) before the
    // container's command, or at the end of the stage.
    const runtime = final.instructions.find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
    const lineOf = (offset: number) => model.lines.positionAt(offset).line;
    const insertAt = runtime ? model.lines.lineStart(lineOf(runtime.start)) : model.lines.lineEnd(lineOf(final.instructions.at(-1)?.end ?? final.from.end));
    const newText = runtime ? 'USER 10001\n' : '\nUSER 10001';
    report({
      start: final.image.start,
      end: final.image.end,
      message: 'The final stage never sets USER, so the container runs as root (unless its base image sets a user); add `USER <name>`.',
      fixes: [{ title: 'Run as an unprivileged user (USER 10001)', edits: [{ start: insertAt, end: insertAt, newText }] }],
    });
  },
};
export default rule;
