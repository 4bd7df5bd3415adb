/**
 * Validators compiled at build time (ajv standalone code, minified as `npm run schemas` ships them)
 * give exactly the findings of validators compiled at run time, on every corpus file and on inputs
 * made to hit each error path; a compiled set that does not belong to its schemas is not used.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { validateYamlFile } from '../../../src/core/schemas';
import { precompileSchemas } from '../../../src/core/schemas/compiled/precompile';
import { sourceHash } from '../../../src/core/schemas/compiled/load';
import { compiledValidators, schemaStore } from '../../../src/core/schemas/store';
import { sharedPath } from '../shared-data';
import { testSchemaDir } from './schema-dir';

let compiledDir: string | undefined;
/** A copy of the test schema set with v1.34 and Compose precompiled (a few seconds, once). */
function precompiledSchemaDir(): string {
  if (compiledDir) return compiledDir;
  compiledDir = mkdtempSync(join(tmpdir(), 'shipshape-compiled-'));
  cpSync(testSchemaDir(), compiledDir, { recursive: true });
  const minify = (code: string) => transformSync(code, { minify: true, format: 'cjs', target: 'node20' }).code;
  precompileSchemas(compiledDir, { versions: ['1.34'], minify });
  return compiledDir;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
  });
}

function sameFindings(files: { name: string; text: string }[], kind: 'kubernetes' | 'compose'): number {
  let findings = 0;
  for (const { name, text } of files) {
    const runtime = validateYamlFile(text, `runtime/${name}`, { schemaDir: testSchemaDir(), kind, kubernetesVersion: '1.34' });
    const compiled = validateYamlFile(text, `compiled/${name}`, { schemaDir: precompiledSchemaDir(), kind, kubernetesVersion: '1.34' });
    assert.deepEqual(compiled, runtime, name);
    findings += runtime.length;
  }
  return findings;
}

const BAD_MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: 3}}
spec:
  replicas: "two"
  strategy: {type: Recreate, rollingUpdate: {maxSurge: [1]}}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      restartPolicy: Sometimes
      contianers: []
      containers:
        - name: web
          image: nginx:1.27.3
          ports: [{containerPort: 80, protocol: TCP}, {containerPort: 80, protocol: TCP}, {containerPort: 99999999999}]
          resources: {limits: {cpu: 1x, memory: 128Mi}}
          env: [{name: A, value: 1}, {name: B, valueFrom: {}}]
          securityContext: {runAsUser: 1.5}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: ClusterIP
  ports: [{port: "80", targetPort: {x: 1}}, {port: 80, targetPort: http}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec: {schedule: 5, jobTemplate: {spec: {template: {spec: {containers: [{name: c}], restartPolicy: Never}}}}}
---
apiVersion: v1
kind: List
items:
  - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}, data: {k: 1}}
  - {apiVersion: apps/v1, kind: DeploymentList, items: [{apiVersion: apps/v1, kind: Deployment, metadata: {name: d}, spec: {}}]}
`;

const BAD_COMPOSE = `services:
  web:
    image: nginx
    ports: [{target: x}]
    deploy: {resources: {limits: {cpus: [1]}}, replicas: -1}
    healthcheck: {interval: soon}
    restart: sometimes
    pull_policy: every_5x
    environmnet: {A: 1}
volumes:
  "bad name!": {}
x-extra: 1
`;

const BAD_COMPOSE_2 = `services:
  a:
    build: {context: 1, args: [[1]]}
    networks: {n: {ipv4_address: 5, aliases: 3}}
    ulimits: {nofile: {soft: {}}}
    mem_limit: []
    command: {run: x}
    depends_on: {b: {condition: later}}
networks:
  n: {driver: 1, ipam: {config: [{subnet: []}]}}
