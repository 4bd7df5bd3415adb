/**
 * Name order without `localeCompare`: its first call builds ICU's collator, ~18 ms of a short CLI run.
 * For ASCII this is the default collation's order (measured from `localeCompare` itself): punctuation
 * in ICU's order, then digits, then letters ignoring case; on a tie, lowercase first. Other characters
 * sort after ASCII by code point (ICU would put `é` with `e`; names like that are rare here).
 */
const ORDER = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";
const PRIMARY = new Uint16Array(128);
for (let code = 0; code < 128; code++) {
  const at = ORDER.indexOf(String.fromCharCode(code).toLowerCase());
  PRIMARY[code] = at < 0 ? 0 : at + 1; // control characters: ignored by ICU, first here
}
const primary = (code: number) => (code < 128 ? PRIMARY[code] : 128 + code);
const isUpper = (code: number) => code >= 65 && code <= 90;

export function compareNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = primary(a.charCodeAt(i)) - primary(b.charCodeAt(i));
    if (d !== 0) return d;
  }
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return isUpper(x) ? 1 : isUpper(y) ? -1 : x - y;
  }
  return 0;
}
