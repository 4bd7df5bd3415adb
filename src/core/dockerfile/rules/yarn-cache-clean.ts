import type { DockerfileRule } from '../check/rule';
import { appendCommandFix } from './util/append';
import { cachedRunCommands } from './util/run-index';
import { mountsCacheAt, instructionShipsLayers } from './util/stages';

/**
 * Yarn (v1) copies every package into its global cache as well as `node_modules`; unless the same
 * RUN runs `yarn cache clean` after it, the image carries the packages twice. Cache mounts and builder
 * stages only copied from are skipped.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'yarn-cache-clean',
    domain: 'dockerfile',
    defaultSeverity: 'info',
    description: '`yarn install` should be followed by `yarn cache clean` in the same RUN.',
    practice: 'multistage',
    aliases: ['DL3060'],
    fixable: true,
  },
  check({ model, report }) {
    const all = cachedRunCommands(model.instructions);
    for (const run of all) {
      if (run.name !== 'yarn') continue;
      const words = run.args.filter((a) => !a.value.startsWith('-')).map((a) => a.value);
      if (run.args.some((a) => /^(-v|--version|-h|--help)$/.test(a.value))) continue;
      const installs = words.length === 0 || words[0] === 'install' || words[0] === 'add' || (words[0] === 'global' && words[1] === 'add');
      if (!installs) continue;
      const instruction = run.instruction;
      if (!instructionShipsLayers(model, instruction) || mountsCacheAt(instruction, '/usr/local/share/.cache/yarn', '/root/.cache/yarn', '/root/.yarn')) continue;
      if (instruction.flags.some((f) => f.name === 'mount' && /type=cache/.test(f.value ?? '') && /yarn/.test(f.value ?? ''))) continue;
      // A clean before the install cleans nothing.
      const cleaned = all.some(
        (r) => r.instruction === instruction && r.command.start > run.command.start && r.name === 'yarn' && r.args[0]?.value === 'cache' && r.args[1]?.value === 'clean',
      );
      if (cleaned) continue;
      const fix = appendCommandFix(instruction, 'yarn cache clean', 'Add yarn cache clean');
      const at = run.args.find((a) => a.value === words[0]) ?? run.nameWord;
      report({
        start: words.length ? at.start : run.nameWord.start,
        end: words.length ? at.end : run.nameWord.end,
        message: "Yarn's cache stays in this layer next to `node_modules`; add `&& yarn cache clean` to the same RUN.",
        fixes: fix ? [{ ...fix, preferred: true }] : undefined,
      });
    }
  },
};
export default rule;
