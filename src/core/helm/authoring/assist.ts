/**
 * The editor's questions about a chart's templates and values, answered from the chart model: what is
 * at a position, its hover, completions, definition, references, rename edits and the outline. Plain
 * core types (files, ranges, Markdown); the language server turns them into LSP's.
 */
import { contains, type Position, type Range } from '../../diagnostics';
import { parseDocument } from 'yaml';
import { assignedSecret, assignedSecrets, HIDDEN, HIDDEN_SHORT, isSecretPlace, looksLikeSecretValue, redactText, secretScalarsOfDocument } from '../../secrets/redact';
import { closest } from '../../text/suggest';
import type { ChartView } from './chart-model';
import { describeContext } from './define-context';
import { followScope, scopeAt } from './cursor-scope';
import { isValuesDot, type TemplateScan } from './template-refs';
import { allKeys, type ValueKey } from './values-tree';

export interface Location {
  file: string;
  range: Range;
}

export type Target =
  | { kind: 'values'; path: string[]; range: Range }
  | { kind: 'name'; name: string; range: Range }
  | { kind: 'builtin'; path: string[]; range: Range }
  | { kind: 'function'; name: string; range: Range }
  /** A read from the `.` of a define whose callers do not agree on it (or pass what cannot be followed). */
  | { kind: 'unresolved'; define: string; path: string[]; range: Range };

export interface FunctionInfo {
  signature: string;
  doc: string;
}

export interface AssistContext {
  chart: ChartView;
  file: string;
  /** The Kubernetes version a render assumes (`.Capabilities.KubeVersion`). */
  kubernetesVersion?: string;
  functionInfo?: (name: string) => FunctionInfo | undefined;
}

/** What the user points at: a values key (in a template or in values.yaml), a define's name, a built-in field, a function. */
export function targetAt(context: AssistContext, position: Position): Target | undefined {
  const { chart, file } = context;
  if (file === chart.valuesFile()) {
    for (const key of allKeys(chart.values()?.keys ?? new Map())) if (contains(key.keyRange, position)) return { kind: 'values', path: key.path, range: key.keyRange };
    return undefined;
  }
  const scan = chart.scan(file);
  if (!scan) return undefined;
  for (const ref of scan.values)
    for (let i = 0; i < (ref.segments?.length ?? 0); i++) {
      const range = ref.segments![i];
      if (range && contains(range, position)) return { kind: 'values', path: ref.path.slice(0, i + 1), range };
    }
  for (const ref of scan.names) if (contains(ref.range, position)) return { kind: 'name', name: ref.name, range: ref.range };
  for (const define of scan.defines) if (contains(define.range, position)) return { kind: 'name', name: define.name, range: define.range };
  for (const ref of scan.builtins) if (contains(ref.range, position)) return { kind: 'builtin', path: ref.path, range: ref.range };
  for (const call of scan.functions) if (contains(call.range, position)) return { kind: 'function', name: call.name, range: call.range };
  for (const ref of scan.unresolved) if (contains(ref.range, position)) return { kind: 'unresolved', define: ref.define, path: ref.path, range: ref.range };
  return undefined;
}

// ---- hover ------------------------------------------------------------------------------------------

export function hoverAt(context: AssistContext, position: Position): { markdown: string; range: Range } | undefined {
  const target = targetAt(context, position);
  if (!target) return undefined;
  const markdown = describe(context, target);
  return markdown ? { markdown, range: target.range } : undefined;
}

