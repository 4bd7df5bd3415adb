/**
 * What may be a secret, and hiding it: findings, hovers and hints land in CI logs, uploaded SARIF and
 * shared screens, so a value that may be a credential is never printed. One decision for every
 * domain: a value is secret when it sits in a Secret's `data`/`stringData`, under a key named like one
 * (`password`, `API_TOKEN`: the tokens the secret rules use), in an env entry or `NAME=value` item
 * with such a name, or when its text has the shape of a credential (a private key block, a bearer
 * token, a JWT, a cloud provider's key) wherever it is.
 *
 * Names that point at a secret rather than hold it (`secretName`, `secretRef`, `passwordSecretRef`,
 * `existingSecret`, `tokenPath`, `DB_PASSWORD_FILE`, a `secretKeyRef`'s `key`) are not secret places.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type YAMLMap } from 'yaml';
import { isLiteralSecretValue, looksLikeSecretName } from '../rules/secret-values';
import { aliasTarget } from '../yaml/aliases';
import type { Diagnostic, Range } from '../diagnostics';
import type { ParsedYamlFile, PathSegment } from '../yaml/parse';

/** What a message shows instead of a value that may be a secret. */
export const HIDDEN = '(value hidden: it may be a secret)';
/** The same, where space is short (an inlay hint, a completion's detail). */
export const HIDDEN_SHORT = '(hidden)';

/** Tokens of a key name that make it name, locate or configure a secret instead of holding its value. */
const POINTER_TOKEN =
  /(?:^|[_.-])(?:existing|use|create|file|filename|path|dir|name|names|ref|url|uri|endpoint|host|port|mount|provider|class|store|enabled|type|mode|method|policy|strategy|format|algorithm|issuer|audience|scope|scopes|realm|user|username|login|email|annotations|labels|selector|item|prefix|suffix|field|length|size|ttl|timeout|interval|expiry|expiration|version|id)(?:[_.-]|$)/i;
/** Names of sections that hold secrets beside plain settings: only their secret-named keys are hidden. */
const SECTION = /^(?:auth|authentication|authorization|secret|secrets|security|tls)$/i;
/** `AWS_ACCESS_KEY_ID` ends in `ID`, but it is half of a credential pair. */
const ACCESS_KEY_ID = /(?:^|_)ACCESS_KEY_ID$/i;

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
}

function isPointerName(name: string): boolean {
  return POINTER_TOKEN.test(snake(name)) && !ACCESS_KEY_ID.test(snake(name));
}

/**
 * Whether a key or variable called `name` holds a secret's value (and, unless it names a section such
 * as `auth:`, every value below it). Stricter than `looksLikeSecretName`, which the rules use to flag
 * a plain secret: names that point at a secret hold none, a `key` holds key material only when it
 * says which (`apiKey`, `sshKey`, `tls.key`; not `topologyKey`, nor a `secretKeyRef`'s `key`), and a
 * name ending in a qualified `secret` names a Secret object (`tlsSecret`, `adminPasswordSecret`).
 */
export function holdsSecretName(name: string): boolean {
  let holds = decided.get(name);
  if (holds === undefined) {
    holds = decide(name);
    // Key names repeat across a workspace's files; a hostile file's endless new names do not grow this for good.
    if (decided.size >= 10_000) decided.clear();
    decided.set(name, holds);
  }
  return holds;
}

/** The secret tokens of `looksLikeSecretName` other than `key`. */
const HOLDING_TOKENS = new Set(['apikey', 'auth', 'credential', 'credentials', 'password', 'pword', 'passwd', 'passphrase', 'secret', 'token']);
/** Words that make the next `key` key material. */
const KEY_MATERIAL = new Set(['api', 'access', 'secret', 'private', 'signing', 'sign', 'encryption', 'encrypt', 'decryption', 'master', 'license', 'ssh', 'client', 'account', 'session', 'hmac', 'jwt', 'tls', 'ssl', 'auth', 'root', 'admin', 'shared', 'webhook', 'cookie', 'deploy', 'storage', 'app', 'crypto', 'server', 'ca', 'cert', 'rsa', 'ecdsa', 'ed25519', 'unseal', 'recovery']);
/** Words that make the next `secret` a Secret object's name (`tlsSecret`, `configFromSecret`). */
const NAMES_A_SECRET = new Set(['from', 'tls', 'config', 'pull', 'image', 'ca', 'cert', 'certificate', 'env', 'volume', 'kube', 'k8s', 'sealed', 'external', 'extra', 'key', ...HOLDING_TOKENS]);

