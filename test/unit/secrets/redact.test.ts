/** What counts as a secret (names that hold one, names that only point at one, places, shapes) and how text is hidden. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignedSecrets, HIDDEN, holdsSecret, holdsSecretName, looksLikeSecretValue, redactFindings, redactText, secretsOfYamlFile, secretValuesOf } from '../../../src/core/secrets/redact';
import { parseYamlFile } from '../../../src/core/yaml/parse';

const names: [string, boolean][] = [
  ['password', true],
  ['DB_PASSWORD', true],
  ['rootPassword', true],
  ['apiKey', true],
  ['api_key', true],
  ['API_TOKEN', true],
  ['token', true],
  ['auth', true],
  ['privateKey', true],
  ['credentials', true],
  ['clientSecret', true],
  ['AWS_SECRET_ACCESS_KEY', true],
  ['AWS_ACCESS_KEY_ID', true],
  ['passphrase', true],
  ['sshKey', true],
  ['secretKey', true],
  ['tls.key', true],
  ['clientSecret', true],
  ['basicAuthUsers', true],
  // Names that point at a secret, locate it or configure it: they hold none.
  ['secretName', false],
  ['secretRef', false],
  ['passwordSecretRef', false],
  ['existingSecret', false],
  ['existingSecretPasswordKey', false],
  ['tokenPath', false],
  ['DB_PASSWORD_FILE', false],
  ['secretKeyRef', false],
  ['key', false],
  ['imagePullSecrets', false],
  ['authEnabled', false],
  ['tokenTTL', false],
  ['publicKey', false],
  ['keyFile', false],
  ['username', false],
  ['TOKENIZER_MODEL', false],
  ['port', false],
  ['podAntiAffinityTopologyKey', false],
  ['tlsSecret', false],
  ['adminPasswordSecret', false],
  ['accessKeySecret', false],
  ['configFromSecret', false],
  ['certKeyFilename', false],
];

for (const [name, holds] of names) {
  test(`name ${name} ${holds ? 'holds' : 'does not hold'} a secret`, () => assert.equal(holdsSecretName(name), holds));
}

const places: { name: string; root: unknown; path: (string | number)[]; value?: unknown; secret: boolean }[] = [
  { name: "a Secret's data", root: { kind: 'Secret', data: { x: 'a' } }, path: ['data', 'x'], secret: true },
  { name: "a Secret's stringData", root: { kind: 'Secret', stringData: { 'app.conf': 'a' } }, path: ['stringData', 'app.conf'], secret: true },
  { name: "a ConfigMap's data", root: { kind: 'ConfigMap', data: { x: 'a' } }, path: ['data', 'x'], secret: false },
  { name: 'a Secret inside a List', root: { kind: 'List', items: [{ kind: 'Secret', data: { x: 'a' } }] }, path: ['items', 0, 'data', 'x'], secret: true },
  { name: 'an env entry named like a secret', root: { env: [{ name: 'DB_PASSWORD', value: 'a' }] }, path: ['env', 0, 'value'], secret: true },
  { name: 'an env entry of a *_FILE var', root: { env: [{ name: 'DB_PASSWORD_FILE', value: '/run/x' }] }, path: ['env', 0, 'value'], secret: false },
  { name: 'below a key that holds a secret', root: { clientSecret: { inner: 'a' } }, path: ['clientSecret', 'inner'], secret: true },
  { name: 'a setting in an auth section', root: { auth: { inner: 'a' } }, path: ['auth', 'inner'], secret: false },
  { name: 'a pointer below a secret-named key', root: { auth: { existingSecret: 'db' } }, path: ['auth', 'existingSecret'], secret: false },
  { name: 'a NAME=value item', root: { environment: ['DB_PASSWD=x1'] }, path: ['environment', 0], value: 'DB_PASSWD=x1', secret: true },
  { name: 'a plain NAME=value item', root: { environment: ['MODE=prod'] }, path: ['environment', 0], value: 'MODE=prod', secret: false },
];

for (const p of places) {
  test(`place: ${p.name}`, () => assert.equal(holdsSecret(p.root, p.path, p.value), p.secret));
}

const shapes: [string, boolean][] = [
  ['-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----', true],
  ['Bearer abcdefghijklmnop0123', true],
  ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefgh', true],
  ['postgres://app:pw123@db:5432/app', true],
  ['AKIAABCDEFGHIJKLMNOP', true],
  ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', false],
  ['postgres://db:5432/app', false],
  ['nginx:1.27', false],
];

for (const [text, secret] of shapes) {
  test(`shape: ${JSON.stringify(text).slice(0, 40)}`, () => assert.equal(looksLikeSecretValue(text), secret));
}

const texts: { name: string; text: string; secrets: string[]; expect: string }[] = [
  { name: 'quoted', text: '"hunter2" is not valid', secrets: ['hunter2'], expect: `"${HIDDEN}" is not valid` },
  { name: 'not inside a longer word', text: 'apps/v1 app', secrets: ['app'], expect: `apps/v1 ${HIDDEN}` },
  { name: 'as JSON escapes it', text: 'got "a\\"b\\nc"', secrets: ['a"b\nc'], expect: `got "${HIDDEN}"` },
  { name: 'cut short by the message', text: 'got "abcdefghijklmnopqrstuvwx…"', secrets: ['abcdefghijklmnopqrstuvwxyz0123456789'], expect: `got "${HIDDEN}…"` },
  { name: 'its tail after a cut', text: '… omitted … qrstuvwxyz0123456789 end', secrets: ['abcdefghijklmnopqrstuvwxyz0123456789'], expect: `… omitted … ${HIDDEN} end` },
  { name: 'a bearer token without any secret given', text: 'header Bearer abcdefghijklmnop0123 sent', secrets: [], expect: `header Bearer ${HIDDEN} sent` },
  { name: "a URL's password", text: 'dial postgres://app:pw123@db failed', secrets: [], expect: `dial postgres://app:${HIDDEN}@db failed` },
  { name: 'a name that ends like a long secret, uncut', text: '`ETCD_INITIAL_CLUSTER_TOKEN` holds a literal secret', secrets: ['INSERT_ETCD_INITIAL_CLUSTER_TOKEN'], expect: '`ETCD_INITIAL_CLUSTER_TOKEN` holds a literal secret' },
  { name: 'nothing secret', text: 'port 8080 is taken', secrets: ['hunter2'], expect: 'port 8080 is taken' },
];

for (const t of texts) {
  test(`hidden: ${t.name}`, () => assert.equal(redactText(t.text, t.secrets), t.expect));
}

test('a short secret is hidden where the finding points, not in the other findings of the file', () => {
  const file = parseYamlFile('apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  pin: "42"\n');
  const at = { start: { line: 5, character: 7 }, end: { line: 5, character: 11 } };
  const elsewhere = { start: { line: 3, character: 2 }, end: { line: 3, character: 6 } };
  const [on, off] = redactFindings(
    [
      { rule: 'r', severity: 'error', message: 'value 42 is bad', range: at },
      { rule: 'r', severity: 'error', message: 'line 42 of the file', range: elsewhere },
    ],
    secretsOfYamlFile(file),
  );
  assert.equal(on.message, `value ${HIDDEN} is bad`);
  assert.equal(off.message, 'line 42 of the file');
});

test('secret values of merged values (what a render error may quote)', () => {
  const values = { db: { password: 'pw-1', host: 'db' }, auth: { existingSecret: 'named', token: 'tk-2' }, extraEnv: [{ name: 'API_KEY', value: 'k-3' }, { name: 'MODE', value: 'prod' }], args: ['--db-password=pw-4'] };
  assert.deepEqual(secretValuesOf(values).sort(), ['k-3', 'pw-1', 'pw-4', 'tk-2']);
});

test('sections that mix secrets with settings hide only the secrets', () => {
  assert.equal(holdsSecret({ auth: { port: 8080 } }, ['auth', 'port']), false);
  assert.equal(holdsSecret({ auth: { rootPassword: 'x' } }, ['auth', 'rootPassword']), true);
  assert.equal(holdsSecret({ credentials: { user: 'u', pass: 'p' } }, ['credentials', 'pass']), true);
  assert.equal(redactText('Basic authentication is off', []), 'Basic authentication is off');
  assert.equal(redactText('the token kubernetes.io/service-account-token', []), 'the token kubernetes.io/service-account-token');
});

test("a Secret key selector under a secret-named key names the key, it holds no secret", () => {
  assert.equal(holdsSecret({ clientSecret: { name: 'sso', key: 'client-secret' } }, ['clientSecret', 'key']), false);
  assert.equal(holdsSecret({ basicAuth: { password: { name: 'sm', key: 'password' } } }, ['basicAuth', 'password', 'name']), false);
  assert.equal(holdsSecret({ basicAuthUsers: { job: 'A7ERGdgw' } }, ['basicAuthUsers', 'job']), true);
});

test('a password that is also a plain value of its document is hidden only where a finding points at it', () => {
  const file = parseYamlFile('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: mysql\n      env:\n        - name: MYSQL_PASSWORD\n          value: mysql\n        - name: API_TOKEN\n          value: tok-123\n');
  const onName = { start: { line: 6, character: 12 }, end: { line: 6, character: 17 } };
  const onValue = { start: { line: 9, character: 17 }, end: { line: 9, character: 22 } };
  const [name, value, other] = redactFindings(
    [
      { rule: 'r', severity: 'info', message: 'Container "mysql" has no probe', range: onName },
      { rule: 'r', severity: 'error', message: 'got "mysql"', range: onValue },
      { rule: 'r', severity: 'error', message: 'quotes tok-123 elsewhere', range: onName },
    ],
    secretsOfYamlFile(file),
  );
  assert.equal(name.message, 'Container "mysql" has no probe');
  assert.equal(value.message, `got "${HIDDEN}"`);
  assert.equal(other.message, `quotes ${HIDDEN} elsewhere`);
});

test('a file embedded in a value: each setting named like a secret', () => {
  assert.deepEqual(assignedSecrets('db.url=jdbc:x\ndb.password=pw-9\nexport API_TOKEN="tk-8"\nmode: prod\nsecret_key: sk-7\n'), ['pw-9', 'tk-8', 'sk-7']);
  assert.deepEqual(assignedSecrets('--db-password=pw-1'), ['pw-1']);
  assert.deepEqual(assignedSecrets('MODE=prod'), []);
});

test('merged values that share objects (aliases) are walked within a budget', () => {
  let shared: Record<string, unknown> = { password: 'pw-shared' };
  for (let i = 0; i < 40; i++) shared = { a: shared, b: shared };
  const started = Date.now();
  assert.deepEqual(secretValuesOf(shared), ['pw-shared']);
  assert.ok(Date.now() - started < 5000, 'bounded');
});
