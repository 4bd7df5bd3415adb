/** `shipshape render` (helm template without helm), run in-process on small temporary charts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { parseRenderArgs } from '../../src/cli/render';
import { renderChart, type RenderOptions } from '../../src/core/helm/index';
import { findHelmBinary, helmTemplateArgs, parseHelmStderr, runHelmTemplate } from '../../src/extension/helm/helm-binary';
import { chartDirOf, isValuesCandidate, topLevelCharts } from '../../src/extension/helm/charts';
import { checkRendered } from '../../src/core/project/rendered';
import { lineOrigins, renderedSegments, sourceToRelative } from '../../src/core/project/rendered-lines';

function run(args: string[]) {
  let out = '';
  let err = '';
  const code = main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function chart(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-render-'));
  const all: Record<string, string> = { 'Chart.yaml': 'apiVersion: v2\nname: demo\nversion: 0.1.0\n', ...files };
  for (const [name, content] of Object.entries(all)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

const WEB = {
  'values.yaml': 'replicas: 1\nimage: nginx:1.27\nlabels: {}\n',
  'values-prod.yaml': 'replicas: 3\nlabels:\n  tier: prod\n',
  'templates/_helpers.tpl': '{{- define "demo.fullname" -}}{{ .Release.Name }}-{{ .Chart.Name }}{{- end -}}\n',
  'templates/deployment.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ include "demo.fullname" . }}',
    '  namespace: {{ .Release.Namespace }}',
    '  {{- with .Values.labels }}',
    '  labels: {{ toYaml . | nindent 4 }}',
    '  {{- end }}',
    'spec:',
    '  replicas: {{ .Values.replicas }}',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: {{ .Values.image | quote }}',
    '',
  ].join('\n'),
  'templates/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "demo.fullname" . }}\nspec:\n  ports:\n    - port: 80\n',
  'templates/tests/test.yaml':
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: test\n  annotations:\n    "helm.sh/hook": test\nspec:\n  containers:\n    - name: t\n      image: busybox\n',
  'crds/widget.yaml': 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\n',
};

test('prints exactly what the core renders, with helm template flags passed through', () => {
  const dir = chart(WEB);
  const cases: { args: string[]; options: RenderOptions }[] = [
    { args: [dir], options: {} },
    {
      args: ['web', dir, '-f', join(dir, 'values-prod.yaml'), '-n', 'shop', '--set', 'replicas=5', '--set-string', 'image=7'],
      options: { releaseName: 'web', namespace: 'shop', valuesFiles: [join(dir, 'values-prod.yaml')], set: ['replicas=5'], setString: ['image=7'] },
    },
    { args: [dir, '--release-name', 'api', '--include-crds', '--skip-tests'], options: { releaseName: 'api', includeCrds: true, skipTests: true } },
    { args: [dir, '-s', 'templates/service.yaml', '--helm-compat', '3'], options: { showOnly: ['templates/service.yaml'], helmCompat: 3 } },
  ];
  for (const { args, options } of cases) {
    const { code, out, err } = run(['render', ...args]);
    assert.equal(err, '', args.join(' '));
    assert.equal(code, 0);
    assert.equal(out, renderChart(dir, options).output, args.join(' '));
  }
});

test('flags change what is printed the way a helm user expects', () => {
  const dir = chart(WEB);
  const base = run(['render', dir]).out;
  assert.match(base, /replicas: 1\n/);
  assert.match(base, /name: release-name-demo\n/);
  assert.match(base, /kind: Pod/, 'test hooks are printed by default');
  assert.doesNotMatch(base, /CustomResourceDefinition/);

  const changed = run(['render', 'shop', dir, '--set', 'replicas=4', '--namespace', 'prod', '--set-json', 'labels={"team":"a"}', '--skip-tests', '--include-crds']).out;
  assert.match(changed, /replicas: 4\n/);
  assert.match(changed, /name: shop-demo\n/);
  assert.match(changed, /namespace: prod\n/);
  assert.match(changed, /labels:\s+team: a\n/);
  assert.doesNotMatch(changed, /kind: Pod/);
  assert.match(changed, /CustomResourceDefinition/);

  // -f files apply in order, --set wins over them.
  const layered = run(['render', dir, '-f', join(dir, 'values-prod.yaml'), '--set', 'image=busybox']).out;
  assert.match(layered, /replicas: 3\n/);
  assert.match(layered, /image: "busybox"/);
  assert.match(layered, /tier: prod/);

  const only = run(['render', dir, '--show-only', 'templates/service.yaml']).out;
  assert.match(only, /kind: Service/);
  assert.doesNotMatch(only, /kind: Deployment/);

  // Capabilities flags reach the templates.
  const caps = chart({ 'templates/cm.yaml': 'kind: ConfigMap\ndata:\n  v: {{ .Capabilities.KubeVersion.Minor | quote }}\n  x: {{ .Capabilities.APIVersions.Has "x.io/v1" | quote }}\n  y: {{ .Capabilities.APIVersions.Has "y.io/v1" | quote }}\n' });
  const capsOut = run(['render', caps, '--kube-version', '1.29.0', '--api-versions', 'x.io/v1,y.io/v1']).out;
  assert.match(capsOut, /v: "29"\n {2}x: "true"\n {2}y: "true"/);
});

test('a template error exits 1 with Error: and the template and line, like helm', () => {
  const dir = chart({
    'values.yaml': 'name: x\n',
    'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\ndata:\n  key: {{ required "key is required" .Values.key }}\n',
  });
  const failed = run(['render', dir]);
  assert.equal(failed.code, 1);
  assert.equal(failed.out, '');
  // helm template's hint once rendering has begun; none for a missing chart or values file.
  assert.match(failed.err, /^Error: .*demo\/templates\/cm\.yaml:6:\d+.*key is required\n\nUse --debug flag to render out invalid YAML\n$/);
  assert.equal(run(['render', dir, '--set', 'key=v']).code, 0);

  const parse = chart({ 'templates/bad.yaml': 'a: 1\nb: {{ .Values.x | nosuch }}\n' });
  const parseFailed = run(['render', parse]);
  assert.equal(parseFailed.code, 1);
  assert.match(parseFailed.err, /^Error: parse error at \(demo\/templates\/bad\.yaml:2\): function "nosuch" not defined\n\nUse --debug flag to render out invalid YAML\n$/);

  const missing = run(['render', join(dir, 'nope')]);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /^Error: .*nope/);
  assert.doesNotMatch(missing.err, /--debug/);
  const badValues = run(['render', dir, '-f', join(dir, 'absent.yaml')]);
  assert.equal(badValues.code, 1);
  assert.doesNotMatch(badValues.err, /--debug/);
  // Helm 4.0/4.1's document splitting on request.
  assert.equal(run(['render', dir, '--set', 'key=v', '--helm-compat', '4.1']).code, 0);
});

test('malformed command lines exit 2 with the usage', () => {
  const dir = chart(WEB);
  for (const args of [[], [dir, '--bogus'], [dir, '--helm-compat', '5'], ['a', 'b', dir], ['web', dir, '--release-name', 'api']]) {
    const { code, err, out } = run(['render', ...args]);
    assert.equal(code, 2, args.join(' '));
    assert.equal(out, '');
    assert.match(err, /^shipshape render: .*\n[\s\S]*Usage: shipshape render/);
  }
  assert.equal(run(['render', '--help']).code, 0);
});

test('helm binary arguments say to helm what the options say to the built-in engine', () => {
  const options: RenderOptions = {
    releaseName: 'web',
    namespace: 'shop',
    valuesFiles: ['/c/values-prod.yaml', '/c/ci/test.yaml'],
    set: ['a=1,b=2'],
    setString: ['s=007'],
    setJson: ['j={"k":1}'],
    setFile: ['f=/tmp/x'],
    setLiteral: ['l=a,b'],
    kubeVersion: '1.30.0',
    apiVersions: ['x.io/v1', 'y.io/v1'],
    includeCrds: true,
    skipTests: true,
    noHooks: true,
    skipSchemaValidation: true,
    isUpgrade: true,
    showOnly: ['templates/a.yaml'],
  };
  const args = helmTemplateArgs('/c', options);
  assert.deepEqual(args.slice(0, 3), ['template', 'web', '/c']);
  // The CLI parses helm template's flags: what it reads back must be the same options.
  assert.deepEqual(parseRenderArgs(args.slice(1)), { chart: '/c', options });
  assert.deepEqual(helmTemplateArgs('/c', {}), ['template', '/c']);
  assert.deepEqual(parseRenderArgs(helmTemplateArgs('/c', { nameTemplate: 'x-{{ "y" }}' }).slice(1)), { chart: '/c', options: { nameTemplate: 'x-{{ "y" }}' } });
});

test('helm binary errors are located on the innermost template, as the built-in engine locates them', () => {
  const v3 = parseHelmStderr(
    'Error: template: demo/templates/cm.yaml:6:9: executing "demo/templates/cm.yaml" at <include "x" .>: error calling include: template: demo/templates/_h.tpl:2:3: executing "x" at <fail "no">: error calling fail: no\n',
  );
  assert.deepEqual(v3.location, { templatePath: 'demo/templates/_h.tpl', line: 2, column: 3 });
  const v4 = parseHelmStderr('Error: execution error at (demo/templates/cm.yaml:6:8): key is required\n');
  assert.equal(v4.message, 'execution error at (demo/templates/cm.yaml:6:8): key is required');
  assert.deepEqual(v4.location, { templatePath: 'demo/templates/cm.yaml', line: 6, column: 8 });
  assert.deepEqual(parseHelmStderr('Error: parse error at (demo/templates/bad.yaml:2): unclosed action\n').location, {
    templatePath: 'demo/templates/bad.yaml',
    line: 2,
    column: undefined,
  });
});

test('rendered lines lead back to their template line, from the source map or (helm binary) from the printed text', async () => {
  const dir = chart(WEB);
  const result = renderChart(dir, { releaseName: 'web' });
  const lines = result.output.split('\n');
  const templates = (source: string) => {
    const rel = sourceToRelative(source);
    return rel && rel in WEB ? WEB[rel as keyof typeof WEB] : undefined;
  };
  const replicas = lines.indexOf('  replicas: 1');
  const image = lines.indexOf('          image: "nginx:1.27"');
  const port = lines.indexOf('    - port: 80');
  for (const origins of [lineOrigins(result.output, result.manifests, () => undefined), lineOrigins(result.output, [], templates)]) {
    assert.deepEqual(origins[replicas], { source: 'demo/templates/deployment.yaml', line: 10 });
    assert.deepEqual(origins[image], { source: 'demo/templates/deployment.yaml', line: 15 });
    assert.deepEqual(origins[port], { source: 'demo/templates/service.yaml', line: 7 });
    assert.equal(origins[0], undefined, 'the leading --- belongs to no template');
  }
  // A schema problem in the rendered text carries the template it came from.
  const typo = renderChart(chart({ ...WEB, 'templates/service.yaml': WEB['templates/service.yaml'].replace('port: 80', 'portt: 80') }), {});
  const problems = await checkRendered(renderedSegments(typo.output, typo.manifests, () => undefined), 'shipshape-helm:/demo', {}, { sliceMs: 0 });
  const schema = problems?.find((p) => p.diagnostic.rule === 'k8s-schema' && /portt/.test(p.diagnostic.message));
  assert.deepEqual(schema?.origin, { source: 'demo/templates/service.yaml', line: 7 });
  const typoLines = typo.output.split('\n');
  assert.match(typoLines[schema.diagnostic.range.start.line], /^ {4}- portt: 80$/, 'the problem is on the rendered line of the typo');
  assert.ok(!problems?.some((p) => p.diagnostic.fixes), 'quick fixes offered on a read-only view');
  // Documents are checked one by one, but cross-document rules still see all of them.
  const pair = chart({
    'templates/deploy.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
    'templates/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: {{ .Values.app }}\n  ports:\n    - port: 80\n',
  });
  const selectsNothing = async (app: string) => {
    const r = renderChart(pair, { set: [`app=${app}`] });
    const found = await checkRendered(renderedSegments(r.output, r.manifests, () => undefined), `pair-${app}`, {}, { sliceMs: 0 });
    return found?.filter((p) => p.diagnostic.rule === 'k8s-service-selects-nothing').map((p) => p.origin);
  };
  assert.deepEqual(await selectsNothing('web'), []);
  assert.deepEqual(await selectsNothing('api'), [{ source: 'demo/templates/svc.yaml', line: 6 }]);
  // A newer render stops a running check.
  assert.equal(await checkRendered(renderedSegments(typo.output, typo.manifests, () => undefined), 'x', {}, { sliceMs: 0, stale: () => true }), undefined);
});

test('a helm binary on PATH is run with the arguments, bounded by a timeout and cancellable', async () => {
  const bin = mkdtempSync(join(tmpdir(), 'shipshape-fake-helm-'));
  // A stand-in for helm: echoes its arguments, fails like helm, or hangs, depending on the release name.
  writeFileSync(
    join(bin, 'helm'),
    `#!${process.execPath}\nconst a = process.argv.slice(2);\n` +
      `if (a[1] === 'hang') setTimeout(() => {}, 60000);\n` +
      `else if (a[1] === 'bad') { process.stderr.write('Error: execution error at (demo/templates/cm.yaml:6:8): key is required\\n'); process.exit(1); }\n` +
      `else process.stdout.write('---\\n# Source: demo/templates/cm.yaml\\nargs: ' + JSON.stringify(a) + '\\n');\n`,
    { mode: 0o755 },
  );
  const helm = findHelmBinary(`/nonexistent:${bin}`, 'linux');
  assert.equal(helm, join(bin, 'helm'));
  assert.equal(findHelmBinary('/nonexistent', 'linux'), undefined);

  const ok = await runHelmTemplate(helm!, helmTemplateArgs('/c', { releaseName: 'web', set: ['a=1'] }), { timeoutMs: 10_000 });
  assert.equal(ok, '---\n# Source: demo/templates/cm.yaml\nargs: ["template","web","/c","--set","a=1"]\n');

  await assert.rejects(runHelmTemplate(helm!, ['template', 'bad', '/c'], { timeoutMs: 10_000 }), (e: Error & { location?: unknown }) => {
    assert.equal(e.message, 'execution error at (demo/templates/cm.yaml:6:8): key is required');
    assert.deepEqual(e.location, { templatePath: 'demo/templates/cm.yaml', line: 6, column: 8 });
    return true;
  });

  const started = Date.now();
  await assert.rejects(runHelmTemplate(helm!, ['template', 'hang', '/c'], { timeoutMs: 300 }), /did not finish within/);
  const abort = new AbortController();
  const cancelled = runHelmTemplate(helm!, ['template', 'hang', '/c'], { timeoutMs: 30_000, signal: abort.signal });
  setTimeout(() => abort.abort(), 100);
  await assert.rejects(cancelled, /rendering cancelled/);
  assert.ok(Date.now() - started < 10_000, 'a hanging helm was not stopped');
});

test('the chart prompt offers top-level charts, the values prompt values-like files, the active file finds its chart', () => {
  const repo = '/ws';
  assert.deepEqual(
    topLevelCharts([`${repo}/charts/web`, `${repo}/charts/web/charts/redis`, `${repo}/charts/web/charts/redis/charts/common`, `${repo}/apps/api`, `${repo}/charts/db`]),
    [`${repo}/apps/api`, `${repo}/charts/db`, `${repo}/charts/web`],
    'a repository folder named charts/ is kept, a chart\'s own charts/ is not',
  );
  assert.deepEqual(
    ['values.yaml', 'values-prod.yaml', 'ci/test-values.yaml', 'Chart.yaml', 'Chart.lock', 'templates/cm.yaml', 'charts/sub/values.yaml', 'crds/x.yaml', 'README.md', 'env/dev.yml'].filter(
      isValuesCandidate,
    ),
    ['values-prod.yaml', 'ci/test-values.yaml', 'env/dev.yml'],
  );
  const dir = chart({ ...WEB, 'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n', 'charts/sub/templates/a.yaml': 'a: 1\n' });
  assert.equal(chartDirOf(join(dir, 'templates/deployment.yaml')), dir);
  assert.equal(chartDirOf(join(dir, 'Chart.yaml')), dir);
  assert.equal(chartDirOf(dir), dir);
  assert.equal(chartDirOf(join(dir, 'charts/sub/templates/a.yaml')), join(dir, 'charts/sub'));
  assert.equal(chartDirOf(join(dir, 'templates/deployment.yaml'), join(dir, 'templates')), undefined, 'looked above the workspace folder');
});

test('custom resources are validated against the CRDs the chart itself renders', async () => {
  const crd = [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata:',
    '  name: widgets.example.com',
    'spec:',
    '  group: example.com',
    '  names: {kind: Widget, plural: widgets}',
    '  scope: Namespaced',
    '  versions:',
    '    - name: v1',
    '      served: true',
    '      storage: true',
    '      schema:',
    '        openAPIV3Schema:',
    '          type: object',
    '          properties:',
    '            spec:',
    '              type: object',
    '              properties:',
    '                size: {type: integer}',
    '',
  ].join('\n');
  const dir = chart({
    'crds/widget.yaml': crd,
    'templates/widget.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: {{ .Values.size }}\n',
  });
  const problemsWith = async (size: string, includeCrds: boolean) => {
    const r = renderChart(dir, { set: [`size=${size}`], includeCrds });
    const found = await checkRendered(renderedSegments(r.output, r.manifests, () => undefined), `crd-${size}-${includeCrds}`, {}, { sliceMs: 0 });
    return (found ?? []).filter((p) => p.origin?.source === 'demo/templates/widget.yaml' && p.diagnostic.severity === 'error');
  };
  assert.deepEqual(await problemsWith('3', true), []);
  const wrong = await problemsWith('big', true);
  assert.equal(wrong.length, 1, JSON.stringify(wrong));
  assert.deepEqual(wrong[0].origin, { source: 'demo/templates/widget.yaml', line: 6 });
  assert.match(wrong[0].diagnostic.message, /integer/);
});