function decide(name: string): boolean {
  if (!looksLikeSecretName(name)) return false;
  const snaked = snake(name);
  if (ACCESS_KEY_ID.test(snaked)) return true;
  if (isPointerName(name)) return false;
  const tokens = snaked.toLowerCase().split(/[_.-]+/).filter(Boolean);
  let holds = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === 'secret' && i > 0 && NAMES_A_SECRET.has(tokens[i - 1])) return false;
    if (token === 'key' ? i > 0 && KEY_MATERIAL.has(tokens[i - 1]) : HOLDING_TOKENS.has(token)) holds = true;
  }
  return holds;
}

const decided = new Map<string, boolean>();

/** Shapes of credentials, secret whatever holds them. Each match's group 1 (when present) is the part kept. */
const SECRET_SHAPES: RegExp[] = [
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?:[^-]|-(?!----END))*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|(?=["'`]|$))/g,
  // A bearer or basic credential has digits (or base64 padding): `Basic authentication` is no credential.
  /(\bBearer\s+)(?=[A-Za-z0-9._~+/-]*\d)[A-Za-z0-9._~+/-]{16,}=*/g,
  /(\bBasic\s+)(?=[A-Za-z0-9+/]*[\d=])[A-Za-z0-9+/]{12,}={0,2}/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
  /\bAKIA[0-9A-Z]{16}\b/g,
  /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g,
  /\bglpat-[A-Za-z0-9_-]{20,}\b/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g,
  /\bsk_live_[A-Za-z0-9]{20,}\b/g,
  /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"'`]+:)[^\s/@"'`]+(?=@)/gi,
];

/** What every shape contains: text without it is passed in one scan instead of one per shape. */
const SHAPE_HINT = /BEGIN|Bearer|Basic|eyJ|AKIA|gh[pousr]_|glpat-|xox|sk_live_|:\/\//;

/** Whether a value's text has the shape of a credential (a private key, a bearer token, a JWT, a provider key, a URL's password). */
export function looksLikeSecretValue(text: string): boolean {
  if (!SHAPE_HINT.test(text)) return false;
  return SECRET_SHAPES.some((shape) => {
    shape.lastIndex = 0;
    return shape.test(text);
  });
}

/** `--db-password=x`, `DB_PASSWORD=x` (a compose `environment` list item, an `args` entry): the value part when the name holds a secret. */
export function assignedSecret(text: string): string | undefined {
  const m = /^-{0,2}([A-Za-z_][\w.-]*)=(.+)$/s.exec(text);
  return m && holdsSecretName(m[1]) && isLiteralSecretValue(m[2]) ? m[2] : undefined;
}

/** Longest embedded file read line by line for `name = value` settings. */
const MAX_EMBEDDED = 64 * 1024;

/**
 * The secrets a scalar assigns: its own `NAME=value`, or, for a file embedded in a ConfigMap or a
 * values key (`application.properties: |`), each line that sets a secret-named setting
 * (`db.password=x`, `password: x`, `export API_TOKEN="x"`).
 */
export function assignedSecrets(text: string): string[] {
  if (!text.includes('\n')) {
    const one = assignedSecret(text);
    return one === undefined ? [] : [one];
  }
  const found: string[] = [];
  for (const line of text.slice(0, MAX_EMBEDDED).split('\n')) {
    const m = /^\s*(?:export\s+)?-{0,2}([A-Za-z_][\w.-]*)\s*[=:]\s*(.*?)\s*$/.exec(line);
    if (!m || !holdsSecretName(m[1])) continue;
    const value = /^(["']).*\1$/.test(m[2]) ? m[2].slice(1, -1) : m[2];
    if (isLiteralSecretValue(value)) found.push(value);
  }
  return found;
}

/** A scalar worth hiding: literal text or a number (not a flag like `true`, nor a reference like `${DB_PASSWORD}`). */
function isHideable(value: unknown): value is string | number | bigint {
  if (typeof value === 'bigint') return true;
  return (typeof value === 'string' || typeof value === 'number') && isLiteralSecretValue(value);
}

/**
 * Whether the value at `path` of a document whose object kind is `kind` is in a secret place. `entry`
 * is the map holding the last segment (for an env entry's `name`), when known.
 */
export function isSecretPlace(path: readonly PathSegment[], kind: string | undefined, entry?: unknown): boolean {
  if (kind === 'Secret' && (path[0] === 'data' || path[0] === 'stringData') && path.length >= 2) return true;
  const last = path[path.length - 1];
  // `auth: {existingSecret: db, user: app}`: what only names or locates a secret is shown even in a secret section;
  // so is a bare `key` (`clientSecret: {name: sso, key: client-secret}` selects a Secret's key; key material has its shape).
  if (typeof last === 'string' && !holdsSecretName(last) && (isPointerName(last) || /^keys?$/i.test(last))) return false;
  if (typeof last === 'string' && holdsSecretName(last)) return true;
  // Below a key that holds a secret (`credentials: {user: a, pass: b}`), except sections that mix secrets with settings (`auth: {enabled, port, rootPassword}`).
  for (let i = 0; i < path.length - 1; i++) {
    const segment = path[i];
    if (typeof segment === 'string' && !SECTION.test(segment) && holdsSecretName(segment)) return true;
  }
  if (last === 'value' && entry !== null && typeof entry === 'object') {
    const name = (entry as { name?: unknown }).name;
    if (typeof name === 'string' && holdsSecretName(name)) return true;
  }
  return false;
}

/**
 * Whether the value at `path` inside `root` (a document's JS value) may be a secret; `value` is the
 * value itself when the caller has it (its shape decides too).
 */
export function holdsSecret(root: unknown, path: readonly PathSegment[], value?: unknown): boolean {
  if (typeof value === 'string' && (looksLikeSecretValue(value) || assignedSecrets(value).length > 0)) return true;
  let kind = kindOf(root);
  let rest = path;
  // A `kind: List` holds objects: each item's own kind decides.
  if (path[0] === 'items' && typeof path[1] === 'number') {
    const item = valueAt(root, path.slice(0, 2));
    if (kindOf(item)) {
      kind = kindOf(item);
      rest = path.slice(2);
    }
  }
  return isSecretPlace(rest, kind, valueAt(root, path.slice(0, -1)));
}

function kindOf(value: unknown): string | undefined {
  const kind = value !== null && typeof value === 'object' ? (value as { kind?: unknown }).kind : undefined;
  return typeof kind === 'string' ? kind : undefined;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let at = root;
  for (const segment of path) at = at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>)[segment] : undefined;
  return at;
}

// ---- finding secrets in YAML --------------------------------------------------------------------------

/** A secret scalar of a YAML text: its value as a message would print it, and where it is written. */
export interface SecretScalar {
  /** The value (a number as JavaScript prints it) and, when it differs, its text as written. */
  texts: string[];
  /** Offsets in the document's text (add the document's start offset for file offsets). */
  start: number;
  end: number;
  /**
   * The same text is also a plain value of the document (`MYSQL_PASSWORD: mysql` in the `mysql`
   * service): printed elsewhere it tells nothing, so only findings on the secret itself hide it.
   */
  alsoPlain?: boolean;
}

/** Walks stay bounded whatever the input (parsing already refuses deeper documents). */
const MAX_DEPTH = 300;
/** Values a walk of merged values visits at most (real charts' values have a few thousand). */
const MAX_VALUES_WALKED = 500_000;

interface Frame {
  node: unknown;
  path: PathSegment[];
  kind: string | undefined;
  /** Inside a Secret's `data`/`stringData`: every scalar below is secret, whatever its key. */
  secretData: boolean;
  /** The map holding this node, as `{name}` (an env entry's name decides its `value`). */
  entry?: { name?: unknown };
}

/**
 * Every secret scalar of a parsed YAML document, offsets relative to its text. `basePath` places
 * the document's root (a values snippet shown for `.Values.db` starts at `['db']`).
 */
export function secretScalarsOfDocument(doc: Document, basePath: readonly PathSegment[] = []): SecretScalar[] {
  const found: SecretScalar[] = [];
  const plain = new Set<string>();
  const stack: Frame[] = [{ node: doc.contents, path: [...basePath], kind: kindOfNode(doc.contents), secretData: false }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    let node = frame.node;
    if (frame.path.length - basePath.length > MAX_DEPTH) continue;
    if (isAlias(node)) {
      // `password: *pw`: the anchored scalar is printed as this key's value (collections were walked where anchored).
      const target = aliasTarget(doc, node);
      if (!isScalar(target)) continue;
      node = target;
    }
    if (isScalar(node)) {
      if (!node.range) continue;
      const value = node.value;
      const text = typeof value === 'string' ? value : undefined;
      const texts = new Set<string>();
      if ((frame.secretData || isSecretPlace(frame.path, frame.kind, frame.entry)) && isHideable(value)) {
        texts.add(String(value));
        // A number written `0x1F` or `1e3` may be quoted as written.
        if (typeof value !== 'string' && node.source !== undefined) texts.add(String(node.source));
      }
      if (text !== undefined) for (const assigned of assignedSecrets(text)) texts.add(assigned);
      if (text !== undefined && looksLikeSecretValue(text)) texts.add(text);
      if (texts.size > 0) found.push({ texts: [...texts], start: node.range[0], end: node.range[1] });
      else if (value !== null && value !== undefined) plain.add(String(value));
      continue;
    }
    if (isMap(node)) {
      // A List's items and manifests inside values carry their own kind; their paths start again.
      const own = kindOfNode(node);
      const kind = own ?? frame.kind;
      const entry = plainEntry(node);
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i];
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        plain.add(key);
        const path = own ? [key] : [...frame.path, key];
        const secretData = frame.secretData || (kind === 'Secret' && path.length === 1 && (key === 'data' || key === 'stringData'));
        stack.push({ node: pair.value, path, kind, secretData, entry });
      }
      continue;
    }
    if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], path: [...frame.path, i], kind: frame.kind, secretData: frame.secretData });
    }
  }
  for (const s of found) if (plain.has(s.texts[0])) s.alsoPlain = true;
  return found;
}

