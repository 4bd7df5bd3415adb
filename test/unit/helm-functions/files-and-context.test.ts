/** `.Files`, `.Capabilities`, `.Chart`, `.Release` as templates use them, through the real engine. */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { executeTemplate } from '../../../src/core/gotemplate';
import type { GoValue } from '../../../src/core/gotemplate/values';
import {
  capabilities,
  chartMetadata,
  chartMetadataMap,
  compileGlob,
  filesValue,
  helmFunctions,
  HelmFiles,
  parseKubeVersion,
  parseYamlValues,
  releaseObject,
  valuesObject,
} from '../../../src/core/helm/functions';

const funcs = helmFunctions();
const bytes = (s: string) => new Uint8Array(Buffer.from(s));
const files = new HelmFiles(
  new Map([
    ['config/app.yaml', bytes('a: 1\n')],
    ['config/nested/db.ini', bytes('[db]\nhost=x\n')],
    ['files/docker-entrypoint-initdb.d/init.sh', bytes('echo hi\n')],
    ['README.md', bytes('# readme')],
    ['empty.txt', bytes('')],
  ]),
);
const render = (template: string, extra: Record<string, GoValue> = {}) =>
  executeTemplate(template, { Files: filesValue(files), ...extra }, { funcs });

const templateCases: Array<[string, string, string]> = [
  ['Get returns the content', '{{ .Files.Get "config/app.yaml" }}', 'a: 1\n'],
  ['Get of a missing file is empty', '[{{ .Files.Get "nope" }}]', '[]'],
  ['GetBytes prints as a byte slice', '{{ .Files.GetBytes "README.md" | len }}', '8'],
  ['Glob * stays within a directory', '{{ range $p, $_ := .Files.Glob "config/*" }}{{ $p }} {{ end }}', 'config/app.yaml '],
  ['Glob ** crosses directories', '{{ range $p, $_ := .Files.Glob "config/**" }}{{ $p }} {{ end }}', 'config/app.yaml config/nested/db.ini '],
  ['an empty Glob is falsy', '{{ if .Files.Glob "nothing/*" }}yes{{ else }}no{{ end }}', 'no'],
  ['a non-empty Glob is truthy', '{{ if .Files.Glob "files/docker-entrypoint-initdb.d/*[sh|js|json]" }}yes{{ end }}', 'yes'],
  ['AsConfig keys by basename', '{{ (.Files.Glob "config/**").AsConfig }}', 'app.yaml: |\n  a: 1\ndb.ini: |\n  [db]\n  host=x'],
  ['AsSecrets base64-encodes', '{{ (.Files.Glob "README.md").AsSecrets }}', 'README.md: IyByZWFkbWU='],
  ['AsConfig of no files is an empty map', '{{ (.Files.Glob "none").AsConfig }}', '{}'],
  ['Lines drops one trailing newline', '{{ range .Files.Lines "config/nested/db.ini" }}<{{ . }}>{{ end }}', '<[db]><host=x>'],
  ['Lines of a missing file is empty', '{{ len (.Files.Lines "nope") }}', '0'],
  ['len counts files', '{{ len .Files }}', '5'],
];

for (const [name, template, expected] of templateCases) {
  test(`.Files: ${name}`, () => assert.equal(render(template), expected));
}

test('.Files: a wrong argument type fails like Go', () => {
  assert.throws(() => render('{{ .Files.Get 1 }}'));
});

test('.Files.Lines of an empty file fails as Helm panics', () => {
  assert.throws(() => render('{{ .Files.Lines "empty.txt" }}'), /index out of range/);
});

const globCases: Array<[string, string, boolean]> = [
  ['*.yaml', 'a.yaml', true],
  ['*.yaml', 'dir/a.yaml', false],
  ['**.yaml', 'dir/a.yaml', true],
  ['dir/?.txt', 'dir/a.txt', true],
  ['dir/?.txt', 'dir/ab.txt', false],
  ['[a-c]*', 'beta', true],
  ['[!a-c]*', 'beta', false],
  ['{foo,bar}/*.md', 'bar/x.md', true],
  ['{foo,bar}/*.md', 'baz/x.md', false],
  ['a\\*b', 'a*b', true],
  ['a\\*b', 'axb', false],
];

