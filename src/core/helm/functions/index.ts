/**
 * Helm's own template functions and context objects (pkg/engine/funcs.go, files.go, capabilities.go).
 * `include` and `tpl` need the template set and are bound by the chart renderer, not here.
 */
import { goFunc, type FuncMap, type GoFunction } from '../../gotemplate/values';
import { sprigFunctions } from '../../sprig';
import { INVALID_SEMVER } from '../../sprig/semver';
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
export function helmFunctions(options: HelmFunctionOptions = {}): FuncMap {
  const base: FuncMap = { ...sprigFunctions() };
  delete base.env;
  delete base.expandenv;
  if (options.compat === 3) for (const name of ['semver', 'semverCompare']) base[name] = olderSemverWording(base[name]);
  return { ...base, ...ownFunctions(options) };
}

/** Helm 3 (3.17.3, checked against the real binary) links a Masterminds/semver that capitalises its error. */
function olderSemverWording(f: GoFunction): GoFunction {
  return goFunc(f.name, f.params, (...args) => {
    try {
      return f.call(...args);
    } catch (e) {
      if (e instanceof Error && e.message === INVALID_SEMVER) throw new Error('Invalid Semantic Version');
      throw e;
    }
  }, f.variadic);
}

export interface HelmFunctionOptions extends ControlOptions {
  /** Helm 3 (3.21) lacks the must* serializers and the duration helpers of Helm 4; default 4. */
  compat?: 3 | 4;
}

/**
 * Helm 4 additions; in Helm 3 a template using them fails to parse ("function not defined"). Helm 4's
 * mustToJson only replaces Sprig's, which Helm 3 keeps.
 */
const HELM4_ONLY = ['mustToYaml', 'mustToJson', 'mustToToml'];

/** Only the functions Helm itself defines (no Sprig). */
export function ownFunctions(options: HelmFunctionOptions = {}): FuncMap {
  const funcs: FuncMap = { ...serializationFunctions(), ...tomlFunctions(options.compat), ...controlFunctions(options) };
  if (options.compat === 3) {
    for (const name of HELM4_ONLY) delete funcs[name];
    return funcs;
  }
  return { ...funcs, ...durationFunctions() };
}
