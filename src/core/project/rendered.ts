/**
 * Checks of a rendered chart as the Render Helm Chart view shows it, and where each of its lines came
 * from. Works on the printed text (as helm or the built-in engine printed it), so the `helm` binary's
 * output gets the same checks and links as the built-in renderer's. The language server runs the
 * check (shipshape/checkRendered); the editor only shows the results.
 */
import type { Diagnostic } from '../diagnostics';
import type { CheckOptions } from '../config/options';
import type { RenderedManifest } from '../helm/index';
import { mapRenderedLines } from '../helm/source-map';
import { YamlProject } from '../workspace/yaml-project';
import { combineSecrets, redactFindings, secretsOfYamlFile, type FileSecrets } from '../secrets/redact';

/** The template behind one line of the output: `source` as helm prints it, 1-based `line` if known. */
export interface LineOrigin {
  source: string;
  line?: number;
}

const SOURCE = /^# Source: (.+)$/;

/** One printed document: the lines after its `# Source:` header, and their template lines (1-based). */
export interface Segment {
  source: string;
  /** 0-based output line of the document's first line (the one after the header). */
  startLine: number;
  text: string;
  templateLines: (number | undefined)[];
}

/**
 * The documents of `output`, found by their `# Source:` headers. Their lines are mapped with the
 * renderer's source map when a manifest with the same text exists, else by matching the template text
 * (`templateText(source)`) directly, as for the `helm` binary's output.
 */
export function renderedSegments(
  output: string,
  manifests: readonly RenderedManifest[],
  templateText: (source: string) => string | undefined,
): Segment[] {
  const lines = output.split('\n');
  // Manifests in printed order per source, consumed front to back: linear even for 20,000 documents.
  const queues = new Map<string, { list: RenderedManifest[]; next: number }>();
  for (const m of manifests) {
    const q = queues.get(m.source) ?? { list: [], next: 0 };
    q.list.push(m);
    queues.set(m.source, q);
  }
  const segments: Segment[] = [];
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
    const text = lines.slice(start, end).join('\n');
    const q = queues.get(source);
    const candidate = q?.list[q.next];
    let templateLines: (number | undefined)[] | undefined;
    if (q && candidate && text.replace(/\s+$/, '').startsWith(candidate.content.replace(/\s+$/, ''))) {
      q.next++;
      templateLines = candidate.templateLines;
    } else {
      const template = templateText(source);
      templateLines = template === undefined ? [] : mapRenderedLines(template, text);
    }
    segments.push({ source, startLine: start, text, templateLines });
    i = end;
  }
  return segments;
}

/** Origins of every line of `output` (index = 0-based output line), from its segments. */
export function lineOrigins(
  output: string,
  manifests: readonly RenderedManifest[],
  templateText: (source: string) => string | undefined,
): (LineOrigin | undefined)[] {
  const origins: (LineOrigin | undefined)[] = new Array(output.split('\n').length).fill(undefined);
  for (const seg of renderedSegments(output, manifests, templateText)) {
    origins[seg.startLine - 1] = { source: seg.source };
    const count = seg.text.split('\n').length;
    for (let k = 0; k < count; k++) origins[seg.startLine + k] = { source: seg.source, line: seg.templateLines[k] };
  }
  return origins;
}

export interface RenderedProblem {
  diagnostic: Diagnostic;
  origin?: LineOrigin;
}

export interface CheckControl {
  /** Work done between yields to the event loop, so a huge render never freezes the editor. */
  sliceMs?: number;
  /** Polled at every yield: a newer render makes this check pointless. */
  stale?: () => boolean;
  /** Secrets of the chart the output came from (its values: `Project.secretsOfChart`), hidden in messages too. */
  secrets?: FileSecrets;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Kubernetes validation (schemas) and practice rules of every rendered document, through the same
 * pipeline as any manifest (severities, `off`, minimum, suppressions), each with the template line it
 * came from. Documents are checked one by one in time slices; the cross-document rules see all of
 * them, as files of one workspace of their own. Resolves undefined when `stale()` said stop. Quick
 * fixes are dropped: the view is read-only.
 */
export async function checkRendered(
  segments: readonly Segment[],
  baseName: string,
  options: CheckOptions,
  control: CheckControl = {},
): Promise<RenderedProblem[] | undefined> {
  const sliceMs = control.sliceMs ?? 30;
  const problems: RenderedProblem[] = [];
  const yaml = new YamlProject();
  let sliceStart = Date.now();
  const pause = async (): Promise<boolean> => {
    if (Date.now() - sliceStart < sliceMs) return false;
    await yieldToEventLoop();
    sliceStart = Date.now();
    return control.stale?.() === true;
  };
  const name = (i: number) => `${baseName}#${i}`;
  // Every document first, so cross-document rules and the chart's own CRDs see all of them.
  for (let i = 0; i < segments.length; i++) {
    yaml.setManifest(name(i), segments[i].text);
    if (await pause()) return undefined;
  }
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const parsed = yaml.parsed(name(i));
    const findings = yaml.lint(name(i), seg.text, 'kubernetes', options);
    // The view is the rendered output, but Problems and hovers quote no secret (the Project's rule).
    for (const d of redactFindings(findings, combineSecrets(parsed && secretsOfYamlFile(parsed), control.secrets))) {
      const { fixes: _readOnly, ...rest } = d;
      const { start, end } = d.range;
      const diagnostic: Diagnostic = {
        ...rest,
        range: { start: { line: start.line + seg.startLine, character: start.character }, end: { line: end.line + seg.startLine, character: end.character } },
      };
      problems.push({ diagnostic, origin: { source: seg.source, line: seg.templateLines[start.line] } });
    }
    if (await pause()) return undefined;
  }
  return problems;
}

/** `<chart>/templates/x.yaml` (helm's source path, subcharts under `<chart>/charts/<sub>/`) -> path in the chart dir. */
export function sourceToRelative(source: string): string | undefined {
  const slash = source.indexOf('/');
  return slash < 0 ? undefined : source.slice(slash + 1);
}
