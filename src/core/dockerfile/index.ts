/** The Dockerfile linter's public surface. */
export { lintDockerfile, lintDockerfileDetailed, MAX_DOCKERFILE_BYTES, type LintResult } from './check/lint';
export { dockerfileRules } from './rules';
export type { DockerfileRule, RuleContext, Finding } from './check/rule';
export { buildModel } from './model/build-model';
export type { DockerfileModel, Stage, InstructionNode } from './model/types';
