/**
 * Public API of Kubernetes and Compose validation (wired into the CLI and the extension by the lead).
 * Everything here is synchronous, never throws on bad input, and reads schemas lazily from `schemaDir`.
 */
import type { RuleMeta } from '../rules/meta';
import { detectYamlKind as detect } from '../yaml/detect';
import { yamlRules as allRules } from './rules';

export { validateYamlFile, type ValidationOptions } from './validate';
export { hoverAt, completionsAt, type Completion } from './assist';
export { SchemaSetupError, defaultSchemaDir } from './store';

export function detectYamlKind(text: string, fileName: string, isHelmTemplate?: boolean): 'kubernetes' | 'compose' | 'helm-template' | 'other' {
  return detect(text, fileName, { isHelmTemplate });
}

/** Every rule the YAML validator reports: yaml-*, k8s-schema*, compose-schema. */
export const yamlRules: RuleMeta[] = allRules;
