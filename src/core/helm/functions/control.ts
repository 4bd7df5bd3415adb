/**
 * Helm's control-flow functions: `required` and `fail` abort the render with the chart author's message,
 * `lookup` and `getHostByName` stand in for cluster and DNS access, which `helm template` does not have.
 */
import { goFunc, type FuncMap, type GoValue } from '../../gotemplate/values';

/**
 * Helm wraps user messages in these markers so the renderer can report them as
 * `execution error at (<file>:<line>:<col>): <message>` instead of Go's raw template error.
 */
export const HELM_ERR_START = 'HELM_ERR_START';
export const HELM_ERR_END = 'HELM_ERR_END';

export const warnWrap = (message: string): string => `${HELM_ERR_START}${message}${HELM_ERR_END}`;

/** The user message inside an error text produced by `required`/`fail`, if there is one. */
export function unwrapHelmError(text: string): string | undefined {
  const start = text.indexOf(HELM_ERR_START);
  const end = text.indexOf(HELM_ERR_END, start);
  return start >= 0 && end > start ? text.slice(start + HELM_ERR_START.length, end) : undefined;
}

export interface ControlOptions {
  /** `helm lint`: required/fail do not abort (Helm only logs them). */
  lintMode?: boolean;
}

export function controlFunctions(options: ControlOptions = {}): FuncMap {
  const lint = options.lintMode ?? false;
  return {
    // Only nil and "" are missing: 0, false and empty collections pass, as in Helm.
    required: goFunc('required', ['string', 'any'], (warn: GoValue, value: GoValue) => {
      if (value === null || value === undefined || value === '') {
        if (lint) return '';
        throw new Error(warnWrap(warn as string));
      }
      return value;
    }),
    fail: goFunc('fail', ['string'], (message: GoValue) => {
      if (lint) return '';
      throw new Error(warnWrap(message as string));
    }),
    // `helm template` has no cluster: lookup always finds nothing.
    lookup: goFunc('lookup', ['string', 'string', 'string', 'string'], () => ({})),
    // Without --enable-dns Helm answers "" instead of resolving.
    getHostByName: goFunc('getHostByName', ['string'], () => ''),
  };
}
