/** The workspace model the CLI, the language server and the tests share (see project.ts). */
export { Project, toInventoryPath, type ProjectOptions, type ProjectLimits, type CheckedFile, type LanguageHint } from './project';
export { fileKindOf, chartDirOfTemplate, isCandidateName, type FileKind } from './kinds';
export { discoverFiles } from './discover';
