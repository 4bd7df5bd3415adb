/**
 * bcrypt ($2a$, as golang.org/x/crypto/bcrypt writes it) for Sprig's bcrypt and htpasswd. node:crypto
 * has no Blowfish, so this is the eksblowfish algorithm in plain TypeScript. Blowfish's initial
 * tables are the hexadecimal digits of π; rather than embed 4 KiB of constants they are computed
 * once (Machin's formula with BigInt, a few milliseconds) and checked against Blowfish's known
 * first words.
 */
import { randomBytes } from 'node:crypto';

const WORDS = 18 + 4 * 256;

let tables: Uint32Array | undefined;

/** The first WORDS 32-bit words of π's fractional part: Blowfish's P-array then S-boxes. */
function piWords(): Uint32Array {
  if (tables) return tables;
  const bits = BigInt(WORDS * 32 + 64);
  const one = 1n << bits;
  const atanInv = (x: bigint): bigint => {
    const x2 = x * x;
    let term = one / x;
    let sum = term;
    for (let k = 1n; term !== 0n; k++) {
      term /= x2;
      sum += (k % 2n === 0n ? 1n : -1n) * (term / (2n * k + 1n));
    }
    return sum;
  };
  const pi = 16n * atanInv(5n) - 4n * atanInv(239n);
  // Drop the integer part (3) and the guard bits.
  let frac = (pi - 3n * one) >> 64n;
  const out = new Uint32Array(WORDS);
  for (let i = WORDS - 1; i >= 0; i--) {
    out[i] = Number(frac & 0xffffffffn);
    frac >>= 32n;
  }
  if (out[0] !== 0x243f6a88 || out[18] !== 0xd1310ba6 || out[WORDS - 1] !== 0x3ac372e6) {
    throw new Error('bcrypt: Blowfish table computation failed');
  }
  tables = out;
  return out;
}

class Blowfish {
  readonly p: Uint32Array;
  readonly s: Uint32Array;

  constructor() {
    const init = piWords();
    this.p = init.slice(0, 18);
    this.s = init.slice(18);
  }

  private f(x: number): number {
    const s = this.s;
    return ((((s[x >>> 24] + s[256 + ((x >>> 16) & 0xff)]) | 0) ^ s[512 + ((x >>> 8) & 0xff)]) + s[768 + (x & 0xff)]) | 0;
  }

  encrypt(lr: Uint32Array, off: number): void {
    let l = lr[off];
    let r = lr[off + 1];
    const p = this.p;
    l ^= p[0];
    for (let i = 1; i <= 16; i += 2) {
      r ^= this.f(l) ^ p[i];
      l ^= this.f(r) ^ p[i + 1];
    }
    lr[off] = r ^ p[17];
    lr[off + 1] = l;
  }

  /** Blowfish key schedule mixing in `key` and (for eksblowfish's salted expansion) `salt`. */
  expand(key: Uint8Array, salt?: Uint8Array): void {
    let kpos = 0;
    const keyWord = (): number => {
      let w = 0;
      for (let i = 0; i < 4; i++) {
        w = (w << 8) | key[kpos];
        kpos = (kpos + 1) % key.length;
      }
      return w;
    };
    for (let i = 0; i < 18; i++) this.p[i] ^= keyWord();
    let spos = 0;
    const saltWord = (): number => {
      if (!salt) return 0;
      let w = 0;
      for (let i = 0; i < 4; i++) {
        w = (w << 8) | salt[spos];
        spos = (spos + 1) % salt.length;
      }
      return w;
    };
    const lr = new Uint32Array(2);
    for (let i = 0; i < 18; i += 2) {
      lr[0] ^= saltWord();
      lr[1] ^= saltWord();
      this.encrypt(lr, 0);
      this.p[i] = lr[0];
      this.p[i + 1] = lr[1];
    }
    for (let i = 0; i < 1024; i += 2) {
      lr[0] ^= saltWord();
      lr[1] ^= saltWord();
      this.encrypt(lr, 0);
      this.s[i] = lr[0];
      this.s[i + 1] = lr[1];
    }
  }
}

const ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** bcrypt's own base64 (different alphabet, no padding). */
function encode64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i];
    const b1 = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const b2 = i + 2 < bytes.length ? bytes[i + 2] : 0;
    out += ALPHABET[b0 >> 2] + ALPHABET[((b0 & 3) << 4) | (b1 >> 4)];
    if (i + 1 < bytes.length) out += ALPHABET[((b1 & 15) << 2) | (b2 >> 6)];
    if (i + 2 < bytes.length) out += ALPHABET[b2 & 63];
  }
  return out;
}

function decode64(s: string, n: number): Uint8Array {
  const vals = [...s].map((c) => {
    const v = ALPHABET.indexOf(c);
    if (v < 0) throw new Error(`bcrypt: invalid salt character ${JSON.stringify(c)}`);
    return v;
  });
  const out: number[] = [];
  for (let i = 0; i < vals.length && out.length < n; i += 4) {
    const [a, b, c = 0, d = 0] = vals.slice(i, i + 4);
    out.push(((a << 2) | (b >> 4)) & 0xff);
    if (out.length < n) out.push(((b << 4) | (c >> 2)) & 0xff);
    if (out.length < n) out.push(((c << 6) | d) & 0xff);
  }
  return Uint8Array.from(out);
}

/** bcrypt hash of password with a 16-byte salt and cost (log2 rounds), as "$2a$<cost>$<salt><hash>". */
export function bcryptHash(password: string, cost = 10, salt: Uint8Array = randomBytes(16)): string {
  const pw = Buffer.from(password, 'utf8');
  if (pw.length > 72) throw new Error('bcrypt: password length exceeds 72 bytes');
  if (cost < 4 || cost > 31) throw new Error(`crypto/bcrypt: cost ${cost} is outside allowed range (4,31)`);
  // C bcrypt (and Go, for compatibility) include the terminating NUL in the key.
  const key = Buffer.concat([pw, Buffer.from([0])]);
  const bf = new Blowfish();
  bf.expand(key, salt);
  for (let i = 2 ** cost; i > 0; i--) {
    bf.expand(key);
    bf.expand(salt);
  }
  const magic = Buffer.from('OrpheanBeholderScryDoubt');
  const cdata = new Uint32Array(6);
  for (let i = 0; i < 6; i++) cdata[i] = magic.readUInt32BE(i * 4);
  for (let i = 0; i < 64; i++) for (let j = 0; j < 6; j += 2) bf.encrypt(cdata, j);
  const out = Buffer.alloc(24);
  for (let i = 0; i < 6; i++) out.writeUInt32BE(cdata[i], i * 4);
  return `$2a$${String(cost).padStart(2, '0')}$${encode64(salt)}${encode64(out.subarray(0, 23))}`;
}

/** Hashes password with the salt and cost taken from an existing "$2a$NN$<22 salt chars>..." string. */
export function bcryptWithSalt(password: string, setting: string): string {
  const m = /^\$2[aby]?\$(\d\d)\$([./A-Za-z0-9]{22})/.exec(setting);
  if (!m) throw new Error('bcrypt: invalid salt setting');
  return bcryptHash(password, Number(m[1]), decode64(m[2], 16));
}
