/**
 * What the API server validates beyond the schema (k8s-object-name, k8s-label-syntax,
 * k8s-annotation-syntax, k8s-port-range, k8s-resource-quantity, k8s-finalizer-name,
 * k8s-storage-request, k8s-host-port, k8s-ip-address, k8s-quota-resources, k8s-limit-range): each case is inline YAML and the
 * exact ranges the rule must report, with the edges of apimachinery's validators on both sides.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, findings, workspaceOf } from './helpers';
import { cidrContains, isConfigMapKey, isDns1035Label, isDns1123Label, isDns1123Subdomain, isLabelValue, isQualifiedName, isValidPortName, parseCidrSloppy, parseIpSloppy } from '../../../src/core/k8s/api-validation';
import { parseExactQuantity } from '../../../src/core/k8s/rules/resource-quantity';
import { validateYamlFile } from '../../../src/core/schemas';
import { testSchemaDir } from '../schemas/schema-dir';

const indent = (text: string, n: number) =>
  text
    .trim()
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');

const a63 = 'a'.repeat(63);
const a64 = 'a'.repeat(64);

/** An object of `kind` with `metadata` lines (indented under `metadata:`) and optional rest. */
const obj = (kind: string, metadata: string, rest = '', apiVersion = 'v1') => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n${indent(metadata, 2)}\n${rest}`;
const named = (kind: string, name: string, apiVersion = 'v1') => obj(kind, `name: ${name}`, '', apiVersion);

/** A Pod with one container named `c`; `container` is the rest of the container's fields. */
const pod = (container: string, spec = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec ? indent(spec, 2) + '\n' : ''}  containers:\n    - name: c\n      image: a:1\n${indent(container, 6)}\n`;

const service = (ports: string, spec = '') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n${spec ? indent(spec, 2) + '\n' : ''}  ports:\n${indent(ports, 4)}\n`;

const deployment = (selector: string, labels = 'app: web') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector:\n${indent(selector, 4)}\n  template:\n    metadata:\n      labels:\n${indent(labels, 8)}\n    spec:\n      containers: [{name: c, image: a:1}]\n`;

interface Case {
  rule: string;
  name: string;
  yaml: string;
  /** Snippets whose ranges must be reported (see `at`); empty for "no finding". */
  expect: (string | [string, number])[];
}

