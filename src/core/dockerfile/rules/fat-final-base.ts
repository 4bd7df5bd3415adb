import type { DockerfileRule } from '../check/rule';
import { repositoryBaseName } from '../../containers/image-ref';
import type { Stage } from '../model/types';
import { runsInteractiveShell } from './util/stages';

/**
 * With a builder stage in place, the final stage should start from a runtime image. SDK images
 * (golang, maven, gradle, rust, *-jdk, dotnet/sdk) and the full Debian variants of node and python
 * add hundreds of MB the application never uses. Toolchain images themselves (no CMD, or a bare
 * shell or interpreter as CMD, like the official golang image) are exempt.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'fat-final-base',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'In a multistage build the final stage should use a slim runtime base, not an SDK or full image.',
    practice: 'multistage',
  },
  check({ model, report }) {
    const final = model.stages.at(-1);
    if (!final || runsInteractiveShell(final)) return;
    // The image the final stage really starts from: follow `FROM <stage>` down to an image.
    const chain = new Set<Stage>();
    let root: Stage = final;
    for (let s: Stage | undefined = final; s; s = s.baseStage) chain.add((root = s));
    if (!root.imageRef || !root.image || !model.stages.some((s) => !chain.has(s) && s.usedByLaterStage)) return;
    const reason = fatReason(root.imageRef.repository, root.imageRef.tag ?? '');
    if (!reason) return;
    report({
      start: root.image.start,
      end: root.image.end,
      message: `\`${root.resolvedImage}\` ${reason}; the builder stage already has the toolchain, so use a slim, distroless or JRE runtime image here.`,
    });
  },
};

function fatReason(repository: string, tag: string): string | undefined {
  const name = repositoryBaseName(repository).toLowerCase();
  const t = tag.toLowerCase();
  if (['golang', 'maven', 'gradle', 'rust', 'gcc', 'buildpack-deps'].includes(name)) return 'is a build toolchain image';
  if (repository.toLowerCase().endsWith('dotnet/sdk')) return 'is the .NET SDK image';
  if (/(^|-)jdk(\d*)(-|$)/.test(t) || (name.endsWith('jdk') && !/jre/.test(t))) return 'ships a full JDK';
  if ((name === 'node' || name === 'python') && !/(slim|alpine|distroless)/.test(t)) return `is the full ${name} image with compilers and headers`;
  return undefined;
}

export default rule;
