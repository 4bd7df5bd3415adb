/**
 * Sprig's regex functions over Go's regexp (re2.ts: RE2 syntax, linear-time engines). The plain variants
 * panic on a bad pattern (regexp.MustCompile), which the template reports as an error; regexMatch alone
 * swallows it (false).
 */
import { FuncMap, goFunc } from '../gotemplate/values';
import { compileGoRegexp, findAll, matchGoRegexp, quoteMeta, replaceAll, split } from './re2';

function mustCompile(expr: string) {
  try {
    return compileGoRegexp(expr);
  } catch (e) {
    throw new Error(`regexp: Compile(${JSON.stringify(expr)}): ${(e as Error).message}`);
  }
}

function matches(expr: string, s: string): boolean {
  return matchGoRegexp(compileGoRegexp(expr), s);
}

export function regexFunctions(): FuncMap {
  const fns: FuncMap = {
    regexMatch: goFunc('regexMatch', ['string', 'string'], (r, s) => {
      try {
        return matches(r as string, s as string);
      } catch {
        return false;
      }
    }),
    mustRegexMatch: goFunc('mustRegexMatch', ['string', 'string'], (r, s) => matches(r as string, s as string)),
    regexQuoteMeta: goFunc('regexQuoteMeta', ['string'], (s) => quoteMeta(s as string)),
  };
  const pair = (name: string, params: Parameters<typeof goFunc>[1], call: (compile: typeof mustCompile, ...a: unknown[]) => string | string[]): void => {
    const must = 'must' + name[0].toUpperCase() + name.slice(1);
    fns[name] = goFunc(name, params, (...a) => call(mustCompile, ...a) as string | string[]);
    fns[must] = goFunc(must, params, (...a) => call(compileGoRegexp, ...a) as string | string[]);
  };
  pair('regexFindAll', ['string', 'string', 'int'], (c, r, s, n) =>
    findAll(c(r as string), s as string, Number(n as bigint)).map((m) => (s as string).slice(m.index, m.end)));
  pair('regexFind', ['string', 'string'], (c, r, s) => {
    const m = findAll(c(r as string), s as string, 1)[0];
    return m ? (s as string).slice(m.index, m.end) : '';
  });
  pair('regexReplaceAll', ['string', 'string', 'string'], (c, r, s, repl) =>
    replaceAll(c(r as string), s as string, repl as string, true));
  pair('regexReplaceAllLiteral', ['string', 'string', 'string'], (c, r, s, repl) =>
    replaceAll(c(r as string), s as string, repl as string, false));
  pair('regexSplit', ['string', 'string', 'int'], (c, r, s, n) => split(c(r as string), s as string, Number(n as bigint)));
  return fns;
}
