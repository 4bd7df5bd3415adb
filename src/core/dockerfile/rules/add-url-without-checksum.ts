import { flagOf, type DockerfileRule } from '../check/rule';
import { copyArgs, isGitSource, isUrl } from './util/copy-args';

/** `ADD https://...` trusts whatever the server returns today; `--checksum=sha256:...` makes the build fail on a changed file. */
const rule: DockerfileRule = {
  meta: {
    id: 'add-url-without-checksum',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: '`ADD <url>` should verify the download with `--checksum`.',
    practice: 'security',
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ADD' || flagOf(instruction, 'checksum')) continue;
      for (const source of copyArgs(instruction, model)?.sources ?? []) {
        if (!isUrl(source.value) || isGitSource(source.value)) continue;
        report({
          start: source.start,
          end: source.end,
          message: 'This download is not verified; add `--checksum=sha256:<digest>` so a changed or tampered file fails the build.',
        });
      }
    }
  },
};
export default rule;
