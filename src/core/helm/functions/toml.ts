/** Helm's TOML functions: toToml prints the error text instead of failing, fromToml returns {Error: ...}. */
import { goFunc, type FuncMap } from '../../gotemplate/values';
import { decodeToml } from './toml-decode';
import { encodeToml, TomlEncodeError } from './toml-encode';

export function tomlFunctions(compat: 3 | 4 = 4): FuncMap {
  return {
    toToml: goFunc('toToml', ['any'], (v) => {
      try {
        return encodeToml(v, { compat });
      } catch (e) {
        // The encoder's own errors become the text; a reflect panic (nil) fails the call, as in Go.
        if (e instanceof TomlEncodeError) return e.message;
        throw e;
      }
    }),
    mustToToml: goFunc('mustToToml', ['any'], (v) => encodeToml(v, { compat })),
    fromToml: goFunc('fromToml', ['string'], (s) => {
      try {
        return decodeToml(s as string);
      } catch (e) {
        return { Error: (e as Error).message };
      }
    }),
  };
}
