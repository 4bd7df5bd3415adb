/**
 * Hover and completion from the same schemas validation uses: the field's type and description on
 * hover; the fields an object may still have, or a field's allowed values, on completion.
 *
 * Completion works on text being typed, which often does not parse; so the path of the cursor is
 * found from indentation (the way a reader sees it), not from the YAML tree.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Position } from '../diagnostics';
import { detectYamlKind } from '../yaml/detect';
import { splitDocuments } from '../yaml/chunks';
import { parseDocumentsAt, parseYamlFile, type PathSegment, type YamlDocument } from '../yaml/parse';
import { LineIndex } from '../text/lines';
import { addCrdsFromFile, findCustomSchema, loadCrdDir, type CrdRegistry } from './crd';
import { pathText } from './humanize';
import type { JsonSchema } from './openapi';
import { resolvePointer, schemaStore } from './store';
import { acceptedTypes, alternatives, knownProperties, schemaAtPath, type SchemaAt, type SchemaContext } from './walk';
import type { ValidationOptions } from './validate';

export interface Completion {
  label: string;
  kind: 'key' | 'value';
  detail?: string;
}

interface Located {
  lines: LineIndex;
  document: YamlDocument;
  ctx: SchemaContext;
  root: SchemaAt;
  completeKinds?: { apiVersion: string; kind: string }[];
}

export function hoverAt(text: string, fileName: string, position: Position, options: ValidationOptions = {}): string | undefined {
  try {
    const located = locate(text, fileName, position, options);
    if (!located) return undefined;
    const offset = located.lines.offsetAt(position) - located.document.startOffset;
    const path = astPathAt(located.document.doc.contents as Node | null, offset);
    if (!path || path.length === 0) return undefined;
    const at = schemaAtPath(located.ctx, located.root, path);
    if (!at) return undefined;
    const types = acceptedTypes(located.ctx, at);
    const title = `**${String(path[path.length - 1])}**${types.length ? ` \`${types.join(' | ')}\`` : ''}${at.name ? ` (${at.name})` : ''}`;
    const description = typeof at.schema.description === 'string' ? at.schema.description : '';
    const required = isRequired(located, path);
    const values = Array.isArray(at.schema.enum) ? at.schema.enum.filter((v) => v !== '') : [];
    const allowed = values.length > 0 ? `Allowed values: ${values.map((v) => `\`${String(v)}\``).join(', ')}` : '';
    return [title + (required ? ' — required' : ''), description, allowed, `\`${pathText(path)}\``].filter(Boolean).join('\n\n');
  } catch {
    return undefined; // hover must never break the editor; validation reports setup problems
  }
}

export function completionsAt(text: string, fileName: string, position: Position, options: ValidationOptions = {}): Completion[] {
  try {
    const located = locate(text, fileName, position, options);
    if (!located) return [];
    const lineText = located.lines.lineText(position.line).slice(0, position.character);
    const valueMatch = /^(\s*(?:-\s+)*)([\w.\-/]+)\s*:\s*\S*$/.exec(lineText);
    const column = valueMatch ? valueMatch[1].length : /^\s*$/.test(lineText) ? position.character : lineText.search(/\S/);
    const parentPath = indentPath(located.lines, position.line, column, located.document);
    if (valueMatch) {
      const key = valueMatch[2];
      if (parentPath.length === 0 && located.completeKinds && (key === 'kind' || key === 'apiVersion')) {
        const labels = new Set(located.completeKinds.map((k) => (key === 'kind' ? k.kind : k.apiVersion)));
        return [...labels].sort().map((label) => ({ label, kind: 'value' as const }));
      }
      const at = schemaAtPath(located.ctx, located.root, [...parentPath, key]);
      return at ? valueCompletions(located.ctx, at) : [];
    }
    const at = schemaAtPath(located.ctx, located.root, parentPath);
    if (!at) return [];
    const present = presentKeys(located.document, parentPath);
    return [...knownProperties(located.ctx, at)]
      .filter(([name]) => !present.has(name))
      .map(([name, schema]) => ({ label: name, kind: 'key' as const, detail: firstSentence(schema.description) }));
  } catch {
    return [];
  }
}

function locate(text: string, fileName: string, position: Position, options: ValidationOptions): Located | undefined {
  const kind = options.kind ?? detectYamlKind(text, fileName, { isHelmTemplate: options.isHelmTemplate });
  if (kind !== 'kubernetes' && kind !== 'compose') return undefined;
  const version = kind === 'compose' ? '1.2' : '1.1';
  const lines = new LineIndex(text);
  const offset = lines.offsetAt(position);
  // Only the document under the cursor is parsed: hover in a 10 MB file must not parse all of it.
  const chunks = splitDocuments(text);
  const chunk = chunks.find((c) => offset >= c.start && offset <= c.start + c.source.length) ?? chunks[chunks.length - 1];
  const documents = chunk ? parseDocumentsAt(chunk.source, chunk.start, version) : [];
  const document = documents[documents.length - 1];
  if (!document) return undefined;
  const store = schemaStore(options.schemaDir);
  if (kind === 'compose') {
    const compose = store.compose();
    return { lines, document, ctx: compose, root: { schema: compose.root } };
  }
  const schemas = store.kubernetes(options.kubernetesVersion);
  const completeKinds = schemas.kinds;
  if (document.apiVersion && document.kind) {
    const builtIn = schemas.kind(document.apiVersion, document.kind);
    if (builtIn) return { lines, document, ctx: schemas, root: { schema: { $ref: `#/definitions/${builtIn.definition}` } }, completeKinds };
    const crds: CrdRegistry = new Map();
    for (const dir of options.crdDirs ?? []) for (const [k, v] of loadCrdDir(dir).registry) crds.set(k, v);
    for (const extra of options.extraCrds ?? []) addCrdsFromFile(crds, extra, 'workspace');
    if (text.includes('CustomResourceDefinition')) addCrdsFromFile(crds, parseYamlFile(text), fileName);
    const custom = findCustomSchema(crds, document.apiVersion, document.kind);
    if (custom) {
      const root = custom.schema;
      return { lines, document, ctx: { resolveRef: (ref) => resolvePointer(root, ref) }, root: { schema: root, name: custom.kind }, completeKinds };
    }
  }
  // Unknown kind: still offer apiVersion/kind/metadata from a generic object.
  const generic: JsonSchema = { type: 'object', properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' } } };
  return { lines, document, ctx: schemas, root: { schema: generic }, completeKinds };
}

/** The path of the innermost key or value whose range holds `offset` (document-relative). */
function astPathAt(node: Node | null, offset: number, path: PathSegment[] = []): PathSegment[] | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      const keyName = isScalar(key) ? String(key.value) : undefined;
      if (keyName === undefined) continue;
      if (key?.range && offset >= key.range[0] && offset <= key.range[1]) return [...path, keyName];
      if (value?.range && offset >= value.range[0] && offset <= value.range[1]) return astPathAt(value, offset, [...path, keyName]);
    }
    return path;
  }
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i] as Node | null;
      if (item?.range && offset >= item.range[0] && offset <= item.range[1]) return astPathAt(item, offset, [...path, i]);
    }
    return path;
  }
  return path;
}

