/**
 * YAML output as Helm's functions print it.
 *
 * toYaml = sigs.k8s.io/yaml.Marshal: encoding/json first (so key order, []byte, struct tags and number
 * text are JSON's), then go-yaml v2 re-reads that JSON (integers stay integers, other numbers become
 * float64 and print with Go's %g-like shortest form: 1.5e+06) and emits it.
 * toYamlPretty = yaml.v3 Encoder with indent 2, straight from the Go values (float64 1000000 prints as
 * 1e+06 there, since no JSON step turns it into an integer).
 */
import { formatFloat } from '../../gotemplate/strconv';
import { GoStruct, GoTime, type GoValue } from '../../gotemplate/values';
import { emitDocument, type EmitEvent, type ScalarStyle } from './emitter';
import { formatRfc3339Nano, JsonNumber, JsonObject, toJsonNode, type JsonMarshaler, type JsonNode } from './go-json';
import { sortKeysV2, sortKeysV3 } from './key-order';
import { canBePlainString, resolvePlain } from './resolve';

/** A GoStruct that yaml.v3 encodes specially (time.Duration as its String(), MarshalYAML types). */
export interface YamlMarshaler {
  goYamlValue(): GoValue;
}

/** The text sigs.k8s.io/yaml.Marshal produces (ending in "\n"); Helm's toYaml then trims that "\n". */
export function marshalYaml(value: GoValue): string {
  const events: EmitEvent[] = [];
  const node = toJsonNode(value);
  checkRereadable(node, { breaks: 0 });
  jsonToEvents(node, events);
  return emitDocument(events, { dialect: 'v2', bestWidth: 80, bestIndent: 2 });
}

/** go-yaml's reader refusing the JSON text toYaml converts (so Helm's toYaml prints ""). */
export class YamlReaderError extends Error {}

/** Characters encoding/json writes as they are but go-yaml's reader rejects: DEL, C1 controls but NEL, U+FFFE/F. */
const UNREADABLE = /[\x7f-\x84\x86-\x9f\ufffe\uffff]/;

/**
 * Fails where go-yaml fails re-reading the JSON text, first problem in text order: a character its
 * reader rejects, or a key holding NEL (a line break: a key must fit on one line), reported on the line
 * go-yaml counts.
 */
function checkRereadable(node: JsonNode, seen: { breaks: number }): void {
  const text = (s: string): void => {
    if (UNREADABLE.test(s)) throw new YamlReaderError('yaml: control characters are not allowed');
    seen.breaks += s.split('\u0085').length - 1;
  };
  if (typeof node === 'string') text(node);
  else if (Array.isArray(node)) for (const item of node) checkRereadable(item, seen);
  else if (node instanceof JsonObject) {
    for (const [key, value] of node.entries) {
      if (key.includes('\u0085')) throw new YamlReaderError(`yaml: line ${seen.breaks + 1}: did not find expected ',' or '}'`);
      text(key);
      checkRereadable(value, seen);
    }
  }
}

/** The text yaml.v3's Encoder (indent 2) produces for the value, ending in "\n". */
export function marshalYamlV3(value: GoValue): string {
  const events: EmitEvent[] = [];
  goToEventsV3(value, events, new Set());
  return emitDocument(events, { dialect: 'v3', bestWidth: Infinity, bestIndent: 2 });
}

function scalar(value: string, style: ScalarStyle): EmitEvent {
  return { kind: 'scalar', value, style };
}

/** encode.go stringv: literal block for multi-line text, plain when it reads back as a string, else "…". */
function stringEvent(s: string): EmitEvent {
  if (s.includes('\n')) return scalar(s, 'literal');
  return scalar(s, canBePlainString(s) ? 'plain' : 'double');
}

/**
 * A JSON string as go-yaml reads it back: encoding/json leaves NEL (U+0085) raw, and in a double-quoted
 * YAML 1.1 scalar it is a line break, folded with the blanks around it: one becomes a space, n become
 * n-1 newlines.
 */
