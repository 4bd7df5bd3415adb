/**
 * huandu/xstrings v1.5 case conversion (Sprig's snakecase, kebabcase and camelcase = ToPascalCase),
 * ported rune by rune: its word splitting ("HTTPServer" → http_server, "Bld4Floor3rd" → bld4_floor_3rd)
 * has enough special cases that a regex approximation would disagree on real chart input.
 */
import { isSpace, isUpper, lowerRune, upperRune } from './text';

const isConnector = (r: string): boolean => r === '-' || r === '_' || isSpace(r);
const isAlphabet = (r: string): boolean => (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
const isPunct = (r: string): boolean => /^\p{P}$/u.test(r);
const isNumber = (r: string): boolean => /^\p{N}$/u.test(r);

/** xstrings.ToPascalCase. */
export function toPascalCase(str: string): string {
  const runes = [...str];
  if (runes.length === 0) return '';
  let out = '';
  let i = 0;
  let r0 = '';
  let firstUpper = false;
  // Leading connectors are kept.
  while (i < runes.length) {
    r0 = runes[i++];
    if (!isConnector(r0)) {
      firstUpper = isUpper(r0);
      r0 = upperRune(r0);
      break;
    }
    out += r0;
  }
  // Go writes the last rune again here even when it was a connector ("__" → "___").
  if (i >= runes.length) return out + r0;
  while (i < runes.length) {
    const r1 = r0;
    r0 = runes[i++];
    if (isConnector(r0) && isConnector(r1)) {
      out += r1;
      continue;
    }
    if (isConnector(r1)) {
      firstUpper = isUpper(r0);
      r0 = upperRune(r0);
    } else {
      if (firstUpper) {
        if (isUpper(r0)) r0 = lowerRune(r0);
        else firstUpper = false;
      }
      out += r1;
    }
  }
  return out + r0;
}

const enum Word {
  Invalid,
  Number,
  UpperCase,
  Alphabet,
  Connector,
  Punct,
  Other,
}

interface Next {
  wt: Word;
  word: string[];
  rest: string[];
}

function nextWord(str: string[]): Next {
  if (str.length === 0) return { wt: Word.Invalid, word: [], rest: [] };
  const r = str[0];
  let n = 1;
  let wt: Word;
  const scan = (pred: (c: string) => boolean): void => {
    while (n < str.length && pred(str[n])) n++;
  };
  if (isConnector(r)) {
    wt = Word.Connector;
    scan(isConnector);
  } else if (isPunct(r)) {
    wt = Word.Punct;
    scan(isPunct);
  } else if (isUpper(r)) {
    wt = Word.UpperCase;
    if (n < str.length) {
      if (isUpper(str[n])) {
        scan(isUpper);
        // "HTTPStatus" splits into "HTTP" and "Status": the last capital starts the next word.
        if (n < str.length && isAlphabet(str[n])) n--;
      } else if (isAlphabet(str[n])) {
        scan((c) => isAlphabet(c) && !isUpper(c));
      }
    }
  } else if (isAlphabet(r)) {
    wt = Word.Alphabet;
    scan((c) => isAlphabet(c) && !isUpper(c));
  } else if (isNumber(r)) {
    wt = Word.Number;
    scan(isNumber);
  } else {
    wt = Word.Other;
    scan((c) => !(isConnector(c) || isAlphabet(c) || isNumber(c) || isPunct(c)));
  }
  return { wt, word: str.slice(0, n), rest: str.slice(n) };
}

function lowerWord(wt: Word, word: string[], connector: string): string {
  if (wt !== Word.UpperCase && wt !== Word.Connector) return word.join('');
  let out = '';
  for (const r of word) out += isConnector(r) ? connector : isUpper(r) ? lowerRune(r) : r;
  return out;
}

/** xstrings' camelCaseToLowerCase (ToSnakeCase with '_', ToKebabCase with '-'). */
export function camelCaseToLowerCase(str: string, connector: string): string {
  if (str === '') return '';
  let out = '';
  let { wt, word, rest } = nextWord([...str]);
  const advance = (): void => {
    ({ wt, word, rest } = nextWord(rest));
  };
  while (rest.length > 0) {
    if (wt !== Word.Connector) out += lowerWord(wt, word, connector);
    const prev = wt;
    const last = word;
    advance();
    switch (prev) {
      case Word.Number:
        while (wt === Word.Alphabet || wt === Word.Number) {
          out += lowerWord(wt, word, connector);
          advance();
        }
        if (wt !== Word.Invalid && wt !== Word.Punct && wt !== Word.Connector) out += connector;
        break;
      case Word.Connector:
        out += lowerWord(prev, last, connector);
        break;
      case Word.Punct:
        break;
      default: {
        if (wt !== Word.Number) {
          if (wt !== Word.Connector && wt !== Word.Punct) out += connector;
          break;
        }
        if (rest.length === 0) break;
        const numberWord = word;
        advance();
        // A number is part of the previous word ("Bld4Floor" → bld4_floor) unless letters follow it
        // ("HTTP2xx" → http_2xx).
        // (advance() reassigns wt; the casts stop TypeScript from keeping the earlier narrowing.)
        if ((wt as Word) !== Word.Alphabet) {
          out += lowerWord(Word.Number, numberWord, connector);
          if ((wt as Word) !== Word.Connector && (wt as Word) !== Word.Punct) out += connector;
          break;
        }
        out += connector + lowerWord(Word.Number, numberWord, connector);
        while ((wt as Word) === Word.Alphabet || wt === Word.Number) {
          out += lowerWord(wt, word, connector);
          advance();
        }
        if (wt !== Word.Invalid && wt !== Word.Connector && wt !== Word.Punct) out += connector;
      }
    }
  }
  return out + lowerWord(wt, word, connector);
}
