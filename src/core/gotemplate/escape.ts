/** The escaping builtins html, js and urlquery (text/template funcs.go), byte for byte as Go writes them. */
import { isPrint } from './strconv';

const HTML_ESCAPES: Record<string, string> = {
  '"': '&#34;',
  "'": '&#39;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\0': '\uFFFD',
};

/** template.HTMLEscapeString */
export function htmlEscape(s: string): string {
  return /["'&<>\0]/.test(s) ? s.replace(/["'&<>\0]/g, (c) => HTML_ESCAPES[c]) : s;
}

const JS_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '<': '\\u003C',
  '>': '\\u003E',
  '&': '\\u0026',
  '=': '\\u003D',
};

/** template.JSEscapeString: quotes, angle brackets, `&`, `=` and control characters escaped; non-printable runes as \uXXXX. */
export function jsEscape(s: string): string {
  if (!/[\\'"<>&=\x00-\x1f\u0080-\uffff]/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (JS_ESCAPES[ch] !== undefined) out += JS_ESCAPES[ch];
    else if (c < 0x20) out += '\\u00' + c.toString(16).toUpperCase().padStart(2, '0');
    else if (c < 0x80 || isPrint(ch)) out += ch;
    else out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

const utf8Encoder = new TextEncoder();

/** url.QueryEscape: unreserved characters kept, space as '+', every other UTF-8 byte as %XX. */
export function urlQueryEscape(s: string): string {
  let out = '';
  for (const byte of utf8Encoder.encode(s)) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
    else if (byte === 0x20) out += '+';
    else out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}