/**
 * The path of the mapping a line at `column` belongs to, read from indentation: each less-indented
 * `key:` line above is an ancestor; a `- ` item adds a list index.
 */
function indentPath(lines: LineIndex, line: number, column: number, document: YamlDocument): PathSegment[] {
  const path: PathSegment[] = [];
  let limit = column;
  const firstLine = lines.positionAt(document.startOffset).line;
  for (let i = line - 1; i >= firstLine && limit > 0; i--) {
    const text = lines.lineText(i);
    if (/^\s*(#|$)/.test(text) || /^---/.test(text)) continue;
    const m = /^(\s*)((?:-\s+)*)([^\s#][^:#]*?)?\s*:(?:\s|$)/.exec(text) ?? /^(\s*)((?:-\s+)+)/.exec(text);
    if (!m) continue;
    const indent = m[1].length;
    const dashes = m[2] ?? '';
    const contentIndent = indent + dashes.length;
    if (dashes && contentIndent <= limit && indent < limit) {
      // The cursor is inside this list item's mapping (or deeper in its key).
      if (m[3] !== undefined && contentIndent < limit && /:\s*(#.*)?$/.test(text)) path.unshift(m[3].trim());
      path.unshift(0);
      limit = indent + 0.5; // `key:\n- item`: the parent key may sit at the dash's own column
      continue;
    }
    if (m[3] !== undefined && indent < limit && /:\s*(#.*)?$/.test(text)) {
      path.unshift(m[3].trim());
      limit = indent;
    }
  }
  return path;
}

function presentKeys(document: YamlDocument, path: PathSegment[]): Set<string> {
  let value: unknown = document.value;
  for (const segment of path) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
  return new Set(value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : []);
}

function valueCompletions(ctx: SchemaContext, at: SchemaAt): Completion[] {
  const values = new Set<string>();
  for (const alt of alternatives(ctx, at)) {
    for (const v of Array.isArray(alt.schema.enum) ? alt.schema.enum : []) if (v !== '') values.add(typeof v === 'string' ? v : JSON.stringify(v));
  }
  if (values.size === 0 && acceptedTypes(ctx, at).includes('boolean')) ['true', 'false'].forEach((v) => values.add(v));
  return [...values].map((label) => ({ label, kind: 'value' as const }));
}

function isRequired(located: Located, path: PathSegment[]): boolean {
  const parent = schemaAtPath(located.ctx, located.root, path.slice(0, -1));
  const last = path[path.length - 1];
  return !!parent && Array.isArray(parent.schema.required) && parent.schema.required.includes(last);
}

function firstSentence(description: unknown): string | undefined {
  if (typeof description !== 'string') return undefined;
  const m = /^(.*?[.!?])(\s|$)/s.exec(description);
  return (m ? m[1] : description).slice(0, 200);
}


