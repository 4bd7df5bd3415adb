/**
 * Facts read from OpenAPI v2 descriptions at schema build time: enum values and server-defaulted
 * required fields. The derivation on sentence shapes, then on the real 1.31–1.34 specs, then what
 * validation, completion and hover do with them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { enumFromDescription, isDefaultedByServer } from '../../../src/core/schemas/description-facts';
import { completionsAt, hoverAt, validateYamlFile } from '../../../src/core/schemas';
import { schemaStore } from '../../../src/core/schemas/store';
import type { Diagnostic } from '../../../src/core/diagnostics';
import { applyEdits, at, show } from '../k8s/helpers';
import { sharedPath } from '../shared-data';
import { testSchemaDir } from './schema-dir';

test('enum values from the sentence shapes the Kubernetes API descriptions use', () => {
  const cases: [description: string, values: string[] | undefined][] = [
    ['Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified.', ['Always', 'Never', 'IfNotPresent']],
    ['Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".', ['UDP', 'TCP', 'SCTP']],
    ["Set DNS policy for the pod. Defaults to \"ClusterFirst\". Valid values are 'ClusterFirstWithHostNet', 'ClusterFirst', 'Default' or 'None'. DNS parameters", ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']],
    ['Type of deployment. Can be "Recreate" or "RollingUpdate". Default is RollingUpdate.', ['Recreate', 'RollingUpdate']],
    ['completionMode specifies how Pod completions are tracked. It can be `NonIndexed` (default) or `Indexed`. `NonIndexed` means', ['NonIndexed', 'Indexed']],
    ['Valid values are: - "Allow" (default): allows CronJobs to run concurrently; - "Forbid": forbids concurrent runs; - "Replace": cancels currently running job', ['Allow', 'Forbid', 'Replace']],
    ['Possible values are: - FailJob: indicates that the job is marked as Failed. - Ignore: indicates that the counter is not incremented.', ['FailJob', 'Ignore']],
    // A stray full stop inside the list (NodeSelectorRequirement in 1.31-1.34).
    ["Represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists, DoesNotExist. Gt, and Lt.", ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt']],
    // The next sentence is not values: the list stops.
    ['Restart policy. One of Always, OnFailure, Never. In some contexts, only a subset of those values may be permitted.', ['Always', 'OnFailure', 'Never']],
    ['Effect to match. Empty means match all taint effects. When specified, allowed values are NoSchedule, PreferNoSchedule and NoExecute.', ['NoSchedule', 'PreferNoSchedule', 'NoExecute']],
    // Not lists of values: nothing derived.
    ['One of `name` or `selector` must be set, but `name` and `selector` are mutually exclusive.', undefined],
    ['Resource is one of the existing resource types. "*" means all.', undefined],
    ['It should be one of the containers of the pod, e.g. a sidecar or the main container.', undefined],
    ['name must be a valid DNS label.', undefined],
    [undefined as unknown as string, undefined],
  ];
  for (const [description, values] of cases) assert.deepEqual(enumFromDescription(description), values, description);
});

test('server-defaulted required fields: "Defaults to" about the field itself, not about something else', () => {
  const cases: [string, boolean][] = [
    ['Specifies the required Pod condition status. Defaults to True.', true],
    ['Restart policy to apply when specified resource is resized. If not specified, it defaults to NotRequired.', true],
    ['audience is the intended audience of the token. It will default to the audiences of kube apiserver.', true],
    ['If there is no value under the given path, the `status.replicas` value in the `/scale` subresource will default to 0.', false],
    ['If no readiness probes are specified, this field defaults to true once the container is fully started.', false],
    ['Spec holds information about the request. spec.namespace must be equal to the namespace. If empty, it is defaulted.', false],
  ];
  for (const [description, defaulted] of cases) assert.equal(isDefaultedByServer(description), defaulted, description);
});

test('the audit on 1.31–1.34: which required fields are dropped, and the enums of common fields', () => {
  const store = schemaStore(testSchemaDir());
  const versions = readdirSync(sharedPath('schemas/kubernetes')).filter((n) => /^v1\.3[1-4]/.test(n));
  assert.equal(versions.length, 4);
  for (const name of versions) {
    const swagger = JSON.parse(readFileSync(sharedPath('schemas/kubernetes', name, 'openapi-v2/swagger.json'), 'utf8')) as {
      definitions: Record<string, { required?: string[]; properties?: Record<string, { description?: string }> }>;
    };
    const dropped = Object.entries(swagger.definitions).flatMap(([def, d]) =>
      (d.required ?? []).filter((p) => isDefaultedByServer(d.properties?.[p]?.description)).map((p) => `${def.split('.').pop()}.${p}`),
    );
    assert.deepEqual(dropped.sort(), ['ContainerResizePolicy.restartPolicy', 'PodFailurePolicyOnPodConditionsPattern.status', 'TokenRequest.audience'], name);
    const definitions = store.kubernetes(name).definitions;
    const property = (def: string, p: string) => (definitions[def].properties as Record<string, { enum?: string[] }>)[p].enum;
    assert.deepEqual(property('io.k8s.api.core.v1.Container', 'imagePullPolicy'), ['Always', 'Never', 'IfNotPresent', ''], name);
    assert.deepEqual(property('io.k8s.api.core.v1.PodSpec', 'restartPolicy'), ['Always', 'OnFailure', 'Never', ''], name);
    assert.deepEqual(property('io.k8s.api.core.v1.ServiceSpec', 'type'), ['ExternalName', 'ClusterIP', 'NodePort', 'LoadBalancer', ''], name);
    // Required (no default): the empty string is not allowed.
    assert.deepEqual(property('io.k8s.api.batch.v1.PodFailurePolicyRule', 'action'), ['FailJob', 'FailIndex', 'Ignore', 'Count'], name);
    assert.deepEqual(definitions['io.k8s.api.batch.v1.PodFailurePolicyOnPodConditionsPattern'].required, ['type'], name);
  }
});

const check = (text: string, version = '1.34'): Diagnostic[] => validateYamlFile(text, 'm.yaml', { schemaDir: testSchemaDir(), kubernetesVersion: version });

const pod = (containers: string, spec = '') => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${spec}  containers:\n${containers}`;

test('validation: built-in enum values are checked where the API server checks them, with the meant value as fix', () => {
  const cases: { name: string; text: string; at: string[]; fixed?: string }[] = [
    // `at`: snippets with `|` where the range starts (helpers.at).
    {
      name: 'imagePullPolicy in the wrong case',
      text: pod('  - {name: a, image: nginx:1, imagePullPolicy: always}\n'),
      at: ['imagePullPolicy: |always'],
      fixed: pod('  - {name: a, image: nginx:1, imagePullPolicy: Always}\n'),
    },
    {
      name: 'protocol tcp',
      text: pod('  - name: a\n    image: nginx:1\n    ports:\n    - {containerPort: 80, protocol: "tcp"}\n'),
      at: ['protocol: |"tcp"'],
      fixed: pod('  - name: a\n    image: nginx:1\n    ports:\n    - {containerPort: 80, protocol: TCP}\n'),
    },
    { name: 'restartPolicy misspelt', text: pod('  - {name: a, image: nginx:1}\n', '  restartPolicy: OnFailur\n'), at: ['restartPolicy: |OnFailur'], fixed: pod('  - {name: a, image: nginx:1}\n', '  restartPolicy: OnFailure\n') },
    { name: 'valid values and the empty string of an optional field pass', text: pod('  - {name: a, image: nginx:1, imagePullPolicy: ""}\n', '  restartPolicy: Never\n  dnsPolicy: ClusterFirstWithHostNet\n'), at: [] },
    {
      name: 'node affinity Gt (after the stray full stop of its description)',
      text: pod('  - {name: a, image: nginx:1}\n', '  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n        - matchExpressions: [{key: cores, operator: Gt, values: ["4"]}]\n'),
      at: [],
    },
  ];
  for (const c of cases) {
    const found = check(c.text);
    assert.deepEqual(found.map((d) => [d.rule, show(d.range)]), c.at.map((a) => ['k8s-schema', at(c.text, a)]), `${c.name}: ${found.map((d) => d.message).join(' | ')}`);
    if (c.fixed) {
      assert.equal(applyEdits(c.text, found[0].fixes?.[0]?.edits ?? []), c.fixed, c.name);
      assert.deepEqual(check(c.fixed), [], c.name);
    }
  }
});

test('a Job podFailurePolicy onPodConditions entry without status is valid (the server defaults it to True)', () => {
  const job = `apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  podFailurePolicy:\n    rules:\n    - action: Ignore\n      onPodConditions:\n      - type: DisruptionTarget\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: a, image: busybox:1}]\n`;
  for (const version of ['1.31', '1.32', '1.33', '1.34']) assert.deepEqual(check(job, version), [], version);
  // `type` stays required.
  const noType = job.replace('      - type: DisruptionTarget\n', '      - status: "True"\n');
  const found = check(noType);
  assert.deepEqual(found.map((d) => [d.rule, show(d.range)]), [['k8s-schema', at(noType, '- |status: "True"')]]);
  assert.match(found[0].message, /Missing required field "type"/);
});

test('completion and hover offer the derived values', () => {
  const text = pod('  - name: a\n    image: nginx:1\n    imagePullPolicy: \n');
  const labels = completionsAt(text, 'p.yaml', { line: 7, character: 21 }, { schemaDir: testSchemaDir() }).map((c) => c.label);
  assert.deepEqual(labels, ['Always', 'Never', 'IfNotPresent']);
  const hover = hoverAt(pod('  - {name: a, image: nginx:1}\n', '  restartPolicy: Never\n'), 'p.yaml', { line: 4, character: 4 }, { schemaDir: testSchemaDir() }) ?? '';
  assert.match(hover, /Allowed values: `Always`, `OnFailure`, `Never`/);
});