function describe(context: AssistContext, target: Target): string | undefined {
  const { chart } = context;
  switch (target.kind) {
    case 'values': {
      const title = `\`.Values.${target.path.join('.')}\``;
      const sources = chart.sourcesOf(target.path);
      if (sources.length === 0) {
        const parent = chart.childrenOf(target.path.slice(0, -1));
        const guess = closest(target.path[target.path.length - 1], [...parent.keys()]);
        return `${title} is not set in any values file of the chart${guess ? ` (did you mean \`${guess}\`?)` : ''}.`;
      }
      const parts = [`${title} (${sources[0].type})`];
      sources.forEach((key, i) => {
        parts.push(`${i === 0 ? '' : 'Default '}from \`${relative(chart.dir, key.file)}\`:\n\n\`\`\`yaml\n${showValue(key)}\n\`\`\``);
      });
      return parts.join('\n\n');
    }
    case 'name': {
      const defines = chart.defines().get(target.name);
      if (!defines?.length) return `\`${target.name}\` is not defined in this chart or its subcharts.`;
      const { file, decl } = defines[defines.length - 1];
      const body = decl.body.split('\n').slice(0, 20).join('\n');
      const dot = chart.defineContext(target.name);
      const called = dot === undefined || dot === 'root' ? '' : `\n\nIts callers pass \`.\` = \`${describeContext(dot)}\`.`;
      return `**define** \`${target.name}\` (\`${relative(chart.dir, file)}\`)${called}\n\n\`\`\`helm\n${body}\n\`\`\``;
    }
    case 'builtin':
      return describeBuiltin(context, target.path);
    case 'function': {
      const info = context.functionInfo?.(target.name);
      return info ? `\`\`\`helm\n${info.signature}\n\`\`\`\n${info.doc}` : undefined;
    }
    case 'unresolved':
      return `\`.${target.path.join('.')}\`: what \`.\` is in \`${target.define}\` is not known here: its callers pass different things (or what cannot be followed, or another chart's values), so its values are not checked.`;
  }
}

/** A value as written, cut to a readable size; what may be a secret in it is hidden (a hover is a shared screen too). */
function showValue(key: ValueKey): string {
  const lines = key.valueText.split('\n');
  const indent = Math.min(...lines.slice(1).filter((l) => l.trim()).map((l) => l.length - l.trimStart().length), Infinity);
  const body = key.children || key.type === 'list' ? '\n' + lines.map((l, i) => (i === 0 ? '  ' + l : '  ' + l.slice(indent === Infinity ? 0 : indent))).join('\n') : ' ' + key.valueText;
  const shown = hideSecrets(key, `${key.path[key.path.length - 1]}:${key.type === 'null' && !key.valueText ? '' : body}`).split('\n');
  return shown.length > 25 ? [...shown.slice(0, 25), '  # …'].join('\n') : shown.join('\n');
}

/**
 * The shown `key: value` text with every secret below the key hidden: the key's own value when it is
 * secret, its secret-named descendants' values, and in lists (env entries) what `secrets/redact` finds.
 */
function hideSecrets(key: ValueKey, shown: string): string {
  const name = key.path[key.path.length - 1];
  if (!key.children && key.type !== 'list' && key.type !== 'null' && isSecretValueKey(key)) return `${name}: ${HIDDEN}`;
  const secrets = new Set<string>();
  const stack: ValueKey[] = [key];
  while (stack.length > 0) {
    const k = stack.pop()!;
    if (k.children) stack.push(...k.children.values());
    else if (k.type === 'list') {
      const doc = parseDocument(asWritten(k.valueText), { uniqueKeys: false });
      for (const s of secretScalarsOfDocument(doc, k.path)) for (const t of s.texts) secrets.add(t);
    } else if (k.type !== 'null' && k.type !== 'alias' && isSecretValueKey(k)) for (const t of scalarTexts(k.valueText)) secrets.add(t);
    // A file written into a value (`config: |` with `db.password=…` in it): its secret settings.
    else if (k.type === 'string') for (const t of assignedSecrets(k.valueText)) secrets.add(t);
  }
  return redactText(shown, secrets);
}

/** A block list's text as the values file has it: its first line (cut at the dash) back at its column. */
function asWritten(valueText: string): string {
  const lines = valueText.split('\n');
  if (!lines[0].startsWith('-')) return valueText;
  const rest = lines.slice(1).filter((l) => l.trim());
  if (rest.length === 0) return valueText;
  const indent = Math.min(...rest.map((l) => l.length - l.trimStart().length));
  // A sibling item shares the dash's column; else the item's own keys sit past `- `.
  const sibling = rest.some((l) => l.length - l.trimStart().length === indent && l.trimStart().startsWith('-'));
  const column = sibling ? indent : Math.max(0, indent - (lines[0].length - lines[0].replace(/^-\s*/, '').length));
  return ' '.repeat(column) + valueText;
}

