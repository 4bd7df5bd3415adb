/** Calls a Sprig function the way the engine would after argument conversion. */
import { GoValue } from '../../../src/core/gotemplate/values';
import { sprigFunctions } from '../../../src/core/sprig';

export function call(name: string, ...args: GoValue[]): GoValue {
  const fn = sprigFunctions()[name];
  if (!fn) throw new Error(`no Sprig function ${name}`);
  return fn.call(...args);
}
