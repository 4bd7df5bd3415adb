/** Test helpers: run the Kubernetes checks over inline files and locate expected ranges by text. */
import { parseYamlFile } from '../../../src/core/yaml/parse';
import { KubernetesWorkspace } from '../../../src/core/k8s';
import type { Diagnostic, Range, TextEdit } from '../../../src/core/diagnostics';
import type { RuleOptions } from '../../../src/core/rules/options';

/** Files of a test workspace: path → YAML text. A single string is `/ws/app.yaml`. */
export type Files = string | Record<string, string>;

export function workspaceOf(files: Files): { workspace: KubernetesWorkspace; texts: Record<string, string> } {
  const texts = typeof files === 'string' ? { '/ws/app.yaml': files } : files;
  const workspace = new KubernetesWorkspace();
  for (const [name, text] of Object.entries(texts)) workspace.updateFile(name, parseYamlFile(text));
  return { workspace, texts };
}

/** Findings of `rule` in every file, as `path@line:char-line:char`, sorted. */
export function findings(files: Files, rule: string, options?: RuleOptions): string[] {
  const { workspace, texts } = workspaceOf(files);
  return Object.keys(texts)
    .flatMap((name) => workspace.check(name, options).filter((d) => d.rule === rule).map((d) => `${name}@${show(d.range)}`))
    .sort();
}

export function show(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/**
 * The range of the `nth` occurrence of `snippet` in `text`, as `show` prints it. `snippet` may
 * contain `|` to mark where the range starts (`image: |nginx` is the value after the key).
 */
export function at(text: string, snippet: string, nth = 0): string {
  const bar = snippet.indexOf('|');
  const needle = snippet.replace('|', '');
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`snippet not found: ${snippet}`);
  }
  const start = index + (bar === -1 ? 0 : bar);
  const end = index + needle.length;
  const pos = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return `${line}:${offset - (before.lastIndexOf('\n') + 1)}`;
  };
  return `${pos(start)}-${pos(end)}`;
}

export function rulesOf(diagnostics: Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((d) => d.rule))].sort();
}

/** The first ```yaml block after the `## <heading>` line. */
export function exampleUnder(markdown: string, heading: string): string {
  const section = markdown.split(new RegExp(`^## ${heading}\\s*$`, 'm'))[1];
  const block = section && /```ya?ml\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error(`no yaml example under "## ${heading}"`);
  return block[1];
}

/** Applies edits (non-overlapping, any order) to `text`. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => lineStarts[p.line] + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((out, e) => out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end)), text);
}
