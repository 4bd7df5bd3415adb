import type { DockerfileRule } from '../check/rule';
import { parseDockerignore } from '../context/dockerignore';
import { copyArgs, isUrl } from './util/copy-args';

/**
 * A COPY/ADD source that `.dockerignore` excludes is not in the build context: the build fails with
 * "not found" (or, with a wildcard, silently copies less). BuildKit's CopyIgnoredFile. Needs the
 * `.dockerignore` beside the Dockerfile, which the CLI and the editor read; sources with variables or
 * wildcards are left alone.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'copy-ignored-file',
    domain: 'dockerfile',
    defaultSeverity: 'error',
    description: 'COPY and ADD should not name files that .dockerignore excludes from the build context.',
    practice: 'correctness',
    aliases: ['CopyIgnoredFile'],
  },
  check({ model, options, report }) {
    if (!options.dockerignore) return;
    const ignore = parseDockerignore(options.dockerignore);
    for (const instruction of model.instructions) {
      const copy = copyArgs(instruction, model);
      if (!copy || instruction.flags.some((f) => f.name === 'from')) continue;
      for (const source of copy.sources) {
        const path = source.value;
        if (isUrl(path) || /[$*?[]/.test(path)) continue;
        const pattern = ignore.excludedBy(path);
        if (!pattern) continue;
        report({ start: source.start, end: source.end, message: `\`${path}\` is excluded by the .dockerignore line \`${pattern}\`, so the build will not find it.` });
      }
    }
  },
};
export default rule;
