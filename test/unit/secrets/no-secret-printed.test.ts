/**
 * No value that may be a secret is printed: every case is a small workspace seeded with unique
 * markers in secret places (a Secret's data, keys and env vars named like secrets, values a chart
 * template uses where a quantity or integer belongs, a render error quoting one), checked through
 * the CLI in text, JSON and SARIF and through the Project as the language server calls it
 * (check, checkQuick, hover, inlay hints, completion). Each case also names rules that must fire
 * and values that are not secret and must still be quoted, so the test fails both ways.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { Project } from '../../../src/core/project';
import { LineIndex } from '../../../src/core/text/lines';
import { tarGz } from '../tar-gz';

interface Case {
  name: string;
  files: Record<string, string | Buffer>;
  /** Markers that must never appear in any output. */
  secrets: string[];
  /** Rule ids that must report (so the secret really reaches a message). */
  rules: string[];
  /** Values that are not secret and must still be quoted in some finding's message. */
  shown: string[];
}

const chartYaml = 'apiVersion: v2\nname: c\nversion: 0.1.0\n';

const cases: Case[] = [
  {
    name: "a Secret's data and stringData of the wrong form, beside a ConfigMap's",
    files: {
      'secret.yaml':
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: MkSecretDataA-not-base64!\n  cert: MkSecretDataLongB-0123456789-0123456789-0123456789-0123456789-0123456789!\nstringData:\n  port: 918273641\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  port: 918270081\n',
    },
    secrets: ['MkSecretDataA', 'MkSecretDataLongB', '918273641', '0123456789-0123456789-0123456789'],
    rules: ['k8s-schema'],
    shown: ['918270081'],
  },
  {
    name: 'env vars named like secrets, of the wrong type; a *_FILE var and a plain one are shown',
    files: {
      'pod.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    api_token: 918273642\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      args: ["--db-password=MkArgPwC", "--port=8443"]\n      env:\n        - name: DB_PASSWORD\n          value: 918273645\n        - name: DB_PASSWORD_FILE\n          value: 918270082\n        - name: PORT\n          value: 918270083\n        - name: API_KEY\n          value: MkEnvKeyD\n',
    },
    secrets: ['918273642', '918273645', 'MkArgPwC', 'MkEnvKeyD'],
    rules: ['k8s-schema', 'k8s-secret-in-env'],
    shown: ['918270082', '918270083'],
  },
  {
    name: 'compose environment holding passwords (map and list), a type error on one',
    files: {
      'compose.yaml':
        'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: MkComposePwE\n      POSTGRES_USER: app\n  app:\n    image: nginx:1.27\n    environment:\n      - DB_PASSWD=MkComposePwF\n      - MODE=prod\n    cpus: {SECRET_KEY: MkComposeKeyH}\n    pull_policy: MkShownPolicyG\n    healthcheck:\n      test: ["CMD", "check", "--api-key=MkComposeArgI"]\n      interval: MkShownIntervalJ\n',
    },
    secrets: ['MkComposePwE', 'MkComposePwF', 'MkComposeKeyH', 'MkComposeArgI'],
    rules: ['compose-secret-in-environment', 'compose-schema'],
    shown: ['MkShownPolicyG'],
  },
  {
    name: 'a chart whose secret-named values land where a quantity, an integer or a key belongs',
    files: {
      'chart/Chart.yaml': chartYaml,
      'chart/values.yaml': 'db:\n  password: MkValuesPwI\n  port: 5432\nauth:\n  token: MkValuesTokJ\n  existingSecret: MkShownExistingK\nreplicas: "918270084"\nextraEnv:\n  - name: REDIS_PASSWORD\n    value: MkValuesEnvL\n',
      'chart/templates/deploy.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.db.password }}\n  selector:\n    matchLabels: {app: c}\n  template:\n    metadata:\n      labels: {app: c}\n    spec:\n      containers:\n        - name: c\n          image: nginx:1.27\n          resources:\n            limits:\n              memory: {{ .Values.auth.token }}\n              cpu: {{ .Values.auth.existingSecret }}\n          ports:\n            - containerPort: "{{ printf "%d" (index .Values.extraEnv 0).value }}"\n          env:\n            - name: X\n              value: {{ .Values.auth.token | b64dec | quote }}\n',
      'chart/templates/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: svc\nspec:\n  {{ .Values.db.password }}: 1\n  type: {{ .Values.replicas }}\n  ports:\n    - port: 80\n',
    },
    secrets: ['MkValuesPwI', 'MkValuesTokJ', 'MkValuesEnvL'],
    rules: ['k8s-schema'],
    shown: ['MkShownExistingK', '918270084'],
  },
  {
    name: 'render errors quoting secret-named values (a function error, a missing template)',
    files: {
      'chart/Chart.yaml': chartYaml,
      'chart/values.yaml': 'auth:\n  token: MkRenderTokM\nname: MkShownNameN\n',
      'chart/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: {{ mustToDate "2006-01-02" (printf "%s-%s" .Values.name .Values.auth.token) }}\n',
      'other/Chart.yaml': chartYaml,
      'other/values.yaml': 'global:\n  apiKey: MkRenderKeyN2\n',
      'other/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: {{ include .Values.global.apiKey . }}\n',
    },
    secrets: ['MkRenderTokM', 'MkRenderKeyN2'],
    rules: ['helm-render'],
    shown: ['MkShownNameN'],
  },
  {
    name: "a packaged subchart's secret-named values (charts/*.tgz), quoted where an integer belongs",
    files: {
      'chart/Chart.yaml': chartYaml,
      'chart/values.yaml': 'db:\n  enabled: true\n',
      'chart/charts/db-0.1.0.tgz': tarGz({
        'db/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 0.1.0\n',
        'db/values.yaml': 'auth:\n  password: MkTgzPwX\nkind: MkShownTypeY\n',
        'db/templates/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: {{ .Values.kind }}\n  ports:\n    - port: {{ .Values.auth.password }}\n',
      }),
    },
    secrets: ['MkTgzPwX'],
    rules: ['k8s-schema'],
    shown: ['MkShownTypeY'],
  },
  {
    name: 'values.schema.json problems on values named like secrets',
    files: {
      'chart/Chart.yaml': chartYaml,
      'chart/values.schema.json': JSON.stringify({ type: 'object', properties: { db: { type: 'object', properties: { password: { pattern: '^a' }, host: { pattern: '^a' } } } } }),
      'chart/values.yaml': 'db:\n  password: MkSchemaPwO\n  host: MkShownHostP\n',
      'chart/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  host: {{ .Values.db.host | quote }}\n',
    },
    secrets: ['MkSchemaPwO'],
    rules: ['helm-values-schema'],
    shown: ['MkShownHostP'],
  },
  {
    name: 'a private key, a bearer token and a URL password anywhere; secrets in a Dockerfile',
    files: {
      'pod.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  restartPolicy: "Bearer MkBearerTokenT0123456789"\n  dnsPolicy: "-----BEGIN RSA PRIVATE KEY-----\\nMkPemBodyS0123\\nabcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz\\n-----END RSA PRIVATE KEY-----"\n  schedulerName: 918273649\n  containers:\n    - name: c\n      image: nginx:1.27\n',
      'compose.yaml': 'services:\n  app:\n    image: nginx:1.27\n    pull_policy: "postgres://app:MkUrlPwW9@db:5432/x"\n',
      Dockerfile: 'FROM node:latest\nENV DB_PASSWORD=MkDockerPwU\nARG API_TOKEN=MkDockerTokV\nENV PORT=8080\nCMD node server.js\n',
    },
    secrets: ['MkBearerTokenT', 'MkPemBodyS', 'abcdefghijklmnopqrstuvwxyz0123456789', 'MkUrlPwW9', 'MkDockerPwU', 'MkDockerTokV'],
    rules: ['k8s-schema', 'compose-schema', 'secret-in-env-or-arg'],
    shown: ['918273649'],
  },
];

