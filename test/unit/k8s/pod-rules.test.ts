/** Per-pod practice rules: each case is inline YAML and the exact ranges the rule must report. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, findings } from './helpers';

const indent = (text: string, n: number) =>
  text
    .trim()
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');

/** A Pod with one container named `c`; `container` is the rest of the container's fields. */
const pod = (container: string, spec = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec ? indent(spec, 2) + '\n' : ''}  containers:\n    - name: c\n${indent(container, 6)}\n`;

const deployment = (container: string, kind = 'Deployment') =>
  `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: d\nspec:\n  selector:\n    matchLabels: {app: d}\n  template:\n    metadata:\n      labels: {app: d}\n    spec:\n      containers:\n        - name: c\n${indent(container, 10)}\n`;

interface Case {
  rule: string;
  name: string;
  yaml: string;
  /** Snippets whose ranges must be reported (see `at`); empty for "no finding". */
  expect: (string | [string, number])[];
}

const cases: Case[] = [
  { rule: 'k8s-image-latest', name: 'latest tag', yaml: pod('image: nginx:latest'), expect: ['image: |nginx:latest'] },
  { rule: 'k8s-image-latest', name: 'no tag', yaml: pod('image: nginx'), expect: ['image: |nginx'] },
  { rule: 'k8s-image-latest', name: 'registry port without tag', yaml: pod('image: localhost:5000/team/app'), expect: ['image: |localhost:5000/team/app'] },
  { rule: 'k8s-image-latest', name: 'registry port with tag', yaml: pod('image: localhost:5000/team/app:1.2'), expect: [] },
  { rule: 'k8s-image-latest', name: 'digest', yaml: pod('image: nginx@sha256:0123abcd'), expect: [] },
  { rule: 'k8s-image-latest', name: 'pinned', yaml: pod('image: nginx:1.27.3'), expect: [] },
  { rule: 'k8s-image-latest', name: 'templated', yaml: pod('image: "{{ .Values.image }}"'), expect: [] },
  { rule: 'k8s-image-latest', name: 'in a CronJob', yaml: `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: j}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: c\n              image: busybox\n`, expect: ['image: |busybox'] },

  { rule: 'k8s-missing-resources', name: 'none set', yaml: pod('image: a:1'), expect: ['name: |c'] },
  { rule: 'k8s-missing-resources', name: 'memory limit missing', yaml: pod('image: a:1\nresources:\n  requests: {cpu: 100m, memory: 64Mi}'), expect: ['|resources'] },
  { rule: 'k8s-missing-resources', name: 'all set, no cpu limit', yaml: pod('image: a:1\nresources:\n  requests: {cpu: 100m, memory: 64Mi}\n  limits: {memory: 128Mi}'), expect: [] },

  { rule: 'k8s-missing-probes', name: 'deployment without probes', yaml: deployment('image: a:1\nports: [{containerPort: 80}]'), expect: ['name: |c'] },
  { rule: 'k8s-missing-probes', name: 'no ports: liveness is enough', yaml: deployment('image: a:1\nlivenessProbe: {exec: {command: [true]}}'), expect: [] },
  { rule: 'k8s-missing-probes', name: 'ports need readiness', yaml: deployment('image: a:1\nports: [{containerPort: 80}]\nlivenessProbe: {tcpSocket: {port: 80}}'), expect: ['name: |c'] },
  { rule: 'k8s-missing-probes', name: 'jobs are exempt', yaml: `apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: c\n          image: a:1\n`, expect: [] },
  { rule: 'k8s-missing-probes', name: 'run-once pod is exempt', yaml: pod('image: a:1', 'restartPolicy: Never'), expect: [] },

  { rule: 'k8s-privileged', name: 'privileged', yaml: pod('image: a:1\nsecurityContext:\n  privileged: true'), expect: ['privileged: |true'] },
  { rule: 'k8s-privileged', name: 'explicitly unprivileged', yaml: pod('image: a:1\nsecurityContext:\n  privileged: false'), expect: [] },

  { rule: 'k8s-host-network', name: 'hostNetwork', yaml: pod('image: a:1', 'hostNetwork: true'), expect: ['hostNetwork: |true'] },
  { rule: 'k8s-host-network', name: 'hostNetwork false', yaml: pod('image: a:1', 'hostNetwork: false'), expect: [] },

  { rule: 'k8s-run-as-root', name: 'nothing set', yaml: pod('image: a:1'), expect: ['name: |c'] },
  { rule: 'k8s-run-as-root', name: 'runAsUser 0 on the container', yaml: pod('image: a:1\nsecurityContext:\n  runAsUser: 0'), expect: ['runAsUser: |0'] },
  { rule: 'k8s-run-as-root', name: 'runAsNonRoot false', yaml: pod('image: a:1\nsecurityContext:\n  runAsNonRoot: false'), expect: ['runAsNonRoot: |false'] },
  { rule: 'k8s-run-as-root', name: 'pod-level runAsNonRoot', yaml: pod('image: a:1', 'securityContext:\n  runAsNonRoot: true'), expect: [] },
  { rule: 'k8s-run-as-root', name: 'non-zero runAsUser is enough', yaml: pod('image: a:1\nsecurityContext:\n  runAsUser: 1000'), expect: [] },
  { rule: 'k8s-run-as-root', name: 'container overrides pod with root', yaml: pod('image: a:1\nsecurityContext:\n  runAsUser: 0', 'securityContext:\n  runAsNonRoot: true\n  runAsUser: 1000'), expect: ['runAsUser: |0'] },
  { rule: 'k8s-run-as-root', name: 'pod-level root user', yaml: pod('image: a:1', 'securityContext:\n  runAsUser: 0'), expect: ['runAsUser: |0'] },

  { rule: 'k8s-single-process', name: 'background job in sh -c', yaml: pod('image: a:1\ncommand: ["sh", "-c", "nginx & php-fpm"]'), expect: ['|command'] },
  { rule: 'k8s-single-process', name: 'script in args', yaml: pod('image: a:1\ncommand: ["/bin/bash"]\nargs: ["-c", "worker & exec server"]'), expect: ['|command'] },
  { rule: 'k8s-single-process', name: 'supervisord', yaml: pod('image: a:1\ncommand: ["/usr/bin/supervisord", "-n"]'), expect: ['|command'] },
  { rule: 'k8s-single-process', name: 'sshd in a script', yaml: pod('image: a:1\ncommand: ["sh", "-c", "/usr/sbin/sshd && exec app"]'), expect: ['|command'] },
  { rule: 'k8s-single-process', name: '&& and redirections are one process', yaml: pod('image: a:1\ncommand: ["sh", "-c", "migrate && exec app 2>&1 >/dev/null"]'), expect: [] },
  { rule: 'k8s-single-process', name: 'quoted ampersand', yaml: pod(`image: a:1\ncommand: ["sh", "-c", "echo 'a & b' && exec app"]`), expect: [] },
  { rule: 'k8s-single-process', name: 'service start, then another process', yaml: pod('image: a:1\ncommand: ["bash", "-c", "service cron start && exec php-fpm"]'), expect: ['|command'] },
  { rule: 'k8s-single-process', name: 'a self-daemonising nginx before the app', yaml: pod('image: a:1\ncommand: ["sh", "-c", "nginx; exec node app.js"]'), expect: ['|command'] },
  { rule: 'k8s-single-process', name: 'nginx in the foreground', yaml: pod(`image: a:1\ncommand: ["sh", "-c", "envsubst < /t/nginx.conf > /etc/nginx/nginx.conf && exec nginx -g 'daemon off;'"]`), expect: [] },
  { rule: 'k8s-single-process', name: 'a single program', yaml: pod('image: a:1\ncommand: ["app"]'), expect: [] },

  { rule: 'k8s-config-in-command', name: 'echo into /etc', yaml: pod(`image: a:1\ncommand: ["sh", "-c", "echo 'port=80' > /etc/app.conf && exec app"]`), expect: ['|command'] },
  { rule: 'k8s-config-in-command', name: 'heredoc into yaml', yaml: pod('image: a:1\nargs: ["sh", "-c", "cat <<EOF > config.yaml\\nport: 80\\nEOF\\nexec app"]'), expect: ['|args'] },
  { rule: 'k8s-config-in-command', name: 'printf piped into tee', yaml: pod(`image: a:1\ncommand: ["sh", "-c", "printf 'a=1' | tee -a /srv/app.ini >/dev/null; exec app"]`), expect: ['|command'] },
  { rule: 'k8s-config-in-command', name: 'copying a mounted template', yaml: pod('image: a:1\ncommand: ["sh", "-c", "cat /config/app.conf > /etc/app.conf && exec app"]'), expect: [] },
  { rule: 'k8s-config-in-command', name: 'envsubst renders from env', yaml: pod('image: a:1\ncommand: ["sh", "-c", "envsubst < /t/app.conf > /etc/app.conf && exec app"]'), expect: [] },
  { rule: 'k8s-config-in-command', name: 'log redirection', yaml: pod('image: a:1\ncommand: ["sh", "-c", "echo starting >> /var/log/app.log; exec app"]'), expect: [] },

  { rule: 'k8s-secret-in-env', name: 'literal password', yaml: pod('image: a:1\nenv:\n  - name: DB_PASSWORD\n    value: hunter2'), expect: ['value: |hunter2'] },
  { rule: 'k8s-secret-in-env', name: 'API key with number', yaml: pod('image: a:1\nenv:\n  - name: STRIPE_API_KEY\n    value: "12345"'), expect: ['value: |"12345"'] },
  { rule: 'k8s-secret-in-env', name: 'reference to another var', yaml: pod('image: a:1\nenv:\n  - name: DB_PASSWORD\n    value: $(FROM_SECRET)'), expect: [] },
  { rule: 'k8s-secret-in-env', name: 'flag, not a secret', yaml: pod('image: a:1\nenv:\n  - name: MYSQL_ALLOW_EMPTY_PASSWORD\n    value: "yes"'), expect: [] },
  { rule: 'k8s-secret-in-env', name: 'path to a secret file', yaml: pod('image: a:1\nenv:\n  - name: DB_PASSWORD_FILE\n    value: /run/secrets/db'), expect: [] },
  { rule: 'k8s-secret-in-env', name: 'camelCase and whole tokens', yaml: pod('image: a:1\nenv:\n  - name: dbPassword\n    value: x1\n  - name: TOKENIZER_MODEL\n    value: bert\n  - name: CACHE_KEY_PREFIX\n    value: app'), expect: ['value: |x1'] },
  { rule: 'k8s-secret-in-env', name: 'valueFrom', yaml: pod('image: a:1\nenv:\n  - name: TOKEN\n    valueFrom: {secretKeyRef: {name: s, key: t}}'), expect: [] },

  { rule: 'k8s-secret-in-configmap', name: 'password key', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  host: db\n  db_password: hunter2\n', expect: ['|db_password'] },
  { rule: 'k8s-secret-in-configmap', name: 'password inside an embedded file', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  app.properties: |\n    db.host=db\n    db.password=hunter2\n', expect: ['|app.properties'] },
  { rule: 'k8s-secret-in-configmap', name: 'plain settings', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  host: db\n  app.properties: |\n    db.host=db\n    db.password=${DB_PASSWORD}\n', expect: [] },

  { rule: 'k8s-selector-mismatch', name: 'matchLabels value differs', yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: frontend\n    spec:\n      containers: [{name: c, image: a:1}]\n', expect: ['app: |web'] },
  { rule: 'k8s-selector-mismatch', name: 'template has no labels', yaml: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: d}\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    spec:\n      containers: [{name: c, image: a:1}]\n', expect: ['app: |web'] },
  { rule: 'k8s-selector-mismatch', name: 'matchExpressions In fails', yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector:\n    matchExpressions:\n      - {key: tier, operator: In, values: [api]}\n  template:\n    metadata:\n      labels: {tier: web}\n    spec:\n      containers: [{name: c, image: a:1}]\n', expect: ['- |{key: tier, operator: In, values: [api]}'] },
  { rule: 'k8s-selector-mismatch', name: 'subset of labels matches', yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector:\n    matchLabels: {app: web}\n    matchExpressions:\n      - {key: canary, operator: DoesNotExist}\n  template:\n    metadata:\n      labels: {app: web, tier: front}\n    spec:\n      containers: [{name: c, image: a:1}]\n', expect: [] },
  { rule: 'k8s-selector-mismatch', name: 'ReplicationController map selector', yaml: 'apiVersion: v1\nkind: ReplicationController\nmetadata: {name: r}\nspec:\n  selector:\n    app: web\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers: [{name: c, image: a:1}]\n', expect: ['app: |web'] },
  { rule: 'k8s-selector-mismatch', name: 'Job without manualSelector', yaml: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  selector:\n    matchLabels: {app: x}\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: c, image: a:1}]\n', expect: [] },
];

for (const c of cases) {
  test(`${c.rule}: ${c.name}`, () => {
    const expected = c.expect.map((e) => `/ws/app.yaml@${Array.isArray(e) ? at(c.yaml, e[0], e[1]) : at(c.yaml, e)}`).sort();
    assert.deepEqual(findings(c.yaml, c.rule), expected);
  });
}