for (const [pattern, path, expected] of globCases) {
  test(`glob ${pattern} vs ${path}`, () => assert.equal(compileGlob(pattern)!.test(path), expected));
}

test('glob: a malformed pattern does not compile (Helm then matches all files)', () => {
  assert.equal(compileGlob('[abc'), undefined);
  assert.equal(compileGlob('{a,b'), undefined);
  assert.equal(render('{{ len (.Files.Glob "[oops") }}'), '5');
});

test('.Capabilities: version parts, Has, and printing the API version list', () => {
  const caps = capabilities({ kubeVersion: '1.20', apiVersions: ['helm.k8s.io/test'] });
  const out = executeTemplate(
    '{{ .Capabilities.KubeVersion.Major }}|{{ .Capabilities.KubeVersion.Minor }}|{{ .Capabilities.KubeVersion.Version }}|{{ .Capabilities.KubeVersion.GitVersion }}|{{ .Capabilities.APIVersions.Has "helm.k8s.io/test" }}|{{ .Capabilities.APIVersions.Has "helm.k8s.io/test2" }}|{{ .Capabilities.APIVersions.Has "apps/v1" }}',
    { Capabilities: caps },
    { funcs },
  );
  assert.equal(out, '1|20|v1.20|v1.20|true|false|true');
  assert.equal(capabilities().KubeVersion.Version, 'v1.36.0');
  assert.equal(capabilities({ kubeVersion: 'v1.33.4-gke.1245000' }).KubeVersion.Minor, '33');
  assert.throws(() => capabilities({ kubeVersion: 'banana' }), { message: 'could not parse "banana" as version' });
});

// Checked against helm 3.17.3 and 4.1.4 (test/unit/helm/oracle.test.ts); 4.2 keeps the input as Version.
test('--kube-version parsing: Helm 3 semver, Helm 4 k8s ParseGeneric (4.1 drops the suffix, 4.2 keeps it)', () => {
  const rows: Array<[string, string, string, string, string]> = [
    // input, Helm 3.17, Helm 4.1, Helm 4.2 (Version), printed by 4.2 (String)
    ['1.20', 'v1.20.0', 'v1.20', 'v1.20', 'v1.20'],
    ['1.30.0-rc.1', 'v1.30.0-rc.1', 'v1.30.0', 'v1.30.0-rc.1', 'v1.30.0'],
    ['1.30.0+abc', 'v1.30.0+abc', 'v1.30.0', 'v1.30.0+abc', 'v1.30.0'],
    ['1', 'v1.0.0', 'illegal version string "1"', 'illegal version string "1"', ''],
    ['1.2.3.4', 'Invalid Semantic Version', 'v1.2.3.4', 'v1.2.3.4', 'v1.2.3.4'],
    ['01.02.03', 'v1.2.3', 'illegal zero-prefixed version component "01" in "01.02.03"', 'illegal zero-prefixed version component "01" in "01.02.03"', ''],
    ['latest', 'Invalid Semantic Version', 'could not parse "latest" as version', 'could not parse "latest" as version', ''],
    ['1.x', 'Invalid Semantic Version', 'illegal version string "1.x"', 'illegal version string "1.x"', ''],
  ];
  const version = (input: string, rules: 3 | 4 | 4.1): string => {
    try {
      return parseKubeVersion(input, rules).Version;
    } catch (e) {
      return (e as Error).message;
    }
  };
  for (const [input, helm3, helm41, helm42, printed] of rows) {
    assert.equal(version(input, 3), helm3, `3: ${input}`);
    assert.equal(version(input, 4.1), helm41, `4.1: ${input}`);
    assert.equal(version(input, 4), helm42, `4.2: ${input}`);
    if (printed) assert.equal(parseKubeVersion(input, 4).String(), printed, `String: ${input}`);
  }
});

