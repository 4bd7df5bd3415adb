/**
 * Helm's own template functions and context objects (pkg/engine/funcs.go, files.go, capabilities.go).
 * `include` and `tpl` need the template set and are bound by the chart renderer, not here.
 */
import { type FuncMap } from '../../gotemplate/values';
import { controlFunctions, type ControlOptions } from './control';
import { durationFunctions } from './durations';
import { serializationFunctions } from './serialization';
import { tomlFunctions } from './toml';

export { capabilities, Capabilities, DEFAULT_API_VERSIONS, DEFAULT_HELM_VERSION, DEFAULT_KUBE_VERSION, KubeVersion, parseKubeVersion, VersionSet, versionSet, type CapabilitiesOptions } from './capabilities';
export { chartMetadata, chartMetadataMap, ChartMetadata, releaseObject, templateObject, type ReleaseOptions } from './context';
export { HELM_ERR_END, HELM_ERR_START, unwrapHelmError, warnWrap, type ControlOptions } from './control';
export { filesValue, goPathBase, HelmFiles } from './files';
export { compileGlob, globMatcher } from './glob';
export { fromJsonArray, fromJsonMap, jsonToGo, toJson, toYaml, toYamlPretty } from './serialization';
export { decodeToml } from './toml-decode';
export { encodeToml } from './toml-encode';
export { parseYamlValues } from '../goyaml';

let sprigBase: (() => FuncMap) | undefined;

/**
 * Helm's functions merged over Sprig's (Helm removes `env` and `expandenv`, and replaces `fail`,
 * `toJson`, `fromJson`, `mustToJson` and `getHostByName`). Sprig is loaded lazily so this module works
 * on its own when Sprig is not built in.
 */
export function helmFunctions(options: ControlOptions = {}): FuncMap {
  const base: FuncMap = { ...(loadSprig()?.() ?? {}) };
  delete base.env;
  delete base.expandenv;
  return { ...base, ...ownFunctions(options) };
}

/** Only the functions Helm itself defines (no Sprig). */
export function ownFunctions(options: ControlOptions = {}): FuncMap {
  return { ...serializationFunctions(), ...tomlFunctions(), ...durationFunctions(), ...controlFunctions(options) };
}

function loadSprig(): (() => FuncMap) | undefined {
  if (sprigBase) return sprigBase;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sprig = require('../../sprig') as { sprigFunctions?: () => FuncMap };
    sprigBase = sprig.sprigFunctions;
  } catch {
    sprigBase = undefined;
  }
  return sprigBase;
}
