/** Every Compose rule, in the order they are listed to users. */
import type { RuleMeta } from '../rules/meta';
import type { ComposeRule } from './rule';
import { configInCommand } from './rules/config-in-command';
import { dependsOnCycle } from './rules/depends-on-cycle';
import { imageLatest } from './rules/image-latest';
import { includeCycle } from './rules/include-cycle';
import { links } from './rules/links';
import { portCollision } from './rules/port-collision';
import { secretInEnvironment } from './rules/secret-in-environment';
import { singleProcess } from './rules/single-process';
import { undefinedReference } from './rules/undefined-reference';

export const composeRuleList: readonly ComposeRule[] = [
  undefinedReference,
  dependsOnCycle,
  includeCycle,
  portCollision,
  links,
  singleProcess,
  configInCommand,
  secretInEnvironment,
  imageLatest,
];

export const composeRules: RuleMeta[] = composeRuleList.map((r) => r.meta);
