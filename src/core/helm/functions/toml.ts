/** Helm's TOML functions: toToml prints the error text instead of failing, fromToml returns {Error: ...}. */
import { goFunc, type FuncMap } from '../../gotemplate/values';
import { decodeToml } from './toml-decode';
import { encodeToml } from './toml-encode';

export function tomlFunctions(): FuncMap {
  return {
    toToml: goFunc('toToml', ['any'], (v) => {
      try {
        return encodeToml(v);
      } catch (e) {
        return (e as Error).message;
      }
    }),
    mustToToml: goFunc('mustToToml', ['any'], (v) => encodeToml(v)),
    fromToml: goFunc('fromToml', ['string'], (s) => {
      try {
        return decodeToml(s as string);
      } catch (e) {
        return { Error: (e as Error).message };
      }
    }),
  };
}
