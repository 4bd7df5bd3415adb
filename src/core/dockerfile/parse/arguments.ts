/**
 * An instruction's arguments and flags, split exactly as dockerfile-ast splits them
 * (`Instruction.getRawArguments`, `ModifiableInstruction.getFlags`), but on document offsets.
 * dockerfile-ast recomputes the split on every accessor call and turns every offset into a
 * line/character position; doing it once, on offsets, halves the cost of building the model.
 * test/unit/dockerfile/arguments.test.ts checks both agree on every instruction of the corpus.
 */
import type { FlagToken, Token } from '../model/types';

const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';

/** Arguments of the text between `from` (after the keyword) and `to` (the instruction's end). */
export function splitArguments(text: string, from: number, to: number, escapeChar: string): Token[] {
  const args: Token[] = [];
  let start = false;
  let comment = false;
  let found = -1;
  // Whitespace seen after an escaped newline (continuation-line indentation).
  let escapedWhitespaceDetected = false;
  // Inside an escaped newline sequence.
  let escaping = false;
  let escapeMarker = -1;
  let value = '';
  const push = (end: number) => {
    args.push({ value, start: found, end });
    escapeMarker = -1;
    value = '';
    found = -1;
  };
  for (let i = from; i < to; i++) {
    const char = text[i];
    if (isWhitespace(char)) {
      if (escaping) {
        escapedWhitespaceDetected = true;
        if (char === '\n' || char === '\r') {
          escapedWhitespaceDetected = false;
          if (comment) {
            comment = false;
            start = true;
          }
        }
        continue;
      }
      if (found !== -1) push(escapeMarker === -1 ? i : escapeMarker);
    } else if (char === escapeChar) {
      const next = i + 1 < to ? text[i + 1] : '';
      if (next === ' ' || next === '\t') {
        for (let j = i + 2; j < to; j++) {
          const c = text[j];
          if (c === ' ' || c === '\t') continue;
          if (c === '\r' || c === '\n') {
            comment = false;
            escaping = true;
            start = true;
            if (found !== -1) escapeMarker = i;
            i = c === '\r' ? j + 1 : j;
          } else {
            escapeMarker = i;
            if (found === -1) i = j - 1;
          }
          break;
        }
      } else if (next === '\r' || next === '\n') {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i += next === '\r' ? 2 : 1;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          args.push({ value, start: found, end: escapeMarker });
          value = '';
          found = -1;
        }
        escapeMarker = -1;
        escapedWhitespaceDetected = false;
        escaping = false;
        if (next === '') break;
        value += next === '$' ? char + next : next;
        if (found === -1) found = i;
        i++;
      }
    } else if (!comment) {
      if (start && char === '#') comment = true;
      else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          args.push({ value, start: found, end: escapeMarker });
          value = '';
          found = -1;
        }
        escapedWhitespaceDetected = false;
        escaping = false;
        escapeMarker = -1;
        value += char;
        if (found === -1) found = i;
      }
      start = false;
    }
  }
  if (found !== -1) push(escapeMarker === -1 ? to : escapeMarker);
  return args;
}

/** Where each instruction stops looking for `--flags` (dockerfile-ast's stopSearchingForFlags). */
function stopsFlags(keyword: string, value: string): boolean {
  switch (keyword) {
    case 'FROM':
    case 'RUN':
    case 'COPY':
    case 'ADD':
      return !value.includes('--');
    case 'HEALTHCHECK': {
      const upper = value.toUpperCase();
      return upper === 'CMD' || upper === 'NONE';
    }
    default:
      return true;
  }
}

/** Splits the leading `--flags` off an instruction's arguments, as ModifiableInstruction does. */
export function extractFlags(keyword: string, args: Token[], text: string): { flags: FlagToken[]; rest: Token[] } {
  const flags: FlagToken[] = [];
  for (const arg of args) {
    const value = arg.value;
    if (stopsFlags(keyword, value)) break;
    if (!value.startsWith('--')) continue;
    const raw = text.slice(arg.start, arg.end);
    const nameIndex = value.indexOf('=');
    const index = raw.indexOf('=');
    const nameStart = arg.start + flagNameOffset(raw);
    if (index === -1) {
      flags.push({ name: value.slice(2), start: arg.start, end: arg.end, nameStart });
    } else if (index === value.length - 1) {
      flags.push({ name: value.slice(2, index), value: '', start: arg.start, end: arg.end, nameStart, valueStart: arg.end });
    } else {
      flags.push({ name: value.slice(2, nameIndex), value: value.slice(nameIndex + 1), start: arg.start, end: arg.end, nameStart, valueStart: arg.start + index + 1 });
    }
  }
  return { flags, rest: args.slice(flags.length) };
}

/** Offset of a flag's name inside its raw text: past the `--` (and escapes or line breaks between). */
function flagNameOffset(raw: string): number {
  let dashes = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\' || isWhitespace(c)) continue;
    if (c === '-' && dashes < 2) {
      dashes++;
      continue;
    }
    return i;
  }
  return -1;
}

/**
 * A word of COPY/ADD/WORKDIR as BuildKit's word expansion leaves it: line continuations dropped,
 * quotes removed (`'...'` literal; in `"..."` the escape character escapes only `"`, `$`, itself and
 * the backtick), the escape character escaping the next character outside quotes. A Windows path
 * closing on `\"` (`"C:\"`) keeps its backslash: that is what its author means, and the word would
 * otherwise never end. Variables are left as written.
 */
export function dockerWord(raw: string, escapeChar: string): string {
  const text = raw.includes('\n') ? raw.replace(new RegExp(`${escapeChar === '\\' ? '\\\\' : '`'}[ \\t]*\\r?\\n[ \\t]*`, 'g'), '') : raw;
  if (!/["'\\`]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end === -1) return out + text.slice(i + 1);
      out += text.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) {
        const next = text[i + 1];
        if (text[i] === escapeChar && next !== undefined && (next === '"' || next === '$' || next === escapeChar || next === '`')) {
          if (next === '"' && i + 2 === text.length) {
            out += text[i];
            continue;
          }
          i++;
        }
        out += text[i];
      }
    } else if (c === escapeChar && i + 1 < text.length) {
      out += text[++i];
    } else out += c;
  }
  return out;
}
