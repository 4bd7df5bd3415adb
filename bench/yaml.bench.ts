/**
 * `npm run bench -- yaml`: Kubernetes validation, side by side on the same inputs:
 *   - `yaml` parse alone (parseAllDocuments, YAML 1.1): the floor;
 *   - ours: validateYamlFile (parse + per-kind schemas + humanised diagnostics);
 *   - yaml-language-server 1.25 in-process, Kubernetes mode, yannh v1.34 standalone-strict all.json
 *     served from ../shared (the URL it recognises), doValidation(doc, true).
 * Inputs: the k8s corpus (~330 files) and a generated 5,000-document manifest (~10 MB).
 * Method: one warm-up run (schema compilation excluded from "warm"), then the median of N runs;
 * caches are cleared before each run of ours so every document is really validated.
 * First, "the floor": where parsing time goes, stage by stage (`yaml`'s Lexer alone, Lexer + Parser (CST),
 * parseAllDocuments, toJS, our walks, fast-compose.ts), per `---` chunk as parse.ts splits them, on the
 * generated manifest and a 2.5 MB CRD. `BENCH_YAML=floor` runs only that part.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Lexer, parseAllDocuments, Parser } from 'yaml';
import { aliasExpansion, markDuplicateKeys } from '../src/core/yaml/aliases';
import { splitDocuments } from '../src/core/yaml/chunks';
import { fastCompose } from '../src/core/yaml/fast-compose';
import { measureYaml } from '../src/core/yaml/nesting';
import { yamlParseOptions } from '../src/core/yaml/parse';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server/lib/umd/languageservice/yamlLanguageService';
import { validateYamlFile } from '../src/core/schemas';
import { clearValidationCaches } from '../src/core/schemas/validate';
import { generateComposeSchema, generateKubernetesSchemas } from '../src/core/schemas/generate';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';

const SHARED = process.env.SHIPSHAPE_SHARED ?? resolve(__dirname, '../../shared');
const K8S = join(SHARED, 'schemas/kubernetes/v1.34.0');
const YLS_URL = 'https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/v1.34.0-standalone-strict/all.json';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/** A generated manifest of `count` Deployments, ~2 KB each (also used by test/unit/yaml/fast-compose.test.ts). */
export function bigManifest(count: number): string {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: team-${i % 17}
  labels: {app: app-${i}, tier: backend, release: r${i % 5}}
  annotations:
    description: "Deployment number ${i} of the generated benchmark manifest, with some text to make it realistic"
spec:
  replicas: ${(i % 5) + 1}
  selector:
    matchLabels: {app: app-${i}}
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}
  template:
    metadata:
      labels: {app: app-${i}, tier: backend}
    spec:
      serviceAccountName: sa-${i % 9}
      containers:
      - name: main
        image: registry.example.com/team/app-${i}:1.${i % 30}.0
        args: ["--port=8080", "--log-level=info", "--shard=${i}"]
        ports:
        - {name: http, containerPort: 8080, protocol: TCP}
        env:
        - {name: SHARD, value: "${i}"}
        - {name: MODE, value: production}
${Array.from({ length: 8 }, (_, k) => `        - {name: FEATURE_FLAG_${k}, value: "enabled-for-shard-${i}-and-region-${k}"}\n`).join('')}        volumeMounts:
        - {name: config, mountPath: /etc/app, readOnly: true}
        - {name: cache, mountPath: /var/cache/app}
        resources:
          requests: {cpu: ${(i % 4) * 100 + 100}m, memory: ${(i % 8) * 64 + 128}Mi}
          limits: {cpu: "1", memory: 1Gi}
        readinessProbe:
          httpGet: {path: /healthz, port: http}
          periodSeconds: 10
      - name: sidecar
        image: registry.example.com/proxy:2.${i % 7}
        ports:
        - {name: admin, containerPort: 9901}
      volumes:
      - name: config
        configMap: {name: app-${i}-config, defaultMode: 0444}
      - name: cache
        emptyDir: {sizeLimit: 512Mi}