function reread(s: string): string {
  if (!s.includes('\u0085')) return s;
  return s.replace(/[ \t]*\u0085(?:[ \t]*\u0085)*[ \t]*/g, (run) => {
    const breaks = run.split('\u0085').length - 1;
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
}

/** go-yaml float formatting: FormatFloat(f, 'g', -1, 64) with YAML's spellings of the specials. */
function floatText(f: number): string {
  if (Number.isNaN(f)) return '.nan';
  if (f === Infinity) return '.inf';
  if (f === -Infinity) return '-.inf';
  return formatFloat(f, 'g', -1);
}

function jsonToEvents(node: JsonNode, events: EmitEvent[]): void {
  if (node === null) events.push(scalar('null', 'plain'));
  else if (typeof node === 'boolean') events.push(scalar(String(node), 'plain'));
  else if (typeof node === 'string') events.push(stringEvent(reread(node)));
  else if (node instanceof JsonNumber) {
    const resolved = resolvePlain(node.text);
    if (resolved.tag === 'int') events.push(scalar(resolved.value.toString(), 'plain'));
    else if (resolved.tag === 'float') events.push(scalar(floatText(resolved.value), 'plain'));
    else events.push(stringEvent(node.text));
  } else if (Array.isArray(node)) {
    events.push({ kind: 'seq-start' });
    for (const item of node) jsonToEvents(item, events);
    events.push({ kind: 'seq-end' });
  } else if (node instanceof JsonObject) {
    events.push({ kind: 'map-start' });
    const byKey = new Map(node.entries.map(([k, v]) => [reread(k), v]));
    for (const key of sortKeysV2([...byKey.keys()])) {
      events.push(stringEvent(key));
      jsonToEvents(byKey.get(key)!, events);
    }
    events.push({ kind: 'map-end' });
  }
}

const MAX_DEPTH = 10_000;

function goToEventsV3(value: GoValue, events: EmitEvent[], ancestors: Set<object>): void {
  if (value === null || value === undefined) return void events.push(scalar('null', 'plain'));
  switch (typeof value) {
    case 'boolean':
      return void events.push(scalar(String(value), 'plain'));
    case 'bigint':
      return void events.push(scalar(value.toString(), 'plain'));
    case 'number':
      return void events.push(scalar(floatText(value), 'plain'));
    case 'string':
      return void events.push(stringEvent(value));
    case 'function':
      throw new Error('cannot marshal type: func()');
  }
  if (value instanceof GoTime) return void events.push(scalar(formatRfc3339Nano(value), 'plain'));
  if (ancestors.has(value as object) || ancestors.size > MAX_DEPTH) {
    throw new Error('yaml: cannot marshal a value that contains itself');
  }
  ancestors.add(value as object);
  try {
    if (Array.isArray(value) || value instanceof Uint8Array) {
      events.push({ kind: 'seq-start' });
      for (const item of value) goToEventsV3(typeof item === 'number' && value instanceof Uint8Array ? BigInt(item) : item, events, ancestors);
      events.push({ kind: 'seq-end' });
      return;
    }
    if (value instanceof GoStruct) {
      const own = (value as Partial<YamlMarshaler>).goYamlValue?.();
      if (own !== undefined) return goToEventsV3(own, events, ancestors);
    }
    const map: Record<string, GoValue> =
      value instanceof GoStruct
        ? ((value as Partial<JsonMarshaler>).goJsonValue?.() as Record<string, GoValue>) ?? { ...value }
        : (value as Record<string, GoValue>);
    events.push({ kind: 'map-start' });
    for (const key of sortKeysV3(Object.keys(map))) {
      if (key === 'goTypeName') continue;
      events.push(stringEvent(key));
      goToEventsV3(map[key], events, ancestors);
    }
    events.push({ kind: 'map-end' });
  } finally {
    ancestors.delete(value as object);
  }
}
