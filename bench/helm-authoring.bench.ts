/**
 * Helm template authoring where a user waits, through `shipshape lsp --stdio` on the real prometheus
 * chart (../shared/charts, with its four subcharts): a keystroke in templates/deploy.yaml to its
 * updated diagnostics (the template's own rules and the chart rendered and validated, findings mapped
 * back to template lines), and completion after `.Values.server.`. The peer, measured in the same run
 * when the helm oracle is installed (scripts/helm-oracle.mjs): `helm lint` of the same chart, the
 * check a helm-ls user gets on save. Needs dist/ (`npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { built, TestClient } from '../test/unit/server/lsp-client';

const CHART = join(__dirname, '..', '..', 'shared', 'charts', 'prometheus');
const EDITS = 30;

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A helm binary installed by scripts/helm-oracle.mjs, if any. */
function oracleHelm(): string | undefined {
  const base = join(homedir(), '.cache', 'shipshape', 'helm-oracle');
  if (!existsSync(base)) return undefined;
  for (const dir of readdirSync(base).sort().reverse()) {
    for (const candidate of [join(base, dir, 'helm'), join(base, dir, 'helm', 'helm'), join(base, dir, 'bin', 'helm')]) if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

async function main(): Promise<void> {
  if (!built || !existsSync(CHART)) {
    console.log(`skipped: ${!built ? 'dist/cli.js is missing (run `npm run build` first)' : 'no ../shared/charts/prometheus'}.`);
    return;
  }
  const root = mkdtempSync(join(tmpdir(), 'shipshape-helm-bench-'));
  cpSync(CHART, join(root, 'prometheus'), { recursive: true });
  const client = new TestClient(root);
  await client.initialize();
  await client.connection.sendRequest('shipshape/checkWorkspace');
  const uri = client.uri('prometheus/templates/deploy.yaml');
  const original = readFileSync(join(root, 'prometheus/templates/deploy.yaml'), 'utf8');
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'helm', version: 1, text: original } });
  await client.waitFor(() => client.diagnostics.has(uri) || true, 'the first publish');
  let version = 1;
  /** Toggles `edited` in and out; each edit is timed until `probe` says the published findings follow it. */
  const measure = async (edited: string, shows: (codes: (string | number | undefined)[]) => boolean): Promise<number[]> => {
    const times: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const wrong = i % 2 === 0;
      const started = performance.now();
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: wrong ? edited : original }] });
      await client.waitFor(() => shows((client.diagnostics.get(uri) ?? []).map((d) => d.code)) === wrong, 'the edit to be published');
      times.push(performance.now() - started);
    }
    return times;
  };
  // A typo'd values path: found by the template's own rules, at once.
  const typo = original.replace('.Values.server.image.pullPolicy }}', '.Values.server.imag.pullPolicy }}');
  // A typo'd field: found only in the rendered Deployment, validated and mapped back to the template line.
  const field = original.replace('          imagePullPolicy: "{{ .Values.server.image.pullPolicy }}"', '          imagePullPolicyy: "{{ .Values.server.image.pullPolicy }}"');
  if (typo === original || field === original) throw new Error('the edit point moved: update the bench');
  const times = await measure(typo, (codes) => codes.includes('helm-values-undefined'));
  const rendered = await measure(field, (codes) => codes.includes('k8s-schema'));
  const line = original.split('\n').findIndex((l) => l.includes('.Values.server.image.pullPolicy }}'));
  const character = original.split('\n')[line].indexOf('.Values.server.') + '.Values.server.'.length;
  const completion: number[] = [];
  let offered = 0;
  for (let i = 0; i < EDITS; i++) {
    const started = performance.now();
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as unknown[];
    completion.push(performance.now() - started);
    offered = items.length;
  }
  await client.stop();

  const helm = oracleHelm();
  let helmMs: number | undefined;
  if (helm) {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      try {
        execFileSync(helm, ['lint', join(root, 'prometheus')], { stdio: 'ignore' });
      } catch {
        // lint findings give a non-zero exit
      }
      runs.push(performance.now() - started);
    }
    helmMs = median(runs);
  }
  console.log(`chart: prometheus (${readdirSync(join(root, 'prometheus/templates')).length} templates, 4 subcharts)`);
  console.log('| measure | value |\n|---|---|');
  console.log(`| keystroke in a template → the template's own findings (values paths, syntax, includes), median of ${EDITS} | ${median(times).toFixed(1)} ms (worst ${Math.max(...times).toFixed(1)}) |`);
  console.log(`| keystroke → findings of the re-rendered chart (render, schema validation, mapped to the line), median | ${median(rendered).toFixed(1)} ms (worst ${Math.max(...rendered).toFixed(1)}) |`);
  console.log(`| completion after \`.Values.server.\` (${offered} keys), median | ${median(completion).toFixed(1)} ms |`);
  if (helmMs !== undefined) console.log(`| peer: \`helm lint\` of the chart (${helm}), median of 5 | ${helmMs.toFixed(0)} ms (${(helmMs / median(rendered)).toFixed(1)}× our re-render) |`);
  else console.log('| peer: `helm lint` | not measured: no helm oracle (node scripts/helm-oracle.mjs) |');
}

void main().then(() => process.exit(0));
