/**
 * Conformance with helm's own golden outputs (../shared/helm-golden/cases.json): every `helm template`
 * case must print byte-identical text (after CRLF -> LF, as helm's test helper does); error cases must
 * fail with the same `Error: ...` text; the OpenTelemetry examples compare per-file `--output-dir`
 * output with their upstream normalisation. Cases that are not about rendering are skipped below, each
 * with its reason.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sharedPath } from '../shared-data';
import { renderChart, outputDirFiles, ChartRenderError, type RenderOptions } from '../../../src/core/helm/index';

interface GoldenCase {
  name: string;
  helmVersion: string;
  command: 'template' | 'install';
  release?: string | null;
  chart: string | null;
  args: string[];
  golden?: string | null;
  goldenDir?: string;
  expectError?: string;
  runs?: string[][];
}

const root = sharedPath('helm-golden');
const { cases } = JSON.parse(readFileSync(join(root, 'cases.json'), 'utf8')) as { cases: GoldenCase[] };

/** Why a case is not compared; keyed by `<helmVersion> <name>`. */
const SKIPS: Record<string, string> = {
  'v4 check no args': 'CLI argument validation, no chart involved',
  'v3 check no args': 'CLI argument validation, no chart involved',
  'v4 hide-secret error without dry-run': 'install flag validation (--hide-secret needs --dry-run), nothing is rendered',
  'v3 hide-secret error without dry-run': 'install flag validation (--hide-secret needs --dry-run), nothing is rendered',
  'v4 dry-run hiding secret': '--hide-secret rewrites the dry-run status printout, not rendering',
  'v3 dry-run hiding secret': '--hide-secret rewrites the dry-run status printout, not rendering',
};

/**
 * `helm install` goldens print a release status (NAME/LAST DEPLOYED/...), not `helm template` text;
 * what rendering decides in them is checked: the command succeeds, the NOTES section, and for
 * --dry-run the MANIFEST section.
 */
function isInstallStatus(c: GoldenCase): boolean {
  return c.command === 'install' && !c.expectError;
}

function statusSection(golden: string, header: string, next: RegExp): string | undefined {
  const start = golden.indexOf(`\n${header}:\n`);
  if (start < 0) return undefined;
  const body = golden.slice(start + header.length + 3);
  const end = body.search(next);
  return end < 0 ? body : body.slice(0, end);
}

function toOptions(c: GoldenCase, args: string[]): { options: RenderOptions; debug: boolean } {
  const options: RenderOptions = {
    helmCompat: c.helmVersion.startsWith('v3') ? 3 : 4,
    // The OpenTelemetry examples come from helm v4.0.5, which still split documents the Helm 3 way.
    legacyDocumentSplitting: c.helmVersion.startsWith('v4.0'),
    // helm's test builds report Kubernetes v1.20.0 (harness.capabilities); a flag overrides it.
    kubeVersion: '1.20.0',
    releaseName: c.release ?? undefined,
  };
  let debug = false;
  const list = (key: 'set' | 'setString' | 'setFile' | 'setJson' | 'setLiteral' | 'valuesFiles' | 'apiVersions' | 'showOnly', v: string): void => {
    (options[key] ??= []).push(v);
  };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].includes('=') && args[i].startsWith('--') ? [args[i].slice(0, args[i].indexOf('=')), args[i].slice(args[i].indexOf('=') + 1)] : [args[i], undefined];
    const value = (): string => inline ?? args[++i];
    const path = (p: string): string => join(root, p);
    switch (flag) {
      case '--set': list('set', value()); break;
      case '--set-string': list('setString', value()); break;
      case '--set-json': list('setJson', value()); break;
      case '--set-literal': list('setLiteral', value()); break;
      case '--set-file': list('setFile', value()); break;
      case '-f': case '--values': list('valuesFiles', path(value())); break;
      case '--api-versions': list('apiVersions', value()); break;
      case '--show-only': case '-s': list('showOnly', value()); break;
      case '--kube-version': options.kubeVersion = value(); break;
      case '--namespace': case '-n': options.namespace = value(); break;
      case '--name-template': options.nameTemplate = value(); break;
      case '--include-crds': options.includeCrds = true; break;
      case '--skip-tests': options.skipTests = true; break;
      case '--skip-schema-validation': options.skipSchemaValidation = true; break;
      case '--is-upgrade': options.isUpgrade = true; break;
      case '--debug': debug = true; break;
      case '--output-dir': value(); break;
      case '--dry-run': case '--dependency-update': case '--hide-secret': break;
      default: throw new Error(`unhandled flag ${args[i]} in ${c.name}`);
    }
  }
  return { options, debug };
}

