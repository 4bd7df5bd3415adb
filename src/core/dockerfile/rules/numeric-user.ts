import type { DockerfileRule } from '../check/rule';
import type { Stage } from '../model/types';
import { substitute } from '../model/variables';
import { lastInstruction } from './util/runtime';

/**
 * Kubernetes checks `runAsNonRoot: true` (required by the "restricted" Pod Security Standard) against
 * the image's USER, and can only do so for a numeric one: with `USER app` the kubelet refuses to start
 * the container ("image has non-numeric user (app), cannot verify user is non-root") unless the pod
 * sets `runAsUser`. A name also means nothing to the host (file ownership on volumes). Only the user
 * the final image runs as is checked; root is `final-user-root`'s, variables that do not resolve and
 * Windows images are skipped.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'numeric-user',
    domain: 'dockerfile',
    defaultSeverity: 'info',
    description: 'The final USER should be a numeric UID (`USER 10001`), which Kubernetes `runAsNonRoot` can verify.',
    practice: 'security',
    aliases: ['DL3066'],
  },
  check({ model, report }) {
    const final = model.stages.at(-1);
    const user = final && lastInstruction(final, 'USER');
    const word = user?.args[0];
    // Windows users are names (`ContainerUser`); Kubernetes checks them with `runAsUserName` instead.
    if (!user || !word || user.shellKind === 'cmd' || user.shellKind === 'powershell' || isWindows(final)) return;
    const value = word.value.includes('$')
      ? substitute(word.value, (n) => user.stage?.variables.lookup(n, user.index).value, model.escapeChar).value
      : word.value;
    if (value === undefined) return;
    const name = value.split(':')[0];
    if (name === '' || /^\d+$/.test(name) || name === 'root') return;
    report({
      start: word.start,
      end: word.end,
      message: `\`USER ${value}\` is a name: Kubernetes \`runAsNonRoot\` cannot verify it and refuses to start the container; use its numeric UID (\`USER 10001\`).`,
    });
  },
};
function isWindows(stage: Stage): boolean {
  let root = stage;
  while (root.baseStage) root = root.baseStage;
  return /(^|[/:-])(windows|nanoserver|servercore|windowsservercore)/i.test(root.resolvedImage ?? '');
}
export default rule;
