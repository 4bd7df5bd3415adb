/**
 * Helm's own template functions and context objects (pkg/engine/funcs.go, files.go, capabilities.go).
 * `include` and `tpl` need the template set and are bound by the chart renderer, not here.
 */
import { type FuncMap } from '../../gotemplate/values';
import { sprigFunctions } from '../../sprig';
import { controlFunctions, type ControlOptions } from './control';
import { durationFunctions } from './durations';
import { serializationFunctions } from './serialization';
import { tomlFunctions } from './toml';

export { capabilities, Capabilities, DEFAULT_API_VERSIONS, DEFAULT_HELM_VERSION, DEFAULT_KUBE_VERSION, KubeVersion, parseKubeVersion, VersionSet, versionSet, type CapabilitiesOptions } from './capabilities';
export { chartMetadata, chartMetadataMap, ChartMetadata, releaseObject, templateObject, type ReleaseOptions } from './context';
export { HELM_ERR_END, HELM_ERR_START, unwrapHelmError, warnWrap, type ControlOptions } from './control';
export { filesValue, goPathBase, HelmFiles } from './files';
export { HelmValues, valuesObject } from './values-object';
export { compileGlob, globMatcher } from './glob';
export { fromJsonArray, fromJsonMap, jsonToGo, toJson, toYaml, toYamlPretty } from './serialization';
export { decodeToml } from './toml-decode';
export { encodeToml } from './toml-encode';
export { parseYamlValues } from '../goyaml';

/**
 * Helm's function map without `include` and `tpl`: Sprig's functions minus `env` and `expandenv` (Helm
 * removes them so charts cannot read the environment), with Helm's own functions on top (they replace
 * Sprig's `fail`, `toJson`, `fromJson`, `mustToJson` and `getHostByName`).
 */
export function helmFunctions(options: ControlOptions = {}): FuncMap {
  const base: FuncMap = { ...sprigFunctions() };
  delete base.env;
  delete base.expandenv;
  return { ...base, ...ownFunctions(options) };
}

/** Only the functions Helm itself defines (no Sprig). */
export function ownFunctions(options: ControlOptions = {}): FuncMap {
  return { ...serializationFunctions(), ...tomlFunctions(), ...durationFunctions(), ...controlFunctions(options) };
}
