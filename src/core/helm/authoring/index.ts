/** Helm template authoring: the chart model, its editor answers and its rules (see each module's header). */
export { AuthoringIndex, ChartView, isHelmFunction, type ChartSources } from './chart-model';
export { definitionOf, hoverAt, isInAction, prepareRename, referencesOf, renameAt, targetAt, templateCompletions, definesOf, type AssistContext, type CompletionEntry, type Location } from './assist';
export { lintTemplate, lintValues } from './lint';
export { helmAuthoringRules } from './rules';
export { functionDoc, documentedFunctionNames } from './function-docs';
