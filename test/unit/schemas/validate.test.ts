import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateYamlFile } from '../../../src/core/schemas';
import { clearValidationCaches } from '../../../src/core/schemas/validate';
import type { Diagnostic } from '../../../src/core/diagnostics';
import { testSchemaDir } from './schema-dir';

const deployment = (spec: string) =>
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
${spec}`;

const where = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

function check(text: string, fileName = 'manifest.yaml', options = {}): Diagnostic[] {
  return validateYamlFile(text, fileName, { schemaDir: testSchemaDir(), ...options });
}

test('Kubernetes schema errors land on the exact key or value, with readable messages', () => {
  const cases: { name: string; text: string; rule: string; at: string; message: RegExp }[] = [
    {
      name: 'typo in a field name: on the key, with a suggestion',
      text: deployment('      contianers:\n      - name: a\n        image: nginx\n'),
      rule: 'k8s-schema',
      at: '11:6-11:16',
      message: /Unknown field "contianers"; did you mean "containers" \(a required field\)\? \(in PodSpec /,
    },
    {
      name: 'wrong type: on the value, expected type named',
      text: deployment('      containers:\n      - name: a\n        image: nginx\n').replace('spec:\n  selector', 'spec:\n  replicas: "3"\n  selector'),
      rule: 'k8s-schema',
      at: '5:12-5:15',
      message: /Expected an integer for `spec.replicas`, got a string "3"/,
    },
    {
      name: 'missing required field: on the parent key',
      text: deployment('      containers:\n      - image: nginx\n'),
      rule: 'k8s-schema',
      at: '12:8-12:20',
      message: /Missing required field "name"/,
    },
    {
      name: 'quantity grammar (cpu: 1000ms passes the reference schemas)',
      text: deployment('      containers:\n      - name: a\n        resources:\n          limits: {cpu: 1000ms}\n'),
      rule: 'k8s-schema',
      at: '14:24-14:30',
      message: /"1000ms" is not a valid quantity/,
    },
    {
      name: 'YAML 1.1 boolean where a string is meant',
      text: deployment('      containers:\n      - name: a\n        env:\n        - {name: DEBUG, value: yes}\n'),
      rule: 'yaml-norway-boolean',
      at: '14:31-14:34',
      message: /"yes" is read as the boolean true/,
    },
    {
      name: 'octal where a string is meant',
      text: deployment('      containers:\n      - name: a\n        env:\n        - {name: PIN, value: 0123}\n'),
      rule: 'yaml-octal-number',
      at: '14:29-14:33',
      message: /0123 is read as the octal number 83/,
    },
    {
      name: 'two containers with the same name (x-kubernetes-list-map-keys)',
      text: deployment('      containers:\n      - name: a\n        image: x\n      - name: a\n        image: y\n'),
      rule: 'k8s-schema',
      at: '14:8-14:15',
      message: /Duplicate entry .*name="a"/,
    },
    {
      name: 'duplicate key: kubectl rejects it',
      text: deployment('      containers: []\n      containers:\n      - name: a\n'),
      rule: 'yaml-duplicate-key',
      at: '12:6-12:16',
      message: /Duplicate key "containers"/,
    },
    {
      name: 'removed API: says when and what to use',
      text: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: x}\n',
      rule: 'k8s-schema-removed-api',
      at: '0:12-0:30',
      message: /removed in Kubernetes 1\.22.*use networking\.k8s\.io\/v1/,
    },
    {
      name: 'custom resource without a CRD: a warning on kind',
      text: 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: x}\n',
      rule: 'k8s-schema-unknown-kind',
      at: '1:6-1:12',
      message: /No schema for example\.com\/v1 Widget/,
    },
    {
      name: 'tab indentation',
      text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n',
      rule: 'yaml-tab-indent',
      at: '3:0-3:1',
      message: /Tab used for indentation/,
    },
  ];
  for (const c of cases) {
    const found = check(c.text).filter((d) => d.rule === c.rule);
    assert.equal(found.length, 1, `${c.name}: ${JSON.stringify(check(c.text).map((d) => [d.rule, d.message]))}`);
    assert.equal(where(found[0]), c.at, c.name);
    assert.match(found[0].message, c.message, c.name);
  }
});

test('valid manifests give no diagnostics, including traps of the reference schemas', () => {
  const valid = [
    deployment('      containers:\n      - name: a\n        image: nginx\n        ports: [{containerPort: 80}]\n').replace(
      'spec:\n  selector',
      'spec:\n  strategy:\n    rollingUpdate: {maxSurge: null, maxUnavailable: 25%}\n  selector',
    ),
    'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  - port: 80\n    targetPort: 8080\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  creationTimestamp: null\ndata:\n  5: "x"\n',
    'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: a}\n',
    '# only a comment\n',
    'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [deployment.yaml]\n',
    '',
  ];
  for (const text of valid) assert.deepEqual(check(text, 'm.yaml', { kind: 'kubernetes' }), [], text);
});

test('quick fixes quote YAML 1.1 traps and replace removed apiVersions', () => {
  const [norway] = check(deployment('      containers:\n      - name: a\n        env:\n        - {name: A, value: on}\n'));
  assert.equal(norway.fixes?.[0].edits[0].newText, '"on"');
  const [removed] = check('apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: {name: x}\n');
  assert.equal(removed.fixes?.[0].edits[0].newText, 'apps/v1');
});

test('each document is validated on its own: an error in one does not hide or move the others', () => {
  const bad = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {a: [}\n';
  const good = (n: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${n}}\ndata:\n  k: ${n}\n`;
  const text = [good(1), bad, good(2)].join('---\n');
  const diagnostics = check(text);
  assert.ok(diagnostics.some((d) => d.rule === 'yaml-syntax' && d.range.start.line >= 6 && d.range.start.line <= 9));
  // Both good documents have a number where ConfigMap data needs a string, each on its own line.
  const lines = diagnostics.filter((d) => d.rule === 'k8s-schema').map((d) => d.range.start.line);
  assert.deepEqual(lines, [4, 15]);
});

