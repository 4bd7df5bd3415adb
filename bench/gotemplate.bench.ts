/**
 * Our text/template engine against Go's own engine compiled to WebAssembly
 * (@evertdespiegeleer/go-template), on the same templates and data.
 *
 * Ours is the esbuild bundle that ships (see loadBundledEngine).
 * The WASM wrapper only offers render(text, json): it parses the template and decodes the JSON data
 * on every call, so "Go" is always parse + execute (+ JSON decoding, which our side skips because it
 * receives values). Ours is measured both as parse + execute (a fresh set each time) and as execute of
 * a pre-parsed set (how the Helm renderer uses it).
 */
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Engine from '../src/core/gotemplate/index';
import { GoValue } from '../src/core/gotemplate/values';
import { Generator, JsonValue, rng } from '../test/unit/gotemplate/random-templates';

/**
 * The engine as it ships: one esbuild bundle (const enums inlined, no per-module getters). Running
 * the TypeScript sources through tsx instead measures tsx's module shims as much as the engine.
 */
function loadBundledEngine(): typeof Engine {
  const dir = mkdtempSync(join(tmpdir(), 'gotemplate-bench-'));
  const outfile = join(dir, 'engine.js');
  buildSync({ entryPoints: [join(__dirname, '../src/core/gotemplate/index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'error' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const engine = require(outfile) as typeof Engine;
  rmSync(dir, { recursive: true, force: true });
  return engine;
}

const { TemplateSet } = loadBundledEngine();

type Render = (template: string, json: string) => string;

const DEPLOYMENT = `{{- define "app.name" -}}{{ .Chart.Name | printf "%s" }}{{- end -}}
{{- define "app.labels" -}}
app.kubernetes.io/name: {{ template "app.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- range $k, $v := .Values.labels }}
{{ $k }}: {{ $v | printf "%q" }}
{{- end }}
{{- end -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-{{ template "app.name" . }}
  labels:
{{ template "app.labels" . }}
spec:
  replicas: {{ .Values.replicas }}
  template:
    spec:
      containers:
      {{- range $i, $c := .Values.containers }}
        - name: {{ $c.name }}
          image: "{{ $c.image }}:{{ $c.tag | print }}"
          {{- if $c.ports }}
          ports:
          {{- range $c.ports }}
            - containerPort: {{ . }}
              protocol: {{ if eq (printf "%v" .) "53" }}UDP{{ else }}TCP{{ end }}
          {{- end }}
          {{- end }}
          {{- with $c.env }}
          env:
          {{- range $name, $value := . }}
            - name: {{ $name }}
              value: {{ $value | printf "%q" }}
          {{- end }}
          {{- end }}
          {{- if and $c.resources (not $.Values.noResources) }}
          resources:
            limits: {{ index $c.resources "limits" }}
          {{- end }}
      {{- end }}
`;

function deploymentData(): JsonValue {
  const containers = Array.from({ length: 8 }, (_, i) => ({
    name: `c${i}`,
    image: `registry.example.com/app${i}`,
    tag: `1.${i}.0`,
    ports: [8080 + i, 53, 9090],
    env: Object.fromEntries(Array.from({ length: 6 }, (_, j) => [`VAR_${j}`, `value-${i}-${j}`])),
    resources: { limits: { cpu: '500m', memory: '256Mi' } },
  }));
  return {
    Chart: { Name: 'demo' },
    Release: { Name: 'rel' },
    Values: { replicas: 3, labels: { team: 'a', tier: 'web' }, containers, noResources: false },
  };
}

function toGo(v: JsonValue): GoValue {
  if (Array.isArray(v)) return v.map(toGo);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toGo(x)]));
  return v;
}

/** Mean time per operation in microseconds, over at least `minMs` of repetitions. */
function measure(op: () => void, minMs = 400): number {
  for (let i = 0; i < 100; i++) op(); // warm-up (JIT)
  let n = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs * 1e6) {
    for (let i = 0; i < 20; i++) op();
    n += 20;
    elapsed = Number(process.hrtime.bigint() - start);
  }
  return elapsed / n / 1000;
}

interface Workload {
  name: string;
  templates: string[];
  data: JsonValue[];
}

function randomWorkload(render: Render): Workload {
  const gen = new Generator(rng(7));
  const templates: string[] = [];
  const data: JsonValue[] = [];
  // Only templates that Go renders without error, so both sides do the full work.
  while (templates.length < 200) {
    const t = gen.template();
    const d = gen.rootData();
    if (!render(t, JSON.stringify(d)).startsWith('Template ')) {
      templates.push(t);
      data.push(d);
    }
  }
  return { name: '200 random templates (per template)', templates, data };
}

async function main(): Promise<void> {
  const m = await import('@evertdespiegeleer/go-template');
  await m.parse('', {});
  const render = (globalThis as unknown as { Render: Render }).Render;

  const workloads: Workload[] = [
    { name: 'Helm-like deployment (8 containers)', templates: [DEPLOYMENT], data: [deploymentData()] },
    randomWorkload(render),
  ];

  const rows: string[] = [];
  for (const w of workloads) {
    const json = w.data.map((d) => JSON.stringify(d));
    const values = w.data.map(toGo);
    // Same output on both sides, or the comparison is meaningless.
    w.templates.forEach((t, i) => {
      const set = new TemplateSet({}, { name: 'tpl' });
      set.add('tpl', t);
      if (set.execute('tpl', values[i]) !== render(t, json[i])) throw new Error(`output differs for ${JSON.stringify(t)}`);
    });
    const count = w.templates.length;
    const parseExec = measure(() => {
      for (let i = 0; i < count; i++) {
        const set = new TemplateSet({});
        set.add('tpl', w.templates[i]);
        set.execute('tpl', values[i]);
      }
    }) / count;
    const sets = w.templates.map((t) => {
      const set = new TemplateSet({});
      set.add('tpl', t);
      return set;
    });
    const execOnly = measure(() => {
      for (let i = 0; i < count; i++) sets[i].execute('tpl', values[i]);
    }) / count;
    // Go last: its WebAssembly heap churn must not be charged to our timings.
    const go = measure(() => {
      for (let i = 0; i < count; i++) render(w.templates[i], json[i]);
    }) / count;
    rows.push(
      `| ${w.name} | ${go.toFixed(1)} | ${parseExec.toFixed(1)} (${(go / parseExec).toFixed(1)}× faster) | ${execOnly.toFixed(1)} (${(go / execOnly).toFixed(1)}× faster) |`,
    );
  }
  console.log('| workload | Go text/template in WASM: parse+exec (µs) | ours: parse+exec (µs) | ours: exec of pre-parsed set (µs) |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(r);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