/** A scalar as written, as a message or hover may show it: quoted and not, a block scalar line by line. */
function scalarTexts(valueText: string): string[] {
  const text = valueText.trim();
  if (/^[|>]/.test(text)) return text.split('\n').slice(1).map((l) => l.trim()).filter((l) => l.length >= 3);
  const unquoted = /^(["']).*\1$/s.test(text) ? text.slice(1, -1) : text;
  return unquoted === text ? [text] : [text, unquoted];
}

/** A scalar values key that may hold a secret (by its path, or by its value's shape). */
function isSecretValueKey(key: ValueKey): boolean {
  if (key.type === 'boolean' || key.type === 'null') return false;
  return isSecretPlace(key.path, undefined) || looksLikeSecretValue(key.valueText) || assignedSecret(key.valueText.trim()) !== undefined;
}

const CHART_FIELDS: Record<string, string> = { Name: 'name', Version: 'version', AppVersion: 'appVersion', Description: 'description', Type: 'type', KubeVersion: 'kubeVersion', ApiVersion: 'apiVersion', Home: 'home', Icon: 'icon', Deprecated: 'deprecated' };

const BUILTIN_DOCS: Record<string, string> = {
  Release: 'The release being installed: `.Release.Name`, `.Namespace`, `.Revision`, `.IsInstall`, `.IsUpgrade`, `.Service`.',
  'Release.Name': 'The release name (`helm install NAME`); Shipshape renders with `release-name`.',
  'Release.Namespace': 'The namespace the release is installed into (`--namespace`, else `default`).',
  'Release.Revision': 'The release revision: 1 on install, +1 on each upgrade.',
  'Release.IsInstall': 'True on `helm install` (and `helm template`).',
  'Release.IsUpgrade': 'True on `helm upgrade` and rollback.',
  'Release.Service': 'Always `Helm`.',
  Capabilities: 'What the cluster supports: `.KubeVersion`, `.APIVersions`, `.HelmVersion`.',
  'Capabilities.APIVersions': 'The API versions the cluster serves; `.Capabilities.APIVersions.Has "apps/v1"`.',
  'Capabilities.HelmVersion': 'The Helm version rendering the chart.',
  Template: 'The template being rendered: `.Template.Name`, `.Template.BasePath`.',
  Files: 'The chart\'s non-template files: `.Files.Get`, `.Files.Glob`, `.Files.AsConfig`, `.Files.AsSecrets`, `.Files.Lines`.',
  Subcharts: 'The subcharts\' own `.Chart`, `.Values`, … by name (Helm 3.14+).',
};

function describeBuiltin(context: AssistContext, path: string[]): string | undefined {
  const title = `\`.${path.join('.')}\``;
  if (path[0] === 'Chart') {
    if (path.length === 1) return `${title}: the chart's \`Chart.yaml\` (\`.Chart.Name\`, \`.Chart.Version\`, \`.Chart.AppVersion\`, …).`;
    const field = context.chart.meta()?.fields.get(CHART_FIELDS[path[1]] ?? path[1].charAt(0).toLowerCase() + path[1].slice(1));
    return field ? `${title} = \`${field.value}\` (from \`Chart.yaml\`)` : `${title} is not set in \`Chart.yaml\`.`;
  }
  if (path[0] === 'Capabilities' && path[1] === 'KubeVersion') {
    const v = context.kubernetesVersion ?? '1.34';
    return `${title}: the cluster's Kubernetes version; \`v${v}.0\` when Shipshape renders (\`shipshape.kubernetesVersion\`). \`.Major\`, \`.Minor\`, \`.Version\`, \`.GitVersion\`.`;
  }
  if (path[0] === 'Template' && path[1] === 'Name') return `${title} = \`${templatePathOf(context)}\``;
  const doc = BUILTIN_DOCS[path.slice(0, 2).join('.')] ?? BUILTIN_DOCS[path[0]];
  return doc ? `${title}: ${doc}` : undefined;
}

function templatePathOf(context: AssistContext): string {
  return `${context.chart.name}/${relative(context.chart.dir, context.file)}`;
}

function relative(dir: string, file: string): string {
  return file.startsWith(dir) ? file.slice(dir.length + 1).split(/[\\/]/).join('/') : file;
}

// ---- completion -------------------------------------------------------------------------------------

export interface CompletionEntry {
  label: string;
  kind: 'valuesKey' | 'define' | 'function' | 'object' | 'field';
  detail?: string;
  documentation?: string;
  /** Text to insert when it differs from the label. */
  insertText?: string;
}

const OBJECTS = ['Values', 'Chart', 'Release', 'Capabilities', 'Template', 'Files', 'Subcharts'];
const OBJECT_FIELDS: Record<string, string[]> = {
  Release: ['Name', 'Namespace', 'Revision', 'IsInstall', 'IsUpgrade', 'Service'],
  Chart: ['Name', 'Version', 'AppVersion', 'Description', 'Type', 'KubeVersion', 'ApiVersion', 'Home', 'Icon', 'Keywords', 'Maintainers', 'Annotations', 'Dependencies', 'Deprecated'],
  Capabilities: ['KubeVersion', 'APIVersions', 'HelmVersion'],
  Template: ['Name', 'BasePath'],
  Files: ['Get', 'GetBytes', 'Glob', 'Lines', 'AsConfig', 'AsSecrets'],
};

/**
 * Completions inside a template action; undefined outside actions (the caller then offers the YAML
 * around them). `textBefore` is the template's text up to the cursor; `inAction` whether the cursor is
 * between `{{` and `}}`.
 */
export function templateCompletions(context: AssistContext, textBefore: string, inAction: boolean, functionNames: readonly string[]): CompletionEntry[] | undefined {
  const { chart } = context;
  const before = textBefore.slice(textBefore.lastIndexOf('\n') + 1);
  const include = /\b(?:include|template)\s+"([^"]*)$/.exec(before);
  if (include) {
    return [...chart.defines()].map(([name, list]) => ({ label: name, kind: 'define' as const, detail: relative(chart.dir, list[list.length - 1].file), documentation: '```helm\n' + list[list.length - 1].decl.body.split('\n').slice(0, 12).join('\n') + '\n```' }));
  }
  if (!inAction) return undefined;
  const scoped = scopedDotCompletions(context, before, textBefore);
  if (scoped) return scoped;
  const values = /\$?\.Values((?:\.[A-Za-z_][\w]*)*)\.([A-Za-z_]\w*)?$/.exec(before);
  if (values) {
    return valuesKeyEntries(chart, values[1] ? values[1].slice(1).split('.') : []);
  }
  const field = /\$?\.(Release|Chart|Capabilities|Template|Files)\.(\w*)$/.exec(before);
  if (field) return (OBJECT_FIELDS[field[1]] ?? []).map((name) => ({ label: name, kind: 'field' as const, detail: describeBuiltin(context, [field[1], name])?.replace(/`/g, '') }));
  if (/(?:^|[\s(|])\$?\.(\w*)$/.test(before)) return OBJECTS.map((name) => ({ label: name, kind: 'object' as const, detail: BUILTIN_DOCS[name] ?? (name === 'Values' ? 'The chart\'s values (values.yaml, -f files, --set, a parent\'s overrides).' : undefined) }));
  if (/(?:\{\{-?|[\s(|])\s*(\w*)$/.test(before)) {
    return functionNames.map((name) => {
      const info = context.functionInfo?.(name);
      return { label: name, kind: 'function' as const, detail: info?.signature, documentation: info?.doc };
    });
  }
  return [];
}

function valuesKeyEntries(chart: ChartView, path: readonly string[]): CompletionEntry[] {
  return [...chart.childrenOf(path).values()].map((key) => ({ label: key.path[key.path.length - 1], kind: 'valuesKey' as const, detail: summary(key), documentation: '```yaml\n' + showValue(key) + '\n```' }));
}

/**
 * `.` completions where `.` is not the root context: inside `with .Values.image` (or a define its
 * callers call with `.Values.image`) the keys below `.Values.image`, a dict's keys, nothing where it is
 * not known (inside `range`, or a define whose callers disagree). Undefined where `.` is the root (the
 * usual completions apply).
 */
function scopedDotCompletions(context: AssistContext, before: string, textBefore: string): CompletionEntry[] | undefined {
  const chain = /(?:^|[\s(|{])(\$?)((?:\.[A-Za-z_]\w*)*)\.(\w*)$/.exec(before);
  if (!chain) return undefined;
  const scope = scopeAt(textBefore, (name) => context.chart.defineContext(name));
  const start = chain[1] ? scope.root : scope.dot;
  if (start === 'root') return undefined;
  const base = followScope(start, chain[2] ? chain[2].slice(1).split('.') : []);
  if (base === 'root') return undefined;
  if (typeof base === 'object' && 'element' in base) return listItemEntries(context.chart, base.element);
  if (isValuesDot(base)) return valuesKeyEntries(context.chart, base.values);
  if (typeof base === 'object' && 'dict' in base) return [...base.dict.keys()].map((label) => ({ label, kind: 'field' as const, detail: "dict key (from the define's callers)" }));
  return [];
}

/** Inside `range` over a values list: the keys of its items, from every values file that sets the list. */
function listItemEntries(chart: ChartView, path: readonly string[]): CompletionEntry[] {
  const names = new Set<string>();
  for (const key of chart.sourcesOf(path)) for (const name of key.itemKeys ?? []) names.add(name);
  return [...names].map((label) => ({ label, kind: 'valuesKey' as const, detail: `key of the items of .Values.${path.join('.')}` }));
}

function summary(key: ValueKey): string {
  if (key.type === 'map') return `map (${key.children?.size ?? 0} keys)`;
  if (key.type === 'list' || key.type === 'alias') return key.type;
  if (key.type !== 'null' && isSecretValueKey(key)) return HIDDEN_SHORT;
  const text = redactText(key.valueText.trim(), key.type === 'string' ? assignedSecrets(key.valueText) : []);
  return text.length > 60 ? text.slice(0, 57) + '…' : text || 'null';
}

/** Whether `offset` in `text` is inside a `{{ … }}` action (an unclosed one counts). */
export function isInAction(text: string, offset: number): boolean {
  const open = text.lastIndexOf('{{', offset - 1);
  if (open < 0) return false;
  const close = text.lastIndexOf('}}', offset - 1);
  return close < open || close + 2 > offset;
}

// ---- navigation -------------------------------------------------------------------------------------

export function definitionOf(context: AssistContext, position: Position): Location[] {
  const target = targetAt(context, position);
  if (!target) return [];
  const { chart } = context;
  switch (target.kind) {
    case 'values':
      return chart.sourcesOf(target.path).map((key) => ({ file: key.file, range: key.keyRange }));
    case 'name':
      return (chart.defines().get(target.name) ?? []).map(({ file, decl }) => ({ file, range: decl.range }));
    case 'builtin': {
      if (target.path[0] !== 'Chart' || target.path.length < 2) return [];
      const meta = chart.meta();
      const field = meta?.fields.get(CHART_FIELDS[target.path[1]] ?? target.path[1]);
      return meta && field ? [{ file: meta.file, range: field.range }] : [];
    }
    default:
      return [];
  }
}

/** Every use of the values key or define at `position`, with its declaration when asked. */
export function referencesOf(context: AssistContext, position: Position, includeDeclaration: boolean): Location[] {
  const target = targetAt(context, position);
  if (!target || (target.kind !== 'values' && target.kind !== 'name')) return [];
  const locations: Location[] = [];
  if (includeDeclaration) locations.push(...definitionOf(context, position));
  if (target.kind === 'name') {
    for (const chart of context.chart.tree())
      for (const file of chart.templates()) for (const ref of chart.scan(file)?.names ?? []) if (ref.name === target.name) locations.push({ file, range: ref.range });
    return dedupe(locations);
  }
  for (const { file, range } of valueUses(context.chart, target.path)) locations.push({ file, range });
  return dedupe(locations);
}

/** Where templates write `.Values.<path>` (its last key's range), this chart's templates only. */
function valueUses(chart: ChartView, path: readonly string[]): Location[] {
  const uses: Location[] = [];
  for (const file of chart.templates())
    for (const ref of chart.scan(file)?.values ?? []) {
      if (ref.path.length < path.length || !path.every((k, i) => ref.path[i] === k)) continue;
      const range = ref.segments?.[path.length - 1];
      if (range) uses.push({ file, range });
    }
  return uses;
}

function dedupe(locations: Location[]): Location[] {
  const seen = new Set<string>();
  return locations.filter((l) => {
    const key = `${l.file}:${l.range.start.line}:${l.range.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface RenameResult {
  /** Edits by file. */
  edits: Map<string, { range: Range; newText: string }[]>;
}

/** What rename would change at `position`: its range and current name, or undefined when it cannot be renamed. */
export function prepareRename(context: AssistContext, position: Position): { range: Range; placeholder: string } | undefined {
  const target = targetAt(context, position);
  if (!target) return undefined;
  if (target.kind === 'values') return { range: target.range, placeholder: target.path[target.path.length - 1] };
  if (target.kind === 'name') return { range: target.range, placeholder: target.name };
  return undefined;
}

export function renameAt(context: AssistContext, position: Position, newName: string): RenameResult | { error: string } | undefined {
  const target = targetAt(context, position);
  if (!target || (target.kind !== 'values' && target.kind !== 'name')) return undefined;
  const edits = new Map<string, { range: Range; newText: string }[]>();
  const add = (file: string, range: Range, text: string) => {
    const list = edits.get(file) ?? [];
    if (!list.some((e) => e.range.start.line === range.start.line && e.range.start.character === range.start.character)) list.push({ range, newText: text });
    edits.set(file, list);
  };
  if (target.kind === 'name') {
    if (!/^[^"\\\n]+$/.test(newName)) return { error: 'A template name cannot contain quotes, backslashes or line breaks.' };
    for (const location of referencesOf(context, position, true)) add(location.file, location.range, newName);
    return { edits };
  }
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(newName)) return { error: `\`${newName}\` cannot be written as \`.Values.${newName}\`: use letters, digits and _ (not starting with a digit).` };
  const siblings = context.chart.childrenOf(target.path.slice(0, -1));
  if (siblings.has(newName)) return { error: `\`.Values.${[...target.path.slice(0, -1), newName].join('.')}\` exists already.` };
  for (const key of context.chart.sourcesOf(target.path)) add(key.file, key.keyRange, newName);
  for (const use of valueUses(context.chart, target.path)) add(use.file, use.range, newName);
  return { edits };
}

/** The defines of a template file, for its outline. */
export function definesOf(scan: TemplateScan | undefined): { name: string; range: Range }[] {
  return (scan?.defines ?? []).map((d) => ({ name: d.name, range: d.range }));
}

// ---- inlay hints ------------------------------------------------------------------------------------

/** `{{ .Values.replicaCount }}` shows `= 2`: each scalar a template reads, after its last key (short ones only). */
export function valueHints(context: AssistContext): { position: Position; label: string }[] {
  const scan = context.chart.scan(context.file);
  const hints: { position: Position; label: string }[] = [];
  for (const ref of scan?.values ?? []) {
    const last = ref.segments?.[ref.path.length - 1];
    if (!last) continue;
    const key = context.chart.sourcesOf(ref.path)[0];
    if (!key || key.children || key.type === 'list' || key.type === 'alias') continue;
    const text = key.type === 'null' ? 'null' : key.valueText.trim();
    if (text.length === 0) continue;
    // Still says the value is set (where, the hover tells), never what it is.
    if (key.type !== 'null' && isSecretValueKey(key)) {
      hints.push({ position: last.end, label: `= ${HIDDEN_SHORT}` });
      continue;
    }
    if (text.length > 40 || text.includes('\n')) continue;
    hints.push({ position: last.end, label: `= ${text}` });
  }
  return hints;
}
