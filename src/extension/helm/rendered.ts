/**
 * Checks of a rendered chart and where each of its lines came from. No `vscode` import: the editor side
 * only converts the results. Works on the printed text (as helm or the built-in engine printed it), so
 * the `helm` binary's output gets the same checks and links as the built-in renderer's.
 */
import type { Diagnostic } from '../../core/diagnostics';
import { isAtLeast } from '../../core/diagnostics';
import type { CheckOptions } from '../../core/config/options';
import type { RenderedManifest } from '../../core/helm/index';
import { mapRenderedLines } from '../../core/helm/source-map';
import { validateYamlFile } from '../../core/schemas/index';
import { KubernetesWorkspace } from '../../core/k8s/index';
import { parseYamlFile } from '../../core/yaml/parse';

/** The template behind one line of the output: `source` as helm prints it, 1-based `line` if known. */
export interface LineOrigin {
  source: string;
  line?: number;
}

const SOURCE = /^# Source: (.+)$/;

/**
 * Origins of every line of `output` (index = 0-based output line). Documents are found by their
 * `# Source:` headers; their lines are mapped with the renderer's source map when a manifest with the
 * same text exists, else by matching the template text (`templateText(source)`) directly.
 */
export function lineOrigins(
  output: string,
  manifests: readonly RenderedManifest[],
  templateText: (source: string) => string | undefined,
): (LineOrigin | undefined)[] {
  const lines = output.split('\n');
  const origins: (LineOrigin | undefined)[] = new Array(lines.length).fill(undefined);
  const used = new Set<RenderedManifest>();
  let i = 0;
  while (i < lines.length) {
    const header = SOURCE.exec(lines[i]);
    if (!header || (i > 0 && lines[i - 1] !== '---')) {
      i++;
      continue;
    }
    const source = header[1];
    const start = i + 1;
    let end = start;
    while (end < lines.length && !(lines[end] === '---' && SOURCE.test(lines[end + 1] ?? ''))) end++;
    const content = lines.slice(start, end).join('\n');
    const trimmed = content.replace(/\s+$/, '');
    const manifest =
      manifests.find((m) => !used.has(m) && m.source === source && m.content.replace(/\s+$/, '') === trimmed) ??
      manifests.find((m) => !used.has(m) && m.source === source && trimmed.startsWith(m.content.replace(/\s+$/, '')));
    let map: (number | undefined)[] | undefined;
    if (manifest) {
      used.add(manifest);
      map = manifest.templateLines;
    } else {
      const template = templateText(source);
      map = template === undefined ? undefined : mapRenderedLines(template, content);
    }
    origins[i] = { source };
    for (let k = start; k < end; k++) origins[k] = { source, line: map?.[k - start] };
    i = end;
  }
  return origins;
}

export interface RenderedProblem {
  diagnostic: Diagnostic;
  origin?: LineOrigin;
}

/**
 * Kubernetes validation (schemas) and practice rules of the rendered text, with the template each
 * finding came from. `fileName` names the virtual document (caches are keyed by it).
 */
export function checkRendered(text: string, fileName: string, origins: readonly (LineOrigin | undefined)[], options: CheckOptions): RenderedProblem[] {
  const diagnostics = validateYamlFile(text, fileName, {
    kind: 'kubernetes',
    kubernetesVersion: options.kubernetesVersion,
    crdDirs: options.crdDirs,
  });
  const workspace = new KubernetesWorkspace();
  workspace.updateFile(fileName, parseYamlFile(text));
  diagnostics.push(...workspace.check(fileName, options));
  const minimum = options.minimumSeverity ?? 'style';
  return diagnostics
    .filter((d) => isAtLeast(d.severity, minimum))
    .map((diagnostic) => ({ diagnostic, origin: origins[diagnostic.range.start.line] }));
}

/** `<chart>/templates/x.yaml` (helm's source path, subcharts under `<chart>/charts/<sub>/`) -> path in the chart dir. */
export function sourceToRelative(source: string): string | undefined {
  const slash = source.indexOf('/');
  return slash < 0 ? undefined : source.slice(slash + 1);
}
