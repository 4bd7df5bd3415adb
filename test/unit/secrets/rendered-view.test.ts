/**
 * The Render Helm Chart view's problems (checkRendered) quote no secret — a Secret's data, a values key
 * named like a secret landing elsewhere (a port name) — and still quote other values.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderChart } from '../../../src/core/helm/index';
import { checkRendered } from '../../../src/core/project/rendered';
import { renderedSegments } from '../../../src/core/project/rendered-lines';
import { Project } from '../../../src/core/project';

const MARKER = 'Zq9SecretMarker!';

test('rendered-view findings hide a Secret data value and keep a plain one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-rendered-secret-'));
  mkdirSync(join(dir, 'templates'));
  writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: demo\nversion: 0.1.0\n');
  writeFileSync(join(dir, 'values.yaml'), `password: "${MARKER}"\nreplicas: two\n`);
  writeFileSync(join(dir, 'templates/secret.yaml'), 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: {{ .Values.password }}\n');
  writeFileSync(
    join(dir, 'templates/deploy.yaml'),
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: {{ .Values.replicas }}\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          env:\n            - name: API_KEY\n              value: {{ .Values.password | quote }}\n          ports:\n            - containerPort: 80\n              name: {{ .Values.password | quote }}\n',
  );
  const result = renderChart(dir, {});
  // As the server asks: with the secrets the Project knows of the chart (its values).
  const project = new Project({ roots: [dir] });
  project.scan();
  const secrets = project.secretsOfChart(dir);
  const problems = (await checkRendered(renderedSegments(result.output, result.manifests, () => undefined), 'shipshape-helm:/demo', {}, { sliceMs: 0, secrets })) ?? [];
  const messages = problems.map((p) => p.diagnostic.message);
  assert.ok(problems.some((p) => p.origin?.source === 'demo/templates/secret.yaml'), `the bad base64 is found: ${messages.join(' | ')}`);
  assert.ok(!messages.some((m) => m.includes(MARKER)), `no message quotes the secret: ${messages.join(' | ')}`);
  assert.ok(messages.some((m) => m.includes('two')), 'a plain value is still quoted');
});