test('Kubernetes version is selectable: a kind new in 1.33 is unknown to 1.31', () => {
  // resource.k8s.io/v1beta2 appeared in 1.33.
  const text = 'apiVersion: resource.k8s.io/v1beta2\nkind: DeviceClass\nmetadata: {name: x}\nspec: {}\n';
  assert.deepEqual(check(text, 'x.yaml', { kubernetesVersion: '1.34' }), []);
  assert.equal(check(text, 'x.yaml', { kubernetesVersion: '1.31' })[0]?.rule, 'k8s-schema-unknown-kind');
  assert.match(check(text, 'x.yaml', { kubernetesVersion: '1.20' })[0].message, /not available; choose one of 1\.31, 1\.32, 1\.33, 1\.34/);
});

test('removed and not-yet-served APIs: rule, range and fix say what the shipped versions serve', () => {
  const object = (apiVersion: string, kind: string) => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x}\n`;
  const cases: { name: string; text: string; version: string; rule: string; message: RegExp; fix?: string }[] = [
    {
      name: 'a kind new in 1.34 under an old apiVersion is not "removed in 1.22"',
      text: object('admissionregistration.k8s.io/v1beta1', 'MutatingAdmissionPolicy'),
      version: '1.33',
      rule: 'k8s-schema-unknown-kind',
      message: /served from Kubernetes 1\.34 on, not in 1\.33/,
      fix: 'admissionregistration.k8s.io/v1alpha1',
    },
    {
      name: 'the same kind in 1.34 is served',
      text: object('admissionregistration.k8s.io/v1beta1', 'MutatingAdmissionPolicy'),
      version: '1.34',
      rule: '',
      message: /./,
    },
    {
      name: 'an apiVersion the shipped sets stop serving',
      text: object('admissionregistration.k8s.io/v1beta1', 'ValidatingAdmissionPolicy'),
      version: '1.34',
      rule: 'k8s-schema-removed-api',
      message: /not served in Kubernetes 1\.34.*last shipped version serving it is 1\.33/,
      fix: 'admissionregistration.k8s.io/v1',
    },
    {
      name: 'the removal table still speaks for webhooks of the same apiVersion',
      text: object('admissionregistration.k8s.io/v1beta1', 'MutatingWebhookConfiguration'),
      version: '1.34',
      rule: 'k8s-schema-removed-api',
      message: /removed in Kubernetes 1\.22/,
      fix: 'admissionregistration.k8s.io/v1',
    },
    {
      name: 'coordination.k8s.io/v1beta1 LeaseCandidate (1.33+) is not the removed v1beta1 Lease',
      text: object('coordination.k8s.io/v1beta1', 'LeaseCandidate'),
      version: '1.32',
      rule: 'k8s-schema-unknown-kind',
      message: /served from Kubernetes 1\.33 on, not in 1\.32/,
      fix: 'coordination.k8s.io/v1alpha2',
    },
    {
      name: 'authentication.k8s.io/v1beta1 SelfSubjectReview (1.27-1.32) was not removed with v1beta1 TokenReview in 1.22',
      text: object('authentication.k8s.io/v1beta1', 'SelfSubjectReview'),
      version: '1.33',
      rule: 'k8s-schema-removed-api',
      message: /not served in Kubernetes 1\.33.*last shipped version serving it is 1\.32/,
      fix: 'authentication.k8s.io/v1',
    },
    {
      name: 'v1beta1 TokenReview itself was',
      text: object('authentication.k8s.io/v1beta1', 'TokenReview'),
      version: '1.34',
      rule: 'k8s-schema-removed-api',
      message: /removed in Kubernetes 1\.22/,
      fix: 'authentication.k8s.io/v1',
    },
    {
      name: 'certificates.k8s.io/v1beta1 ClusterTrustBundle is new in 1.33, not the CertificateSigningRequest removed in 1.22',
      text: object('certificates.k8s.io/v1beta1', 'ClusterTrustBundle'),
      version: '1.32',
      rule: 'k8s-schema-unknown-kind',
      message: /served from Kubernetes 1\.33 on, not in 1\.32/,
      fix: 'certificates.k8s.io/v1alpha1',
    },
    {
      name: 'a removed kind\'s List went with it',
      text: object('rbac.authorization.k8s.io/v1beta1', 'RoleBindingList'),
      version: '1.34',
      rule: 'k8s-schema-removed-api',
      message: /removed in Kubernetes 1\.22/,
      fix: 'rbac.authorization.k8s.io/v1',
    },
    {
      name: 'a removal after the shipped window keeps its removal version',
      text: object('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema'),
      version: '1.34',
      rule: 'k8s-schema-removed-api',
      message: /removed in Kubernetes 1\.32/,
      fix: 'flowcontrol.apiserver.k8s.io/v1',
    },
  ];
  for (const c of cases) {
    const found = check(c.text, 'x.yaml', { kubernetesVersion: c.version });
    if (!c.rule) {
      assert.deepEqual(found, [], c.name);
      continue;
    }
    assert.deepEqual(found.map((d) => [d.rule, where(d)]), [[c.rule, `0:12-0:${c.text.indexOf('\n')}`]], c.name);
    assert.match(found[0].message, c.message, c.name);
    assert.equal(found[0].fixes?.[0].edits[0].newText, c.fix, c.name);
  }
});

test('configuration files of Kubernetes components and kubeconfig are not unknown kinds', () => {
  const configs = [
    'apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nprofiles: []\n',
    'apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources: []\n',
    'apiVersion: apiserver.k8s.io/v1alpha1\nkind: AdmissionConfiguration\nplugins: []\n',
    'apiVersion: kubecontrollermanager.config.k8s.io/v1alpha1\nkind: KubeControllerManagerConfiguration\n',
    'apiVersion: pod-security.admission.config.k8s.io/v1\nkind: PodSecurityConfiguration\n',
    'apiVersion: podtolerationrestriction.admission.k8s.io/v1alpha1\nkind: Configuration\ndefault: []\n',
    'apiVersion: resourcequota.admission.k8s.io/v1beta1\nkind: Configuration\nlimitedResources: []\n',
    'apiVersion: eventratelimit.admission.k8s.io/v1alpha1\nkind: Configuration\nlimits: []\n',
    'apiVersion: apiserver.config.k8s.io/v1beta1\nkind: AuthenticationConfiguration\njwt: []\n',
    'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules: [{level: Metadata}]\n',
    'apiVersion: controllermanager.config.k8s.io/v1\nkind: LeaderMigrationConfiguration\nleaderName: x\n',
    'apiVersion: kubectl.config.k8s.io/v1beta1\nkind: Preference\n',
    'apiVersion: kubelet.config.k8s.io/v1\nkind: CredentialProviderConfig\nproviders: []\n',
    'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n',
  ];
  for (const text of configs) assert.deepEqual(check(text, 'c.yaml', { kind: 'kubernetes' }), [], text);
  // A made-up kind of a served group is still reported, and so is a group that is only like a config group.
  assert.equal(check('apiVersion: v1\nkind: Configg\nmetadata: {name: x}\n', 'c.yaml')[0]?.rule, 'k8s-schema-unknown-kind');
  assert.equal(check('apiVersion: podsecurity.admission.config.k8s.io/v1\nkind: PodSecurityConfiguration\n', 'c.yaml', { kind: 'kubernetes' })[0]?.rule, 'k8s-schema-unknown-kind');
});

test('Compose: unknown service key, type errors and octal numbers', () => {
  const text = 'services:\n  web:\n    image: nginx\n    wrongField: test\n    environment:\n      PIN: 0123\n    ports: {a: 1}\n';
  const found = check(text, 'compose.yaml').map((d) => [d.rule, where(d), d.message]);
  assert.deepEqual(
    found.map(([rule, at]) => [rule, at]),
    [
      ['compose-schema', '3:4-3:14'],
      ['yaml-octal-number', '5:11-5:15'],
      ['compose-schema', '6:11-6:17'],
    ],
  );
  assert.match(String(found[0][2]), /Unknown field "wrongField" in `services.web` \(custom fields must start with "x-"\)/);
  assert.match(String(found[2][2]), /Expected a list/);
  assert.deepEqual(check('services:\n  web:\n    image: nginx\n    x-custom: 1\n    ports: ["80:80"]\n    ulimits: {nofile: 1024}\n    command: !reset null\n', 'docker-compose.yml'), []);
});

test('a missing schema folder is a clear diagnostic, not a crash', () => {
  const [d] = validateYamlFile('apiVersion: v1\nkind: Pod\n', 'p.yaml', { schemaDir: '/nonexistent/schemas' });
  assert.equal(d.severity, 'error');
  assert.match(d.message, /No generated schemas in \/nonexistent\/schemas\. Run `npm run schemas` in \//);
});

test('Helm templates and other YAML are left alone', () => {
  assert.deepEqual(validateYamlFile('apiVersion: v1\nkind: Pod\nspec: {{ .Values.x }}\n', 'x.yaml', { schemaDir: testSchemaDir(), isHelmTemplate: true }), []);
  assert.deepEqual(check('name: build\non: [push]\n', '.github/workflows/ci.yml'), []);
});

test('re-validating an edited file gives the same diagnostics as validating it fresh', () => {
  const doc = (n: number, replicas: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d${n}}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n      containers: [{name: a, image: nginx}]\n`;
  const base = [1, 2, 3, 4, 5].map((n) => doc(n, '1')).join('---\n');
  const edits = [
    base.replace('name: d3}\nspec:\n  replicas: 1', 'name: d3}\nspec:\n  replicas: "many"'), // an error in the middle
    base.replace('name: d1}', 'name: d1}\n  labels: {a: [}'), // a syntax error in the first document
    base + '---\napiVersion: v1\nkind: Pod\nspec: {containers: 5}\n', // a new document at the end
    base.replace('---\n', '---\n# a comment\n').replace(/---\n/g, '---\n'), // comments
  ];
  for (const edited of edits) {
    check(base, 'edited.yaml');
    const incremental = check(edited, 'edited.yaml');
    clearValidationCaches();
    assert.deepEqual(incremental, check(edited, 'fresh.yaml'));
  }
});
