/**
 * `shipshape/core`: everything the extension and the CLI use, for programmatic use too.
 * No `vscode` import anywhere below this folder (a test enforces it).
 */
export * from './diagnostics';
export type { RuleMeta, Practice, Domain } from './rules/meta';
export { docsUrl } from './rules/meta';
export type { CheckOptions, SeverityOverride } from './config/options';
export { loadConfig, type LoadedConfig } from './config/load';
export { lintDockerfile, lintDockerfileDetailed, dockerfileRules } from './dockerfile';
export { isDockerfileName } from './workspace/file-kinds';
