/**
 * `npm run bench -- k8s-workspace`: the Kubernetes workspace model and its cross-file rules, and the
 * Compose checks.
 *   - kubernetes-examples (248 files) as one workspace: index all, check all;
 *   - a generated workspace of N files × 3 objects (Service, Deployment, ConfigMap, all cross-
 *     referenced), N = 1,000 / 2,000 / 4,000: index all, check all, and the editor loop (replace one
 *     file, check it). Per-object cost must stay flat as N grows: the rules are index lookups;
 *   - the compose corpus (140 files): check all.
 * Parsing is done once up front and excluded (bench/yaml.bench.ts measures it). Method: one warm-up,
 * then the median of 5 runs.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseYamlFile } from '../src/core/yaml/parse';
import type { ParsedYamlFile } from '../src/core/yaml/parse';
import { KubernetesWorkspace } from '../src/core/k8s';
import { checkComposeFile } from '../src/core/compose';

const SHARED = process.env.SHIPSHAPE_SHARED ?? resolve(__dirname, '../../shared');
const RUNS = 5;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ya?ml|json)$/.test(n) ? [p] : [];
  });
}

function median(fn: () => void): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

function generated(i: number): string {
  return `apiVersion: v1
kind: Service
metadata: {name: s${i}}
spec:
  selector: {app: a${i}, tier: web}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: d${i}}
spec:
  selector: {matchLabels: {app: a${i}, tier: web}}
  template:
    metadata: {labels: {app: a${i}, tier: web}}
    spec:
      serviceAccountName: default
      containers:
        - name: c
          image: nginx:1.27.3
          ports: [{name: http, containerPort: 8080}]
          envFrom: [{configMapRef: {name: cm${i}}}]
          env: [{name: X, valueFrom: {configMapKeyRef: {name: cm${i}, key: k}}}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm${i}}
data: {k: v}
`;
}

function workspaceRow(label: string, parsed: [string, ParsedYamlFile][]): string {
  let workspace = new KubernetesWorkspace();
  const index = median(() => {
    workspace = new KubernetesWorkspace();
    for (const [name, file] of parsed) workspace.updateFile(name, file);
  });
  const objects = parsed.reduce((n, [name]) => n + workspace.objectsOf(name).length, 0);
  let findings = 0;
  const check = median(() => {
    findings = 0;
    for (const [name] of parsed) findings += workspace.check(name).length;
  });
  const [firstName, firstFile] = parsed[0];
  const edit = median(() => {
    for (let i = 0; i < 100; i++) {
      workspace.updateFile(firstName, firstFile);
      workspace.check(firstName);
    }
  }) / 100;
  const perObject = ((index + check) / objects) * 1000;
  return `| ${label} | ${parsed.length} | ${objects} | ${index.toFixed(1)} | ${check.toFixed(1)} | ${perObject.toFixed(1)} | ${edit.toFixed(3)} | ${findings} |`;
}

console.log('| workspace | files | objects | index all (ms) | check all (ms) | µs per object | edit one file + check (ms) | findings |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const examples = files(join(SHARED, 'corpus/k8s/kubernetes-examples')).map((f): [string, ParsedYamlFile] => [f, parseYamlFile(readFileSync(f, 'utf8'))]);
console.log(workspaceRow('kubernetes-examples', examples));
for (const n of [1000, 2000, 4000]) {
  const parsed = Array.from({ length: n }, (_, i): [string, ParsedYamlFile] => [`/ws/team${i % 20}/app${i}.yaml`, parseYamlFile(generated(i))]);
  console.log(workspaceRow(`generated ×${n}`, parsed));
}

const compose = files(join(SHARED, 'corpus/compose')).map((f): [string, ParsedYamlFile] => [f, parseYamlFile(readFileSync(f, 'utf8'), { version: '1.2' })]);
let composeFindings = 0;
const composeMs = median(() => {
  composeFindings = 0;
  for (const [name, file] of compose) composeFindings += checkComposeFile(file, name).length;
});
console.log(`\nCompose corpus: ${compose.length} files checked in ${composeMs.toFixed(1)} ms (median of ${RUNS}), ${composeFindings} findings.`);
