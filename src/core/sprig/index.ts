/**
 * Sprig v3.3.0's function map as Helm registers it: sprig.TxtFuncMap() without env and expandenv
 * (Helm removes them; using them is a parse error), with getHostByName as Helm's "" stub.
 * Helm's own functions (include, tpl, toYaml, required, ...) are layered on top by the renderer.
 */
import { FuncMap } from '../gotemplate/values';
import { stringFunctions } from './strings';
import { mathFunctions } from './math';
import { defaultFunctions } from './defaults';
import { reflectionFunctions } from './reflection';
import { listFunctions } from './lists';
import { dictFunctions } from './dicts';
import { encodingFunctions } from './encoding';
import { pathFunctions } from './paths';
import { urlFunctions } from './urls';
import { networkFunctions } from './network';
import { uuidFunctions } from './uuid';
import { dateFunctions } from './dates';
import { regexFunctions } from './regex';
import { semverFunctions } from './semver';
import { cryptoFunctions } from './crypto';

let cached: FuncMap | undefined;

/** Every Sprig function Helm exposes, keyed by template name. The map is shared: do not mutate it. */
export function sprigFunctions(): FuncMap {
  cached ??= Object.freeze({
    ...stringFunctions(),
    ...mathFunctions(),
    ...defaultFunctions(),
    ...reflectionFunctions(),
    ...listFunctions(),
    ...dictFunctions(),
    ...encodingFunctions(),
    ...pathFunctions(),
    ...urlFunctions(),
    ...networkFunctions(),
    ...uuidFunctions(),
    ...dateFunctions(),
    ...regexFunctions(),
    ...semverFunctions(),
    ...cryptoFunctions(),
  }) as FuncMap;
  return cached;
}

export { marshalJSON, unmarshalJSON } from './json';
export { parseSemver, parseConstraints, checkConstraints, semverCompare, SemverVersion } from './semver';
export { compileGoRegexp, matchGoRegexp, findAll as regexFindAll, replaceAll as regexReplaceAll, split as regexSplit } from './re2';
export { toInt64, toFloat64, strval, isEmpty } from './convert';
