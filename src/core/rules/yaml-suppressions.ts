/**
 * Inline suppressions in YAML files, in the spirit of hadolint's `# hadolint ignore=`:
 *
 *   # shipshape ignore=k8s-image-latest,k8s-run-as-root   (on the line before a key or list item:
 *                                                           that node and everything below it;
 *                                                           before a document's first key: the
 *                                                           whole document)
 *   # shipshape ignore-file=k8s-missing-probes             (anywhere: the whole file; also
 *                                                           spelt `global ignore=` as in Dockerfiles)
 *
 * Ids may also be aliases (`latest-tag`), in any case. Spans come from the YAML syntax tree, so a suppression
 * covers exactly the node written under the comment, however it is indented.
 */
import { isPair, visit } from 'yaml';
import type { Node } from 'yaml';
import type { Diagnostic } from '../diagnostics';
import type { ParsedYamlFile, YamlDocument } from '../yaml/parse';

const IGNORE_NODE = /^[ \t]*#[ \t]*shipshape[ \t]+ignore[ \t]*=[ \t]*([\w.,\t /-]+)/i;
/** `global ignore=` is the Dockerfile spelling of the same thing; both work everywhere. */
const IGNORE_FILE = /#[ \t]*shipshape[ \t]+(?:ignore-file|global[ \t]+ignore)[ \t]*=[ \t]*([\w.,\t /-]+)/i;

interface Span {
  ids: Set<string>;
  start: number;
  end: number;
}

export class YamlSuppressions {
  private readonly fileIds = new Set<string>();
  private readonly spans: Span[] = [];

  constructor(private readonly file: ParsedYamlFile) {
    const pending = new Map<number, Set<string>>(); // target line → ids
    const mention = /shipshape/gi;
    for (let match = mention.exec(file.text); match; match = mention.exec(file.text)) {
      const line = file.lines.positionAt(match.index).line;
      const text = file.lines.lineText(line);
      const whole = IGNORE_FILE.exec(text);
      if (whole) splitIds(whole[1]).forEach((id) => this.fileIds.add(id));
      const node = IGNORE_NODE.exec(text);
      if (node) {
        const target = nextContentLine(file, line + 1);
        if (target !== undefined) {
          const ids = pending.get(target) ?? new Set<string>();
          splitIds(node[1]).forEach((id) => ids.add(id));
          pending.set(target, ids);
        }
      }
    }
    if (pending.size > 0) this.collectSpans(pending);
  }

  get isEmpty(): boolean {
    return this.fileIds.size === 0 && this.spans.length === 0;
  }

  isSuppressed(diagnostic: Diagnostic): boolean {
    if (this.isEmpty) return false;
    const names = [diagnostic.rule, ...(diagnostic.aliases ?? [])].map((n) => n.toLowerCase());
    if (names.some((n) => this.fileIds.has(n))) return true;
    const offset = this.file.lines.offsetAt(diagnostic.range.start);
    return this.spans.some((s) => offset >= s.start && offset <= s.end && names.some((n) => s.ids.has(n)));
  }

  /** For each target line, the outermost key or list item that starts on it. */
  private collectSpans(pending: Map<number, Set<string>>): void {
    for (const document of this.file.documents) {
      const found = new Map<number, Span>();
      visit(document.doc, (key, node) => {
        const offsets = spanOf(document, key, node);
        if (!offsets) return;
        const line = this.file.lines.positionAt(offsets[0]).line;
        const ids = pending.get(line);
        if (ids && !found.has(line)) found.set(line, { ids, start: offsets[0], end: offsets[1] });
      });
      this.spans.push(...found.values());
    }
  }
}

function spanOf(document: YamlDocument, key: unknown, node: unknown): [number, number] | undefined {
  let start: number | undefined;
  let end: number | undefined;
  if (isPair(node)) {
    start = (node.key as Node | null)?.range?.[0];
    end = (node.value as Node | null)?.range?.[1] ?? (node.key as Node | null)?.range?.[1];
  } else if (key === null && (node as Node | null)?.range) {
    // The document's root: a comment above its first key covers the whole object.
    return [document.startOffset + (node as Node).range![0], document.endOffset];
  } else if (typeof key === 'number') {
    // A list item (`- name: web` or `- web`): the whole item.
    const range = (node as Node).range;
    start = range?.[0];
    end = range?.[1];
  }
  if (start === undefined || end === undefined) return undefined;
  return [document.startOffset + start, document.startOffset + end];
}

function nextContentLine(file: ParsedYamlFile, from: number): number | undefined {
  for (let line = from; line < file.lines.lineCount; line++) {
    const text = file.lines.lineText(line).trim();
    if (text !== '' && !text.startsWith('#')) return line;
  }
  return undefined;
}

function splitIds(list: string): string[] {
  return list
    .split(/[,\s]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}
