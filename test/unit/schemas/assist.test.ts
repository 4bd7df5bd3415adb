import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionsAt, hoverAt } from '../../../src/core/schemas';
import { testSchemaDir } from './schema-dir';

const options = () => ({ schemaDir: testSchemaDir() });
const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: a
        imagePullPolicy: Always

      restartPolicy: Always
`;

test('hover shows the field type and its API description', () => {
  const hover = hoverAt(manifest, 'd.yaml', { line: 11, character: 8 }, options()) ?? '';
  assert.match(hover, /\*\*restartPolicy\*\* `string`/);
  assert.match(hover, /Restart policy for all containers within the pod/);
  assert.match(hover, /spec\.template\.spec\.restartPolicy/);
  const name = hoverAt(manifest, 'd.yaml', { line: 8, character: 9 }, options()) ?? '';
  assert.match(name, /\*\*name\*\*.* — required/);
  assert.equal(hoverAt('foo: bar\n', 'plain.yaml', { line: 0, character: 1 }, options()), undefined);
});

test('key completion offers the fields the object may still have', () => {
  const labels = completionsAt(manifest, 'd.yaml', { line: 10, character: 8 }, options()).map((c) => c.label);
  assert.ok(labels.includes('image') && labels.includes('ports'), labels.join(','));
  assert.ok(!labels.includes('name') && !labels.includes('imagePullPolicy'), 'fields already present are not offered');
  assert.ok(!labels.includes('nodeSelector'), 'PodSpec fields are not offered inside a container');
});

test('value completion offers kinds, enum values and booleans', () => {
  const kinds = completionsAt('apiVersion: apps/v1\nkind: \n', 'd.yaml', { line: 1, character: 6 }, { ...options(), kind: 'kubernetes' as const }).map((c) => c.label);
  assert.ok(kinds.includes('Deployment') && kinds.includes('Pod'));
  const compose = 'services:\n  web:\n    image: nginx\n    depends_on:\n      db:\n        condition: \n    init: \n';
  const conditions = completionsAt(compose, 'compose.yaml', { line: 5, character: 19 }, options()).map((c) => c.label);
  assert.deepEqual(conditions.sort(), ['service_completed_successfully', 'service_healthy', 'service_started']);
  const init = completionsAt(compose, 'compose.yaml', { line: 6, character: 10 }, options()).map((c) => c.label);
  assert.deepEqual(init.filter((l) => l === 'true' || l === 'false').sort(), ['false', 'true']);
});
