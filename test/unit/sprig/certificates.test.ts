/**
 * Generated certificates are real X.509: they parse, chain to their CA, and carry what Sprig's Go
 * template asks for (CN, SANs, CA flag, server+client EKU, validity in days).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { Certificate } from '../../../src/core/sprig/certificates';
import { bcryptWithSalt } from '../../../src/core/sprig/bcrypt';
import { call } from './helpers';

test('genCA + genSignedCert form a verifiable chain with the requested SANs', () => {
  const ca = call('genCA', 'my-ca', 365n) as Certificate;
  const caCert = new X509Certificate(ca.Cert);
  assert.equal(caCert.subject, 'CN=my-ca');
  assert.equal(caCert.ca, true);
  assert.ok(caCert.verify(caCert.publicKey));
  const days = (Date.parse(caCert.validTo) - Date.parse(caCert.validFrom)) / 86400000;
  assert.equal(days, 365);
  assert.match(ca.Key, /^-----BEGIN RSA PRIVATE KEY-----/);

  const leaf = call('genSignedCert', 'svc.ns', ['10.0.0.1', '::1'], ['svc', 'svc.ns.svc'], 30n, ca) as Certificate;
  const leafCert = new X509Certificate(leaf.Cert);
  assert.equal(leafCert.ca, false);
  assert.equal(leafCert.issuer, 'CN=my-ca');
  assert.ok(leafCert.checkIssued(caCert));
  assert.ok(leafCert.verify(caCert.publicKey));
  assert.equal(leafCert.subjectAltName, 'DNS:svc, DNS:svc.ns.svc, IP Address:10.0.0.1, IP Address:0:0:0:0:0:0:0:1');
  assert.deepEqual(leafCert.keyUsage, ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
});

test('*WithKey variants use the given key (ecdsa, ed25519) and buildCustomCert round-trips', () => {
  const ecKey = call('genPrivateKey', 'ecdsa') as string;
  assert.match(ecKey, /^-----BEGIN EC PRIVATE KEY-----/);
  const ec = call('genSelfSignedCertWithKey', 'e', [], ['e.example'], 1n, ecKey) as Certificate;
  const ecCert = new X509Certificate(ec.Cert);
  assert.ok(ecCert.verify(ecCert.publicKey));
  assert.equal(ec.Key, ecKey);
  const ed = call('genCAWithKey', 'ed', 1n, call('genPrivateKey', 'ed25519')) as Certificate;
  assert.ok(new X509Certificate(ed.Cert).verify(new X509Certificate(ed.Cert).publicKey));
  const custom = call('buildCustomCert', Buffer.from(ec.Cert).toString('base64'), Buffer.from(ec.Key).toString('base64')) as Certificate;
  assert.equal(custom.Cert, ec.Cert);
});

test('bad inputs give Sprig\'s errors', () => {
  assert.throws(() => call('genSelfSignedCert', 'x', ['not-an-ip'], [], 1n), /error parsing ip: not-an-ip/);
  assert.throws(() => call('genSelfSignedCert', 'x', [], [1n], 1n), /error processing alternate dns name: 1 is not a string/);
  assert.throws(() => call('genCAWithKey', 'x', 1n, 'garbage'), /parse private key: no PEM data in input/);
  assert.throws(() => call('buildCustomCert', '!!', 'AAAA'), /unable to decode base64 certificate/);
  assert.throws(() => call('genSignedCert', 'x', [], [], 1n, 'not a cert'), /sprig.certificate/);
  assert.equal(call('genPrivateKey', 'foo'), 'Unknown type foo');
  assert.equal(call('htpasswd', 'a:b', 'pw'), 'invalid username: a:b');
});

test('bcrypt matches the OpenBSD/jBCrypt reference vectors; htpasswd formats user:hash', () => {
  const vectors: [string, string][] = [
    ['', '$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.'],
    ['abc', '$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i'],
    ['~!@#$%^&*()      ~!@#$%^&*()PNBFRD', '$2a$06$fPIsBO8qRqkjj273rfaOI.HtSV9jLDpTbZn782DC6/t7qT67P6FfO'],
  ];
  for (const [pw, hash] of vectors) assert.equal(bcryptWithSalt(pw, hash), hash);
  const hashed = call('bcrypt', 'secret') as string;
  assert.match(hashed, /^\$2a\$10\$[./A-Za-z0-9]{53}$/);
  assert.equal(bcryptWithSalt('secret', hashed), hashed);
  assert.match(call('htpasswd', 'admin', 'pw') as string, /^admin:\$2a\$10\$/);
  assert.equal(call('bcrypt', 'x'.repeat(73)), 'failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes');
});
