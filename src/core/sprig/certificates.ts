/**
 * Sprig's certificate functions (genCA, genSelfSignedCert, genSignedCert and their *WithKey forms,
 * buildCustomCert) producing the same X.509 v3 shape Go's x509.CreateCertificate does for Sprig's
 * template: CN-only subject, key usage, server+client EKU, basic constraints, SKID for CAs, AKID when
 * signed by a CA, DNS/IP SANs. node:crypto has no certificate builder, hence the small DER writer.
 * Also bcrypt and htpasswd (Sprig keeps them beside the certificate helpers in crypto.go).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, randomBytes, sign, X509Certificate } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { FuncMap, GoStruct, GoValue, goFunc } from '../gotemplate/values';
import { bcryptHash } from './bcrypt';

/** Sprig's `certificate` struct: templates read .Cert and .Key. */
export class Certificate extends GoStruct {
  readonly goTypeName = 'sprig.certificate';
  constructor(public Cert: string, public Key: string) {
    super();
    Object.defineProperty(this, 'goTypeName', { enumerable: false });
  }
}

// ---- DER writer -----------------------------------------------------------------------------

function tlv(tag: number, body: Buffer): Buffer {
  const n = body.length;
  let len: Buffer;
  if (n < 0x80) len = Buffer.from([n]);
  else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
    len = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), len, body]);
}

const seq = (...parts: Buffer[]): Buffer => tlv(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]): Buffer => tlv(0x31, Buffer.concat(parts));
const explicit = (n: number, inner: Buffer): Buffer => tlv(0xa0 + n, inner);
const octets = (b: Buffer): Buffer => tlv(0x04, b);
const bitString = (b: Buffer, unused = 0): Buffer => tlv(0x03, Buffer.concat([Buffer.from([unused]), b]));
const TRUE = tlv(0x01, Buffer.from([0xff]));

function integer(bytes: Buffer): Buffer {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  let b = bytes.subarray(i);
  if (b[0] & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(0x02, b);
}

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out = [parts[0] * 40 + parts[1]];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [];
    let v = p;
    do {
      chunk.unshift((v & 0x7f) | (chunk.length ? 0x80 : 0));
      v = Math.floor(v / 128);
    } while (v > 0);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  const year = d.getUTCFullYear();
  // Go: UTCTime for 1950-2049, GeneralizedTime otherwise.
  return year >= 1950 && year < 2050 ? tlv(0x17, Buffer.from(iso.slice(2))) : tlv(0x18, Buffer.from(iso));
}

function name(cn: string): Buffer {
  if (cn === '') return seq();
  const printable = /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(cn);
  return seq(set(seq(oid('2.5.4.3'), tlv(printable ? 0x13 : 0x0c, Buffer.from(cn, 'utf8')))));
}

// ---- DER reader (enough to take a parent certificate apart) -----------------------------------

interface Node {
  tag: number;
  start: number; // of the whole TLV
  end: number;
  body: Buffer;
}

function readTLV(buf: Buffer, pos: number): Node {
  const tag = buf[pos];
  let len = buf[pos + 1];
  let hdr = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[pos + 2 + i];
    hdr += n;
  }
  if (pos + hdr + len > buf.length) throw new Error('x509: malformed certificate');
  return { tag, start: pos, end: pos + hdr + len, body: buf.subarray(pos + hdr, pos + hdr + len) };
}

function children(body: Buffer): Node[] {
  const out: Node[] = [];
  for (let pos = 0; pos < body.length; ) {
    const n = readTLV(body, pos);
    out.push(n);
    pos = n.end;
  }
  return out;
}

interface ParsedCert {
  subject: Buffer;
  subjectKeyId?: Buffer;
}

function parseCertificateDER(der: Buffer): ParsedCert {
  const tbs = children(readTLV(der, 0).body)[0];
  const fields = children(tbs.body);
  const offset = fields[0].tag === 0xa0 ? 1 : 0;
  const subject = fields[offset + 4];
  let subjectKeyId: Buffer | undefined;
  const exts = fields.find((f) => f.tag === 0xa3);
  if (exts) {
    for (const ext of children(children(exts.body)[0].body)) {
      const parts = children(ext.body);
      if (parts[0].body.equals(oid('2.5.29.14').subarray(2))) {
        subjectKeyId = readTLV(parts[parts.length - 1].body, 0).body;
      }
    }
  }
  return { subject: Buffer.from(tbs.body.subarray(subject.start, subject.end)), subjectKeyId };
}

// ---- certificate assembly ---------------------------------------------------------------------

function signatureAlgorithm(key: KeyObject): Buffer {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return seq(oid('1.2.840.113549.1.1.11'), tlv(0x05, Buffer.alloc(0)));
    case 'ec':
      return seq(oid('1.2.840.10045.4.3.2'));
    case 'ed25519':
      return seq(oid('1.3.101.112'));
  }
  throw new Error(`x509: unsupported key type ${key.asymmetricKeyType}`);
}