/** What the CLI prints for a failed command (cmd/helm main: "Error: <msg>"); --debug shows the raw YAML first. */
function cliError(c: GoldenCase, e: ChartRenderError, debug: boolean): string {
  const prefix = c.command === 'install' ? 'INSTALLATION FAILED: ' : '';
  const invalidYaml = c.command === 'template' && e.message.startsWith('YAML parse error');
  const yamlHint = invalidYaml && !debug ? '\n\nUse --debug flag to render out invalid YAML' : '';
  const shown = invalidYaml && debug ? (e.debugOutput ?? '') : '';
  return `${shown}Error: ${prefix}${e.message}${yamlHint}\n`;
}

const lf = (s: string): string => s.replace(/\r\n/g, '\n');

/** The OpenTelemetry Makefile's normalisation plus its `diff -I` ignores. */
function normaliseExample(text: string): string {
  return lf(text)
    .replace(/[ \t\n]+(?=\n---\n)/g, '')
    .replace(/[ \t\n]+$/, '\n')
    .split('\n')
    .filter((l) => !/checksum\/config|helm\.sh\/chart/.test(l))
    .join('\n');
}


function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

for (const c of cases) {
  const key = `${c.helmVersion.startsWith('v3') ? 'v3' : 'v4'} ${c.name}`;
  test(`golden ${key}`, { skip: SKIPS[key] }, () => {
    assert.ok(c.chart, 'case has a chart');
    const chartDir = join(root, c.chart);
    if (isInstallStatus(c)) {
      const result = renderChart(chartDir, toOptions(c, c.args).options);
      if (!c.golden) return;
      const golden = lf(readFileSync(join(root, c.golden), 'utf8'));
      const notes = statusSection(golden, 'NOTES', /$^/);
      assert.equal(result.notes?.trim(), notes?.trim());
      const manifest = statusSection(golden, 'MANIFEST', /\nNOTES:\n/);
      if (manifest !== undefined) assert.equal(result.output.trim(), manifest.trim());
      return;
    }
    if (c.goldenDir) {
      const chartName = c.chart.split('/').pop()!;
      const produced = new Map<string, string[]>();
      for (const args of c.runs ?? [c.args]) {
        const { options } = toOptions(c, args);
        for (const [source, text] of outputDirFiles(renderChart(chartDir, options))) {
          // The upstream Makefile moves <chart>/templates/* up into rendered/.
          const rel = source.startsWith(`${chartName}/templates/`) ? source.slice(`${chartName}/templates/`.length) : source.slice(chartName.length + 1);
          produced.set(rel, [...(produced.get(rel) ?? []), normaliseExample(text)]);
        }
      }
      const goldenDir = join(root, c.goldenDir);
      for (const file of listFiles(goldenDir)) {
        const rel = relative(goldenDir, file);
        const expected = normaliseExample(readFileSync(file, 'utf8'));
        const candidates = produced.get(rel);
        assert.ok(candidates, `no output for ${rel}`);
        if (!candidates.includes(expected)) assert.equal(candidates[candidates.length - 1], expected, rel);
      }
      return;
    }
    const golden = lf(readFileSync(join(root, c.golden!), 'utf8'));
    const { options, debug } = toOptions(c, c.args);
    let actual: string;
    try {
      const result = renderChart(chartDir, options);
      actual = result.output;
    } catch (e) {
      if (!(e instanceof ChartRenderError)) throw e;
      actual = cliError(c, e, debug);
    }
    assert.equal(actual, golden);
  });
}
