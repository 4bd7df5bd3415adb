/** Sprig's reflect.go: typeOf/typeIs/typeIsLike (Go type names), kindOf/kindIs (reflect kinds), deepEqual. */
import { FuncMap, goFunc } from '../gotemplate/values';
import { goTypeName } from '../gotemplate/fmt';
import { deepEqual, goKindName } from './convert';

export function reflectionFunctions(): FuncMap {
  return {
    typeOf: goFunc('typeOf', ['any'], (v) => goTypeName(v)),
    typeIs: goFunc('typeIs', ['string', 'any'], (t, v) => t === goTypeName(v)),
    typeIsLike: goFunc('typeIsLike', ['string', 'any'], (t, v) => {
      const name = goTypeName(v);
      return t === name || '*' + t === name;
    }),
    kindOf: goFunc('kindOf', ['any'], (v) => goKindName(v)),
    kindIs: goFunc('kindIs', ['string', 'any'], (t, v) => t === goKindName(v)),
    deepEqual: goFunc('deepEqual', ['any', 'any'], (a, b) => deepEqual(a, b)),
  };
}
