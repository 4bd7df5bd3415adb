import type { DockerfileRule } from '../check/rule';
import { copyArgs, isGitSource, isLocalArchive, isUrl } from './util/copy-args';

/**
 * ADD fetches URLs and unpacks archives; for plain local files it only hides that magic, so COPY is
 * the clearer choice. ADD of a URL, a git source or a tar archive is left alone.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'add-instead-of-copy',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Use COPY instead of ADD for local files and folders.',
    practice: 'correctness',
    aliases: ['DL3020'],
    fixable: true,
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ADD') continue;
      const args = copyArgs(instruction, model);
      if (!args) continue;
      if (args.sources.some((s) => isUrl(s.value) || isGitSource(s.value) || isLocalArchive(s.value) || s.value.includes('$'))) continue;
      if (instruction.flags.some((f) => ['checksum', 'keep-git-dir', 'unpack'].includes(f.name.toLowerCase()))) continue;
      const keyword = instruction.keywordToken;
      const replacement = keyword.value === keyword.value.toLowerCase() ? 'copy' : 'COPY';
      report({
        start: keyword.start,
        end: keyword.end,
        message: 'ADD copies local files like COPY but also extracts archives and fetches URLs; use COPY for plain files.',
        fixes: [{ title: 'Replace ADD with COPY', edits: [{ start: keyword.start, end: keyword.end, newText: replacement }], preferred: true }],
      });
    }
  },
};
export default rule;