function workspace(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-secrets-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

function cli(args: string[]): string {
  let out = '';
  main(args, { out: (s) => (out += s), err: (s) => (out += s) });
  return out;
}

function assertHidden(output: string, secrets: readonly string[], where: string): void {
  for (const secret of secrets) assert.ok(!output.includes(secret), `${where} prints the secret ${secret}:\n${output}`);
}

for (const c of cases) {
  test(`no secret printed: ${c.name}`, () => {
    const root = workspace(c.files);
    // The CLI, in each format.
    const json = cli(['check', root, '--format', 'json']);
    const findings = JSON.parse(json.slice(0, json.lastIndexOf(']') + 1)) as { rule: string; message: string }[];
    for (const rule of c.rules) assert.ok(findings.some((f) => f.rule === rule), `${rule} reports (so the values reach a message): ${json}`);
    for (const value of c.shown) assert.ok(findings.some((f) => f.message.includes(value)), `the value ${value} is not secret and still quoted: ${json}`);
    assertHidden(json, c.secrets, 'check --format json');
    assertHidden(cli(['check', root, '--format', 'text']), c.secrets, 'check --format text');
    assertHidden(cli(['check', root, '--format', 'sarif']), c.secrets, 'check --format sarif');

    // The Project as the language server calls it: published findings (quick and full), their fixes, hovers.
    const logs: string[] = [];
    const project = new Project({ roots: [root], log: (m) => logs.push(m) });
    project.scan();
    for (const key of project.paths()) {
      const text = project.textOf(key);
      if (text !== undefined) project.setOpen(key, text);
    }
    for (const key of project.paths()) {
      for (const d of [...project.checkQuick(key), ...project.check(key)]) {
        assertHidden(d.message, c.secrets, `${d.rule} on ${key}`);
        for (const fix of d.fixes ?? []) assertHidden(fix.title, c.secrets, `a fix of ${d.rule}`);
      }
      const text = project.textOf(key) ?? '';
      const lines = new LineIndex(text);
      for (let offset = 0; offset < text.length; offset++) {
        if (!/\w/.test(text[offset])) continue;
        const hover = project.hover(key, lines.positionAt(offset));
        if (hover) assertHidden(hover, c.secrets, `hover at ${key}:${offset}`);
      }
      assertHidden(JSON.stringify(project.helmValueHints(key)), c.secrets, `inlay hints of ${key}`);
    }
    assertHidden(logs.join('\n'), c.secrets, 'the log');
  });
}

test('Helm values hover, inlay hints and completion: a secret-named key says where it is set, never its value', () => {
  const root = workspace({
    'chart/Chart.yaml': chartYaml,
    'chart/values.yaml': 'db:\n  password: MkHoverPwW\n  port: 5432\n  credentials:\n    user: MkShownUserX\n    pass: MkHoverPassY\n  config: |\n    db.user=MkShownUserZ\n    db.password=MkHoverPropZ\n',
    'chart/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: {{ .Values.db.password | quote }}\n  b: {{ .Values.db.port | quote }}\n  c: {{ .Values.db | toYaml | nindent 4 }}\n',
  });
  const project = new Project({ roots: [root] });
  project.scan();
  const template = join(root, 'chart/templates/cm.yaml');
  const text = project.textOf(template)!;
  const at = (needle: string) => new LineIndex(text).positionAt(text.indexOf(needle) + 2);

  const password = project.hover(template, at('password'))!;
  assert.match(password, /values\.yaml/, 'says where it is set');
  assert.ok(!password.includes('MkHoverPwW'), password);
  const db = project.hover(template, at('db |'))!;
  assert.ok(db.includes('5432') && db.includes('MkShownUserX'), `the map's other values are shown: ${db}`);
  assert.ok(db.includes('MkShownUserZ'), db);
  assert.ok(!db.includes('MkHoverPwW') && !db.includes('MkHoverPassY') && !db.includes('MkHoverPropZ'), db);

  const hints = project.helmValueHints(template).map((h) => h.label);
  assert.ok(hints.includes('= 5432'), hints.join());
  assert.ok(hints.includes('= (hidden)'), hints.join());
  assert.ok(!hints.some((h) => h.includes('MkHoverPwW')), hints.join());

  project.setOpen(template, text + '{{ .Values.db.');
  const end = new LineIndex(text + '{{ .Values.db.').positionAt(text.length + '{{ .Values.db.'.length);
  const completions = project.completions(template, end);
  const byLabel = new Map(completions.map((c) => [c.label, c]));
  assert.equal(byLabel.get('port')?.detail, '5432');
  assert.ok(byLabel.has('password'), completions.map((c) => c.label).join());
  assertHidden(JSON.stringify(completions), ['MkHoverPwW', 'MkHoverPassY', 'MkHoverPropZ'], 'completion');
});
