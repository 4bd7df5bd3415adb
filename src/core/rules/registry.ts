/** Every rule of every domain, in one list: the CLI's `rules`, SARIF, hovers and the check pipeline read it. */
import { composeRules } from '../compose';
import { dockerfileRules } from '../dockerfile';
import { kubernetesRules } from '../k8s';
import { yamlRules } from '../schemas';
import type { RuleMeta } from './meta';
import { helmRenderRule } from './helm-render';
import { helmAuthoringRules } from '../helm/authoring/rules';

let all: RuleMeta[] | undefined;
let byId: Map<string, RuleMeta> | undefined;

export function allRules(): RuleMeta[] {
  all ??= [...dockerfileRules.map((r) => r.meta), ...yamlRules, ...kubernetesRules, ...composeRules, helmRenderRule, ...helmAuthoringRules.map((r) => r.meta)];
  return all;
}

export function ruleMeta(id: string): RuleMeta | undefined {
  byId ??= new Map(allRules().map((m) => [m.id, m]));
  return byId.get(id);
}
