/**
 * Go's text/template in TypeScript: the public surface used by the Helm renderer and others.
 *
 * - Values follow values.ts (bigint = int, number = float64, plain object = map, GoStruct = struct).
 * - Methods: a prototype function of a GoStruct (or of a map/slice subclass) is a Go method. Its Go
 *   parameter types come from an optional `goParams`/`goVariadic` property on the function;
 *   without one, it takes `fn.length` arguments of any type.
 * - Errors are TemplateError with Go's exact message; `kind` tells parse, exec and limit errors apart.
 * - `execute` may be re-entered from a function (include); `executeText` is Helm's `tpl`.
 */
export { TemplateSet, executeTemplate } from './template-set';
export type { TemplateSetOptions, Delimiters } from './template-set';
export type { ExecLimits, MissingKey } from './exec';
export { TemplateError } from './errors';
export type { TemplateErrorKind } from './errors';
export { goBuiltins, isTrue } from './builtins';
export { parseTemplates } from './parse';
export type { Tree } from './ast';