function keyUsage(bits: number): Buffer {
  // Go reverses the bits into a BIT STRING whose length ends at the last set bit.
  let byte = 0;
  let last = 0;
  for (let i = 0; i < 8; i++) {
    if (bits & (1 << i)) {
      byte |= 0x80 >> i;
      last = i;
    }
  }
  return bitString(Buffer.from([byte]), 7 - last);
}

function ipBytes(ip: string): Buffer {
  if (isIPv4(ip)) return Buffer.from(ip.split('.').map(Number));
  const [head, tail = ''] = ip.split('::');
  const groups = (s: string): string[] => (s ? s.split(':') : []);
  let h = groups(head);
  let t = groups(tail);
  // An embedded IPv4 tail ("::ffff:1.2.3.4") is two groups.
  const fix = (g: string[]): string[] => g.flatMap((x) => (x.includes('.') ? [((+x.split('.')[0] << 8) | +x.split('.')[1]).toString(16), ((+x.split('.')[2] << 8) | +x.split('.')[3]).toString(16)] : [x]));
  h = fix(h);
  t = fix(t);
  const all = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  const out = Buffer.alloc(16);
  all.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  // Go writes IPv4-mapped addresses as 4 bytes.
  if (out.subarray(0, 10).every((b) => b === 0) && out[10] === 0xff && out[11] === 0xff) return out.subarray(12);
  return out;
}

function stringList(v: GoValue, what: (x: GoValue) => string): string[] {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) throw new Error(`wrong type for value; expected []interface {}`);
  return v.map((x) => {
    if (typeof x !== 'string') throw new Error(what(x));
    return x;
  });
}

interface Template {
  cn: string;
  ips: string[];
  dns: string[];
  daysValid: number;
  isCA: boolean;
}

