import type { DockerfileRule } from '../check/rule';
import { environmentValue, hasFlag } from './util/commands';
import { pipCommands } from './util/package-managers';
import { mountsCacheAt, instructionShipsLayers } from './util/stages';

/**
 * pip keeps every downloaded wheel in `~/.cache/pip`, which then ships in the layer. `--no-cache-dir`,
 * `PIP_NO_CACHE_DIR` (ENV, a prefix or an earlier `export`), or a cache mount keep it out; builder stages only copied from are skipped.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'pip-no-cache',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: '`pip install` should use `--no-cache-dir` to keep the download cache out of the image.',
    practice: 'multistage',
    aliases: ['DL3042'],
    fixable: true,
  },
  check({ model, report }) {
    for (const install of pipCommands(model.instructions)) {
      const instruction = install.instruction;
      if (hasFlag(install.args, '--no-cache-dir') || install.args.some(isNoCacheAbbreviation) || !instructionShipsLayers(model, instruction)) continue;
      if (
        mountsCacheAt(instruction, '/root/.cache/pip', '/root/.cache') ||
        instruction.flags.some((f) => f.name === 'mount' && /type=cache/.test(f.value ?? '') && /pip/.test(f.value ?? ''))
      )
        continue;
      // pip disables the cache for any value, `0` and `false` included (pip's _handle_no_cache_dir).
      if (environmentValue(install, 'PIP_NO_CACHE_DIR') !== undefined) continue;
      report({
        start: install.sub.start,
        end: install.sub.end,
        message: '`pip install` keeps its download cache in the layer; add `--no-cache-dir`.',
        fixes: [{ title: 'Add --no-cache-dir', edits: [{ start: install.sub.end, end: install.sub.end, newText: ' --no-cache-dir' }], preferred: true }],
      });
    }
  },
};
/** pip's option parser takes unambiguous prefixes: `--no-cache` and `--no-ca` are `--no-cache-dir` (`--no-c` is ambiguous). */
function isNoCacheAbbreviation(word: { value: string }): boolean {
  return word.value.length >= '--no-ca'.length && '--no-cache-dir'.startsWith(word.value);
}
export default rule;
