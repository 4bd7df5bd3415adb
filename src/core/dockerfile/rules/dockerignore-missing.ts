import type { DockerfileRule } from '../check/rule';
import { copyArgs } from './util/copy-args';

/**
 * `COPY . .` without a `.dockerignore` sends the whole folder to the builder and into the image:
 * `.git`, `node_modules`, local `.env` files and build output. Slower builds, bigger images, leaked
 * secrets. Reported only when the caller knows the build context has no `.dockerignore`.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'dockerignore-missing',
    domain: 'dockerfile',
    defaultSeverity: 'info',
    description: 'Copying the whole build context needs a .dockerignore to keep .git, dependencies and secrets out.',
    practice: 'multistage',
  },
  check({ model, options, report }) {
    if (options.dockerignore !== null) return;
    for (const instruction of model.instructions) {
      const copy = copyArgs(instruction, model);
      if (!copy || instruction.flags.some((f) => f.name === 'from')) continue;
      for (const source of copy.sources) {
        if (source.value !== '.' && source.value !== './') continue;
        report({ start: source.start, end: source.end, message: 'This copies the whole build context and there is no .dockerignore: .git, dependencies and local secrets go into the image; add a .dockerignore.' });
      }
    }
  },
};
export default rule;