function buildCertificate(t: Template, subjectKey: KeyObject, parent: ParsedCert | undefined, signingKey: KeyObject): Certificate {
  const publicKey = createPublicKey(subjectKey);
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const subject = name(t.cn);
  const issuer = parent ? parent.subject : subject;
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const notAfter = new Date(now.getTime() + t.daysValid * 86400000);
  const extensions: Buffer[] = [];
  const ext = (id: string, value: Buffer, critical = false): void => {
    extensions.push(seq(oid(id), ...(critical ? [TRUE] : []), octets(value)));
  };
  ext('2.5.29.15', keyUsage(t.isCA ? 1 | 4 | 32 : 1 | 4), true);
  ext('2.5.29.37', seq(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2')));
  ext('2.5.29.19', t.isCA ? seq(TRUE) : seq(), true);
  let skid: Buffer | undefined;
  if (t.isCA) {
    // Go derives the key identifier from the SHA-1 of the public key's BIT STRING contents.
    const spkiParts = children(readTLV(spki, 0).body);
    skid = createHash('sha1').update(spkiParts[1].body.subarray(1)).digest();
    ext('2.5.29.14', octets(skid));
  }
  if (parent?.subjectKeyId && !parent.subject.equals(subject)) ext('2.5.29.35', seq(tlv(0x80, parent.subjectKeyId)));
  if (t.dns.length || t.ips.length) {
    ext('2.5.29.17', seq(...t.dns.map((d) => tlv(0x82, Buffer.from(d))), ...t.ips.map((ip) => tlv(0x87, ipBytes(ip)))));
  }
  const serial = randomBytes(16);
  const algorithm = signatureAlgorithm(signingKey);
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    algorithm,
    issuer,
    seq(time(now), time(notAfter)),
    subject,
    spki,
    explicit(3, seq(...extensions)),
  );
  const signature = sign(signingKey.asymmetricKeyType === 'ed25519' ? null : 'sha256', tbs, signingKey);
  const der = seq(tbs, algorithm, bitString(signature));
  const pem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END CERTIFICATE-----\n`;
  return new Certificate(pem, privateKeyPEM(subjectKey));
}

function privateKeyPEM(key: KeyObject): string {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return key.export({ type: 'pkcs1', format: 'pem' }) as string;
    case 'ec':
      return key.export({ type: 'sec1', format: 'pem' }) as string;
    default:
      return key.export({ type: 'pkcs8', format: 'pem' }) as string;
  }
}

/** Sprig's parsePrivateKeyPEM, with its error wording. */
function parsePrivateKey(pem: string): KeyObject {
  const m = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem);
  if (!m) throw new Error('no PEM data in input');
  const type = m[1];
  if (type !== 'PRIVATE KEY' && !type.endsWith(' PRIVATE KEY')) throw new Error(`no private key data in PEM block of type ${type}`);
  try {
    return createPrivateKey(pem);
  } catch (e) {
    throw new Error(`decoding PEM as ${type}: ${(e as Error).message}`);
  }
}

const rsaKey = (): KeyObject => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

function template(cn: GoValue, ips: GoValue, dns: GoValue, days: GoValue, isCA: boolean): Template {
  const ipList = stringList(ips, (x) => `error parsing ip: ${String(x)} is not a string`);
  for (const ip of ipList) if (!isIPv4(ip) && !isIPv6(ip)) throw new Error(`error parsing ip: ${ip}`);
  const dnsList = stringList(dns, (x) => `error processing alternate dns name: ${String(x)} is not a string`);
  return { cn: cn as string, ips: ipList, dns: dnsList, daysValid: Number(days as bigint), isCA };
}

function signerOf(ca: GoValue): [ParsedCert, KeyObject] {
  if (!(ca instanceof Certificate)) throw new Error('wrong type for value; expected sprig.certificate');
  const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(ca.Cert);
  if (!m) throw new Error('unable to decode certificate');
  let parsed: ParsedCert;
  try {
    parsed = parseCertificateDER(Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
  } catch (e) {
    throw new Error(`error parsing certificate: decodedSignerCert.Bytes: ${(e as Error).message}`);
  }
  let key: KeyObject;
  try {
    key = parsePrivateKey(ca.Key);
  } catch (e) {
    throw new Error(`error parsing private key: ${(e as Error).message}`);
  }
  return [parsed, key];
}

function withKey(pem: GoValue): KeyObject {
  try {
    return parsePrivateKey(pem as string);
  } catch (e) {
    throw new Error(`parse private key: ${(e as Error).message}`);
  }
}

function buildCustomCert(b64cert: string, b64key: string): Certificate {
  const valid64 = (s: string): boolean => /^[A-Za-z0-9+/]*={0,2}$/.test(s.replace(/[\r\n]/g, '')) && s.replace(/[\r\n]/g, '').length % 4 === 0;
  if (!valid64(b64cert)) throw new Error('unable to decode base64 certificate');
  if (!valid64(b64key)) throw new Error('unable to decode base64 private key');
  const cert = Buffer.from(b64cert, 'base64').toString('utf8');
  const key = Buffer.from(b64key, 'base64').toString('utf8');
  if (!/-----BEGIN [A-Z0-9 ]+-----/.test(cert)) throw new Error('unable to decode certificate');
  try {
    new X509Certificate(cert);
  } catch (e) {
    throw new Error(`error parsing certificate: decodedCert.Bytes: ${(e as Error).message}`);
  }
  try {
    parsePrivateKey(key);
  } catch (e) {
    throw new Error(`error parsing private key: ${(e as Error).message}`);
  }
  return new Certificate(cert, key);
}

/** Sprig's bcrypt: cost 10; an error becomes the output text. */
function bcrypt(input: string): string {
  try {
    return bcryptHash(input, 10);
  } catch (e) {
    return `failed to encrypt string with bcrypt: ${(e as Error).message}`;
  }
}

export function certificateFunctions(): FuncMap {
  return {
    genCA: goFunc('genCA', ['string', 'int'], (cn, days) => {
      const key = rsaKey();
      return buildCertificate(template(cn, null, null, days, true), key, undefined, key);
    }),
    genCAWithKey: goFunc('genCAWithKey', ['string', 'int', 'string'], (cn, days, pem) => {
      const key = withKey(pem);
      return buildCertificate(template(cn, null, null, days, true), key, undefined, key);
    }),
    genSelfSignedCert: goFunc('genSelfSignedCert', ['string', 'slice', 'slice', 'int'], (cn, ips, dns, days) => {
      const key = rsaKey();
      return buildCertificate(template(cn, ips, dns, days, false), key, undefined, key);
    }),
    genSelfSignedCertWithKey: goFunc('genSelfSignedCertWithKey', ['string', 'slice', 'slice', 'int', 'string'], (cn, ips, dns, days, pem) => {
      const key = withKey(pem);
      return buildCertificate(template(cn, ips, dns, days, false), key, undefined, key);
    }),
    genSignedCert: goFunc('genSignedCert', ['string', 'slice', 'slice', 'int', 'any'], (cn, ips, dns, days, ca) => {
      const t = template(cn, ips, dns, days, false);
      const [parent, signer] = signerOf(ca);
      return buildCertificate(t, rsaKey(), parent, signer);
    }),
    genSignedCertWithKey: goFunc('genSignedCertWithKey', ['string', 'slice', 'slice', 'int', 'any', 'string'], (cn, ips, dns, days, ca, pem) => {
      const t = template(cn, ips, dns, days, false);
      const [parent, signer] = signerOf(ca);
      return buildCertificate(t, withKey(pem), parent, signer);
    }),
    buildCustomCert: goFunc('buildCustomCert', ['string', 'string'], (c, k) => buildCustomCert(c as string, k as string)),
    bcrypt: goFunc('bcrypt', ['string'], (s) => bcrypt(s as string)),
    htpasswd: goFunc('htpasswd', ['string', 'string'], (user, password) => {
      if ((user as string).includes(':')) return `invalid username: ${user as string}`;
      return `${user as string}:${bcrypt(password as string)}`;
    }),
  };
}
