/**
 * Where each line of a rendered chart came from: its documents found by their `# Source:` headers and
 * mapped to template lines (the renderer's source map, or the template text for the `helm` binary's
 * output). Apart from the checks (rendered.ts) so that the editor, which only links lines, loads no
 * checker.
 */
import type { RenderedManifest } from '../helm/index';
import { mapRenderedLines } from '../helm/source-map';

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

/** `<chart>/templates/x.yaml` (helm's source path, subcharts under `<chart>/charts/<sub>/`) -> path in the chart dir. */
export function sourceToRelative(source: string): string | undefined {
  const slash = source.indexOf('/');
  return slash < 0 ? undefined : source.slice(slash + 1);
}