/** An object's `kind` when the map is a Kubernetes object (has `apiVersion` too). */
function kindOfNode(node: unknown): string | undefined {
  if (!isMap(node)) return undefined;
  let kind: unknown;
  let api = false;
  for (const p of node.items) {
    if (!isPair(p) || !isScalar(p.key)) continue;
    if (p.key.value === 'kind' && isScalar(p.value)) kind = p.value.value;
    if (p.key.value === 'apiVersion') api = true;
  }
  return api && typeof kind === 'string' ? kind : undefined;
}

/** `{name: DB_PASSWORD, value: …}` as a plain object with its `name`, for `isSecretPlace`. */
function plainEntry(node: YAMLMap): { name?: unknown } | undefined {
  const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'name');
  return pair && isScalar(pair.value) ? { name: pair.value.value } : undefined;
}

const scalarsByDocument = new WeakMap<Document, SecretScalar[]>();

/** Every secret scalar of a parsed file, with file offsets (per document cached: documents are reused across edits). */
export function secretScalarsOfFile(file: ParsedYamlFile): SecretScalar[] {
  const all: SecretScalar[] = [];
  for (const document of file.documents) {
    let scalars = scalarsByDocument.get(document.doc);
    if (!scalars) {
      scalars = secretScalarsOfDocument(document.doc);
      scalarsByDocument.set(document.doc, scalars);
    }
    for (const s of scalars) all.push({ texts: s.texts, start: s.start + document.startOffset, end: s.end + document.startOffset, alsoPlain: s.alsoPlain });
  }
  // In file order (an alias is placed at its anchor's scalar).
  return all.sort((a, b) => a.start - b.start);
}

