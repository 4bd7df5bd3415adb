/** Helm authoring rules, in the order they are run. */
import { functionArgs } from './function-args';
import { includeUndefined } from './include-undefined';
import type { AuthoringRule } from './rule';
import { templatePiped } from './template-piped';
import { templateSyntax } from './template-syntax';
import { valuesUndefined } from './values-undefined';
import { valuesSchema } from './values-schema';
import { valuesUnused } from './values-unused';

export const helmAuthoringRules: AuthoringRule[] = [templateSyntax, functionArgs, includeUndefined, templatePiped, valuesUndefined, valuesSchema, valuesUnused];
export type { AuthoringRule } from './rule';
