/**
 * Semantic tokens of a chart template from our parser's reading of it: what the TextMate grammar can
 * only guess from the shape of the text. A values key, a variable and a function (a define's name is
 * one, not `defaultLibrary`) are told apart from each other, built-in objects are marked as library,
 * and a values key no values file sets is marked (just not `readonly`, which marks keys the chart
 * defines).
 */
import type { Range } from '../../diagnostics';
import type { ChartView } from './chart-model';

export const TOKEN_TYPES = ['property', 'variable', 'function', 'namespace', 'keyword'] as const;
export const TOKEN_MODIFIERS = ['readonly', 'defaultLibrary', 'declaration'] as const;

export interface SemanticToken {
  line: number;
  character: number;
  length: number;
  type: (typeof TOKEN_TYPES)[number];
  modifiers: (typeof TOKEN_MODIFIERS)[number][];
}

const KEYWORDS = /\{\{-?\s*(if|else if|else|end|range|with|define|block|template|break|continue)\b/g;

export function semanticTokens(chart: ChartView, file: string, text: string): SemanticToken[] {
  const scan = chart.scan(file);
  if (!scan) return [];
  const tokens: SemanticToken[] = [];
  const add = (range: Range | undefined, type: SemanticToken['type'], modifiers: SemanticToken['modifiers'] = []) => {
    if (range && range.start.line === range.end.line && range.end.character > range.start.character) tokens.push({ line: range.start.line, character: range.start.character, length: range.end.character - range.start.character, type, modifiers });
  };
  for (const ref of scan.values)
    ref.segments?.forEach((range, i) => add(range, 'property', chart.sourcesOf(ref.path.slice(0, i + 1)).length > 0 ? ['readonly'] : []));
  // In a define whose callers disagree: still a values read, of a key no file can be said to set.
  const lines = text.split('\n');
  for (const { range } of scan.unresolved) {
    const dot = lines[range.start.line]?.[range.start.character] === '.' ? 1 : 0;
    add({ start: { line: range.start.line, character: range.start.character + dot }, end: range.end }, 'property');
  }
  for (const ref of scan.builtins) add({ start: ref.range.start, end: { line: ref.range.start.line, character: ref.range.start.character + ref.path[0].length + 1 } }, 'namespace', ['defaultLibrary']);
  for (const v of scan.variables) add(v, 'variable');
  for (const call of scan.functions) add(call.range, 'function', ['defaultLibrary']);
  // A define is a named template called like a function: the grammar paints `include "name"` so too,
  // and the same type here keeps the colour from changing when the tokens arrive.
  for (const ref of scan.names) add(ref.range, 'function');
  for (const define of scan.defines) add(define.range, 'function', ['declaration']);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  for (const m of text.matchAll(KEYWORDS)) {
    const offset = m.index! + m[0].length - m[1].length;
    let line = lineStarts.length - 1;
    while (lineStarts[line] > offset) line--;
    tokens.push({ line, character: offset - lineStarts[line], length: m[1].length, type: 'keyword', modifiers: [] });
  }
  // One token per place (a function name is also matched as a keyword: `template`), in document order.
  const seen = new Set<string>();
  return tokens
    .sort((a, b) => a.line - b.line || a.character - b.character)
    .filter((t) => {
      const key = `${t.line}:${t.character}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