/** Every secret value of a JS object (merged values, a rendered object): the same places as in YAML. */
export function secretValuesOf(root: unknown): string[] {
  const found = new Set<string>();
  const stack: { value: unknown; path: PathSegment[]; kind?: string; secretData: boolean; entry?: unknown }[] = [{ value: root, path: [], kind: objectKind(root), secretData: false }];
  // Values that share objects (YAML aliases) are a graph: the walk stops after a budget, not after the graph's paths.
  let budget = MAX_VALUES_WALKED;
  while (stack.length > 0 && budget-- > 0) {
    const { value, path, kind, secretData, entry } = stack.pop()!;
    if (path.length > MAX_DEPTH) continue;
    if (value !== null && typeof value === 'object') {
      const own = objectKind(value);
      const inner = own ?? kind;
      for (const [k, v] of Object.entries(value)) {
        const segment: PathSegment = Array.isArray(value) ? Number(k) : k;
        const at = own ? [segment] : [...path, segment];
        const below = secretData || (inner === 'Secret' && at.length === 1 && (segment === 'data' || segment === 'stringData'));
        stack.push({ value: v, path: at, kind: inner, secretData: below, entry: Array.isArray(value) ? undefined : value });
      }
      continue;
    }
    if (typeof value === 'string') {
      for (const assigned of assignedSecrets(value)) found.add(assigned);
      if (looksLikeSecretValue(value)) found.add(value);
    }
    if ((secretData || isSecretPlace(path, kind, entry)) && isHideable(value)) found.add(String(value));
  }
  return [...found];
}

