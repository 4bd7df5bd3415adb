/**
 * Sprig's encoding and hashing functions: b64enc/b64dec, b32enc/b32dec (Go's strict StdEncoding: padding
 * required, CR/LF ignored, errors become the output text as in Sprig), sha1sum, sha256sum, sha512sum,
 * adler32sum. Strings are Go's bytes (gotemplate/bytes.ts), so binary data survives b64dec | b64enc.
 */
import { createHash } from 'node:crypto';
import { FuncMap, goFunc } from '../gotemplate/values';
import { goBytes, goStringFromBytes } from '../gotemplate/bytes';


const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * Go's padded base-N decoding (quantum of `quantum` chars carrying `bitsPerChar` bits each), returning
 * the bytes or the offset Go's CorruptInputError would report.
 */
function decodePadded(s: string, alphabet: string, quantum: number, bitsPerChar: number): Uint8Array | number {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  let inQuantum = 0;
  let quantumStart = 0;
  let padding = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\r' || ch === '\n') continue;
    if (inQuantum === 0) quantumStart = i;
    if (ch === '=') {
      // Padding may only complete a quantum that already holds at least two characters.
      if (inQuantum < 2) return i;
      padding = true;
      inQuantum++;
      if (inQuantum === quantum) inQuantum = 0;
      continue;
    }
    if (padding) return i;
    const v = alphabet.indexOf(ch);
    if (v < 0) return i;
    acc = (acc << bitsPerChar) | v;
    bits += bitsPerChar;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
      acc &= (1 << bits) - 1;
    }
    inQuantum = (inQuantum + 1) % quantum;
  }
  if (inQuantum !== 0) return quantumStart;
  return Uint8Array.from(out);
}

function base64Decode(s: string): string {
  const r = decodePadded(s, B64, 4, 6);
  return typeof r === 'number' ? `illegal base64 data at input byte ${r}` : goStringFromBytes(r);
}

function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += B32[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += B32[(acc << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += '=';
  return out;
}

function base32Decode(s: string): string {
  const r = decodePadded(s, B32, 8, 5);
  return typeof r === 'number' ? `illegal base32 data at input byte ${r}` : goStringFromBytes(r);
}

/** hash/adler32. */
export function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

const hash = (alg: string) => (s: unknown): string => createHash(alg).update(goBytes(s as string)).digest('hex');

export function encodingFunctions(): FuncMap {
  return {
    b64enc: goFunc('b64enc', ['string'], (s) => Buffer.from(goBytes(s as string)).toString('base64')),
    b64dec: goFunc('b64dec', ['string'], (s) => base64Decode(s as string)),
    b32enc: goFunc('b32enc', ['string'], (s) => base32Encode(goBytes(s as string))),
    b32dec: goFunc('b32dec', ['string'], (s) => base32Decode(s as string)),
    sha1sum: goFunc('sha1sum', ['string'], hash('sha1')),
    sha256sum: goFunc('sha256sum', ['string'], hash('sha256')),
    sha512sum: goFunc('sha512sum', ['string'], hash('sha512')),
    adler32sum: goFunc('adler32sum', ['string'], (s) => String(adler32(goBytes(s as string)))),
  };
}
