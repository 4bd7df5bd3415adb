/**
 * A port of the parts of go-yaml's emitter (emitterc.go, itself a port of libyaml) that Helm's output
 * depends on: block mappings and sequences, `[]`/`{}` for empty collections, simple and complex (`? `)
 * keys, and the plain, single-quoted, double-quoted and literal scalar writers with their line folding
 * at `bestWidth` columns. Byte-exact output needs the same state machine, so the structure follows the
 * Go code closely; anchors, tags, comments and canonical mode are left out because Helm never emits them.
 *
 * Two dialects: 'v2' (gopkg.in/yaml.v2, used by toYaml through sigs.k8s.io/yaml: sequences not indented
 * under their key, folding at 80 columns) and 'v3' (yaml.v3, used by toYamlPretty: every nesting level
 * indented, no folding).
 */
import * as chars from './chars';
import { analyzeScalar, SHORT_ESCAPES, type ScalarAnalysis } from './scalar-analysis';

// Bound once: called per character, and module-transpiled imports are property getters.
const { isBom, isBreak, isPrintable, isSpace } = chars;

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

export type EmitEvent =
  | { readonly kind: 'scalar'; readonly value: string; readonly style: ScalarStyle }
  | { readonly kind: 'seq-start' }
  | { readonly kind: 'seq-end' }
  | { readonly kind: 'map-start' }
  | { readonly kind: 'map-end' };

export interface EmitterOptions {
  readonly dialect: 'v2' | 'v3';
  /** Columns after which long scalars are folded at a space; Infinity disables folding. */
  readonly bestWidth: number;
  readonly bestIndent: number;
}

type State =
  | 'document-end'
  | 'flow-seq-first'
  | 'flow-seq-item'
  | 'flow-map-first-key'
  | 'flow-map-key'
  | 'flow-map-simple-value'
  | 'flow-map-value'
  | 'block-seq-first'
  | 'block-seq-item'
  | 'block-map-first-key'
  | 'block-map-key'
  | 'block-map-simple-value'
  | 'block-map-value';


const NEWLINE = 0x0a;

/** Emits one YAML document made of `events` and returns its text (ending with a line break). */
export function emitDocument(events: readonly EmitEvent[], options: EmitterOptions): string {
  return new Emitter(events, options).run();
}

class Emitter {
  /** Output as code points; joined into a string once at the end (far cheaper than per-char concatenation). */
  private readonly out: number[] = [];
  private head = 0;
  private state: State = 'document-end';
  private readonly states: State[] = [];
  private indent = -1;
  private readonly indents: number[] = [];
  private flowLevel = 0;
  private column = 0;
  private whitespace = true;
  private indention = true;
  private mappingContext = false;
  private simpleKeyContext = false;
  private scalar: ScalarAnalysis = analyzeScalar('');
  private scalarStyle: ScalarStyle = 'plain';

  constructor(
    private readonly events: readonly EmitEvent[],
    private readonly options: EmitterOptions,
  ) {}

  run(): string {
    if (this.events.length === 0) throw new Error('yaml: no content to emit');
    for (this.head = 0; this.head < this.events.length; this.head++) {
      const event = this.events[this.head];
      if (event.kind === 'scalar') this.scalar = analyzeScalar(event.value, this.options.dialect === 'v3');
      if (this.head === 0) {
        this.states.push('document-end');
        this.emitNode(event, false, false);
      } else {
        this.dispatch(event);
      }
    }
    if (this.state !== 'document-end') throw new Error('yaml: unbalanced events');
    this.writeIndent();
    return codePointsToString(this.out);
  }

  private dispatch(event: EmitEvent): void {
    switch (this.state) {
      case 'flow-seq-first':
        return this.flowSequenceItem(event, true);
      case 'flow-seq-item':
        return this.flowSequenceItem(event, false);
      case 'flow-map-first-key':
        return this.flowMappingKey(event, true);
      case 'flow-map-key':
        return this.flowMappingKey(event, false);
      case 'flow-map-simple-value':
        return this.flowMappingValue(event, true);
      case 'flow-map-value':
        return this.flowMappingValue(event, false);
      case 'block-seq-first':
        return this.blockSequenceItem(event, true);
      case 'block-seq-item':
        return this.blockSequenceItem(event, false);
      case 'block-map-first-key':
        return this.blockMappingKey(event, true);
      case 'block-map-key':
        return this.blockMappingKey(event, false);
      case 'block-map-simple-value':
        return this.blockMappingValue(event, true);
      case 'block-map-value':
        return this.blockMappingValue(event, false);
      case 'document-end':
        throw new Error('yaml: expected nothing after the document');
    }
  }

  // --- output primitives -------------------------------------------------------------------------

  private put(ch: string): void {
    this.out.push(ch.codePointAt(0)!);
    this.column++;
  }

  private putBreak(): void {
    this.out.push(NEWLINE);
    this.column = 0;
    if (this.options.dialect === 'v3') this.indention = true;
  }

  private write(cp: number): void {
    this.out.push(cp);
    this.column++;
  }