/** A Kubernetes object's kind (a map with `apiVersion` and `kind`). */
function objectKind(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as { kind?: unknown; apiVersion?: unknown };
  return typeof v.kind === 'string' && v.apiVersion !== undefined ? v.kind : undefined;
}

// ---- hiding -------------------------------------------------------------------------------------------

/** Below this length a secret is hidden only where the finding points at it (a short value would hide words of unrelated messages). */
export const MIN_FILE_WIDE_SECRET = 3;
/** Messages cut long values (`"abc…"`, a condensed render error): a secret's head or tail this long is hidden too. */
const FRAGMENT = 12;

const ALNUM = /[A-Za-z0-9]/;

/**
 * Finds many secrets in short texts at once: forms are indexed by their first characters, so a
 * message is read once whatever the number of secrets (a 10 MB manifest has thousands of them).
 */
export class SecretMatcher {
  /** Forms of KEY to LONG_KEY - 1 characters by their first KEY; longer forms (and their head fragments) by their first LONG_KEY. */
  private readonly heads = new Map<string, string[]>();
  private readonly longHeads = new Map<string, string[]>();
  /** Long forms by the first LONG_KEY characters of their tail fragment. */
  private readonly tails = new Map<string, string[]>();
  /** Which first two characters (hashed) start an indexed form or fragment: most positions of a message are skipped at once. */
  private readonly starts = new Uint8Array(65536);
  /** Forms shorter than KEY (only those a finding points at), matched one by one. */
  private readonly short: string[] = [];

  constructor(secrets: Iterable<string>) {
    for (const form of formsOf(secrets)) {
      if (form.length < KEY) this.short.push(form);
      else if (form.length < LONG_KEY) this.index(this.heads, form, 0, KEY);
      else {
        this.index(this.longHeads, form, 0, LONG_KEY);
        if (form.length >= 2 * FRAGMENT) this.index(this.tails, form, form.length - FRAGMENT, LONG_KEY);
      }
    }
  }

  private index(map: Map<string, string[]>, form: string, at: number, length: number): void {
    const key = form.slice(at, at + length);
    const list = map.get(key);
    if (list) list.push(form);
    else map.set(key, [form]);
    this.starts[pairAt(form, at)] = 1;
  }

  get empty(): boolean {
    return this.heads.size === 0 && this.longHeads.size === 0 && this.short.length === 0;
  }