test('.Chart (Helm 3 struct): capitalised fields, appVersion as Go reads a YAML float, unknown fields fail', () => {
  const chart = chartMetadata(parseYamlValues('apiVersion: v2\nname: demo\nversion: 0.1.0\nappVersion: 1.10\nkeywords: [a, b]\n'));
  assert.equal(executeTemplate('{{ .Chart.Name }}-{{ .Chart.Version }} {{ .Chart.AppVersion }} {{ .Chart.Keywords }} {{ .Chart.APIVersion }}', { Chart: chart }, { funcs }), 'demo-0.1.0 1.1 [a b] v2');
  assert.throws(() => executeTemplate('{{ .Chart.Nope }}', { Chart: chart }, { funcs }), /can't evaluate field Nope/);
  // toYaml of the struct uses its JSON tags and omits empty fields.
  assert.equal(executeTemplate('{{ toYaml .Chart }}', { Chart: chart }, { funcs }), 'apiVersion: v2\nappVersion: "1.1"\nkeywords:\n- a\n- b\nname: demo\nversion: 0.1.0');
});

test('.Chart (Helm 4 map): unknown keys print nothing, toYaml shows Go field names', () => {
  const chart = chartMetadataMap(parseYamlValues('name: demo\nversion: 0.1.0\n'));
  assert.equal(executeTemplate('[{{ .Chart.Nope }}]{{ .Chart.Name }} {{ .Chart.IsRoot }}', { Chart: chart }, { funcs }).replace('<no value>', ''), '[]demo true');
  assert.match(executeTemplate('{{ toYaml .Chart }}', { Chart: chart }, { funcs }), /^APIVersion: ""\nAnnotations: \{\}\nAppVersion: ""/);
});

test('.Release for helm template', () => {
  const out = executeTemplate('{{ .Release.Name }} {{ .Release.Namespace }} {{ .Release.Revision }} {{ .Release.IsInstall }} {{ .Release.IsUpgrade }} {{ .Release.Service }}', { Release: releaseObject({ name: 'release-name' }) }, { funcs });
  assert.equal(out, 'release-name default 1 true false Helm');
});

test('required and fail carry Helm\'s markers; lookup finds nothing offline', () => {
  assert.throws(() => executeTemplate('{{ required "need x" .x }}', {}, { funcs }), /HELM_ERR_STARTneed xHELM_ERR_END/);
  assert.throws(() => executeTemplate('{{ required "need x" .x }}', { x: '' }, { funcs }), /need x/);
  assert.equal(executeTemplate('{{ required "need x" .x }}', { x: 0n }, { funcs }), '0');
  assert.equal(executeTemplate('{{ required "need x" .x }}', { x: false }, { funcs }), 'false');
  assert.throws(() => executeTemplate('{{ fail "stop" }}', {}, { funcs }), /HELM_ERR_STARTstopHELM_ERR_END/);
  assert.equal(executeTemplate('{{ lookup "v1" "Secret" "ns" "name" }}|{{ len (lookup "v1" "Pod" "" "") }}', {}, { funcs }), 'map[]|0');
  const lint = helmFunctions({ lintMode: true });
  assert.equal(executeTemplate('[{{ required "need x" .x }}{{ fail "stop" }}]', {}, { funcs: lint }), '[]');
});

test('Helm removes env and expandenv from Sprig', () => {
  assert.equal('env' in funcs, false);
  assert.equal('expandenv' in funcs, false);
  assert.throws(() => executeTemplate('{{ env "HOME" }}', {}, { funcs }), /function "env" not defined|not a defined function/);
});

test('.Values has chartutil.Values methods that shadow keys of the same name', () => {
  const Values = valuesObject(parseYamlValues('a: {b: {c: 1}}\nYAML: shadowed\nlist: [1]\n'));
  const run = (t: string) => executeTemplate(t, { Values }, { funcs });
  assert.equal(run('{{ .Values.YAML }}'), 'YAML: shadowed\na:\n  b:\n    c: 1\nlist:\n- 1\n');
  assert.equal(run('{{ .Values.Table "a.b" }}|{{ .Values.PathValue "a.b.c" }}|{{ len .Values }}'), 'map[c:1]|1|3');
  assert.throws(() => run('{{ .Values.Table "list" }}'), /"list" is not a table/);
  assert.throws(() => run('{{ .Values.PathValue "a.b" }}'), /"b" is not a value/);
  assert.equal(run('{{ range $k, $_ := .Values }}{{ $k }},{{ end }}'), 'YAML,a,list,');
});

test('Helm 3 compatibility: no mustToYaml/mustToToml, no duration helpers, Sprig\'s mustToJson', () => {
  const v3 = helmFunctions({ compat: 3 });
  assert.equal('mustToJson' in v3, true);
  for (const name of ['mustToYaml', 'mustToToml', 'durationSeconds', 'mustToDuration']) {
    assert.equal(name in v3, false, name);
    assert.equal(name in funcs, true, name);
  }
  assert.throws(() => executeTemplate('{{ mustToYaml . }}', {}, { funcs: v3 }));
  assert.equal(executeTemplate('{{ toYaml . }}', { a: 1n }, { funcs: v3 }), 'a: 1');
});

// A binary file is a Go string of bytes, not UTF-8 text (found by the helm oracle; values from helm 4.1.4).
const binary = new HelmFiles(new Map([['x.bin', Uint8Array.from([0xff, 0xfe, 0x61, 0x62, 0xc3])]]));
const binaryCases: Array<[string, string, string]> = [
  ['b64enc sees the bytes', '{{ .Files.Get "x.bin" | b64enc }}', '//5hYsM='],
  ['b64dec gives the bytes back', '{{ .Files.Get "x.bin" | b64enc | b64dec | b64enc }}', '//5hYsM='],
  ['b32enc/b32dec', '{{ .Files.Get "x.bin" | b32enc | b32dec | b64enc }}', '//5hYsM='],
  ['len counts bytes', '{{ .Files.Get "x.bin" | len }}', '5'],
  ['sha256sum hashes the bytes', '{{ .Files.Get "x.bin" | sha256sum }}', '1d8602424033d438df83a94cec4e49fe297c59edd9e1e6a35432826876fd6bc0'],
  ['printf %x', '{{ .Files.Get "x.bin" | printf "%x" }}', 'fffe6162c3'],
  ['quote escapes bytes that are not UTF-8', '{{ .Files.Get "x.bin" | quote }}', '"\\xff\\xfeab\\xc3"'],
  ['printf %q', '{{ .Files.Get "x.bin" | printf "%q" }}', '"\\xff\\xfeab\\xc3"'],
  ['trunc cuts bytes', '{{ .Files.Get "x.bin" | trunc 3 | b64enc }}', '//5h'],
  ['upper turns them into U+FFFD, as strings.Map does', '{{ .Files.Get "x.bin" | upper | b64enc }}', '77+977+9QULvv70='],
  ['toJson writes the escaped replacement character', '{{ .Files.Get "x.bin" | toJson }}', '"\\ufffd\\ufffdab\\ufffd"'],
  ['GetBytes | toString keeps the bytes', '{{ .Files.GetBytes "x.bin" | toString | b64enc }}', '//5hYsM='],
  ['a cut through a rune keeps the byte', '{{ substr 0 1 "é" | quote }}', '"\\xc3"'],
];
for (const [name, template, expected] of binaryCases) {
  test(`.Files binary: ${name}`, () => assert.equal(executeTemplate(template, { Files: filesValue(binary) }, { funcs }), expected));
}
