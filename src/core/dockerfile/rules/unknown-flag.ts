import type { DockerfileRule } from '../check/rule';

/**
 * Flags each instruction accepts, as of Dockerfile syntax 1.14 (BuildKit). Keeping this current ends
 * the false "unknown flag" errors users hit with older validators for `--chmod`, `--link`,
 * `--parents`, `--exclude`, `--checksum`, `--keep-git-dir` and `--start-interval`.
 */
const FLAGS: Record<string, string[]> = {
  FROM: ['platform'],
  COPY: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
  ADD: ['chown', 'chmod', 'link', 'checksum', 'keep-git-dir', 'exclude', 'unpack'],
  RUN: ['mount', 'network', 'security', 'device'],
  HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
};

const rule: DockerfileRule = {
  meta: {
    id: 'unknown-flag',
    domain: 'dockerfile',
    defaultSeverity: 'error',
    description: 'Instruction flags must be ones the builder knows, each given once.',
    practice: 'correctness',
    aliases: ['UNKNOWN_ADD_FLAG', 'UNKNOWN_COPY_FLAG', 'UNKNOWN_FROM_FLAG', 'UNKNOWN_HEALTHCHECK_FLAG', 'FLAG_DUPLICATE'],
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      const known = FLAGS[instruction.keyword];
      if (!known) continue;
      const seen = new Set<string>();
      for (const flag of instruction.flags) {
        const name = flag.name.toLowerCase();
        const end = flag.nameStart + flag.name.length;
        if (!known.includes(name)) {
          report({ start: flag.nameStart, end, message: `${instruction.keyword} has no \`--${flag.name}\` flag (it accepts ${known.map((f) => `--${f}`).join(', ')}).` });
        } else if (seen.has(name) && !(instruction.keyword === 'RUN' && name === 'mount') && name !== 'exclude') {
          report({ start: flag.nameStart, end, message: `\`--${flag.name}\` is given more than once.` });
        }
        seen.add(name);
      }
    }
  },
};
export default rule;
