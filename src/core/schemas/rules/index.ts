/** Registry of every rule this validator can report: YAML-level rules, then schema rules. */
import type { RuleMeta } from '../../rules/meta';
import { yamlLevelRules } from '../../yaml/rules';
import * as composeSchema from './compose-schema';
import * as k8sSchema from './k8s-schema';
import * as removedApi from './k8s-schema-removed-api';
import * as unknownKind from './k8s-schema-unknown-kind';

export const yamlRules: RuleMeta[] = [...yamlLevelRules, k8sSchema.meta, unknownKind.meta, removedApi.meta, composeSchema.meta];
