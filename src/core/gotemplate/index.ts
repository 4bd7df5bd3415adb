/** Go's text/template in TypeScript: the public surface used by the Helm renderer and others. */
export { TemplateSet, executeTemplate } from './template-set';
export type { TemplateSetOptions, Delimiters } from './template-set';
export type { ExecLimits, MissingKey } from './exec';
export { TemplateError } from './errors';
export type { TemplateErrorKind } from './errors';
export { goBuiltins, isTrue } from './builtins';
export { parseTemplates } from './parse';
export type { Tree } from './ast';
