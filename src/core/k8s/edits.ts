/**
 * Text edits on an object's YAML for rule fixes: replace a scalar, add an entry to a mapping (block
 * or flow style), each in the file's coordinates and in the style the mapping is already written in.
 */
import { isMap, isScalar, type Node } from 'yaml';
import type { TextEdit } from '../diagnostics';
import { nodeAtPath, type PathSegment } from '../yaml/parse';
import type { K8sObject, YamlPath } from './model';

/** Replaces the scalar at `path` (relative to the object) with `newText`, or undefined when it is not a scalar. */
export function replaceScalar(object: K8sObject, path: YamlPath, newText: string): TextEdit | undefined {
  const document = object.file.documents[object.docIndex];
  const { node, found } = nodeAtPath(document, [...object.path, ...path]);
  if (!found || !isScalar(node) || !node.range) return undefined;
  return at(object, node.range[0], node.range[1], newText);
}

/**
 * Adds `key: value` to the mapping at `path` (relative to the object): after its last entry, at the
 * indentation of its first key, or before the `}` of a flow mapping. Undefined when there is no
 * mapping there or its last entry is not a plain scalar line (inserting could land inside it).
 */
export function addMapEntry(object: K8sObject, path: YamlPath, key: string, value: string): TextEdit | undefined {
  const document = object.file.documents[object.docIndex];
  const { node, found } = nodeAtPath(document, [...object.path, ...path]);
  if (!found || !isMap(node) || !node.range) return undefined;
  const entry = `${yamlScalar(key)}: ${yamlScalar(value)}`;
  if (node.flow) {
    const close = node.range[1] - 1;
    if (document.source[close] !== '}') return undefined;
    const empty = node.items.length === 0;
    // `{a: b}` → `{a: b, key: value}`; the space before `}` (if any) is kept.
    const before = document.source.slice(node.range[0], close).replace(/\s+$/, '').length + node.range[0];
    return at(object, before, before, empty ? entry : `, ${entry}`);
  }
  const first = node.items[0]?.key as Node | undefined;
  const last = node.items[node.items.length - 1];
  const lastValue = last?.value as Node | null | undefined;
  if (!first?.range || !isScalar(lastValue) || !lastValue.range) return undefined;
  const lineStart = document.source.lastIndexOf('\n', first.range[0] - 1) + 1;
  const indent = document.source.slice(lineStart, first.range[0]);
  if (!/^[ ]*$/.test(indent)) return undefined; // the first key shares its line with a `- ` or a parent key
  return at(object, lastValue.range[1], lastValue.range[1], `\n${indent}${entry}`);
}

function at(object: K8sObject, start: number, end: number, newText: string): TextEdit {
  const base = object.file.documents[object.docIndex].startOffset;
  return { range: object.file.lines.rangeOf(base + start, base + end), newText };
}

/** A label key or value as YAML that reads back as the same string. */
export function yamlScalar(text: string): string {
  const plain = /^[A-Za-z_/][\w./-]*$/.test(text) && !/^(?:true|false|yes|no|on|off|y|n|null)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}

export type { PathSegment };
