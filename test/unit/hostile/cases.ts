/**
 * The hostile-input table: each case builds its input at run time (nothing large is committed), runs it
 * through the CLI or the core as the editor calls it, and reduces what happened to a small outcome
 * (rule ids and positions, exit codes, whether an error is the clear one) that the harness compares.
 * Budgets are wall-clock milliseconds on a loaded 2-core machine; before these fixes most cases took
 * 10 s to forever, or overflowed the stack, or read files outside the chart.
 */
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { tarGz } from '../tar-gz';
import { main } from '../../../src/cli/main';
import { renderChart, type RenderOptions } from '../../../src/core/helm';
import { loadChartPath } from '../../../src/core/helm/load/loader';

export interface HostileCase<S = unknown> {
  group: 'yaml' | 'helm' | 'templates';
  name: string;
  budgetMs: number;
  /** Builds the input (not timed). */
  setup?: () => S;
  run: (setup: S) => unknown;
  expect: unknown;
}

// --- helpers ---

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'shipshape-hostile-'));
}

function writeTree(root: string, files: Record<string, string | Buffer>): string {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

/** `shipshape check --format json` on paths: exit code, [file, rule, line, column] of each finding, stderr. */
function check(...paths: string[]): { code: number; findings: [string, string, number, number][]; err: string } {
  let out = '';
  let err = '';
  const code = main(['check', ...paths, '--format', 'json'], { out: (s) => (out += s), err: (s) => (err += s) });
  const findings = out.trim().startsWith('[') ? (JSON.parse(out) as { file: string; rule: string; line: number; column: number }[]) : [];
  return { code, findings: findings.map((f) => [basename(f.file), f.rule, f.line, f.column]), err };
}

/** `check` on one file, with the outcome the table compares (stderr reduced to whether it matched). */
function checkFile(name: string, content: string | Buffer, stderr?: RegExp) {
  const dir = writeTree(tempDir(), { [name]: content });
  const { code, findings, err } = check(join(dir, name));
  return stderr ? { code, findings, stderr: stderr.test(err) } : { code, findings };
}

/** A chart folder: Chart.yaml plus the given files. */
function chart(files: Record<string, string | Buffer>, name = 'hostile'): string {
  return writeTree(tempDir(), { 'Chart.yaml': `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`, ...files });
}

/** Renders and reduces the result: the error's class and whether its message is the clear one. */
function render(dir: string, clear: RegExp, options: RenderOptions = {}): { error?: string; clear?: boolean; leaked: boolean } {
  try {
    const result = renderChart(dir, options);
    return { leaked: /root:.*:0:0:/.test(result.output) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { error: e instanceof Error ? e.name : typeof e, clear: clear.test(message), leaked: /root:.*:0:0:/.test(message) };
  }
}

const failsClearly = { error: 'ChartRenderError', clear: true, leaked: false };


const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';

function billionLaughs(prefix: string, levels = 9): string {
  const lines = [`${prefix}a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
  for (let i = 1; i < levels; i++) lines.push(`${prefix}a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
  return lines.join('\n') + '\n';
}

// --- the table ---

export const cases: HostileCase<never>[] = [
  // YAML through `shipshape check`: one finding, where the problem is, in milliseconds.
  {
    group: 'yaml',
    name: 'billion laughs in a ConfigMap (1 KB)',
    // The first case also loads the schemas.
    budgetMs: 5000,
    run: () => checkFile('cm.yaml', `${configMap}${billionLaughs('')}data: {x: *a8}\n`),
    expect: { code: 1, findings: [['cm.yaml', 'yaml-syntax', 14, 11]] },
  },
  {
    group: 'yaml',
    name: '999 aliases of a 20-port container: under maxAliasCount, 40,000 findings and 13 s before',
    budgetMs: 3000,
    run: () => {
      const c = `{name: c, image: "nginx:1", ports: [${Array(20).fill('{containerPort: x}').join(',')}]}`;
      const text =
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n  labels:\n' +
        `    c: &c ${c}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n` +
        `      containers: [${Array(999).fill('*c').join(',')}]\n`;
      return checkFile('deploy.yaml', text);
    },
    expect: { code: 1, findings: [['deploy.yaml', 'yaml-syntax', 12, 20]] },
  },
  {
    group: 'yaml',
    name: 'a 1,000-character string aliased 999 times in a compose file',
    budgetMs: 3000,
    run: () => checkFile('compose.yaml', `x-s: &s "${'A'.repeat(1000)}"\nservices:\n  web:\n    image: nginx:1.27\n    command: [${Array(999).fill('*s').join(',')}]\n`),
    expect: { code: 1, findings: [['compose.yaml', 'yaml-syntax', 5, 15]] },
  },
  {
    group: 'yaml',
    name: 'an alias inside the node it refers to (an infinite value; hung at 1.8 GB before)',
    budgetMs: 3000,
    run: () => checkFile('cm.yaml', `${configMap}data: &a\n  x: *a\n  y: *a\n`),
    expect: { code: 1, findings: [['cm.yaml', 'yaml-syntax', 6, 6]] },
  },
  {
    group: 'yaml',
    name: 'an alias chain 3,000 long (quadratic growth)',
    budgetMs: 5000,
    run: () => {
      let text = `${configMap}data:\n  a0: &a0 x\n`;
      for (let i = 1; i < 3000; i++) text += `  a${i}: &a${i} [*a${i - 1}]\n`;
      return checkFile('cm.yaml', text);
    },
    expect: { code: 1, findings: [['cm.yaml', 'yaml-syntax', 3005, 18]] },
  },
  {
    group: 'yaml',
    name: 'a 100,000-deep flow sequence (a stack overflow shown as 2 syntax errors before)',
    budgetMs: 3000,
    run: () => checkFile('cm.yaml', `${configMap}data:\n  x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`),
    expect: { code: 1, findings: [['cm.yaml', 'yaml-syntax', 6, 260]] },
  },
  {
    group: 'yaml',
    name: 'a 100,000-deep flow mapping',
    budgetMs: 3000,
    run: () => checkFile('cm.yaml', `${configMap}data: ${'{a: '.repeat(100_000)}1${'}'.repeat(100_000)}\n`),
    expect: { code: 1, findings: [['cm.yaml', 'yaml-syntax', 5, 1027]] },
  },
  {
    group: 'yaml',
    name: '100,000 nested block sequences on one line (- - - ...)',
    budgetMs: 3000,
    run: () => checkFile('cm.yaml', `${configMap}data:\n  x:\n  ${'- '.repeat(100_000)}x\n`),
    expect: { code: 1, findings: [['cm.yaml', 'yaml-syntax', 7, 511]] },
  },
  {
    group: 'yaml',
    name: 'a block mapping nested 300 levels by indentation',
    budgetMs: 3000,
    run: () => {
      let text = `${configMap}data:\n`;
      for (let i = 1; i <= 300; i++) text += `${' '.repeat(i)}k${i}:\n`;
      return checkFile('cm.yaml', text);
    },
    // At the ':' of k256, the 257th level.
    expect: { code: 1, findings: [['cm.yaml', 'yaml-syntax', 261, 261]] },
  },
  {
    group: 'yaml',
    name: 'a flat mapping of 30,000 keys with one repeated (quadratic duplicate check before)',
    budgetMs: 10_000,
    run: () => {
      const keys = Array.from({ length: 30_000 }, (_, i) => `  k${i}: v`);
      keys.push('  k7: again');
      return checkFile('cm.yaml', `${configMap}data:\n${keys.join('\n')}\n`);
    },
    expect: { code: 1, findings: [['cm.yaml', 'yaml-duplicate-key', 30_006, 3]] },
  },
  {
    group: 'yaml',
    name: 'a UTF-16 compose file',
    budgetMs: 3000,
    run: () => checkFile('compose.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('services:\n  a:\n    image: x:1\n', 'utf16le')])),
    expect: { code: 1, findings: [['compose.yaml', 'yaml-syntax', 1, 1]] },
  },
  {
    group: 'yaml',
    name: 'a 50 MB manifest',
    budgetMs: 6000,
    setup: () => {
      const line = `  k: ${'v'.repeat(60)}\n`;
      const dir = writeTree(tempDir(), { 'big.yaml': `${configMap}data:\n${line.repeat(Math.ceil((50 * 1024 * 1024) / line.length))}` });
      return join(dir, 'big.yaml') as never;
    },
    run: (path: string) => {
      const { code, findings } = check(path);
      return { code, findings };
    },
    expect: { code: 1, findings: [['big.yaml', 'yaml-syntax', 1, 1]] },
  },
  {
    group: 'yaml',
    name: 'a 20 MB single document (15 s and 1.1 GB before)',
    budgetMs: 6000,
    setup: () => {
      const keys = Array.from({ length: 400_000 }, (_, i) => `  k${i}: ${'v'.repeat(40)}`).join('\n');
      return join(writeTree(tempDir(), { 'cm.yaml': `${configMap}data:\n${keys}\n` }), 'cm.yaml') as never;
    },
    run: (path: string) => {
      const { code, findings } = check(path);
      return { code, findings };
    },
    expect: { code: 1, findings: [['cm.yaml', 'yaml-syntax', 1, 1]] },
  },
  {
    group: 'yaml',
    name: 'a 10 MB one-line flow list (50 s and 2.8 GB before)',
    budgetMs: 6000,
    setup: () => {
      const list = `[${Array(2_000_000).fill('aaaa').join(',')}]`;
      return join(writeTree(tempDir(), { 'cm.yaml': `${configMap}data: {x: "1"}\nbinaryData: ${list}\n` }), 'cm.yaml') as never;
    },
    run: (path: string) => {
      const { code, findings } = check(path);
      return { code, findings };
    },
    expect: { code: 1, findings: [['cm.yaml', 'yaml-syntax', 1, 1]] },
  },
  {
    group: 'yaml',
    name: 'a 3 GB (sparse) x.yaml in the folder checked (34 s and 4.3 GB before)',
    budgetMs: 3000,
    setup: () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'x.yaml'), '');
      truncateSync(join(dir, 'x.yaml'), 3 * 1024 * 1024 * 1024);
      return dir as never;
    },
    run: (dir: string) => {
      const { code, findings, err } = check(dir);
      return { code, findings, stderr: /not reading .*x\.yaml: \d+ bytes is over/.test(err) };
    },
    expect: { code: 0, findings: [], stderr: true },
  },
  {
    group: 'yaml',
    name: 'random bytes named Dockerfile',
    budgetMs: 3000,
    run: () => checkFile('Dockerfile', Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256))),
    expect: { code: 0, findings: [['Dockerfile', 'binary-file', 1, 1]] },
  },
  {
    group: 'yaml',
    name: 'random bytes named x.yaml, given on the command line',
    budgetMs: 3000,
    run: () => checkFile('x.yaml', Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256)), /looks binary/),
    expect: { code: 0, findings: [], stderr: true },
  },
  {
    group: 'yaml',
    name: 'a symlink to /dev/zero given on the command line (hung at 2.2 GB before)',
    budgetMs: 3000,
    run: () => {
      const dir = tempDir();
      symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
      const { code, err } = check(join(dir, 'zero.yaml'));
      return { code, stderr: /not a regular file/.test(err) };
    },
    expect: { code: 2, stderr: true },
  },

  // Helm: values, files and charts that must not crash, hang, or read outside the chart.
  {
    group: 'helm',
    name: 'values.yaml: billion laughs',
    budgetMs: 3000,
    run: () => render(chart({ 'values.yaml': billionLaughs(''), 'templates/cm.yaml': `${configMap}` }), /excessive aliasing/),
    expect: failsClearly,
  },
  {
    group: 'helm',
    name: 'values.yaml: 100,000-deep flow sequence',
    budgetMs: 3000,
    run: () => render(chart({ 'values.yaml': `x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, 'templates/cm.yaml': configMap }), /exceeded max depth of 10000/),
    expect: failsClearly,
  },
  {
    group: 'helm',
    name: 'values.yaml: 1,000-deep flow mapping',
    budgetMs: 3000,
    run: () => render(chart({ 'values.yaml': `x: ${'{a: '.repeat(1000)}1${'}'.repeat(1000)}\n`, 'templates/cm.yaml': configMap }), /line 1: nested deeper than 256 levels/),
    expect: failsClearly,
  },
  {
    group: 'helm',
    name: '--set-json with a 100,000-deep object (stack overflow before)',
    budgetMs: 3000,
    run: () =>
      render(chart({ 'templates/cm.yaml': configMap }), /nested more than 512 levels/, {
        setJson: [`{${'"a":{'.repeat(100_000)}${'}'.repeat(100_000)}}`],
      }),
    expect: failsClearly,
  },
  {
    group: 'helm',
    name: '-f /dev/zero (hung at 2.4 GB before)',
    budgetMs: 3000,
    run: () => render(chart({ 'templates/cm.yaml': configMap }), /not a regular file/, { valuesFiles: ['/dev/zero'] }),
    expect: failsClearly,
  },
  {
    group: 'helm',
    name: '--set-file a=/dev/zero',
    budgetMs: 3000,
    run: () => render(chart({ 'templates/cm.yaml': configMap }), /not a regular file/, { setFile: ['a=/dev/zero'] }),
    expect: failsClearly,
  },
  {
    group: 'helm',
    name: 'a chart file symlinked to /etc/passwd and rendered with .Files.Get (leaked before)',
    budgetMs: 3000,
    run: () => {
      const dir = chart({ 'templates/cm.yaml': `${configMap}data:\n  p: |\n{{ .Files.Get "passwd" | indent 4 }}\n` });
      symlinkSync('/etc/passwd', join(dir, 'passwd'));
      return render(dir, /"passwd" is a symbolic link to \/etc\/passwd, outside/);
    },
    expect: failsClearly,
  },
  {
    group: 'helm',
    name: 'a chart folder symlinked to /etc',
    budgetMs: 3000,
    run: () => {
      const dir = chart({ 'templates/cm.yaml': configMap });
      symlinkSync('/etc', join(dir, 'etc'));
      return render(dir, /"etc" is a symbolic link to \/etc, outside/);
    },
    expect: failsClearly,
  },
  {
    group: 'helm',
    name: 'a .helmignored symlink to /etc is neither read nor an error',
    budgetMs: 3000,
    run: () => {
      const dir = chart({ '.helmignore': 'etc\n', 'templates/cm.yaml': configMap });
      symlinkSync('/etc', join(dir, 'etc'));
      return render(dir, /^$/);
    },
    expect: { leaked: false },
  },
  {
    group: 'helm',
    name: 'values.yaml symlinked to /dev/zero',
    budgetMs: 3000,
    run: () => {
      const dir = chart({ 'templates/cm.yaml': configMap });
      symlinkSync('/dev/zero', join(dir, 'values.yaml'));
      return render(dir, /"values.yaml" is a symbolic link to \/dev\/zero/);
    },
    expect: failsClearly,
  },
  {
    group: 'helm',
    name: 'a symlink to a shared file inside the read root is followed',
    budgetMs: 3000,
    run: () => {
      const root = writeTree(tempDir(), { 'shared/_helpers.tpl': '{{ define "x" }}y{{ end }}' });
      const dir = writeTree(join(root, 'chart'), { 'Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n', 'templates/cm.yaml': configMap });
      symlinkSync(join(root, 'shared/_helpers.tpl'), join(dir, 'templates/_helpers.tpl'));
      let outside: boolean;
      try {
        loadChartPath(dir);
        outside = false;
      } catch {
        outside = true;
      }
      const inside = loadChartPath(dir, undefined, { readRoot: root }).templates.map((t) => t.name).sort();
      return { outsideTheChartFails: outside, inside };
    },
    expect: { outsideTheChartFails: true, inside: ['templates/_helpers.tpl', 'templates/cm.yaml'] },
  },
  {
    group: 'helm',
    name: 'symlinked folders that double at each of 20 levels (a million paths)',
    budgetMs: 4000,
    run: () => {
      const dir = chart({ 'templates/cm.yaml': configMap });
      for (let i = 1; i <= 20; i++) writeTree(dir, { [`d${i}/f`]: 'x' });
      for (let i = 1; i < 20; i++) {
        symlinkSync(`../d${i + 1}`, join(dir, `d${i}/a`));
        symlinkSync(`../d${i + 1}`, join(dir, `d${i}/b`));
      }
      symlinkSync('d1', join(dir, 'l1'));
      symlinkSync('d1', join(dir, 'l2'));
      return render(dir, /more than 1000 symbolic links/);
    },
    expect: failsClearly,
  },
  {
    group: 'helm',
    name: '.Files.Get "../../etc/passwd" reads nothing',
    budgetMs: 3000,
    run: () => render(chart({ 'templates/cm.yaml': `${configMap}data:\n  p: {{ .Files.Get "../../../../../../etc/passwd" | quote }}\n` }), /^$/),
    expect: { leaked: false },
  },
  {
    group: 'helm',
    name: 'a packaged subchart with a ../ entry (tar slip)',
    budgetMs: 3000,
    run: () => {
      const sub = tarGz({ 'sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n', 'sub/../../evil.yaml': 'x: 1\n' });
      return render(chart({ 'templates/cm.yaml': configMap, 'charts/sub-0.1.0.tgz': sub }), /illegally references parent directory/);
    },
    expect: failsClearly,
  },
  {
    group: 'helm',
    name: 'three packaged subcharts of 40 MB each (small compressed)',
    budgetMs: 6000,
    setup: () => {
      const files: Record<string, string | Buffer> = { 'templates/cm.yaml': configMap };
      for (const name of ['a', 'b', 'c']) {
        const entries: Record<string, string> = { [`${name}/Chart.yaml`]: `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n` };
        for (let i = 0; i < 9; i++) entries[`${name}/files/f${i}.txt`] = 'x'.repeat(4_500_000);
        files[`charts/${name}-0.1.0.tgz`] = tarGz(entries);
      }
      return chart(files) as never;
    },
    run: (dir: string) => render(dir, /decompress to more than the maximum chart size/),
    expect: failsClearly,
  },
  {
    group: 'helm',
    name: 'subcharts nested 40 levels deep',
    budgetMs: 3000,
    run: () => {
      const files: Record<string, string> = { 'templates/cm.yaml': configMap };
      let prefix = '';
      for (let i = 0; i < 40; i++) {
        prefix += `charts/s${i}/`;
        files[`${prefix}Chart.yaml`] = `apiVersion: v2\nname: s${i}\nversion: 0.1.0\n`;
      }
      return render(chart(files), /nested more than 32 levels deep/);
    },
    expect: failsClearly,
  },

  // Runaway templates: each stops at a budget that names itself, quickly.
  {
    group: 'templates',
    name: 'range until 100000000',
    budgetMs: 3000,
    run: () => render(chart({ 'templates/cm.yaml': 'a: {{ range until 100000000 }}x{{ end }}' }), /more than the 1000000 limit/),
    expect: failsClearly,
  },
  {
    group: 'templates',
    name: 'include recursing forever',
    budgetMs: 3000,
    run: () => render(chart({ 'templates/cm.yaml': '{{ define "a" }}{{ include "a" . }}{{ end }}{{ include "a" . }}' }), /nested too deeply|recursion/),
    expect: failsClearly,
  },
  {
    group: 'templates',
    name: 'tpl calling itself through include',
    budgetMs: 3000,
    run: () => render(chart({ 'templates/cm.yaml': '{{ define "a" }}{{ tpl "{{ include \\"a\\" . }}" . }}{{ end }}{{ include "a" . }}' }), /nested too deeply|recursion|max/),
    expect: failsClearly,
  },
  {
    group: 'templates',
    name: 'includes that double their output 40 times',
    // Stopped by the 10,000,000-step budget: seconds, not the 16 TB it would print.
    budgetMs: 10_000,
    run: () =>
      render(
        chart({ 'templates/cm.yaml': '{{- define "a" }}{{ if gt . 0 }}{{ include "a" (sub . 1) }}{{ include "a" (sub . 1) }}{{ else }}xxxxxxxxxxxxxxxx{{ end }}{{ end }}{{ include "a" 40 }}' }),
        /exceeded the limit of \d+ (steps|bytes)/,
      ),
    expect: failsClearly,
  },
  {
    group: 'templates',
    name: 'a string doubled 40 times with printf ("Invalid string length" before)',
    budgetMs: 5000,
    run: () => render(chart({ 'templates/cm.yaml': '{{- $s := "xxxxxxxxxxxxxxxx" }}{{- range until 40 }}{{ $s = printf "%s%s" $s $s }}{{ end }}{{ len $s }}' }), /the result is too large/),
    expect: failsClearly,
  },
  {
    group: 'templates',
    name: 'bcrypt in a loop stops at the time budget (ran for hours in the CLI before)',
    budgetMs: 4000,
    run: () => render(chart({ 'templates/cm.yaml': '{{ range until 100000 }}{{ bcrypt "x" }}{{ end }}' }), /exceeded the time limit of 1 s/, { limits: { maxMilliseconds: 1000 } }),
    expect: failsClearly,
  },
  {
    group: 'templates',
    name: 'shipshape render of a runaway template exits 1 with one Error line',
    budgetMs: 3000,
    run: () => {
      const dir = chart({ 'templates/cm.yaml': 'a: {{ range until 100000000 }}x{{ end }}' });
      let out = '';
      let err = '';
      const code = main(['render', dir], { out: (s) => (out += s), err: (s) => (err += s) });
      return { code, out, errorLines: err.split('\n').filter((l) => l.startsWith('Error: ')).length };
    },
    expect: { code: 1, out: '', errorLines: 1 },
  },
];
