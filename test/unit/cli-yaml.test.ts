/** `shipshape check` on Kubernetes manifests, Compose files and Helm charts, in-process on temp folders. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { chartDirOfTemplate, fileKindOf } from '../../src/core/project/kinds';

interface Finding {
  file: string;
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  message: string;
}

function run(args: string[]) {
  let out = '';
  let err = '';
  const code = main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function json(args: string[]): { code: number; findings: Finding[] } {
  const { code, out, err } = run([...args, '--format', 'json']);
  assert.equal(err, '');
  return { code, findings: JSON.parse(out) as Finding[] };
}

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-cli-yaml-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

const where = (f: Finding | undefined) => f && [f.file.split('/').slice(-2).join('/'), f.line, f.column, f.endLine, f.endColumn];

const deployment = (name: string, app: string, containersKey = 'containers') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
  selector:
    matchLabels: {app: ${app}}
  template:
    metadata:
      labels: {app: ${app}}
    spec:
      ${containersKey}:
        - name: ${name}
          image: nginx:1.27
`;

const service = `apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector:
    app: api
  ports:
    - port: 80
`;

test('a misspelt key in a manifest is an error on exactly that key, exit 1', () => {
  const root = project({ 'k8s/web.yaml': deployment('web', 'web', 'contianers'), 'notes.yaml': 'just: data\n' });
  const { code, findings } = json(['check', root]);
  assert.equal(code, 1);
  const typo = findings.find((f) => f.rule === 'k8s-schema');
  assert.deepEqual(where(typo), ['k8s/web.yaml', 13, 7, 13, 17]);
  assert.match(typo!.message, /did you mean "containers"/);
  assert.ok(!findings.some((f) => f.file.endsWith('notes.yaml')), 'a YAML file that is neither a manifest nor a compose file is left alone');
  // Named explicitly, it is still not linted as a Dockerfile.
  assert.deepEqual(json(['check', join(root, 'notes.yaml')]), { code: 0, findings: [] });
});

test('cross-file: a Service selecting no Pod is reported until a workload in another file has its labels', () => {
  const lonely = project({ 'web.yaml': deployment('web', 'web'), 'svc.yaml': service });
  const before = json(['check', lonely]).findings.find((f) => f.rule === 'k8s-service-selects-nothing');
  assert.deepEqual(where(before), [before!.file.split('/').slice(-2)[0] + '/svc.yaml', 6, 3, 6, 11]);
  const matched = project({ 'web.yaml': deployment('web', 'web'), 'svc.yaml': service, 'api.yaml': deployment('api', 'api') });
  assert.equal(json(['check', matched]).findings.filter((f) => f.rule === 'k8s-service-selects-nothing').length, 0);
  // The files named on the command line are the whole workspace: only svc.yaml and web.yaml here.
  const named = json(['check', join(matched, 'svc.yaml'), join(matched, 'web.yaml')]).findings;
  assert.equal(named.filter((f) => f.rule === 'k8s-service-selects-nothing').length, 1);
});

test('compose: depends_on naming an undefined service is an error on the name; exit 0 when clean', () => {
  const root = project({ 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n' });
  const { code, findings } = json(['check', root]);
  assert.equal(code, 1);
  const ref = findings.find((f) => f.rule === 'compose-undefined-reference');
  assert.deepEqual(ref && [ref.line, ref.column, ref.endColumn, ref.severity], [4, 18, 20, 'error']);
  const clean = project({ 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n  db:\n    image: postgres:17\n' });
  const result = json(['check', clean]);
  assert.equal(result.code, 0, JSON.stringify(result.findings));
  assert.ok(!result.findings.some((f) => f.severity === 'error'));
});

test('--k8s-version picks the schemas: an API removed in 1.32 is fine for 1.31, an error for 1.34', () => {
  const root = project({
    'fs.yaml': 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata:\n  name: x\nspec:\n  priorityLevelConfiguration:\n    name: global-default\n',
  });
  assert.equal(json(['check', root, '--k8s-version', '1.31']).code, 0);
  const newer = json(['check', root, '--k8s-version', '1.34']);
  assert.equal(newer.code, 1);
  assert.ok(newer.findings.some((f) => f.rule === 'k8s-schema-removed-api' && f.line === 1));
});

test('--crds DIR validates custom resources against their CRD', () => {
  const crds = project({
    'widget.yaml': `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: {type: integer}
`,
  });
  const root = project({ 'w.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: big\n' });
  const without = json(['check', root]);
  assert.equal(without.code, 0);
  assert.ok(without.findings.some((f) => f.rule === 'k8s-schema-unknown-kind'));
  const withCrds = json(['check', root, '--crds', crds]);
  assert.equal(withCrds.code, 1);
  assert.deepEqual(where(withCrds.findings.find((f) => f.rule === 'k8s-schema'))?.slice(1), [6, 9, 6, 12]);
});

test('a chart folder is rendered with default values; findings land on template lines, templates are never parsed as YAML', () => {
  const root = project({
    'chart/Chart.yaml': 'apiVersion: v2\nname: demo\nversion: 0.1.0\n',
    'chart/values.yaml': 'replicas: 2\nextra: false\n',
    'chart/templates/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-demo
spec:
  replicaz: {{ .Values.replicas }}
  selector:
    matchLabels: {app: demo}
  template:
    metadata:
      labels: {app: demo}
    spec:
      {{- if .Values.extra }}
      hostNetwork: true
      {{- end }}
      containers:
        - name: demo
          image: nginx:1.27
          imagePullPolicy: Always
          ports:
            - containerPort: "http"
`,
    'chart/templates/_helpers.tpl': '{{- define "demo.name" -}}demo{{- end -}}\n',
  });
  const { code, findings } = json(['check', join(root, 'chart')]);
  assert.equal(code, 1);
  const onTemplate = findings.filter((f) => f.file.endsWith('templates/deploy.yaml'));
  // `replicaz: {{ ... }}` renders as `replicaz: 2`: the whole template line is marked.
  assert.deepEqual(where(onTemplate.find((f) => /replicaz/.test(f.message))), ['templates/deploy.yaml', 6, 3, 6, 35]);
  // An identical line keeps its exact columns.
  assert.deepEqual(where(onTemplate.find((f) => f.rule === 'k8s-schema' && /containerPort/.test(f.message)))?.slice(1), [21, 30, 21, 36]);
  // `{{- if }}` lines would be YAML errors if the template were read as YAML.
  assert.ok(!findings.some((f) => f.rule.startsWith('yaml-')), JSON.stringify(findings));
});

test('a template that does not parse is one error on its own line; a chart that does not render, one on its Chart.yaml', () => {
  const root = project({
    'chart/Chart.yaml': 'apiVersion: v2\nname: broken\nversion: 0.1.0\n',
    'chart/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name \n',
  });
  const { code, findings } = json(['check', root]);
  assert.equal(code, 1);
  assert.deepEqual(findings.map((f) => [f.file.split('/').slice(-1)[0], f.rule, f.line]), [['cm.yaml', 'helm-template-syntax', 4]]);
  const failing = project({
    'chart/Chart.yaml': 'apiVersion: v2\nname: broken\nversion: 0.1.0\ndependencies:\n  - name: sub\n    version: 1.0.0\n    repository: https://example.com/charts\n',
    'chart/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n',
  });
  const second = json(['check', failing]);
  assert.deepEqual(second.findings.map((f) => [f.file.split('/').slice(-1)[0], f.rule, f.line]), [['Chart.yaml', 'helm-render', 1]]);
});

test('`shipshape rules` lists the Kubernetes, Compose and schema rules', () => {
  const listed = JSON.parse(run(['rules', '--json']).out) as { id: string }[];
  for (const id of ['k8s-schema', 'k8s-service-selects-nothing', 'compose-undefined-reference', 'yaml-duplicate-key', 'no-latest-tag']) {
    assert.ok(listed.some((r) => r.id === id), id);
  }
});

test('.shipshape.yaml severities and `off` apply to schema, Kubernetes and Compose rules; inline ignores too', () => {
  const root = project({
    '.shipshape.yaml': 'rules:\n  k8s-schema: warning\n  compose-undefined-reference: off\n',
    'web.yaml': deployment('web', 'web', 'contianers'),
    'svc.yaml': `# shipshape ignore=k8s-service-selects-nothing\n${service}`,
    'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n',
  });
  const { code, findings } = json(['check', root]);
  assert.equal(code, 0, JSON.stringify(findings));
  assert.equal(findings.find((f) => f.rule === 'k8s-schema')?.severity, 'warning');
  assert.ok(!findings.some((f) => f.rule === 'compose-undefined-reference' || f.rule === 'k8s-service-selects-nothing'), JSON.stringify(findings));
});

test('bad input stays bounded: an alias bomb, a binary .yaml and a 25 MB manifest are each one clear finding or skipped', () => {
  const bomb = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: x}', 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 12; i++) bomb.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
  bomb.push('data: {x: *a11}');
  const doc = (i: number) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  key: "${'x'.repeat(200)}"\n`;
  const big = Array.from({ length: Math.ceil((25 * 1024 * 1024) / doc(0).length) }, (_, i) => doc(i)).join('');
  const root = project({ 'bomb.yaml': bomb.join('\n') + '\n', 'big.yaml': big });
  writeFileSync(join(root, 'binary.yaml'), Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => i % 256)));
  const started = Date.now();
  const { findings } = json(['check', root]);
  assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
  assert.deepEqual(findings.map((f) => [f.file.split('/').pop(), f.rule, f.line]).sort(), [
    ['big.yaml', 'yaml-syntax', 1],
    // On the alias that expands the most (`data: {x: *a11}`).
    ['bomb.yaml', 'yaml-syntax', 16],
  ]);
});

test('file kinds: templates/ is Helm only beside a Chart.yaml; compose globs force Compose unless a modeline says otherwise', () => {
  const root = project({ 'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 1.0.0\n', 'chart/templates/sub/cm.yaml': '', 'other/templates/cm.yaml': '' });
  assert.equal(chartDirOfTemplate(join(root, 'chart/templates/sub/cm.yaml')), join(root, 'chart'));
  assert.equal(chartDirOfTemplate(join(root, 'other/templates/cm.yaml')), undefined);
  const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';
  assert.equal(fileKindOf(join(root, 'other/templates/cm.yaml'), manifest), 'kubernetes');
  assert.equal(fileKindOf(join(root, 'chart/templates/sub/cm.yaml'), manifest), 'helm-template');
  assert.equal(fileKindOf(join(root, 'chart/Chart.yaml'), 'apiVersion: v2\n'), 'chart');
  assert.equal(fileKindOf('/w/stack.yml', 'volumes:\n  data: {}\n'), 'other');
  assert.equal(fileKindOf('/w/stack.yml', 'volumes:\n  data: {}\n', { composeGlob: true }), 'compose');
  assert.equal(fileKindOf('/w/stack.yml', '# shipshape: kind=none\nvolumes: {}\n', { composeGlob: true }), 'other');
});

test('file kinds of files named on the command line: a name we do not know is a Dockerfile only when its content is one', () => {
  const dockerfile = '# syntax=docker/dockerfile:1\n\nARG BASE=alpine:3\nFROM ${BASE}\nRUN echo hi\n';
  const cases: [file: string, text: string, named: string, scanned: string][] = [
    ['/w/Dockerfile-dev', dockerfile, 'dockerfile', 'other'],
    ['/w/app.docker', '\uFEFFfrom alpine:3\r\nrun echo hi\r\n', 'dockerfile', 'other'],
    ['/w/Dockerfile', 'not a dockerfile\n', 'dockerfile', 'dockerfile'], // by name, whatever its content
    ['/w/README.md', '# Title\n\nSome text: not yaml {\n\n```dockerfile\nFROM alpine:3\n```\n', 'other', 'other'],
    ['/w/build.sh', '#!/bin/sh\ndocker build .\n', 'other', 'other'],
    ['/w/notes.txt', 'RUN this first, then the rest\n', 'other', 'other'], // an instruction word, no FROM
    ['/w/empty', '', 'other', 'other'],
    ['/w/package.json', '{"name": "app"}\n', 'other', 'other'],
    ['/w/cm.json', '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}}', 'kubernetes', 'kubernetes'],
    ['/w/notes.yaml', 'just: data\n', 'other', 'other'],
  ];
  for (const [file, text, named, scanned] of cases) {
    assert.equal(fileKindOf(file, text, { named: true, fileExists: () => false }), named, `${file} named`);
    assert.equal(fileKindOf(file, text, { fileExists: () => false }), scanned, `${file} scanned`);
  }
});

test('kustomize: a strategic-merge patch may leave out required fields (typos still count); kustomization.yaml is not "unknown"', () => {
  const patch = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  replicaz: 3\n';
  const root = project({
    'overlay/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../base]\npatches:\n  - path: replicas.yaml\n',
    'overlay/replicas.yaml': patch,
    'loose/deployment.yaml': patch,
  });
  const { findings } = json(['check', root]);
  const of = (dir: string) => findings.filter((f) => f.file.includes(`/${dir}/`)).map((f) => `${f.rule}@${f.line}:${f.message.slice(0, 30)}`);
  assert.deepEqual(of('overlay'), ['k8s-schema@7:Unknown field "replicaz"; did ']);
  assert.ok(of('loose').some((f) => f.includes('Missing required field')), of('loose').join('\n'));
});

test('a chart template named alone (as a pre-commit hook passes it) is checked through its chart', () => {
  const root = project({
    'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
    'chart/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: {{ .Values.missing.key }}\n',
  });
  const { code, findings } = json(['check', join(root, 'chart/templates/cm.yaml')]);
  assert.equal(code, 1);
  assert.deepStrictEqual(findings.map((f) => [f.file.endsWith('chart/Chart.yaml'), f.rule]), [[true, 'helm-render']]);
});

test('a JSON manifest found in a folder is validated; other JSON files are left alone', () => {
  const root = project({
    'deploy.json': JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, dataa: { a: 'b' } }, null, 2),
    'package.json': JSON.stringify({ name: 'app', version: '1.0.0' }),
  });
  const { findings } = json(['check', root]);
  assert.deepStrictEqual(findings.map((f) => [f.file.split('/').pop(), f.rule]), [['deploy.json', 'k8s-schema']]);
});

test('a manifest with half its identity (kind or apiVersion, with metadata) is checked and reported, not skipped as other YAML', () => {
  const root = project({
    'cm.yaml': 'kind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n',
    'secret.yaml': 'apiVersion: v1\nmetadata:\n  name: s\ntype: Opaque\n',
    'job.yaml': 'apiVersion: batch/v1\nkind:\nmetadata: {name: j}\n',
    'notes.yaml': 'kind: of a list\nitems: [1]\n',
    'kustomization.yaml': 'kind: Kustomization\nmetadata:\n  name: x\nresources: [cm.yaml]\n',
  });
  const { findings } = json(['check', root]);
  // On the document's first line, where the missing key belongs; on the key when it is there but empty.
  assert.deepStrictEqual(
    findings.map((f) => [f.file.split('/').pop(), f.rule, f.line]),
    [
      ['cm.yaml', 'k8s-schema', 1],
      ['job.yaml', 'k8s-schema', 2],
      ['secret.yaml', 'k8s-schema', 1],
    ],
  );
});