  /** Spans [start, end) of `text` that show a secret. */
  spans(text: string, spans: [number, number][] = []): [number, number][] {
    const indexed = this.heads.size > 0 || this.longHeads.size > 0;
    if (indexed)
      for (let i = 0; i + KEY <= text.length; i++) {
        if (this.starts[pairAt(text, i)] === 0) continue;
        for (const form of this.heads.get(text.slice(i, i + KEY)) ?? []) if (text.startsWith(form, i) && isWhole(text, i, form)) spans.push([i, i + form.length]);
        if (i + LONG_KEY > text.length) continue;
        const key = text.slice(i, i + LONG_KEY);
        for (const form of this.longHeads.get(key) ?? []) {
          if (text.startsWith(form, i)) {
            if (isWhole(text, i, form)) spans.push([i, i + form.length]);
          } else if (form.length >= 2 * FRAGMENT) {
            // A long secret cut short (`"abc…"`): its head, where the message marks the cut.
            let n = LONG_KEY;
            while (n < form.length && text[i + n] === form[n]) n++;
            if (n >= FRAGMENT && isCut(text, i + n, 1)) spans.push([i, i + n]);
          }
        }
        for (const form of this.tails.get(key) ?? []) {
          // Its tail, after a cut (a condensed render error keeps both ends of a long message).
          if (!text.startsWith(form.slice(-FRAGMENT), i)) continue;
          let n = FRAGMENT;
          while (n < form.length && i - (n - FRAGMENT) - 1 >= 0 && text[i - (n - FRAGMENT) - 1] === form[form.length - n - 1]) n++;
          if (n < form.length && isCut(text, i - (n - FRAGMENT), -1)) spans.push([i - (n - FRAGMENT), i + FRAGMENT]);
        }
      }
    wholeSpans(text, this.short, spans);
    return spans;
  }

  /** `text` with every secret of the matcher (and `extra`, a finding's own) and every credential-shaped part hidden. */
  redact(text: string, extra: readonly string[] = []): string {
    const spans = this.empty ? [] : this.spans(text);
    if (extra.length) wholeSpans(text, formsOf(extra), spans);
    return hideShapes(hideSpans(text, spans));
  }
}

/** Each secret as written and as JSON escapes it (messages quote with JSON.stringify). */
function formsOf(secrets: Iterable<string>): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    forms.add(secret);
    const json = JSON.stringify(secret).slice(1, -1);
    if (json !== secret) forms.add(json);
  }
  return [...forms];
}

function wholeSpans(text: string, forms: Iterable<string>, spans: [number, number][]): void {
  for (const form of forms) for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) if (isWhole(text, at, form)) spans.push([at, at + form.length]);
}

function pairAt(text: string, at: number): number {
  return ((text.charCodeAt(at) & 0xff) << 8) | (text.charCodeAt(at + 1) & 0xff);
}

/** Forms are indexed by this many first characters; forms at least LONG_KEY long by that many (many secrets share a short prefix). */
const KEY = 3;
const LONG_KEY = 8;

/**
 * Whether the message cut a value at `at` (an ellipsis right after, `direction` 1, or right before, -1):
 * only there is a secret's head or tail hidden, not a name that happens to end like one.
 */
function isCut(text: string, at: number, direction: 1 | -1): boolean {
  const near = direction === 1 ? text.slice(at, at + 2) : text.slice(Math.max(0, at - 2), at);
  return near.includes('…');
}

/** An occurrence not glued to letters or digits (`app` is a secret; `apps/v1` stays). */
function isWhole(text: string, at: number, form: string): boolean {
  const before = at > 0 ? text[at - 1] : '';
  const after = text[at + form.length] ?? '';
  return !((ALNUM.test(form[0]) && before && ALNUM.test(before)) || (ALNUM.test(form[form.length - 1]) && after && ALNUM.test(after)));
}

function hideSpans(text: string, spans: [number, number][]): string {
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let from = 0;
  for (const [start, end] of spans) {
    if (end <= from) continue;
    if (start >= from) out += text.slice(from, start) + HIDDEN;
    from = end;
  }
  return out + text.slice(from);
}

function hideShapes(text: string): string {
  if (!SHAPE_HINT.test(text)) return text;
  let out = text;
  for (const shape of SECRET_SHAPES) out = out.replace(shape, (_match, kept: unknown) => (typeof kept === 'string' ? kept : '') + HIDDEN);
  return out;
}