`);
  }
  return docs.join('---\n');
}

function ylsService() {
  const service = getLanguageService({
    schemaRequestService: async (uri: string) => {
      const name = uri.slice(uri.lastIndexOf('/') + 1);
      return readFileSync(join(K8S, 'standalone-strict', name), 'utf8');
    },
    workspaceContext: { resolveRelativePath: (rel: string, resource: string) => new URL(rel, resource).toString() },
  });
  service.configure({ validate: true, isKubernetes: true, yamlVersion: '1.1', schemas: [{ uri: YLS_URL, fileMatch: ['*.yaml', '*.yml'] }] });
  return service;
}

/** Where the parse time goes, stage by stage, on the same chunks parse.ts makes. */
async function floor(inputs: { name: string; text: string }[]): Promise<void> {
  const options = yamlParseOptions('1.1');
  console.log('| input | stage | median ms | MB/s |');
  console.log('|---|---|---:|---:|');
  for (const { name, text } of inputs) {
    const chunks = splitDocuments(text).map((c) => c.source);
    const mbs = (ms: number) => (text.length / 1024 / 1024 / (ms / 1000)).toFixed(1);
    let docs: ReturnType<typeof parseAllDocuments>[] = [];
    let fast: unknown[] = [];
    const stages: [string, () => void][] = [
      ['yaml Lexer alone', () => chunks.forEach((c) => { for (const _ of new Lexer().lex(c)); })],
      ['yaml Lexer + Parser (CST)', () => chunks.forEach((c) => { for (const _ of new Parser().parse(c)); })],
      // Before parseAllDocuments, whose documents stay alive for the stages after it (a bigger heap to collect).
      ['fast-compose.ts', () => (fast = chunks.map((c) => fastCompose(c, options)))],
      ['yaml parseAllDocuments', () => (docs = chunks.map((c) => parseAllDocuments(c, options)))],
      ['toJS of those', () => docs.forEach((d) => Array.from(d as Iterable<{ toJS(): unknown }>).forEach((x) => x.toJS()))],
      ['ours: measureYaml (nesting.ts)', () => chunks.forEach((c) => measureYaml(c))],
      ['ours: aliasExpansion (aliases.ts)', () => docs.forEach((d) => Array.from(d as Iterable<never>).forEach((x) => aliasExpansion(x)))],
      ['ours: markDuplicateKeys (aliases.ts)', () => docs.forEach((d) => Array.from(d as Iterable<never>).forEach((x) => markDuplicateKeys(x)))],
    ];
    for (const [stage, fn] of stages) {
      const ms = await time(3, fn);
      rows(name, stage, ms, mbs(ms));
    }
    console.log(`| ${name} | (fast-compose accepted ${fast.filter(Boolean).length} of ${chunks.length} chunks) | | |`);
  }
  function rows(name: string, stage: string, ms: number, rate: string) {
    console.log(`| ${name} | ${stage} | ${ms.toFixed(0)} | ${rate} |`);
  }
}

async function main(): Promise<void> {
  const crdPath = join(SHARED, 'charts/argo-workflows/files/crds/full/argoproj.io_workflows.yaml');
  await floor([
    { name: `generated, 5000 documents, ${(bigManifest(5000).length / 1024 / 1024).toFixed(1)} MB`, text: bigManifest(5000) },
    { name: 'argo-workflows CRD, 2.5 MB', text: readFileSync(crdPath, 'utf8') },
  ]);
  if (process.env.BENCH_YAML === 'floor') return;
  const schemaDir = mkdtempSync(join(tmpdir(), 'shipshape-bench-'));
  generateKubernetesSchemas(readFileSync(join(K8S, 'openapi-v2/swagger.json'), 'utf8'), '1.34', schemaDir, 'bench');
  generateComposeSchema(join(SHARED, 'schemas/compose/compose-go/compose-spec.json'), schemaDir);

  const corpus = files(join(SHARED, 'corpus/k8s')).map((p) => ({ name: p, text: readFileSync(p, 'utf8') }));
  const corpusBytes = corpus.reduce((n, f) => n + f.text.length, 0);
  const big = bigManifest(5000);
  const small = bigManifest(1000);
  const full = process.env.BENCH_FULL === '1';
  const rows: string[][] = [];
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

  let oursCount = 0;
  const ours = (inputs: { name: string; text: string }[]) => () => {
    clearValidationCaches();
    oursCount = 0;
    for (const f of inputs) oursCount += validateYamlFile(f.text, f.name, { schemaDir, kind: 'kubernetes' }).length;
  };
  const parseOnly = (inputs: { name: string; text: string }[]) => () => {
    for (const f of inputs) for (const d of parseAllDocuments(f.text, { version: '1.1', logLevel: 'error' }) as unknown as { toJS(): unknown }[]) d.toJS();
  };
  const yls = ylsService();
  // YLS caches parsed documents by (uri, version): a fresh uri per run makes it parse, as after an edit.
  let ylsRunId = 0;
  let ylsCount = 0;
  const ylsRun = (inputs: { name: string; text: string }[]) => async () => {
    ylsRunId++;
    ylsCount = 0;
    for (const [i, f] of inputs.entries()) {
      ylsCount += (await yls.doValidation(TextDocument.create(`file:///bench/${ylsRunId}/${i}.yaml`, 'yaml', 1, f.text), true)).length;
    }
  };

  const coldStart = performance.now();
  ours(corpus)();
  const oursCold = performance.now() - coldStart;
  const ylsColdStart = performance.now();
  await ylsRun(corpus)();
  const ylsCold = performance.now() - ylsColdStart;

  const corpusIn = `k8s corpus, ${corpus.length} files, ${mb(corpusBytes)} MB`;
  const parseCorpus = await time(5, parseOnly(corpus));
  rows.push([corpusIn, 'yaml parse + toJS (floor)', parseCorpus.toFixed(0), '1.0x', '']);
  const oursCorpus = await time(5, ours(corpus));
  rows.push([corpusIn, 'ours, warm (cold incl. schema compile: ' + oursCold.toFixed(0) + ' ms)', oursCorpus.toFixed(0), (oursCorpus / parseCorpus).toFixed(1) + 'x', String(oursCount)]);
  const ylsCorpus = await time(3, ylsRun(corpus));
  rows.push([corpusIn, 'yaml-language-server, warm (cold: ' + ylsCold.toFixed(0) + ' ms)', ylsCorpus.toFixed(0), (ylsCorpus / parseCorpus).toFixed(1) + 'x', String(ylsCount)]);

  const bigIn = (t: string, n: number) => `generated, ${n} documents, ${mb(t.length)} MB`;
  for (const [text, n] of [[small, 1000], [big, 5000]] as const) {
    const input = [{ name: 'big.yaml', text }];
    const p = await time(3, parseOnly(input));
    rows.push([bigIn(text, n), 'yaml parse + toJS (floor)', p.toFixed(0), '1.0x', '']);
    const o = await time(3, ours(input));
    rows.push([bigIn(text, n), 'ours', o.toFixed(0), (o / p).toFixed(1) + 'x', String(oursCount)]);
    // YLS takes minutes on 5,000 documents on a 2-core machine: run it there only with BENCH_FULL=1.
    if (n === 1000 || full) {
      const y = await time(1, ylsRun(input));
      rows.push([bigIn(text, n), 'yaml-language-server', y.toFixed(0), (y / p).toFixed(1) + 'x', String(ylsCount)]);
    }
  }

  // Re-validation after editing one document of the big file: only that document is re-checked.
  // The edited text is made (and flattened, as an editor's getText() result is) outside the timing.
  validateYamlFile(big, 'big.yaml', { schemaDir, kind: 'kubernetes' });
  const samples: number[] = [];
  for (let edit = 1; edit <= 9; edit++) {
    const edited = Buffer.from(big.replace('name: app-2500\n', `name: app-2500-edit${edit}\n`)).toString();
    (globalThis as { gc?: () => void }).gc?.();
    const t = performance.now();
    validateYamlFile(edited, 'big.yaml', { schemaDir, kind: 'kubernetes' });
    samples.push(performance.now() - t);
  }
  const revalidate = median(samples);
  rows.push([bigIn(big, 5000), 'ours, re-validate after editing 1 document', revalidate.toFixed(1), '', '']);

  console.log('| input | what | median ms | vs parse | diagnostics |');
  console.log('|---|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log(`\nNode ${process.version}, ${cpus().length} cores (${cpus()[0].model}), load average ${loadavg()[0].toFixed(1)} at the end.`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