`;

test('precompiled Kubernetes validators give the same findings as run-time compiled ones', () => {
  const files = yamlFiles(sharedPath('corpus/k8s')).map((path) => ({ name: path, text: readFileSync(path, 'utf8') }));
  files.push({ name: 'bad-manifests.yaml', text: BAD_MANIFESTS });
  const findings = sameFindings(files, 'kubernetes');
  assert.ok(findings > 50, `the inputs exercise error paths (${findings} findings)`);
});

test('the precompiled Compose validator gives the same findings as the run-time compiled one', () => {
  const files = yamlFiles(sharedPath('corpus/compose')).map((path) => ({ name: path, text: readFileSync(path, 'utf8') }));
  files.push({ name: 'bad-compose.yaml', text: BAD_COMPOSE }, { name: 'bad-compose-2.yaml', text: BAD_COMPOSE_2 });
  const findings = sameFindings(files, 'compose');
  assert.ok(findings > 10, `the inputs exercise error paths (${findings} findings)`);
});

test('precompiled code is what validates when it belongs to the schemas beside it', () => {
  const dir = join(precompiledSchemaDir(), 'kubernetes/v1.34');
  const definitions = readFileSync(join(dir, 'definitions.json'), 'utf8');
  const deployment = 'io.k8s.api.apps.v1.Deployment';
  const compiled = compiledValidators(dir, definitions);
  assert.ok(compiled, 'v1.34 has a compiled set');
  const validate = compiled(deployment);
  assert.equal(typeof validate, 'function');
  const store = schemaStore(precompiledSchemaDir()).kubernetes('1.34');
  // ajv's run-time compiled functions carry their schemaEnv; standalone code has none.
  assert.ok(!('schemaEnv' in validate!), 'compiled, not ajv-made');
  assert.ok(!('schemaEnv' in store.validator(store.kind('apps/v1', 'Deployment')!)), 'the store hands out precompiled code');
  assert.ok('schemaEnv' in store.validator(store.kind('apps/v1', 'DeploymentList')!), 'and compiles a List kind itself');
  assert.equal(compiled('io.k8s.api.apps.v1.DeploymentList'), undefined, 'List kinds are compiled at run time');
  // Other schemas than the ones it was compiled from (a regenerated definitions.json): not used.
  assert.equal(compiledValidators(dir, definitions.replace('"io.k8s.api.apps.v1.Deployment"', '"io.k8s.api.apps.v1.Deployment" ')), undefined);
  assert.equal(compiledValidators(join(testSchemaDir(), 'kubernetes/v1.34'), definitions), undefined, 'no compiled set, nothing to load');
});

test("the index's definitions hash decides whether the compiled set fits, without reading definitions.json", () => {
  const definitions = readFileSync(join(precompiledSchemaDir(), 'kubernetes/v1.34/definitions.json'), 'utf8');
  /** The Deployment validator of a copy of the compiled set whose index is rewritten by `edit` (a copy each: stores are per folder). */
  const deploymentValidator = (edit: (index: { definitionsHash?: string }) => object) => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-compiled-hash-'));
    cpSync(precompiledSchemaDir(), dir, { recursive: true });
    const indexPath = join(dir, 'kubernetes/v1.34/index.json');
    writeFileSync(indexPath, JSON.stringify(edit(JSON.parse(readFileSync(indexPath, 'utf8')))));
    const store = schemaStore(dir).kubernetes('1.34');
    return store.validator(store.kind('apps/v1', 'Deployment')!);
  };
  deploymentValidator((index) => {
    assert.equal(index.definitionsHash, sourceHash(definitions), 'generated with the hash of the definitions beside it');
    return index;
  });
  assert.ok(!('schemaEnv' in deploymentValidator((index) => index)), 'a matching hash: precompiled code');
  assert.ok('schemaEnv' in deploymentValidator((index) => ({ ...index, definitionsHash: sourceHash(definitions + ' ') })), 'definitions regenerated since: compiled at run time');
  assert.ok(!('schemaEnv' in deploymentValidator(({ definitionsHash: _hash, ...older }) => older)), 'an index without the hash: the file is hashed instead');
});

test('a compiled module that cannot be loaded falls back to run-time compilation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-compiled-broken-'));
  cpSync(precompiledSchemaDir(), dir, { recursive: true });
  const moduleDir = join(dir, 'kubernetes/v1.34/compiled');
  const index = JSON.parse(readFileSync(join(moduleDir, 'index.json'), 'utf8')) as { modules: Record<string, string> };
  writeFileSync(join(moduleDir, index.modules['io.k8s.api.apps.v1.Deployment']), 'this is not javascript(');
  const text = BAD_MANIFESTS.split('---')[0];
  const diagnostics = validateYamlFile(text, 'broken/deploy.yaml', { schemaDir: dir, kubernetesVersion: '1.34' });
  assert.deepEqual(diagnostics, validateYamlFile(text, 'runtime/deploy.yaml', { schemaDir: testSchemaDir(), kubernetesVersion: '1.34' }));
  assert.ok(diagnostics.length > 5);
});
