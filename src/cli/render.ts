/**
 * `shipshape render [NAME] CHART [flags]`: `helm template` without a helm binary. Takes helm template's
 * flags, prints exactly what helm prints on stdout, and on failure `Error: <message>` on stderr with
 * exit code 1 (like helm); malformed command lines exit 2.
 */
import { parseArgs } from 'node:util';
import { renderChart, ChartRenderError, type RenderOptions } from '../core/helm/index';

export interface RenderIo {
  out(s: string): void;
  err(s: string): void;
}

export const RENDER_USAGE = `Usage: shipshape render [NAME] CHART [flags]
  -f, --values FILE           values file (repeatable, applied in order)
      --set K=V               also --set-string, --set-json, --set-file, --set-literal (repeatable)
  -n, --namespace NS          release namespace (default "default")
      --release-name NAME     release name (or give NAME before CHART; default "release-name")
      --name-template TPL     template for the release name
      --kube-version V        Kubernetes version for Capabilities (default v1.36.0)
  -a, --api-versions LIST     extra API versions for Capabilities (repeatable, comma lists)
      --include-crds          print the chart's crds/ too
      --skip-tests            leave out test hooks
      --no-hooks              leave out every hook
      --skip-schema-validation  do not check values.schema.json
      --is-upgrade            render as an upgrade (.Release.IsUpgrade)
  -s, --show-only PATH        only these templates (repeatable)
      --helm-compat 3|4|4.1   imitate Helm 3.21, Helm 4.2 (default 4) or Helm 4.0/4.1
`;

/** A command line that cannot be understood; exits 2 with the usage text. */
export class RenderUsageError extends Error {}

export interface ParsedRenderArgs {
  chart: string;
  options: RenderOptions;
}

/** helm template's flags -> RenderOptions. Throws RenderUsageError on anything malformed. */
export function parseRenderArgs(args: string[]): ParsedRenderArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        values: { type: 'string', short: 'f', multiple: true },
        set: { type: 'string', multiple: true },
        'set-string': { type: 'string', multiple: true },
        'set-json': { type: 'string', multiple: true },
        'set-file': { type: 'string', multiple: true },
        'set-literal': { type: 'string', multiple: true },
        namespace: { type: 'string', short: 'n' },
        'release-name': { type: 'string' },
        'name-template': { type: 'string' },
        'kube-version': { type: 'string' },
        'api-versions': { type: 'string', short: 'a', multiple: true },
        'include-crds': { type: 'boolean' },
        'skip-tests': { type: 'boolean' },
        'no-hooks': { type: 'boolean' },
        'skip-schema-validation': { type: 'boolean' },
        'is-upgrade': { type: 'boolean' },
        'show-only': { type: 'string', short: 's', multiple: true },
        'helm-compat': { type: 'string' },
      },
    });
  } catch (e) {
    throw new RenderUsageError((e as Error).message);
  }
  const { values: v, positionals } = parsed;
  if (positionals.length === 0) throw new RenderUsageError('a chart directory is required');
  if (positionals.length > 2) throw new RenderUsageError(`expected at most 2 arguments (NAME CHART), got ${positionals.length}`);
  const [name, chart] = positionals.length === 2 ? positionals : [undefined, positionals[0]];
  if (name !== undefined && v['release-name'] !== undefined && name !== v['release-name']) {
    throw new RenderUsageError('the release name is given twice (NAME and --release-name)');
  }
  const compat = v['helm-compat'];
  if (compat !== undefined && compat !== '3' && compat !== '4' && compat !== '4.1') throw new RenderUsageError('--helm-compat must be 3, 4 or 4.1');
  const options: RenderOptions = {
    releaseName: name ?? v['release-name'],
    namespace: v.namespace,
    nameTemplate: v['name-template'],
    valuesFiles: v.values,
    set: v.set,
    setString: v['set-string'],
    setJson: v['set-json'],
    setFile: v['set-file'],
    setLiteral: v['set-literal'],
    kubeVersion: v['kube-version'],
    apiVersions: v['api-versions'],
    includeCrds: v['include-crds'],
    skipTests: v['skip-tests'],
    noHooks: v['no-hooks'],
    skipSchemaValidation: v['skip-schema-validation'],
    isUpgrade: v['is-upgrade'],
    showOnly: v['show-only'],
    helmCompat: compat === undefined ? undefined : compat === '3' ? 3 : compat === '4.1' ? '4.1' : 4,
  };
  // Absent flags stay absent, so the options equal what a caller of renderChart would pass.
  for (const key of Object.keys(options) as (keyof RenderOptions)[]) if (options[key] === undefined) delete options[key];
  return { chart, options };
}

export function runRender(args: string[], io: RenderIo): number {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(RENDER_USAGE);
    return 0;
  }
  let parsed: ParsedRenderArgs;
  try {
    parsed = parseRenderArgs(args);
  } catch (e) {
    if (!(e instanceof RenderUsageError)) throw e;
    io.err(`shipshape render: ${e.message}\n${RENDER_USAGE}`);
    return 2;
  }
  try {
    const result = renderChart(parsed.chart, parsed.options);
    // Helm logs these on stderr and still succeeds.
    for (const w of result.warnings) io.err(`${w}\n`);
    io.out(result.output);
    return 0;
  } catch (e) {
    if (!(e instanceof ChartRenderError)) throw e;
    // helm adds this once rendering has begun (a template, its output's YAML, the chart's kubeVersion); not for bad flags or values.
    const rendering = e.templatePath !== undefined || /^chart requires kubeVersion/.test(e.message);
    io.err(`Error: ${e.message}${rendering ? '\n\nUse --debug flag to render out invalid YAML' : ''}\n`);
    return 1;
  }
}