/** Replaces every occurrence of each secret (as written, and as JSON escapes it) and every credential-shaped text in `text`. */
export function redactText(text: string, secrets: Iterable<string>): string {
  return new SecretMatcher(secrets).redact(text);
}

// ---- findings -----------------------------------------------------------------------------------------

/** The secrets a file's findings must not print: all of them, and those at a finding's range. */
export interface FileSecrets {
  /** Secret values anywhere in what the file's findings come from (its text, its chart's values and output). */
  wide: readonly string[];
  /** Secret values written where `range` is (on or inside it), whatever their length. */
  at?: (range: Range) => readonly string[];
}

/** The secrets of one parsed YAML file. */
export function secretsOfYamlFile(file: ParsedYamlFile): FileSecrets {
  const scalars = secretScalarsOfFile(file);
  const wide = [...new Set(scalars.flatMap((s) => (s.alsoPlain ? [] : s.texts)))];
  return {
    wide,
    at: (range) => {
      if (scalars.length === 0) return [];
      const start = file.lines.offsetAt(range.start);
      const end = file.lines.offsetAt(range.end);
      // Scalars are leaves in file order: the first starting past the range, then back while they reach into it.
      let lo = 0;
      let hi = scalars.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (scalars[mid].start <= end) lo = mid + 1;
        else hi = mid;
      }
      const found: string[] = [];
      for (let i = lo - 1; i >= 0 && scalars[i].end >= start; i--) found.push(...scalars[i].texts);
      return found;
    },
  };
}

/** Both sets at once (a values file's own scalars and its chart's). */
export function combineSecrets(...parts: (FileSecrets | undefined)[]): FileSecrets {
  const present = parts.filter((p): p is FileSecrets => p !== undefined);
  return { wide: [...new Set(present.flatMap((p) => p.wide))], at: (range) => present.flatMap((p) => p.at?.(range) ?? []) };
}

/**
 * The findings with every secret hidden from their messages and fix titles (edits keep the real
 * text: applying a fix writes into the file the value is already in). Findings without secrets are
 * returned as they are; the others are copies (findings are cached and shared).
 */
export function redactFindings(diagnostics: readonly Diagnostic[], secrets: FileSecrets): Diagnostic[] {
  const wide = new SecretMatcher(secrets.wide.filter((s) => s.length >= MIN_FILE_WIDE_SECRET));
  return diagnostics.map((d) => {
    const near = secrets.at?.(d.range) ?? [];
    const hide = (text: string) => wide.redact(text, near);
    const message = hide(d.message);
    const titles = d.fixes?.map((f) => hide(f.title));
    const fixes = d.fixes && titles?.some((t, i) => t !== d.fixes![i].title) ? d.fixes.map((f, i) => ({ ...f, title: titles[i] })) : d.fixes;
    return message === d.message && fixes === d.fixes ? d : { ...d, message, fixes };
  });
}

/** `ENV DB_PASSWORD=x`, `ARG API_TOKEN=x` (and `ENV NAME value`) of a Dockerfile: the values a finding must not print. */
export function secretsOfDockerfile(text: string): FileSecrets {
  const wide = new Set<string>();
  for (const line of text.split('\n')) {
    const m = /^\s*(?:ENV|ARG)\s+(.*)$/i.exec(line);
    if (!m) continue;
    const body = m[1];
    const pairs = [...body.matchAll(/([A-Za-z_][\w.-]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g)];
    // `ENV NAME value` (the legacy form) sets one variable to the rest of the line.
    const legacy = pairs.length ? null : /^(\S+)\s+(.+)$/.exec(body);
    const entries: [string, string][] = legacy ? [[legacy[1], legacy[2]]] : pairs.map((p) => [p[1], p[2]]);
    for (const [name, raw] of entries) {
      const value = /^(["']).*\1$/s.test(raw) ? raw.slice(1, -1) : raw.trim();
      if (holdsSecretName(name) && isLiteralSecretValue(value)) {
        wide.add(value);
        if (raw !== value) wide.add(raw);
      }
      if (looksLikeSecretValue(value)) wide.add(value);
    }
  }
  return { wide: [...wide] };
}