const cases: Case[] = [
  // Object names: DNS-1123 subdomain by default (253), label for Namespace/StatefulSet (63), DNS-1035 for Service.
  { rule: 'k8s-object-name', name: 'subdomain with dots', yaml: named('ConfigMap', 'app.config-1'), expect: [] },
  { rule: 'k8s-object-name', name: 'subdomain of 253 characters', yaml: named('ConfigMap', `${a63}.${a63}.${a63}.${'a'.repeat(61)}`), expect: [] },
  { rule: 'k8s-object-name', name: 'subdomain of 254 characters', yaml: named('ConfigMap', `${a63}.${a63}.${a63}.${'a'.repeat(62)}`), expect: [`name: |${a63}.${a63}.${a63}.${'a'.repeat(62)}`] },
  { rule: 'k8s-object-name', name: 'uppercase', yaml: named('ConfigMap', 'MyConfig'), expect: ['name: |MyConfig'] },
  { rule: 'k8s-object-name', name: 'underscore', yaml: named('Secret', 'db_password'), expect: ['name: |db_password'] },
  { rule: 'k8s-object-name', name: 'leading dash', yaml: named('ConfigMap', '-config'), expect: ['name: |-config'] },
  { rule: 'k8s-object-name', name: 'trailing dash', yaml: named('ConfigMap', 'config-'), expect: ['name: |config-'] },
  { rule: 'k8s-object-name', name: 'empty label between dots', yaml: named('ConfigMap', 'a..b'), expect: ['name: |a..b'] },
  { rule: 'k8s-object-name', name: 'Service starting with a digit (DNS-1035)', yaml: named('Service', '1web'), expect: ['name: |1web'] },
  { rule: 'k8s-object-name', name: 'Service with a dot', yaml: named('Service', 'web.api'), expect: ['name: |web.api'] },
  { rule: 'k8s-object-name', name: 'Service of 63 characters', yaml: named('Service', `w${'a'.repeat(62)}`), expect: [] },
  { rule: 'k8s-object-name', name: 'Service of 64 characters', yaml: named('Service', `w${'a'.repeat(63)}`), expect: [`name: |w${'a'.repeat(63)}`] },
  { rule: 'k8s-object-name', name: 'Deployment may start with a digit', yaml: named('Deployment', '1web', 'apps/v1'), expect: [] },
  { rule: 'k8s-object-name', name: 'Namespace with a dot', yaml: named('Namespace', 'team.a'), expect: ['name: |team.a'] },
  { rule: 'k8s-object-name', name: 'Namespace of 63 characters', yaml: named('Namespace', a63), expect: [] },
  { rule: 'k8s-object-name', name: 'Namespace of 64 characters', yaml: named('Namespace', a64), expect: [`name: |${a64}`] },
  { rule: 'k8s-object-name', name: 'StatefulSet with a dot', yaml: named('StatefulSet', 'db.primary', 'apps/v1'), expect: ['name: |db.primary'] },
  { rule: 'k8s-object-name', name: 'CronJob of 52 characters', yaml: named('CronJob', 'a'.repeat(52), 'batch/v1'), expect: [] },
  { rule: 'k8s-object-name', name: 'CronJob of 53 characters', yaml: named('CronJob', 'a'.repeat(53), 'batch/v1'), expect: [`name: |${'a'.repeat(53)}`] },
  { rule: 'k8s-object-name', name: 'ClusterRole with colons (path segment)', yaml: named('ClusterRole', 'system:controller:Foo', 'rbac.authorization.k8s.io/v1'), expect: [] },
  { rule: 'k8s-object-name', name: 'ClusterRole with a slash', yaml: named('ClusterRole', 'team/admin', 'rbac.authorization.k8s.io/v1'), expect: ['name: |team/admin'] },
  { rule: 'k8s-object-name', name: 'custom resource: subdomain', yaml: named('Widget', 'My_Widget', 'example.com/v1'), expect: ['name: |My_Widget'] },
  { rule: 'k8s-object-name', name: 'client-side config is not an object', yaml: named('Kustomization', 'My_Kustomization', 'kustomize.config.k8s.io/v1beta1'), expect: [] },
  { rule: 'k8s-object-name', name: 'templated name', yaml: named('ConfigMap', '"{{ .Release.Name }}-Config"'), expect: [] },
  { rule: 'k8s-object-name', name: 'generateName ending in a dash', yaml: obj('Pod', 'generateName: job-'), expect: [] },
  { rule: 'k8s-object-name', name: 'generateName with uppercase', yaml: obj('Pod', 'generateName: Job-'), expect: ['generateName: |Job-'] },
  { rule: 'k8s-object-name', name: 'namespace with uppercase', yaml: obj('ConfigMap', 'name: c\nnamespace: Team'), expect: ['namespace: |Team'] },
  {
    rule: 'k8s-object-name',
    name: 'CRD name must be plural.group',
    yaml: obj('CustomResourceDefinition', 'name: widget.example.com', 'spec:\n  group: example.com\n  names: {plural: widgets, kind: Widget}\n', 'apiextensions.k8s.io/v1'),
    expect: ['name: |widget.example.com'],
  },
  {
    rule: 'k8s-object-name',
    name: 'CRD name is plural.group',
    yaml: obj('CustomResourceDefinition', 'name: widgets.example.com', 'spec:\n  group: example.com\n  names: {plural: widgets, kind: Widget}\n', 'apiextensions.k8s.io/v1'),
    expect: [],
  },
  {
    rule: 'k8s-object-name',
    name: 'CRD group from a template',
    yaml: obj('CustomResourceDefinition', 'name: widgets.example.com', 'spec:\n  group: "{{ .Values.group }}"\n  names: {plural: widgets, kind: Widget}\n', 'apiextensions.k8s.io/v1'),
    expect: [],
  },
  {
    rule: 'k8s-object-name',
    name: 'APIService name must be version.group',
    yaml: obj('APIService', 'name: metrics', 'spec:\n  group: metrics.k8s.io\n  version: v1beta1\n', 'apiregistration.k8s.io/v1'),
    expect: ['name: |metrics'],
  },
  { rule: 'k8s-object-name', name: 'container name with uppercase', yaml: pod('', '').replace('- name: c', '- name: Web'), expect: ['name: |Web'] },
  { rule: 'k8s-object-name', name: 'volume name with a dot', yaml: pod('volumeMounts: [{name: my.vol, mountPath: /v}]', 'volumes:\n  - name: my.vol\n    emptyDir: {}'), expect: ['- name: |my.vol'] },

  { rule: 'k8s-object-name', name: 'duplicate container name across init containers', yaml: pod('', 'initContainers:\n  - {name: c, image: a:1}'), expect: ['{name: |c'] },
  { rule: 'k8s-object-name', name: 'duplicate volume name', yaml: pod('', 'volumes:\n  - {name: data, emptyDir: {}}\n  - {name: data, emptyDir: {}}'), expect: [['name: |data', 1]] },
  { rule: 'k8s-object-name', name: 'relaxed env names', yaml: pod('env:\n  - {name: my.env-name, value: x}\n  - {name: 1ST_VAR, value: x}\n  - {name: "A B", value: x}'), expect: [] },
  { rule: 'k8s-object-name', name: 'env name with =', yaml: pod('env:\n  - {name: "A=B", value: x}\n  - {name: "Ä", value: x}'), expect: ['name: |"A=B"', 'name: |"Ä"'] },
  { rule: 'k8s-object-name', name: 'ConfigMap keys', yaml: obj('ConfigMap', 'name: c', 'data:\n  app.properties: x\n  KEY_NAME: x\n  key-name: x\n  .hidden: x\n'), expect: [] },
  { rule: 'k8s-object-name', name: 'ConfigMap key with a slash or a space', yaml: obj('ConfigMap', 'name: c', 'data:\n  conf/app.yaml: x\n  "my key": x\n'), expect: ['|conf/app.yaml', '|"my key"'] },
  { rule: 'k8s-object-name', name: 'ConfigMap key starting with ..', yaml: obj('ConfigMap', 'name: c', 'data:\n  ..data: x\n'), expect: ['|..data'] },
  { rule: 'k8s-object-name', name: 'ConfigMap key in data and binaryData', yaml: obj('ConfigMap', 'name: c', 'data:\n  k: x\nbinaryData:\n  k: eA==\n'), expect: ['binaryData:\n  |k'] },
  { rule: 'k8s-object-name', name: 'Secret stringData key', yaml: obj('Secret', 'name: s', 'stringData:\n  "tls key": x\n'), expect: ['|"tls key"'] },

  // Labels: keys are qualified names (optional DNS prefix, name part 63), values at most 63, may be empty.
  { rule: 'k8s-label-syntax', name: 'prefixed key', yaml: obj('ConfigMap', 'name: c\nlabels:\n  example.com/name: web\n  app.kubernetes.io/part-of: shop'), expect: [] },
  { rule: 'k8s-label-syntax', name: 'uppercase name part is fine', yaml: obj('ConfigMap', 'name: c\nlabels:\n  MyApp: Web_1.0'), expect: [] },
  { rule: 'k8s-label-syntax', name: 'uppercase prefix', yaml: obj('ConfigMap', 'name: c\nlabels:\n  Example.com/name: web'), expect: ['|Example.com/name'] },
  { rule: 'k8s-label-syntax', name: 'two slashes', yaml: obj('ConfigMap', 'name: c\nlabels:\n  a/b/c: web'), expect: ['|a/b/c'] },
  { rule: 'k8s-label-syntax', name: 'empty prefix', yaml: obj('ConfigMap', 'name: c\nlabels:\n  /name: web'), expect: ['|/name'] },
  { rule: 'k8s-label-syntax', name: 'name part of 63', yaml: obj('ConfigMap', `name: c\nlabels:\n  example.com/${a63}: web`), expect: [] },
  { rule: 'k8s-label-syntax', name: 'name part of 64', yaml: obj('ConfigMap', `name: c\nlabels:\n  example.com/${a64}: web`), expect: [`|example.com/${a64}`] },
  { rule: 'k8s-label-syntax', name: 'key ending in a dash', yaml: obj('ConfigMap', 'name: c\nlabels:\n  app-: web'), expect: ['|app-'] },
  { rule: 'k8s-label-syntax', name: 'empty value', yaml: obj('ConfigMap', 'name: c\nlabels:\n  canary: ""'), expect: [] },
  { rule: 'k8s-label-syntax', name: 'value of 63', yaml: obj('ConfigMap', `name: c\nlabels:\n  v: ${a63}`), expect: [] },
  { rule: 'k8s-label-syntax', name: 'value of 64', yaml: obj('ConfigMap', `name: c\nlabels:\n  v: ${a64}`), expect: [`v: |${a64}`] },
  { rule: 'k8s-label-syntax', name: 'value with a space', yaml: obj('ConfigMap', 'name: c\nlabels:\n  team: "web team"'), expect: ['team: |"web team"'] },
  { rule: 'k8s-label-syntax', name: 'value with a slash', yaml: obj('ConfigMap', 'name: c\nlabels:\n  image: nginx/1.27'), expect: ['image: |nginx/1.27'] },
  { rule: 'k8s-label-syntax', name: 'value starting with a dot', yaml: obj('ConfigMap', 'name: c\nlabels:\n  v: .1'), expect: [] }, // a YAML number: the schema's
  { rule: 'k8s-label-syntax', name: 'quoted value starting with a dot', yaml: obj('ConfigMap', 'name: c\nlabels:\n  v: ".1"'), expect: ['v: |".1"'] },
  { rule: 'k8s-label-syntax', name: 'templated value', yaml: obj('ConfigMap', 'name: c\nlabels:\n  chart: "{{ .Chart.Name }} {{ .Chart.Version }}"'), expect: [] },
  { rule: 'k8s-label-syntax', name: 'custom resource labels', yaml: obj('Widget', 'name: w\nlabels:\n  team: "a b"', '', 'example.com/v1'), expect: ['team: |"a b"'] },
  { rule: 'k8s-label-syntax', name: 'custom resource selector is its schema’s', yaml: obj('Widget', 'name: w', 'spec:\n  selector:\n    matchLabels: {"a b": c}\n', 'example.com/v1'), expect: [] },
  { rule: 'k8s-label-syntax', name: 'pod template label', yaml: deployment('matchLabels: {app: web}', 'app: web\ntier: "front end"'), expect: ['tier: |"front end"'] },
  { rule: 'k8s-label-syntax', name: 'matchLabels value', yaml: deployment('matchLabels: {app: "web app"}'), expect: ['app: |"web app"'] },
  { rule: 'k8s-label-syntax', name: 'matchExpressions: valid operators', yaml: deployment('matchExpressions:\n  - {key: app, operator: In, values: [web]}\n  - {key: canary, operator: DoesNotExist}'), expect: [] },
  { rule: 'k8s-label-syntax', name: 'matchExpressions: lower-case operator is the schema’s', yaml: deployment('matchExpressions:\n  - {key: app, operator: in, values: [web]}'), expect: [] },
  { rule: 'k8s-label-syntax', name: 'matchExpressions: In without values', yaml: deployment('matchExpressions:\n  - {key: app, operator: In, values: []}'), expect: ['values: |[]'] },
  { rule: 'k8s-label-syntax', name: 'matchExpressions: NotIn with no values key', yaml: deployment('matchExpressions:\n  - {key: app, operator: NotIn}'), expect: ['operator: |NotIn'] },
  { rule: 'k8s-label-syntax', name: 'matchExpressions: Exists with values', yaml: deployment('matchExpressions:\n  - {key: app, operator: Exists, values: [web]}'), expect: ['Exists, |values'] },
  { rule: 'k8s-label-syntax', name: 'matchExpressions: bad key and value', yaml: deployment('matchExpressions:\n  - {key: "a b", operator: In, values: [web, "-x"]}'), expect: ['key: |"a b"', 'web, |"-x"'] },
  { rule: 'k8s-label-syntax', name: 'Service selector', yaml: service('- port: 80', 'selector: {app: "web/api"}'), expect: ['app: |"web/api"'] },
  { rule: 'k8s-label-syntax', name: 'nodeSelector key', yaml: pod('', 'nodeSelector:\n  "disk type": ssd'), expect: ['|"disk type"'] },
  {
    rule: 'k8s-label-syntax',
    name: 'node affinity is not a label selector (Gt, Lt)',
    yaml: pod('', 'affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      nodeSelectorTerms:\n        - matchExpressions:\n            - {key: cores, operator: Gt, values: ["8"]}'),
    expect: [],
  },
  {
    rule: 'k8s-label-syntax',
    name: 'pod affinity label selector',
    yaml: pod('', 'affinity:\n  podAntiAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      - topologyKey: kubernetes.io/hostname\n        labelSelector:\n          matchExpressions:\n            - {key: app, operator: Exists, values: ["1"]}'),
    expect: ['Exists, |values'],
  },
  {
    rule: 'k8s-label-syntax',
    name: 'NetworkPolicy podSelector',
    yaml: `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n}\nspec:\n  podSelector:\n    matchLabels: {role: "db server"}\n`,
    expect: ['role: |"db server"'],
  },

  // Annotations: keys as labels but case-insensitive; any value; 256 KiB in all.
  { rule: 'k8s-annotation-syntax', name: 'prefixed keys and free values', yaml: obj('ConfigMap', 'name: c\nannotations:\n  example.com/note: "any text: with spaces / slashes"\n  Example.COM/Owner: Team A'), expect: [] },
  { rule: 'k8s-annotation-syntax', name: 'key with a space', yaml: obj('ConfigMap', 'name: c\nannotations:\n  "my note": x'), expect: ['|"my note"'] },
  { rule: 'k8s-annotation-syntax', name: 'key with two slashes', yaml: obj('ConfigMap', 'name: c\nannotations:\n  example.com/a/b: x'), expect: ['|example.com/a/b'] },
  { rule: 'k8s-annotation-syntax', name: 'name part of 64', yaml: obj('ConfigMap', `name: c\nannotations:\n  example.com/${a64}: x`), expect: [`|example.com/${a64}`] },
  { rule: 'k8s-annotation-syntax', name: 'at the size limit', yaml: obj('ConfigMap', `name: c\nannotations:\n  k: ${'x'.repeat(256 * 1024 - 1)}`), expect: [] },
  { rule: 'k8s-annotation-syntax', name: 'over the size limit', yaml: obj('ConfigMap', `name: c\nannotations:\n  k: ${'x'.repeat(256 * 1024)}`), expect: ['|annotations'] },
  { rule: 'k8s-annotation-syntax', name: 'multi-byte characters count as bytes', yaml: obj('ConfigMap', `name: c\nannotations:\n  k: ${'é'.repeat(128 * 1024)}`), expect: ['|annotations'] },
  { rule: 'k8s-annotation-syntax', name: 'pod template annotations', yaml: deployment('matchLabels: {app: web}').replace('      labels:\n', '      annotations: {"a b": x}\n      labels:\n'), expect: ['{|"a b"'] },

  // Ports: 1–65535; names are IANA service names (15, a letter, no --); protocols TCP/UDP/SCTP.
  { rule: 'k8s-port-range', name: 'valid container port', yaml: pod('ports:\n  - {name: http, containerPort: 65535, protocol: SCTP}'), expect: [] },
  { rule: 'k8s-port-range', name: 'containerPort 0', yaml: pod('ports:\n  - containerPort: 0'), expect: ['containerPort: |0'] },
  { rule: 'k8s-port-range', name: 'containerPort 65536', yaml: pod('ports:\n  - containerPort: 65536'), expect: ['containerPort: |65536'] },
  { rule: 'k8s-port-range', name: 'hostPort 0 is unset', yaml: pod('ports:\n  - {containerPort: 80, hostPort: 0}'), expect: [] },
  { rule: 'k8s-port-range', name: 'hostPort 70000', yaml: pod('ports:\n  - {containerPort: 80, hostPort: 70000}'), expect: ['hostPort: |70000'] },
  { rule: 'k8s-port-range', name: 'container port protocol tcp is the schema’s', yaml: pod('ports:\n  - {containerPort: 80, protocol: tcp}'), expect: [] },
  { rule: 'k8s-port-range', name: 'port name of 15', yaml: pod('ports:\n  - {name: abcdefghijklmno, containerPort: 80}'), expect: [] },
  { rule: 'k8s-port-range', name: 'port name of 16', yaml: pod('ports:\n  - {name: abcdefghijklmnop, containerPort: 80}'), expect: ['name: |abcdefghijklmnop'] },
  { rule: 'k8s-port-range', name: 'port name all digits', yaml: pod('ports:\n  - {name: "8080", containerPort: 80}'), expect: ['name: |"8080"'] },
  { rule: 'k8s-port-range', name: 'port name with uppercase', yaml: pod('ports:\n  - {name: HTTP, containerPort: 80}'), expect: ['name: |HTTP'] },
  { rule: 'k8s-port-range', name: 'port name with --', yaml: pod('ports:\n  - {name: http--alt, containerPort: 80}'), expect: ['name: |http--alt'] },
  { rule: 'k8s-port-range', name: 'duplicate port name', yaml: pod('ports:\n  - {name: http, containerPort: 80}\n  - {name: http, containerPort: 81}'), expect: [['name: |http', 1]] },
  { rule: 'k8s-port-range', name: 'probe by port name', yaml: pod('ports: [{name: http, containerPort: 80}]\nreadinessProbe:\n  httpGet: {path: /, port: http}'), expect: [] },
  { rule: 'k8s-port-range', name: 'probe port 0', yaml: pod('livenessProbe:\n  tcpSocket: {port: 0}'), expect: ['port: |0'] },
  { rule: 'k8s-port-range', name: 'probe port quoted number', yaml: pod('livenessProbe:\n  httpGet: {path: /, port: "8080"}'), expect: ['port: |"8080"'] },
  { rule: 'k8s-port-range', name: 'grpc probe port', yaml: pod('startupProbe:\n  grpc: {port: 99999}'), expect: ['port: |99999'] },
  { rule: 'k8s-port-range', name: 'service ports', yaml: service('- {name: http, port: 80, targetPort: http}\n- {name: metrics, port: 9090, targetPort: 9090, protocol: UDP}'), expect: [] },
  { rule: 'k8s-port-range', name: 'service targetPort 0 is defaulted', yaml: service('- {port: 80, targetPort: 0}'), expect: [] },
  { rule: 'k8s-port-range', name: 'service port 0', yaml: service('- port: 0'), expect: ['port: |0'] },
  { rule: 'k8s-port-range', name: 'service targetPort 65536', yaml: service('- {port: 80, targetPort: 65536}'), expect: ['targetPort: |65536'] },
  { rule: 'k8s-port-range', name: 'service targetPort quoted number', yaml: service('- {port: 80, targetPort: "8080"}'), expect: ['targetPort: |"8080"'] },
  { rule: 'k8s-port-range', name: 'service nodePort 0 is unset', yaml: service('- {port: 80, nodePort: 0}', 'type: NodePort'), expect: [] },
  { rule: 'k8s-port-range', name: 'service protocol udp', yaml: service('- {port: 53, protocol: udp}'), expect: ['protocol: |udp'] },
  { rule: 'k8s-port-range', name: 'service port names are DNS labels (may be > 15)', yaml: service('- {name: http-metrics-exporter, port: 80}\n- {name: https, port: 443}'), expect: [] },
  { rule: 'k8s-port-range', name: 'service port name with a dot', yaml: service('- {name: http.alt, port: 80}'), expect: ['name: |http.alt'] },
  { rule: 'k8s-port-range', name: 'two service ports, one unnamed', yaml: service('- {name: http, port: 80}\n- port: 443'), expect: ['- |port: 443'] },
  { rule: 'k8s-port-range', name: 'one unnamed service port', yaml: service('- port: 443'), expect: [] },
  {
    rule: 'k8s-port-range',
    name: 'ingress backend port',
    yaml: `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service: {name: web, port: {number: 0}}\n          - path: /b\n            pathType: Prefix\n            backend:\n              service: {name: web, port: {name: Web_Port}}\n`,
    expect: ['number: |0', 'name: |Web_Port'],
  },
  {
    rule: 'k8s-port-range',
    name: 'network policy ports',
    yaml: `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n}\nspec:\n  podSelector: {}\n  ingress:\n    - ports:\n        - {protocol: TCP, port: 32000, endPort: 32768}\n        - {protocol: tcp, port: 80}\n        - {port: 9000, endPort: 8000}\n        - {port: dns, endPort: 60}\n`,
    expect: ['protocol: |tcp', 'endPort: |8000', 'dns, |endPort'],
  },
  { rule: 'k8s-port-range', name: 'custom resource ports are its schema’s', yaml: `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  ports: [{port: 0, protocol: tcp}]\n`, expect: [] },

  // Resources: requests <= limits (exact), standard names, non-negative, extended resources equal and integer.
  { rule: 'k8s-resource-quantity', name: 'request below limit', yaml: pod('resources:\n  requests: {cpu: 250m, memory: 64Mi}\n  limits: {cpu: 1, memory: 128Mi}'), expect: [] },
  { rule: 'k8s-resource-quantity', name: '500m equals 0.5', yaml: pod('resources:\n  requests: {cpu: 500m}\n  limits: {cpu: 0.5}'), expect: [] },
  { rule: 'k8s-resource-quantity', name: '300m equals 0.3 (no floating point)', yaml: pod('resources:\n  requests: {cpu: 300m}\n  limits: {cpu: "0.3"}'), expect: [] },
  { rule: 'k8s-resource-quantity', name: '1Gi equals 1073741824', yaml: pod('resources:\n  requests: {memory: 1Gi}\n  limits: {memory: 1073741824}'), expect: [] },
  { rule: 'k8s-resource-quantity', name: 'request above limit', yaml: pod('resources:\n  requests: {cpu: 501m}\n  limits: {cpu: 0.5}'), expect: ['cpu: |501m'] },
  { rule: 'k8s-resource-quantity', name: '1G is less than 1Gi', yaml: pod('resources:\n  requests: {memory: 1Gi}\n  limits: {memory: 1G}'), expect: ['memory: |1Gi'] },
  { rule: 'k8s-resource-quantity', name: 'exponent form', yaml: pod('resources:\n  requests: {memory: 2e9}\n  limits: {memory: 1e9}'), expect: ['memory: |2e9'] },
  { rule: 'k8s-resource-quantity', name: 'request without a limit', yaml: pod('resources:\n  requests: {cpu: "64"}'), expect: [] },
  { rule: 'k8s-resource-quantity', name: 'unparsable quantity is the schema’s', yaml: pod('resources:\n  requests: {cpu: 1.5.3}\n  limits: {cpu: 1}'), expect: [] },
  { rule: 'k8s-resource-quantity', name: 'negative quantity', yaml: pod('resources:\n  requests: {memory: -1Mi}'), expect: ['memory: |-1Mi'] },
  { rule: 'k8s-resource-quantity', name: 'unknown resource name', yaml: pod('resources:\n  requests: {cpus: 1, storage: 1Gi}'), expect: ['{|cpus', '|storage'] },
  { rule: 'k8s-resource-quantity', name: 'extended resource equal to its limit', yaml: pod('resources:\n  requests: {cpu: 1, nvidia.com/gpu: 1}\n  limits: {nvidia.com/gpu: 1}'), expect: [] },
  { rule: 'k8s-resource-quantity', name: 'extended resource below its limit', yaml: pod('resources:\n  requests: {nvidia.com/gpu: 1}\n  limits: {nvidia.com/gpu: 2}'), expect: ['requests: {nvidia.com/gpu: |1'] },
  { rule: 'k8s-resource-quantity', name: 'extended resource without a limit', yaml: pod('resources:\n  requests: {nvidia.com/gpu: 1}'), expect: ['{|nvidia.com/gpu'] },
  { rule: 'k8s-resource-quantity', name: 'extended resource fraction', yaml: pod('resources:\n  limits: {nvidia.com/gpu: 500m}'), expect: ['nvidia.com/gpu: |500m'] },
  { rule: 'k8s-resource-quantity', name: 'hugepages must equal their limit and need cpu or memory', yaml: pod('resources:\n  requests: {hugepages-2Mi: 64Mi}\n  limits: {hugepages-2Mi: 128Mi}'), expect: ['|resources', 'hugepages-2Mi: |64Mi'] },
  { rule: 'k8s-resource-quantity', name: 'hugepages in whole pages', yaml: pod('resources:\n  requests: {memory: 1Gi, hugepages-2Mi: 6Mi}\n  limits: {hugepages-2Mi: 6Mi}'), expect: [] },
  { rule: 'k8s-resource-quantity', name: 'hugepages not a whole number of pages', yaml: pod('resources:\n  requests: {memory: 1Gi, hugepages-2Mi: 3Mi}\n  limits: {hugepages-2Mi: 3Mi}'), expect: ['hugepages-2Mi: |3Mi', ['hugepages-2Mi: |3Mi', 1]] },
  { rule: 'k8s-resource-quantity', name: 'templated quantity', yaml: pod('resources:\n  requests: {cpu: "{{ .Values.cpu }}"}\n  limits: {cpu: 1}'), expect: [] },

  // Finalizers: qualified names; unprefixed only the standard ones on built-in kinds; not orphan and foregroundDeletion together.
  { rule: 'k8s-finalizer-name', name: 'prefixed and standard finalizers', yaml: obj('ConfigMap', 'name: c\nfinalizers: [example.com/cleanup, kubernetes, orphan, kubernetes.io/pvc-protection]'), expect: [] },
  { rule: 'k8s-finalizer-name', name: 'unprefixed non-standard finalizer', yaml: obj('ConfigMap', 'name: c\nfinalizers: [kubernetes, cleanup]'), expect: ['kubernetes, |cleanup'] },
  { rule: 'k8s-finalizer-name', name: 'finalizer with a space', yaml: obj('ConfigMap', 'name: c\nfinalizers: ["example.com/clean up"]'), expect: ['|"example.com/clean up"'] },
  { rule: 'k8s-finalizer-name', name: 'finalizer with two slashes', yaml: obj('ConfigMap', 'name: c\nfinalizers: [a.io/b/c]'), expect: ['|a.io/b/c'] },
  { rule: 'k8s-finalizer-name', name: 'finalizer name part of 64', yaml: obj('ConfigMap', `name: c\nfinalizers: [example.com/${a64}]`), expect: [`|example.com/${a64}`] },
  { rule: 'k8s-finalizer-name', name: 'finalizer with an uppercase prefix', yaml: obj('ConfigMap', 'name: c\nfinalizers: [Example.com/x]'), expect: ['|Example.com/x'] },
  { rule: 'k8s-finalizer-name', name: 'orphan and foregroundDeletion', yaml: obj('ConfigMap', 'name: c\nfinalizers: [orphan, foregroundDeletion]'), expect: ['|finalizers'] },
  { rule: 'k8s-finalizer-name', name: 'custom resource: unprefixed is only a warning', yaml: obj('Widget', 'name: w\nfinalizers: [cleanup]', '', 'example.com/v1'), expect: [] },
  { rule: 'k8s-finalizer-name', name: 'custom resource: not a qualified name', yaml: obj('Widget', 'name: w\nfinalizers: ["clean up"]', '', 'example.com/v1'), expect: ['|"clean up"'] },
  { rule: 'k8s-finalizer-name', name: 'CRD takes the generic checks', yaml: obj('CustomResourceDefinition', 'name: widgets.example.com\nfinalizers: [cleanup]', 'spec:\n  group: example.com\n  names: {plural: widgets, kind: Widget}\n', 'apiextensions.k8s.io/v1'), expect: [] },
  { rule: 'k8s-finalizer-name', name: 'Namespace spec finalizers', yaml: obj('Namespace', 'name: team', 'spec:\n  finalizers: [kubernetes, cleanup]\n'), expect: ['kubernetes, |cleanup'] },
  { rule: 'k8s-finalizer-name', name: 'templated finalizer', yaml: obj('ConfigMap', 'name: c\nfinalizers: ["{{ .Values.finalizer }}"]'), expect: [] },

  // Storage requests: required and > 0 on claims, StatefulSet claim templates, ephemeral volumes.
  { rule: 'k8s-storage-request', name: 'claim with storage', yaml: obj('PersistentVolumeClaim', 'name: d', 'spec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests: {storage: 1Gi}\n'), expect: [] },
  { rule: 'k8s-storage-request', name: 'claim of 0Gi', yaml: obj('PersistentVolumeClaim', 'name: d', 'spec:\n  resources:\n    requests: {storage: 0Gi}\n'), expect: ['storage: |0Gi'] },
  { rule: 'k8s-storage-request', name: 'claim of 0', yaml: obj('PersistentVolumeClaim', 'name: d', 'spec:\n  resources:\n    requests: {storage: 0}\n'), expect: ['storage: |0'] },
  { rule: 'k8s-storage-request', name: 'negative claim', yaml: obj('PersistentVolumeClaim', 'name: d', 'spec:\n  resources:\n    requests: {storage: -1Gi}\n'), expect: ['storage: |-1Gi'] },
  { rule: 'k8s-storage-request', name: 'smallest positive claim', yaml: obj('PersistentVolumeClaim', 'name: d', 'spec:\n  resources:\n    requests: {storage: 1m}\n'), expect: [] },
  { rule: 'k8s-storage-request', name: 'claim without resources', yaml: obj('PersistentVolumeClaim', 'name: d', 'spec:\n  accessModes: [ReadWriteOnce]\n'), expect: ['|spec'] },
  { rule: 'k8s-storage-request', name: 'claim with requests but no storage', yaml: obj('PersistentVolumeClaim', 'name: d', 'spec:\n  resources:\n    requests: {cpu: 1}\n'), expect: ['|requests'] },
  { rule: 'k8s-storage-request', name: 'claim with limits only', yaml: obj('PersistentVolumeClaim', 'name: d', 'spec:\n  resources:\n    limits: {storage: 1Gi}\n'), expect: ['|resources'] },
  { rule: 'k8s-storage-request', name: 'unparsable size is the schema’s', yaml: obj('PersistentVolumeClaim', 'name: d', 'spec:\n  resources:\n    requests: {storage: 10 GB}\n'), expect: [] },
  { rule: 'k8s-storage-request', name: 'templated size', yaml: obj('PersistentVolumeClaim', 'name: d', 'spec:\n  resources:\n    requests: {storage: "{{ .Values.size }}"}\n'), expect: [] },
  {
    rule: 'k8s-storage-request',
    name: 'StatefulSet claim template of 0',
    yaml: `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers: [{name: c, image: a:1}]\n  volumeClaimTemplates:\n    - metadata: {name: data}\n      spec:\n        accessModes: [ReadWriteOnce]\n        resources: {requests: {storage: 0}}\n`,
    expect: ['storage: |0'],
  },
  { rule: 'k8s-storage-request', name: 'ephemeral volume claim template without storage', yaml: pod('', 'volumes:\n  - name: scratch\n    ephemeral:\n      volumeClaimTemplate:\n        spec:\n          accessModes: [ReadWriteOnce]'), expect: ['        |spec'] },
  { rule: 'k8s-storage-request', name: 'custom resource claims are its schema’s', yaml: obj('Widget', 'name: w', 'spec:\n  resources:\n    requests: {storage: 0}\n', 'example.com/v1'), expect: [] },

  // Host ports under hostNetwork: unset, 0 or equal to containerPort.
  { rule: 'k8s-host-port', name: 'hostNetwork with equal and unset host ports', yaml: pod('ports:\n  - {containerPort: 80, hostPort: 80}\n  - {containerPort: 81}\n  - {containerPort: 82, hostPort: 0}', 'hostNetwork: true'), expect: [] },
  { rule: 'k8s-host-port', name: 'hostNetwork with a different host port', yaml: pod('ports:\n  - {containerPort: 80, hostPort: 8080}', 'hostNetwork: true'), expect: ['hostPort: |8080'] },
  { rule: 'k8s-host-port', name: 'different host port without hostNetwork', yaml: pod('ports:\n  - {containerPort: 80, hostPort: 8080}'), expect: [] },
  { rule: 'k8s-host-port', name: 'hostNetwork false', yaml: pod('ports:\n  - {containerPort: 80, hostPort: 8080}', 'hostNetwork: false'), expect: [] },
  { rule: 'k8s-host-port', name: 'pod template', yaml: deployment('matchLabels: {app: web}').replace('      containers: [{name: c, image: a:1}]', '      hostNetwork: true\n      containers: [{name: c, image: a:1, ports: [{containerPort: 53, hostPort: 5353}]}]'), expect: ['hostPort: |5353'] },
  { rule: 'k8s-host-port', name: 'duplicate host port', yaml: pod('ports:\n  - {containerPort: 80, hostPort: 8080}\n  - {containerPort: 81, hostPort: 8080}'), expect: [['hostPort: |8080', 1]] },
  { rule: 'k8s-host-port', name: 'same host port on other protocols or host IPs', yaml: pod('ports:\n  - {containerPort: 53, hostPort: 53}\n  - {containerPort: 53, hostPort: 53, protocol: UDP}\n  - {containerPort: 54, hostPort: 53, hostIP: 10.0.0.1}\n  - {containerPort: 55, hostPort: 0}\n  - {containerPort: 56, hostPort: 0}'), expect: [] },
  { rule: 'k8s-host-port', name: 'duplicate across containers, protocol defaulted to TCP', yaml: pod('ports:\n  - {containerPort: 80, hostPort: 9000, protocol: TCP}', 'initContainers: [{name: i, image: a:1, ports: [{containerPort: 1, hostPort: 9000}]}]').replace('  containers:\n', '  containers:\n    - {name: b, image: a:1, ports: [{containerPort: 81, hostPort: 9000}]}\n'), expect: ['containerPort: 80, hostPort: |9000'] },

  // IP addresses and CIDRs, parsed as 1.31–1.34 servers do (leading zeros and IPv4-mapped only warned about).
  { rule: 'k8s-ip-address', name: 'service IPs', yaml: service('- port: 80', 'type: LoadBalancer\nclusterIP: 10.96.0.10\nclusterIPs: [10.96.0.10, "fd00::10"]\nexternalIPs: [203.0.113.7, "2001:db8::7"]\nloadBalancerSourceRanges: [10.0.0.0/8, " 192.168.0.0/16 ", "2001:db8::/32"]'), expect: [] },
  { rule: 'k8s-ip-address', name: 'headless and empty clusterIP', yaml: service('- port: 80', 'clusterIP: None') + '---\n' + service('- port: 80', 'clusterIP: ""'), expect: [] },
  { rule: 'k8s-ip-address', name: 'clusterIP not an IP', yaml: service('- port: 80', 'clusterIP: 10.96.0.300'), expect: ['clusterIP: |10.96.0.300'] },
  { rule: 'k8s-ip-address', name: 'clusterIP with leading zeros is only warned about', yaml: service('- port: 80', 'clusterIP: 010.096.000.010'), expect: [] },
  { rule: 'k8s-ip-address', name: 'clusterIP None on a NodePort service', yaml: service('- port: 80', 'type: NodePort\nclusterIP: None'), expect: ['clusterIP: |None'] },
  { rule: 'k8s-ip-address', name: 'ExternalName clusterIP is not an IP field', yaml: service('- port: 80', 'type: ExternalName\nexternalName: db.example.com\nclusterIP: nonsense'), expect: [] },
  { rule: 'k8s-ip-address', name: 'clusterIPs first must match clusterIP', yaml: service('- port: 80', 'clusterIP: 10.96.0.10\nclusterIPs: [10.96.0.11]'), expect: ['clusterIPs: [|10.96.0.11'] },
  { rule: 'k8s-ip-address', name: 'clusterIPs: two of one family', yaml: service('- port: 80', 'clusterIPs: [10.96.0.10, 10.96.0.11]'), expect: ['|clusterIPs'] },
  { rule: 'k8s-ip-address', name: 'clusterIPs: None not alone', yaml: service('- port: 80', 'clusterIPs: [None, "fd00::1"]'), expect: ['[|None'] },
  { rule: 'k8s-ip-address', name: 'clusterIPs: three values', yaml: service('- port: 80', 'clusterIPs: [10.96.0.10, "fd00::1", "fd00::2"]'), expect: ['|clusterIPs'] },
  { rule: 'k8s-ip-address', name: 'clusterIPs: bad entry', yaml: service('- port: 80', 'clusterIPs: [10.96.0.10, "fd00:::1"]'), expect: ['|"fd00:::1"'] },
  { rule: 'k8s-ip-address', name: 'externalIP with a port', yaml: service('- port: 80', 'externalIPs: ["203.0.113.7:80"]'), expect: ['|"203.0.113.7:80"'] },
  {
    rule: 'k8s-ip-address',
    name: 'externalIPs may not be special',
    yaml: service('- port: 80', 'externalIPs: [0.0.0.0, 127.0.0.1, 169.254.169.254, 224.0.0.1, "::1", "fe80::1", "ff02::1", "::"]'),
    expect: ['|0.0.0.0', '|127.0.0.1', '|169.254.169.254', '|224.0.0.1', '|"::1"', '|"fe80::1"', '|"ff02::1"', '|"::"'],
  },
  { rule: 'k8s-ip-address', name: 'externalIP 224.0.1.1 is not link-local multicast', yaml: service('- port: 80', 'externalIPs: [224.0.1.1, 169.255.0.1]'), expect: [] },
  { rule: 'k8s-ip-address', name: 'source range not a CIDR', yaml: service('- port: 80', 'type: LoadBalancer\nloadBalancerSourceRanges: [10.0.0.0/33, 10.0.0.1, "10.0.0.0/8,10.1.0.0/16"]'), expect: ['|10.0.0.0/33', '|10.0.0.1', '|"10.0.0.0/8,10.1.0.0/16"'] },
  { rule: 'k8s-ip-address', name: 'source ranges on a ClusterIP service', yaml: service('- port: 80', 'loadBalancerSourceRanges: [10.0.0.0/8]'), expect: ['|loadBalancerSourceRanges'] },
  {
    rule: 'k8s-ip-address',
    name: 'source ranges annotation',
    yaml: service('- port: 80', 'type: LoadBalancer').replace('name: s', 'name: s\n  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: " 10.0.0.0/8, 192.168.0.0/16 "'),
    expect: [],
  },
  {
    rule: 'k8s-ip-address',
    name: 'source ranges annotation with a bad range',
    yaml: service('- port: 80', 'type: LoadBalancer').replace('name: s', 'name: s\n  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: 10.0.0.0/8,10.1.0.0'),
    expect: ['source-ranges: |10.0.0.0/8,10.1.0.0'],
  },
  {
    rule: 'k8s-ip-address',
    name: 'source ranges annotation on a ClusterIP service',
    yaml: service('- port: 80').replace('name: s', 'name: s\n  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: 10.0.0.0/8'),
    expect: ['|service.beta.kubernetes.io/load-balancer-source-ranges'],
  },
  {
    rule: 'k8s-ip-address',
    name: 'source ranges annotation is ignored beside the field',
    yaml: service('- port: 80', 'type: LoadBalancer\nloadBalancerSourceRanges: [10.0.0.0/8]').replace('name: s', 'name: s\n  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: nonsense'),
    expect: [],
  },
  { rule: 'k8s-ip-address', name: 'host alias and nameserver', yaml: pod('', 'hostAliases:\n  - {ip: 10.1.2.3, hostnames: [db]}\n  - {ip: db.local, hostnames: [x]}\ndnsConfig:\n  nameservers: [1.1.1.1, "2606:4700::1111", 1.1.1]'), expect: ['ip: |db.local', '"2606:4700::1111", |1.1.1'] },
  {
    rule: 'k8s-ip-address',
    name: 'network policy ipBlock',
    yaml: `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n}\nspec:\n  podSelector: {}\n  ingress:\n    - from:\n        - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16, 10.0.0.0/8, 11.0.0.0/16, 10.2.0.0/33]}\n        - ipBlock: {cidr: 172.16.0.0/12}\n  egress:\n    - to:\n        - ipBlock: {cidr: 10.0.0.0/40}\n        - ipBlock: {cidr: "2001:db8::/32", except: [10.0.0.0/16, "2001:db8:1::/48"]}\n`,
    expect: ['10.1.0.0/16, |10.0.0.0/8', '|11.0.0.0/16', '|10.2.0.0/33', 'cidr: |10.0.0.0/40', 'except: [|10.0.0.0/16'],
  },
  {
    rule: 'k8s-ip-address',
    name: 'Endpoints addresses',
    yaml: `apiVersion: v1\nkind: Endpoints\nmetadata: {name: e}\nsubsets:\n  - addresses: [{ip: 10.0.0.5}, {ip: 127.0.0.1}]\n    notReadyAddresses: [{ip: db.internal}]\n    ports: [{port: 80}]\n`,
    expect: ['ip: |127.0.0.1', 'ip: |db.internal'],
  },
  { rule: 'k8s-ip-address', name: 'templated IP', yaml: service('- port: 80', 'clusterIP: "{{ .Values.ip }}"'), expect: [] },
  { rule: 'k8s-ip-address', name: 'custom resource IPs are its schema’s', yaml: `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  clusterIP: nonsense\n`, expect: [] },

  // ResourceQuota: quota resource names, non-negative quantities, whole counts.
  {
    rule: 'k8s-quota-resources',
    name: 'valid quota',
    yaml: obj('ResourceQuota', 'name: q', 'spec:\n  hard:\n    requests.cpu: "4"\n    limits.memory: 8Gi\n    pods: "10"\n    requests.storage: 100Gi\n    count/deployments.apps: "5"\n    gold.storageclass.storage.k8s.io/requests.storage: 10Gi\n    requests.nvidia.com/gpu: "2"\n    hugepages-2Mi: 1Gi\n    services.loadbalancers: "0"\n'),
    expect: [],
  },
  { rule: 'k8s-quota-resources', name: 'storage is not a quota resource', yaml: obj('ResourceQuota', 'name: q', 'spec:\n  hard:\n    storage: 10Gi\n'), expect: ['|storage'] },
  { rule: 'k8s-quota-resources', name: 'unknown unprefixed name', yaml: obj('ResourceQuota', 'name: q', 'spec:\n  hard:\n    cpus: "4"\n    deployments: "2"\n'), expect: ['|cpus', '|deployments'] },
  { rule: 'k8s-quota-resources', name: 'name that is not qualified', yaml: obj('ResourceQuota', 'name: q', 'spec:\n  hard:\n    "requests cpu": "4"\n'), expect: ['|"requests cpu"'] },
  { rule: 'k8s-quota-resources', name: 'negative quantity', yaml: obj('ResourceQuota', 'name: q', 'spec:\n  hard:\n    requests.memory: -1Gi\n'), expect: ['requests.memory: |-1Gi'] },
  { rule: 'k8s-quota-resources', name: 'fractional counts', yaml: obj('ResourceQuota', 'name: q', 'spec:\n  hard:\n    pods: 2.5\n    count/jobs.batch: 500m\n    requests.cpu: 500m\n'), expect: ['pods: |2.5', 'count/jobs.batch: |500m'] },
  { rule: 'k8s-quota-resources', name: 'unparsable is the schema’s', yaml: obj('ResourceQuota', 'name: q', 'spec:\n  hard:\n    pods: ten\n'), expect: [] },
  { rule: 'k8s-quota-resources', name: 'templated value', yaml: obj('ResourceQuota', 'name: q', 'spec:\n  hard:\n    pods: "{{ .Values.pods }}"\n'), expect: [] },

  // LimitRange: types, resource names per type, ordering, Pod without defaults, PVC needs storage bounds.
  {
    rule: 'k8s-limit-range',
    name: 'valid limit range',
    yaml: obj('LimitRange', 'name: l', 'spec:\n  limits:\n    - type: Container\n      min: {cpu: 100m, memory: 64Mi}\n      defaultRequest: {cpu: 250m, memory: 128Mi}\n      default: {cpu: 500m, memory: 256Mi}\n      max: {cpu: "2", memory: 1Gi}\n      maxLimitRequestRatio: {cpu: "4"}\n    - type: Pod\n      max: {cpu: "4"}\n    - type: PersistentVolumeClaim\n      min: {storage: 1Gi}\n      max: {storage: 100Gi}\n'),
    expect: [],
  },
  { rule: 'k8s-limit-range', name: 'equal bounds', yaml: obj('LimitRange', 'name: l', 'spec:\n  limits:\n    - type: Container\n      min: {cpu: 500m}\n      defaultRequest: {cpu: "0.5"}\n      default: {cpu: 500m}\n      max: {cpu: "0.5"}\n'), expect: [] },
  { rule: 'k8s-limit-range', name: 'min above max', yaml: obj('LimitRange', 'name: l', 'spec:\n  limits:\n    - type: Container\n      min: {memory: 2Gi}\n      max: {memory: 1Gi}\n'), expect: ['memory: |2Gi'] },
  { rule: 'k8s-limit-range', name: 'default above max', yaml: obj('LimitRange', 'name: l', 'spec:\n  limits:\n    - type: Container\n      default: {cpu: "3"}\n      max: {cpu: "2"}\n'), expect: ['cpu: |"3"'] },
  { rule: 'k8s-limit-range', name: 'defaultRequest above default', yaml: obj('LimitRange', 'name: l', 'spec:\n  limits:\n    - type: Container\n      defaultRequest: {memory: 1Gi}\n      default: {memory: 1G}\n'), expect: ['memory: |1Gi'] },
  { rule: 'k8s-limit-range', name: 'min above defaultRequest', yaml: obj('LimitRange', 'name: l', 'spec:\n  limits:\n    - type: Container\n      min: {cpu: 200m}\n      defaultRequest: {cpu: 100m}\n'), expect: ['cpu: |100m'] },
  { rule: 'k8s-limit-range', name: 'ratio below 1', yaml: obj('LimitRange', 'name: l', 'spec:\n  limits:\n    - type: Container\n      maxLimitRequestRatio: {cpu: 500m}\n'), expect: ['cpu: |500m'] },
  { rule: 'k8s-limit-range', name: 'ratio at max/min', yaml: obj('LimitRange', 'name: l', 'spec:\n  limits:\n    - type: Container\n      min: {cpu: 250m}\n      max: {cpu: "1"}\n      maxLimitRequestRatio: {cpu: "4"}\n'), expect: [] },
  { rule: 'k8s-limit-range', name: 'ratio above max/min', yaml: obj('LimitRange', 'name: l', 'spec:\n  limits:\n    - type: Container\n      min: {cpu: 250m}\n      max: {cpu: "1"}\n      maxLimitRequestRatio: {cpu: 4100m}\n'), expect: ['cpu: |4100m'] },
  { rule: 'k8s-limit-range', name: 'ratio with a min of 0', yaml: obj('LimitRange', 'name: l', 'spec:\n  limits:\n    - type: Container\n      min: {cpu: 0}\n      max: {cpu: "1"}\n      maxLimitRequestRatio: {cpu: "100"}\n'), expect: [] },
  { rule: 'k8s-limit-range', name: 'Pod limit with defaults', yaml: obj('LimitRange', 'name: l', 'spec:\n  limits:\n    - type: Pod\n      default: {cpu: "1"}\n      max: {cpu: "2"}\n'), expect: ['|default'] },
  { rule: 'k8s-limit-range', name: 'container limit on storage', yaml: obj('LimitRange', 'name: l', 'spec:\n  limits:\n    - type: Container\n      max: {storage: 1Gi, cpus: "1"}\n'), expect: ['{|storage', '|cpus'] },
  { rule: 'k8s-limit-range', name: 'PVC limit without storage bounds', yaml: obj('LimitRange', 'name: l', 'spec:\n  limits:\n    - type: PersistentVolumeClaim\n      max: {cpu: "1"}\n'), expect: ['- |type: PersistentVolumeClaim'] },
  { rule: 'k8s-limit-range', name: 'PVC limit with a min of 0', yaml: obj('LimitRange', 'name: l', 'spec:\n  limits:\n    - type: PersistentVolumeClaim\n      min: {storage: 0}\n'), expect: [] },
  { rule: 'k8s-limit-range', name: 'unknown and duplicate types', yaml: obj('LimitRange', 'name: l', 'spec:\n  limits:\n    - type: Node\n      max: {cpu: "1"}\n    - type: Container\n      max: {cpu: "1"}\n    - type: Container\n      max: {cpu: "2"}\n'), expect: ['type: |Node', ['type: |Container', 1]] },
  { rule: 'k8s-limit-range', name: 'extended resource default must equal defaultRequest', yaml: obj('LimitRange', 'name: l', 'spec:\n  limits:\n    - type: Container\n      default: {nvidia.com/gpu: "2"}\n      defaultRequest: {nvidia.com/gpu: "1"}\n'), expect: ['defaultRequest: {nvidia.com/gpu: |"1"'] },
];

