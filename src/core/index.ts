/**
 * `shipshape/core`: everything the extension and the CLI use, for programmatic use too.
 * No `vscode` import anywhere below this folder (a test enforces it).
 */
export * from './diagnostics';
export type { RuleMeta, Practice, Domain } from './rules/meta';
export { docsUrl } from './rules/meta';
export type { CheckOptions, SeverityOverride } from './config/options';
export { loadConfig, type LoadedConfig } from './config/load';
export { isDockerfileName } from './workspace/file-kinds';

// Dockerfiles
export { lintDockerfile, lintDockerfileDetailed, dockerfileRules } from './dockerfile';

// Kubernetes and Compose
export { validateYamlFile, detectYamlKind, hoverAt, completionsAt, yamlRules, type ValidationOptions } from './schemas';
export { KubernetesWorkspace, kubernetesRules } from './k8s';
export { checkComposeFile, composeRules } from './compose';
export { parseYamlFile, type ParsedYamlFile } from './yaml/parse';
export { YamlProject } from './workspace/yaml-project';

// Go templates and Helm
export { executeTemplate, renderChart, loadChart, findCharts, ChartRenderError, type RenderOptions, type RenderResult } from './helm';
export { TemplateSet, TemplateError } from './gotemplate';
