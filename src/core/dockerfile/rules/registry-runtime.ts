/** Rules about what the container runs and how it is configured: CMD/ENTRYPOINT, USER, ENV, EXPOSE, ... (keep sorted by id). */
import type { DockerfileRule } from '../check/rule';
import execFormCmd from './exec-form-cmd';

export const runtimeRules: DockerfileRule[] = [execFormCmd];