for (const c of cases) {
  test(`${c.rule}: ${c.name}`, () => {
    const expected = c.expect.map((e) => `/ws/app.yaml@${Array.isArray(e) ? at(c.yaml, e[0], e[1]) : at(c.yaml, e)}`).sort();
    assert.deepEqual(findings(c.yaml, c.rule), expected);
  });
}

test('what the schema already rejects is reported once: by k8s-schema, or by these rules', () => {
  const yaml = [
    pod('ports:\n  - {containerPort: 80, protocol: tcp}', 'affinity:\n  podAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      - topologyKey: zone\n        labelSelector:\n          matchExpressions: [{key: app, operator: in, values: [web]}]'),
    service('- {port: 53, protocol: udp}'),
    `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n}\nspec:\n  podSelector: {}\n  egress:\n    - ports: [{protocol: sctp, port: 80}]\n`,
  ].join('---\n');
  const schema = validateYamlFile(yaml, 'app.yaml', { schemaDir: testSchemaDir(), kind: 'kubernetes' });
  const { workspace } = workspaceOf(yaml);
  const all = [...schema, ...workspace.check('/ws/app.yaml')].filter((d) => d.severity === 'error');
  const where = (snippet: string) => all.filter((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}` === at(yaml, snippet)).map((d) => d.rule);
  assert.deepEqual(where('protocol: |tcp'), ['k8s-schema']);
  assert.deepEqual(where('operator: |in'), ['k8s-schema']);
  assert.deepEqual(where('protocol: |udp'), ['k8s-port-range']);
  assert.deepEqual(where('protocol: |sctp'), ['k8s-port-range']);
});

test('the validators agree with apimachinery on their edges', () => {
  const valid = (errors: string[]) => errors.length === 0;
  assert.equal(valid(isDns1123Label('123-abc')), true);
  assert.equal(valid(isDns1123Label('a.b')), false);
  assert.deepEqual(isDns1123Label('a.b'), ['must not contain dots']);
  assert.equal(valid(isDns1123Label('')), false);
  assert.equal(valid(isDns1035Label('abc-123')), true);
  assert.equal(valid(isDns1035Label('-abc')), false);
  assert.equal(valid(isDns1123Subdomain('example.com')), true);
  assert.equal(valid(isDns1123Subdomain('example.com.')), false);
  assert.equal(valid(isQualifiedName('MyName')), true);
  assert.equal(valid(isQualifiedName('my.name')), true);
  assert.equal(valid(isQualifiedName('123-abc')), true);
  assert.equal(valid(isQualifiedName('example.com/MyName')), true);
  assert.equal(valid(isQualifiedName('example.com/')), false);
  assert.equal(valid(isQualifiedName('_name')), false);
  assert.equal(valid(isLabelValue('')), true);
  assert.equal(valid(isLabelValue('my_value')), true);
  assert.equal(valid(isLabelValue('a-')), false);
  assert.equal(valid(isValidPortName('a')), true);
  assert.equal(valid(isValidPortName('-a')), false);
  assert.equal(valid(isValidPortName('a-')), false);
  assert.equal(valid(isValidPortName('')), false);
  assert.equal(valid(isConfigMapKey('a'.repeat(253))), true);
  assert.equal(valid(isConfigMapKey('a'.repeat(254))), false);
  assert.equal(valid(isConfigMapKey('.')), false);
});

test('quantities parse exactly with the API server grammar', () => {
  const value = (q: unknown) => {
    const exact = parseExactQuantity(q);
    return exact && `${exact.num}/${exact.den}`;
  };
  assert.equal(value('500m'), '500/1000');
  assert.equal(value(0.5), '5/10');
  assert.equal(value('1Ki'), '1024/1');
  assert.equal(value('1.5Gi'), `${15 * 2 ** 30}/10`);
  assert.equal(value('2e3'), '2000/1');
  assert.equal(value('.5'), '5/10');
  assert.equal(value('5.'), '5/1');
  for (const bad of ['1.5.3', '', '.', 'm', '1 Gi', '1KB', '1e', 'Infinity', null, {}]) assert.equal(value(bad), undefined, String(bad));
  assert.equal(value('1e999999'), undefined, 'absurd exponents are refused, not computed');
});

test('a quantity that does not parse is reported by the schema, once', () => {
  const yaml = pod('resources:\n  requests: {cpu: 1.5.3}\n  limits: {cpu: 1}');
  const rules = validateYamlFile(yaml, 'app.yaml', { schemaDir: testSchemaDir(), kind: 'kubernetes' }).map((d) => d.rule);
  assert.deepEqual(rules, ['k8s-schema']);
  assert.deepEqual(findings(yaml, 'k8s-resource-quantity'), []);
});

test('huge values stay fast (the validators are linear)', () => {
  const long = 'a-'.repeat(200000) + '!';
  const started = performance.now();
  const yaml = obj('ConfigMap', `name: ${long}\nlabels:\n  ${long}: ${long}\nannotations:\n  ${long}: x`);
  for (const rule of ['k8s-object-name', 'k8s-label-syntax', 'k8s-annotation-syntax']) assert.equal(findings(yaml, rule).length > 0, true, rule);
  assert.ok(performance.now() - started < 3000);
});

test('IP addresses parse as netutils.ParseIPSloppy does (Go 1.16 net.ParseIP)', () => {
  const show = (s: string) => {
    const ip = parseIpSloppy(s);
    return ip && ip.map((b) => b.toString(16).padStart(2, '0')).join('');
  };
  assert.equal(show('1.2.3.4'), '00000000000000000000ffff01020304');
  assert.equal(show('010.001.1.1'), '00000000000000000000ffff0a010101', 'leading zeros are decimal, accepted');
  assert.equal(show('::'), '0'.repeat(32));
  assert.equal(show('::1'), '0'.repeat(31) + '1');
  assert.equal(show('2001:db8::ffff'), '20010db8' + '0'.repeat(20) + 'ffff');
  assert.equal(show('1:2:3:4:5:6:7:8'), '00010002000300040005000600070008');
  assert.equal(show('1:2:3:4:5:6:1.2.3.4'), '00010002000300040005000601020304');
  assert.equal(show('::ffff:1.2.3.4'), '00000000000000000000ffff01020304');
  assert.equal(show('::1.2.3.4'), '0'.repeat(24) + '01020304');
  assert.equal(show('FE80::ABC'), 'fe80' + '0'.repeat(25) + 'abc');
  for (const bad of ['', '1.2.3', '1.2.3.4.5', '256.1.1.1', '1.2.3.4 ', ' 1.2.3.4', '1..2.3', '1.2.3.-4', '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7::8', '1:2:3:4:5:6:7:1.2.3.4', ':1', '1:', '12345::', 'fe80::1%eth0', 'a.b.c.d', 'localhost', '1.2.3.4/32', '::ffff:1.2.3', '1.2.3.4:80', '99999999999.1.1.1']) {
    assert.equal(parseIpSloppy(bad), undefined, bad);
  }
});

test('CIDRs parse as netutils.ParseCIDRSloppy, and except must be a strict subset', () => {
  const valid = (s: string) => parseCidrSloppy(s) !== undefined;
  for (const good of ['10.0.0.0/8', '10.0.0.1/8', '0.0.0.0/0', '10.0.0.0/32', '10.0.0.0/08', '010.0.0.0/8', '::/0', '2001:db8::/32', '::/128', '::ffff:10.0.0.0/104']) assert.equal(valid(good), true, good);
  for (const bad of ['10.0.0.0', '10.0.0.0/', '10.0.0.0/33', '::/129', '10.0.0.0/8 ', '10.0.0.0/-1', '10.0.0.0/8/8', '10.0.0/8', '/8', '10.0.0.0/+8']) assert.equal(valid(bad), false, bad);
  const contains = (cidr: string, ip: string) => cidrContains(parseCidrSloppy(cidr)!, parseIpSloppy(ip)!);
  assert.equal(contains('10.0.0.0/8', '10.255.255.255'), true);
  assert.equal(contains('10.0.0.1/8', '10.9.0.0'), true, 'bits beyond the prefix are cleared');
  assert.equal(contains('10.0.0.0/8', '11.0.0.0'), false);
  assert.equal(contains('0.0.0.0/0', '1.2.3.4'), true);
  assert.equal(contains('::/0', '1.2.3.4'), false, 'an IPv6 network holds no IPv4 address');
  assert.equal(contains('::ffff:10.0.0.0/104', '10.1.2.3'), true);
  assert.equal(contains('2001:db8::/32', '2001:db8:ffff::1'), true);
  assert.equal(contains('2001:db8::/32', '2001:db9::'), false);
});

test('a huge IP value stays linear', () => {
  const started = performance.now();
  for (const value of ['0'.repeat(500000) + '.1.1.1', ':'.repeat(200000), '1.'.repeat(200000), '0'.repeat(500000) + '::/8']) {
    assert.equal(parseIpSloppy(value) === undefined || parseCidrSloppy(value) === undefined, true);
  }
  assert.ok(performance.now() - started < 2000);
});
