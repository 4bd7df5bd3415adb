/**
 * Turning Go template errors into the messages `helm template` prints (pkg/engine/engine.go
 * cleanupParseError, reformatExecErrorMsg), and the location the editor should mark: the innermost
 * `template: <file>:<line>:<col>:` in the chain, i.e. where the failing action really is.
 */
import { redactText, secretValuesOf } from '../secrets/redact';
import type { HelmCompat } from './values/coalesce';

export interface ErrorLocation {
  templatePath: string;
  /** 1-based line. */
  line?: number;
  /** Go's column: 0-based byte offset within the line. */
  column?: number;
}

/** An error Helm reports while loading, merging values or rendering; `message` is helm's text. */
export class ChartRenderError extends Error {
  templatePath?: string;
  line?: number;
  column?: number;
  /** Additive: absolute path of a non-template file the error is about (values.yaml, Chart.yaml, a -f
   * file), with `line` (1-based) when the YAML error names one. */
  filePath?: string;
  /** Additive: for invalid rendered YAML, every rendered file as `---\n# Source: <path>\n<text>`
   * blocks: what `helm template --debug` prints before the error, to see the broken output. */
  debugOutput?: string;
  /** Every template location in the error chain, outermost first. */
  trace?: ErrorLocation[];

  constructor(message: string, location?: ErrorLocation, trace?: ErrorLocation[]) {
    super(message);
    this.name = 'ChartRenderError';
    if (location) {
      this.templatePath = location.templatePath;
      this.line = location.line;
      this.column = location.column;
    }
    this.trace = trace;
  }
}

const WARN = /HELM_ERR_START([\s\S]*)HELM_ERR_END/;

/** The name Helm gives the text parsed by `tpl`. */
export const TPL_TEMPLATE_NAME = 'gotpl';

/** The line a go-yaml message names (`yaml: line 7: ...`), if any. */
export function yamlErrorLine(message: string): number | undefined {
  const m = /yaml: line (\d+):/.exec(message);
  return m ? Number(m[1]) : undefined;
}

/** `name:12:3` or `name:12` -> location. */
export function parseLocation(text: string): ErrorLocation {
  const m = /^(.*?):(\d+)(?::(\d+))?$/.exec(text);
  if (!m) return { templatePath: text };
  return { templatePath: m[1], line: Number(m[2]), column: m[3] === undefined ? undefined : Number(m[3]) };
}

/** Every `template: <name>:<line>[:<col>]: ` location in a Go error message, outermost first. */
export function templateLocations(message: string): ErrorLocation[] {
  const out: ErrorLocation[] = [];
  const re = /template: ([^\s:][^:]*?):(\d+)(?::(\d+))?: /g;
  for (let m = re.exec(message); m; m = re.exec(message)) {
    out.push({ templatePath: m[1], line: Number(m[2]), column: m[3] === undefined ? undefined : Number(m[3]) });
  }
  return out;
}

/** Helm's cleanupParseError: `parse error at (<file>:<line>): <last part of Go's message>`. */
export function helmParseError(fileName: string, goMessage: string): ChartRenderError {
  const tokens = goMessage.split(': ');
  const trace = templateLocations(goMessage);
  if (tokens.length === 1) return new ChartRenderError(`parse error in (${fileName}): ${goMessage}`, { templatePath: fileName }, trace);
  const location = tokens[1];
  return new ChartRenderError(`parse error at (${location}): ${tokens[tokens.length - 1]}`, parseLocation(location), trace);
}

interface Traceable {
  location: string;
  message: string;
  executedFunction: string;
}

// Go's (?U) makes every quantifier lazy; these are Helm 4's execErrFmt* patterns written lazily.
const EXEC_ERR = /^template: (.+?): executing (.+?) at (.+?): (.+?)( template:.*)?$/;
const EXEC_ERR_NO_FUNC = /^template: (.+?): (.*?)( template:.*)?$/;
const NO_TEMPLATE = /^template: no template (.*) associated with template (.*)$/;

function traceableString(t: Traceable): string {
  let s = '';
  if (t.location !== '') s += `${t.location}\n  `;
  if (t.executedFunction !== '') s += `${t.executedFunction}\n    `;
  if (t.message !== '') s += `${t.message}\n`;
  return s;
}

/**
 * Helm's reformatExecErrorMsg. `chain` is the error's message followed by the messages of its causes
 * (Go's errors.Unwrap chain). Helm 3 prints Go's text unless it is a required/fail message.
 */
