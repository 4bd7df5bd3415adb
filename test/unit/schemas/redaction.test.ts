/** Findings never print what may be a secret: a Secret's data, a key or an env entry named like one (CI logs and SARIF are read by many). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateYamlFile } from '../../../src/core/schemas';
import { testSchemaDir } from './schema-dir';

const cases: { name: string; yaml: string; secret: string; shown?: string }[] = [
  { name: "a Secret's data that is not base64", yaml: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: S3cr3t-not-base64!\n', secret: 'S3cr3t-not-base64!' },
  { name: 'an env value named like a secret, of the wrong type', yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      env:\n        - name: DB_PASSWORD\n          value: 918273645\n        - name: PORT\n          value: 8080\n', secret: '918273645', shown: '8080' },
  { name: 'a *_FILE env var names a file, it holds no secret', yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      env:\n        - name: DB_PASSWORD\n          value: 918273640\n        - name: DB_PASSWORD_FILE\n          value: 918273646\n', secret: '918273640', shown: '918273646' },
  { name: 'a Secret inside a List', yaml: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Secret\n    metadata:\n      name: s\n    data:\n      token: S3cr3t-in-a-list!\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: c\n    data:\n      port: 918273647\n', secret: 'S3cr3t-in-a-list!', shown: '918273647' },
  { name: 'a key named like a secret', yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    api_token: 5550123\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n', secret: '5550123' },
];

for (const c of cases) {
  test(`redacted: ${c.name}`, () => {
    const messages = validateYamlFile(c.yaml, 'x.yaml', { kind: 'kubernetes', schemaDir: testSchemaDir() }).map((d) => d.message);
    assert.ok(messages.length > 0, 'the problem is still reported');
    assert.ok(messages.every((m) => !m.includes(c.secret)), messages.join('\n'));
    if (c.shown) assert.ok(messages.some((m) => m.includes(c.shown!)), 'values not named like secrets are still quoted');
  });
}
