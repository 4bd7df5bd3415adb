/**
 * The crypto functions Sprig exposes, on node:crypto: derivePassword (Master Password algorithm,
 * deterministic), genPrivateKey (rsa/ecdsa/ed25519 PEM in Go's encodings), encryptAES/decryptAES
 * (AES-256-CBC, key = password zero-padded to 32 bytes, random IV prefixed, base64) and randBytes.
 * Certificate generation lives in certificates.ts.
 */
import { createCipheriv, createDecipheriv, createHmac, generateKeyPairSync, randomBytes, scryptSync } from 'node:crypto';
import { FuncMap, goFunc } from '../gotemplate/values';
import { certificateFunctions } from './certificates';

const TEMPLATES: Record<string, string[]> = {
  maximum: ['anoxxxxxxxxxxxxxxxxx', 'axxxxxxxxxxxxxxxxxno'],
  long: [
    'CvcvnoCvcvCvcv', 'CvcvCvcvnoCvcv', 'CvcvCvcvCvcvno', 'CvccnoCvcvCvcv', 'CvccCvcvnoCvcv', 'CvccCvcvCvcvno',
    'CvcvnoCvccCvcv', 'CvcvCvccnoCvcv', 'CvcvCvccCvcvno', 'CvcvnoCvcvCvcc', 'CvcvCvcvnoCvcc', 'CvcvCvcvCvccno',
    'CvccnoCvccCvcv', 'CvccCvccnoCvcv', 'CvccCvccCvcvno', 'CvcvnoCvccCvcc', 'CvcvCvccnoCvcc', 'CvcvCvccCvccno',
    'CvccnoCvcvCvcc', 'CvccCvcvnoCvcc', 'CvccCvcvCvccno',
  ],
  medium: ['CvcnoCvc', 'CvcCvcno'],
  short: ['Cvcn'],
  basic: ['aaanaaan', 'aannaaan', 'aaannaaa'],
  pin: ['nnnn'],
};

const TEMPLATE_CHARS: Record<string, string> = {
  V: 'AEIOU',
  C: 'BCDFGHJKLMNPQRSTVWXYZ',
  v: 'aeiou',
  c: 'bcdfghjklmnpqrstvwxyz',
  A: 'AEIOUBCDFGHJKLMNPQRSTVWXYZ',
  a: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz',
  n: '0123456789',
  o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()',
};

const SEED = 'com.lyndir.masterpassword';

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

/** Sprig's derivePassword (Master Password: scrypt N=32768 r=8 p=2, then HMAC-SHA256 seed → template). */
export function derivePassword(counter: number, passwordType: string, password: string, user: string, site: string): string {
  const templates = TEMPLATES[passwordType];
  if (!templates) return `cannot find password template ${passwordType}`;
  const userBytes = Buffer.from(user, 'utf8');
  const salt = Buffer.concat([Buffer.from(SEED), uint32(userBytes.length), userBytes]);
  const key = scryptSync(Buffer.from(password, 'utf8'), salt, 64, { N: 32768, r: 8, p: 2, maxmem: 64 * 1024 * 1024 });
  const siteBytes = Buffer.from(site, 'utf8');
  const message = Buffer.concat([Buffer.from(SEED), uint32(siteBytes.length), siteBytes, uint32(counter)]);
  const seed = createHmac('sha256', key).update(message).digest();
  const template = templates[seed[0] % templates.length];
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const chars = TEMPLATE_CHARS[template[i]];
    out += chars[seed[i + 1] % chars.length];
  }
  return out;
}

/** genPrivateKey: PEM in the encodings Go's x509 uses (PKCS#1 RSA, SEC1 EC, PKCS#8 Ed25519). */
export function generatePrivateKeyPEM(type: string): string {
  switch (type) {
    case '':
    case 'rsa':
      return generateKeyPairSync('rsa', { modulusLength: 4096 }).privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    case 'ecdsa':
      return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'sec1', format: 'pem' }) as string;
    case 'ed25519':
      return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    case 'dsa':
      throw new Error('genPrivateKey: dsa keys are not supported by Shipshape (use rsa, ecdsa or ed25519)');
  }
  return `Unknown type ${type}`;
}

function aesKey(password: string): Buffer {
  const key = Buffer.alloc(32);
  Buffer.from(password, 'utf8').copy(key, 0, 0, 32);
  return key;
}

export function encryptAES(password: string, plaintext: string): string {
  if (plaintext === '') return '';
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', aesKey(password), iv);
  return Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

export function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === '') return '';
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(crypt64.replace(/[\r\n]/g, '')) || crypt64.replace(/[\r\n]/g, '').length % 4 !== 0) {
    throw new Error('illegal base64 data at input byte 0');
  }
  const crypt = Buffer.from(crypt64, 'base64');
  if (crypt.length < 16) throw new Error(`runtime error: slice bounds out of range [:16] with capacity ${crypt.length}`);
  const body = crypt.subarray(16);
  if (body.length % 16 !== 0) throw new Error('crypto/cipher: input not full blocks');
  if (body.length === 0) throw new Error('runtime error: index out of range [-1]');
  const decipher = createDecipheriv('aes-256-cbc', aesKey(password), crypt.subarray(0, 16));
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(body), decipher.final()]);
  // Sprig strips the padding length given by the last byte without checking it.
  const pad = plain[plain.length - 1];
  if (pad > plain.length) throw new Error(`runtime error: slice bounds out of range [:${plain.length - pad}]`);
  return plain.subarray(0, plain.length - pad).toString('utf8');
}

export function cryptoFunctions(): FuncMap {
  return {
    derivePassword: goFunc('derivePassword', ['int', 'string', 'string', 'string', 'string'], (c, t, p, u, s) =>
      derivePassword(Number(BigInt.asUintN(32, c as bigint)), t as string, p as string, u as string, s as string)),
    genPrivateKey: goFunc('genPrivateKey', ['string'], (t) => generatePrivateKeyPEM(t as string)),
    encryptAES: goFunc('encryptAES', ['string', 'string'], (p, t) => encryptAES(p as string, t as string)),
    decryptAES: goFunc('decryptAES', ['string', 'string'], (p, t) => decryptAES(p as string, t as string)),
    randBytes: goFunc('randBytes', ['int'], (n) => {
      const count = Number(n as bigint);
      if (count < 0) throw new Error('runtime error: makeslice: len out of range');
      if (count > 64 * 1024 * 1024) throw new Error(`randBytes: ${count} bytes is too many`);
      return randomBytes(count).toString('base64');
    }),
    ...certificateFunctions(),
  };
}