export function helmExecError(fileName: string, chain: string[], compat: HelmCompat): ChartRenderError {
  const message = condense(chain[0]);
  const trace = templateLocations(chain.join(' '));
  // Text rendered by `tpl` is parsed as the pseudo-template "gotpl"; the editor wants a real file.
  const innermost = [...trace].reverse().find((l) => l.templatePath !== TPL_TEMPLATE_NAME);
  const tokens = splitN(message, ': ', 3);
  if (tokens.length !== 3) {
    return new ChartRenderError(`execution error in (${fileName}): ${message}`, innermost ?? { templatePath: fileName }, trace);
  }
  const location = tokens[1];
  const warn = WARN.exec(tokens[2]);
  if (warn) return new ChartRenderError(`execution error at (${location}): ${warn[1]}`, innermost ?? parseLocation(location), trace);
  if (compat === 3) return new ChartRenderError(message, innermost ?? parseLocation(location), trace);

  const traceables: Traceable[] = [];
  for (const current of chain) {
    let t: Traceable;
    let m: RegExpExecArray | null;
    if ((m = EXEC_ERR.exec(current))) {
      t = { location: m[1], message: m[4], executedFunction: `executing ${m[2]} at ${m[3]}:` };
    } else if ((m = EXEC_ERR_NO_FUNC.exec(current))) {
      t = { location: m[1], message: m[2], executedFunction: '' };
    } else if ((m = NO_TEMPLATE.exec(current))) {
      t = { location: '', message: m[0], executedFunction: '' };
    } else {
      return new ChartRenderError(message, innermost ?? parseLocation(location), trace);
    }
    const last = traceables[traceables.length - 1];
    if (!last || last.location !== t.location || last.message !== t.message || last.executedFunction !== t.executedFunction) {
      traceables.push(t);
    }
  }
  let prev = '';
  for (let i = traceables.length - 1; i >= 0; i--) {
    const current = traceables[i].message;
    if (i === traceables.length - 1) {
      prev = current;
      continue;
    }
    // An equal message (each level of nested includes says "error calling include:") stays.
    if (current !== prev && current.includes(prev)) traceables[i].message = current.split(prev).join('');
    prev = current;
  }
  for (const t of traceables) {
    if (t.location !== '' && t.message.includes(t.location)) t.message = t.message.split(t.location).join('');
  }
  const text = traceables.map(traceableString).join('').trim();
  return new ChartRenderError(text, innermost ?? parseLocation(location), trace);
}

/** Longest message passed through unchanged; runaway recursion builds messages of megabytes. */
const MAX_MESSAGE = 4000;

/** Keeps both ends of a huge message (the outermost call and the real cause) and says what was cut. */
function condense(message: string): string {
  if (message.length <= MAX_MESSAGE) return message;
  const head = message.slice(0, MAX_MESSAGE / 2);
  const tail = message.slice(-MAX_MESSAGE / 2);
  const levels = message.split('error calling ').length - 1;
  return `${head} … [${message.length - MAX_MESSAGE} characters of ${levels} nested calls omitted] … ${tail}`;
}

function splitN(s: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}

/**
 * What a user should read first about a render error Go words for Go programmers: a nil pointer on
 * `.Values.service.port` means `.Values.service` is not set. Undefined when there is nothing to add.
 */
export function explainRenderError(message: string): string | undefined {
  const nil = /at <(\$?[\w]*(?:\.[\w]+)+)>:\s*nil pointer evaluating interface \{\}\.(\w+)/.exec(message);
  if (nil) {
    const path = nil[1];
    const parent = path.slice(0, path.length - nil[2].length - 1) || path;
    return `\`${parent}\` is not set, so \`${path}\` fails`;
  }
  return undefined;
}

/**
 * The first thing to read about a render error: what explainRenderError says, else Go's innermost
 * cause followed by where it happened, instead of a headline that is a bare `file:line:col`.
 * Undefined when the message is not one of the engine's located forms.
 */
export function renderErrorHeadline(message: string): string | undefined {
  const why = explainRenderError(message);
  if (why) return why;
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  // Our chain: `file:line:col`, then `executing "…" at <action>:` lines, the cause last.
  if (lines.length >= 2 && /^\S+:\d+(?::\d+)?$/.test(lines[0])) {
    const action = /at <([^\n]*)>:$/.exec(lines[lines.length - 2])?.[1];
    return `${lines[lines.length - 1]} (at ${lines[0]}${action ? `, in \`{{ ${action.replace(/^\{\{|\}\}$/g, '')} }}\`` : ''})`;
  }
  // Helm's one line: `template: file:l:c: executing "…" at <action>: cause`.
  const helm = /^template: (\S+:\d+:\d+): executing "[^"]*" at <(.*?)>: ([\s\S]+)$/.exec(message);
  if (helm) return `${helm[3].trim()} (at ${helm[1]}, in \`{{ ${helm[2]} }}\`)`;
  // `required`/`fail`: `execution error at (file:l:c): message`.
  const failed = /^execution error at \((\S+:\d+:\d+)\): ([\s\S]+)$/.exec(message);
  if (failed) return `${failed[2].trim()} (at ${failed[1]})`;
  return undefined;
}

/**
 * The error with every value of `values` (the merged values it was rendered with) that may be a
 * secret hidden from its message: a render error quotes values (`parsing time "hunter2"`, `no
 * template "…"`), and the Problems panel, a CI log or a shared screen must not show them. Rendered
 * output (`debugOutput`) is left as it is: printing it is what `--debug` asks for.
 */
export function withSecretsHidden(error: ChartRenderError, values: unknown): ChartRenderError {
  const hidden = redactText(error.message, secretValuesOf(values));
  if (hidden !== error.message) error.message = hidden;
  return error;
}