  private writeBreak(cp: number): void {
    if (cp === NEWLINE) {
      this.putBreak();
    } else {
      this.write(cp);
      this.column = 0;
      if (this.options.dialect === 'v3') this.indention = true;
    }
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    const best = this.options.bestIndent;
    this.indents.push(this.indent);
    if (this.indent < 0) {
      this.indent = flow ? best : 0;
    } else if (!indentless) {
      if (this.options.dialect === 'v2') {
        this.indent += best;
      } else if (this.states[this.states.length - 1] === 'block-seq-item') {
        // yaml.v3: the first indent inside a sequence only skips the "- " indicator.
        this.indent += 2;
      } else {
        this.indent = best * Math.floor((this.indent + best) / best);
      }
    }
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  private popState(): void {
    this.state = this.states.pop()!;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    // yaml.v3 dropped this (its put_break marks indention instead).
    if (this.options.dialect === 'v2') this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const ch of indicator) this.put(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  // --- collections ---------------------------------------------------------------------------------

  private flowSequenceItem(event: EmitEvent, first: boolean): void {
    if (first) {
      this.writeIndicator('[', true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
    }
    if (event.kind === 'seq-end') {
      this.flowLevel--;
      this.popIndent();
      this.writeIndicator(']', false, false, false);
      this.popState();
      return;
    }
    if (!first) this.writeIndicator(',', false, false, false);
    if (this.column > this.options.bestWidth) this.writeIndent();
    this.states.push('flow-seq-item');
    this.emitNode(event, false, false);
  }

  private flowMappingKey(event: EmitEvent, first: boolean): void {
    if (first) {
      this.writeIndicator('{', true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
    }
    if (event.kind === 'map-end') {
      this.flowLevel--;
      this.popIndent();
      this.writeIndicator('}', false, false, false);
      this.popState();
      return;
    }
    if (!first) this.writeIndicator(',', false, false, false);
    if (this.column > this.options.bestWidth) this.writeIndent();
    if (this.checkSimpleKey()) {
      this.states.push('flow-map-simple-value');
      this.emitNode(event, true, true);
    } else {
      this.writeIndicator('?', true, false, false);
      this.states.push('flow-map-value');
      this.emitNode(event, true, false);
    }
  }

  private flowMappingValue(event: EmitEvent, simple: boolean): void {
    if (simple) {
      this.writeIndicator(':', false, false, false);
    } else {
      if (this.column > this.options.bestWidth) this.writeIndent();
      this.writeIndicator(':', true, false, false);
    }
    this.states.push('flow-map-key');
    this.emitNode(event, true, false);
  }

  private blockSequenceItem(event: EmitEvent, first: boolean): void {
    if (first) {
      // yaml.v2 writes a sequence that is a mapping value at the key's indentation ("key:\n- a").
      const indentless = this.options.dialect === 'v2' && this.mappingContext && !this.indention;
      this.increaseIndent(false, indentless);
    }
    if (event.kind === 'seq-end') {
      this.popIndent();
      this.popState();
      return;
    }
    this.writeIndent();
    this.writeIndicator('-', true, false, true);
    this.states.push('block-seq-item');
    this.emitNode(event, false, false);
  }

  private blockMappingKey(event: EmitEvent, first: boolean): void {
    if (first) this.increaseIndent(false, false);
    if (event.kind === 'map-end') {
      this.popIndent();
      this.popState();
      return;
    }
    this.writeIndent();
    if (this.checkSimpleKey()) {
      this.states.push('block-map-simple-value');
      this.emitNode(event, true, true);
    } else {
      this.writeIndicator('?', true, false, true);
      this.states.push('block-map-value');
      this.emitNode(event, true, false);
    }
  }

  private blockMappingValue(event: EmitEvent, simple: boolean): void {
    if (simple) {
      this.writeIndicator(':', false, false, false);
    } else {
      this.writeIndent();
      this.writeIndicator(':', true, false, true);
    }
    this.states.push('block-map-key');
    this.emitNode(event, true, false);
  }

  /** yaml_emitter_emit_node; the root and sequence context flags are left out as nothing here reads them. */
  private emitNode(event: EmitEvent, mapping: boolean, simpleKey: boolean): void {
    this.mappingContext = mapping;
    this.simpleKeyContext = simpleKey;
    switch (event.kind) {
      case 'scalar':
        this.emitScalar(event.style);
        return;
      case 'seq-start':
        this.state = this.flowLevel > 0 || this.checkEmpty('seq-end') ? 'flow-seq-first' : 'block-seq-first';
        return;
      case 'map-start':
        this.state = this.flowLevel > 0 || this.checkEmpty('map-end') ? 'flow-map-first-key' : 'block-map-first-key';
        return;
      default:
        throw new Error(`yaml: expected SCALAR, SEQUENCE-START or MAPPING-START, got ${event.kind}`);
    }
  }

  private checkEmpty(endKind: 'seq-end' | 'map-end'): boolean {
    return this.events[this.head + 1]?.kind === endKind;
  }

  private checkSimpleKey(): boolean {
    const event = this.events[this.head];
    switch (event.kind) {
      case 'scalar':
        return !this.scalar.multiline && this.scalar.byteLength <= 128;
      case 'seq-start':
        return this.checkEmpty('seq-end');
      case 'map-start':
        return this.checkEmpty('map-end');
      default:
        return false;
    }
  }

  // --- scalars -------------------------------------------------------------------------------------

  private emitScalar(requested: ScalarStyle): void {
    this.scalarStyle = this.selectScalarStyle(requested);
    this.increaseIndent(true, false);
    this.processScalar();
    this.popIndent();
    this.popState();
  }

  private selectScalarStyle(requested: ScalarStyle): ScalarStyle {
    const s = this.scalar;
    let style = requested;
    if (this.simpleKeyContext && s.multiline) style = 'double';
    if (style === 'plain') {
      if ((this.flowLevel > 0 && !s.flowPlainAllowed) || (this.flowLevel === 0 && !s.blockPlainAllowed)) {
        style = 'single';
      }
      if (s.value.length === 0 && (this.flowLevel > 0 || this.simpleKeyContext)) style = 'single';
    }
    if (style === 'single' && !s.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!s.blockAllowed || this.flowLevel > 0 || this.simpleKeyContext)) style = 'double';
    return style;
  }

  private processScalar(): void {
    const value = this.scalar.value;
    const allowBreaks = !this.simpleKeyContext;
    switch (this.scalarStyle) {
      case 'plain':
        return this.writePlain(value, allowBreaks);
      case 'single':
        return this.writeSingleQuoted(value, allowBreaks);
      case 'double':
        return this.writeDoubleQuoted(value, allowBreaks);
      case 'literal':
        return this.writeLiteral(value);
    }
  }

  private writePlain(value: number[], allowBreaks: boolean): void {
    if (!this.whitespace && (this.options.dialect === 'v2' || value.length > 0)) this.put(' ');
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < value.length; i++) {
      const cp = value[i];
      if (isSpace(cp)) {
        if (allowBreaks && !spaces && this.column > this.options.bestWidth && !isSpace(value[i + 1])) {
          this.writeIndent();
        } else {
          this.write(cp);
        }
        spaces = true;
      } else if (isBreak(cp)) {
        if (!breaks && cp === NEWLINE) this.putBreak();
        this.writeBreak(cp);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(cp);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    if (this.options.dialect === 'v2' || value.length > 0) this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(value: number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < value.length; i++) {
      const cp = value[i];
      if (isSpace(cp)) {
        if (
          allowBreaks &&
          !spaces &&
          this.column > this.options.bestWidth &&
          i > 0 &&
          i < value.length - 1 &&
          !isSpace(value[i + 1])
        ) {
          this.writeIndent();
        } else {
          this.write(cp);
        }
        spaces = true;
      } else if (isBreak(cp)) {
        if (!breaks && cp === NEWLINE) this.putBreak();
        this.writeBreak(cp);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (cp === 0x27) this.put("'");
        this.write(cp);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(value: number[], allowBreaks: boolean): void {
    let spaces = false;
    this.writeIndicator('"', true, false, false);
    for (let i = 0; i < value.length; i++) {
      const cp = value[i];
      if (!isPrintable(cp) || isBom(cp) || isBreak(cp) || cp === 0x22 || cp === 0x5c) {
        this.put('\\');
        this.putEscape(cp);
        spaces = false;
      } else if (isSpace(cp)) {
        if (allowBreaks && !spaces && this.column > this.options.bestWidth && i > 0 && i < value.length - 1) {
          this.writeIndent();
          // A folded line break eats the leading space of the next line, so escape it.
          if (isSpace(value[i + 1])) this.put('\\');
        } else {
          this.write(cp);
        }
        spaces = true;
      } else {
        this.write(cp);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private putEscape(cp: number): void {
    const short = SHORT_ESCAPES.get(cp);
    if (short !== undefined) {
      this.put(short);
      return;
    }
    const [letter, width] = cp <= 0xff ? ['x', 2] : cp <= 0xffff ? ['u', 4] : ['U', 8];
    this.put(letter);
    for (const ch of cp.toString(16).toUpperCase().padStart(width, '0')) this.put(ch);
  }

  private writeBlockScalarHints(value: number[]): void {
    if (isSpace(value[0]) || isBreak(value[0])) {
      this.writeIndicator(String(this.options.bestIndent), false, false, false);
    }
    let chomp = '';
    const last = value.length - 1;
    if (value.length === 0 || !isBreak(value[last])) chomp = '-';
    else if (last === 0 || isBreak(value[last - 1])) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
  }

  private writeLiteral(value: number[]): void {
    this.writeIndicator('|', true, false, false);
    this.writeBlockScalarHints(value);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const cp of value) {
      if (isBreak(cp)) {
        this.writeBreak(cp);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(cp);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

function codePointsToString(cps: number[]): string {
  const CHUNK = 8192;
  let out = '';
  for (let i = 0; i < cps.length; i += CHUNK) out += String.fromCodePoint(...cps.slice(i, i + CHUNK));
  return out;
}
