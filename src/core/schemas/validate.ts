/**
 * validateYamlFile: YAML-level problems and schema violations of a Kubernetes or Compose file, each
 * on the exact key or value it is about.
 *
 * Each document is checked on its own (a syntax error in document 3 changes nothing for the others)
 * and its findings are memoised per parsed document (unchanged documents keep theirs across edits:
 * see parse.ts), so re-validating a 5,000-document file after editing one re-checks only that one.
 */
import type { Diagnostic, Fix } from '../diagnostics';
import { compareDiagnostics } from '../diagnostics';
import { detectYamlKind } from '../yaml/detect';
import type { DocFinding } from '../yaml/finding';
import { detached, planReparse, splitDocuments, type Chunk } from '../yaml/chunks';
import { checkFileIsText, clearParseCache, offsetsOfPath, parseDocumentsAt, parseYamlFile, type ParsedYamlFile, type YamlDocument, type YamlVersion } from '../yaml/parse';
import { LineIndex } from '../text/lines';
import { checkYamlDocument, octalNumber } from '../yaml/rules';
import { meta as syntaxRule } from '../yaml/rules/yaml-syntax';
import { validateComposeDocument } from './compose';
import { addCrdsFromFile, loadCrdDir, type CrdRegistry } from './crd';
import type { Finding } from './humanize';
import { validateKubernetesDocument, type KubernetesEnv } from './kubernetes';
import { meta as composeRule } from './rules/compose-schema';
import { meta as k8sRule } from './rules/k8s-schema';
import { schemaStore, SchemaSetupError, type ComposeSchema } from './store';

export interface ValidationOptions {
  /** "1.34" (default: the newest shipped). */
  kubernetesVersion?: string;
  /** Folders searched (recursively) for CustomResourceDefinition files. */
  crdDirs?: string[];
  /** The generated schema folder (default: schemas/generated beside the code). */
  schemaDir?: string;
  /** CRDs from other open files or the workspace, already parsed. */
  extraCrds?: ParsedYamlFile[];
  /** Skip detection. */
  kind?: 'kubernetes' | 'compose';
  /** Helm templates are never validated as YAML. */
  isHelmTemplate?: boolean;
  /** A partial object, such as a kustomize strategic-merge patch: missing required fields are fine. */
  partial?: boolean;
}

type DocumentChecker = { key: string; rule: string; check: (document: YamlDocument) => Finding[]; extra?: (document: YamlDocument) => DocFinding[] };

/**
 * The checked chunks of each recently validated file. Only findings are kept, not parse trees (those
 * take tens of times the text's size): an edit re-checks the chunks it touched and reuses the rest.
 */
interface CheckedChunk extends Chunk {
  /** Relative to the chunk's start, which is also the start of each of its documents. */
  findings: DocFinding[];
}
interface CheckedFile {
  text: string;
  key: string;
  chunks: CheckedChunk[];
}
const previousChecks = new Map<string, CheckedFile>();
const MAX_REMEMBERED_FILES = 32;
const MAX_REMEMBERED_CHARS = 48 * 1024 * 1024;

function remember(fileName: string, checked: CheckedFile): void {
  previousChecks.delete(fileName);
  previousChecks.set(fileName, checked);
  let chars = 0;
  for (const f of previousChecks.values()) chars += f.text.length;
  for (const [name, f] of previousChecks) {
    if (previousChecks.size <= 1 || (previousChecks.size <= MAX_REMEMBERED_FILES && chars <= MAX_REMEMBERED_CHARS)) break;
    previousChecks.delete(name);
    chars -= f.text.length;
  }
}

/** Forget what was checked; compiled schemas are kept. */
export function clearValidationCaches(): void {
  previousChecks.clear();
  clearParseCache();
}

export function validateYamlFile(text: string, fileName: string, options: ValidationOptions = {}): Diagnostic[] {
  const kind = options.kind ?? detectYamlKind(text, fileName, { isHelmTemplate: options.isHelmTemplate });
  if (kind !== 'kubernetes' && kind !== 'compose') return [];
  const version: YamlVersion = kind === 'compose' ? '1.2' : '1.1';
  const fileError = checkFileIsText(text);
  if (fileError) return [fileDiagnostic(text, syntaxRule.id, fileError.message)];
  let checker: DocumentChecker;
  try {
    checker = kind === 'compose' ? composeChecker(options) : kubernetesChecker(text, fileName, options);
  } catch (error) {
    if (!(error instanceof SchemaSetupError)) throw error;
    return [fileDiagnostic(text, kind === 'compose' ? composeRule.id : k8sRule.id, error.message)];
  }
  const key = `${version}|${checker.key}`;
  const previous = previousChecks.get(fileName);
  const checkRegion = (from: number, to: number): CheckedChunk[] =>
    splitDocuments(text, from, to).map((c) => {
      const source = detached(c.source);
      const findings = parseDocumentsAt(source, c.start, version, false).flatMap((d) => documentFindings(d, checker));
      return { start: c.start, source, findings };
    });
  let chunks: CheckedChunk[];
  if (previous && previous.key === key) {
    const plan = planReparse(previous.text, previous.chunks, text);
    const shifted = plan.back.map((c) => ({ ...c, start: c.start + plan.delta }));
    chunks = [...plan.front, ...checkRegion(plan.from, plan.to), ...shifted];
  } else {
    chunks = checkRegion(0, text.length);
  }
  remember(fileName, { text, key, chunks });
  const diagnostics: Diagnostic[] = [];
  let lines: LineIndex | undefined;
  for (const chunk of chunks) {
    for (const finding of chunk.findings) {
      if (options.partial && finding.missingField) continue;
      diagnostics.push(toDiagnostic(text, (lines ??= new LineIndex(text)), chunk.start, finding));
    }
  }
  return diagnostics.sort(compareDiagnostics);
}

function documentFindings(document: YamlDocument, checker: DocumentChecker): DocFinding[] {
  const findings = checkYamlDocument(document);
  // A document that does not parse cleanly gives a garbage value: schema errors on it would be noise.
  const parsedCleanly = document.doc.errors.every((e) => e.code === 'DUPLICATE_KEY') && !document.valueError;
  if (parsedCleanly) {
    try {
      for (const finding of checker.check(document)) findings.push(locate(document, finding));
      if (checker.extra) findings.push(...checker.extra(document));
    } catch (error) {
      // A bug of ours must cost one document's diagnostics, not the editor's validation of the file.
      const start = document.doc.contents?.range?.[0] ?? 0;
      findings.push({ rule: checker.rule, severity: 'warning', message: `Could not validate this document: ${(error as Error).message}`, start, end: start + 1 });
    }
  }
  return findings;
}

function kubernetesChecker(text: string, fileName: string, options: ValidationOptions): DocumentChecker {
  const store = schemaStore(options.schemaDir);
  const schemas = store.kubernetes(options.kubernetesVersion);
  const crds: CrdRegistry = new Map();
  for (const dir of options.crdDirs ?? []) for (const [k, v] of loadCrdDir(dir).registry) crds.set(k, v);
  for (const extra of options.extraCrds ?? []) addCrdsFromFile(crds, extra, 'workspace');
  // CRDs defined in the file itself validate its custom resources (a full parse, cached per document).
  if (text.includes('CustomResourceDefinition')) addCrdsFromFile(crds, parseYamlFile(text), fileName);
  const servedIn = (apiVersion: string, kind: string) =>
    store.kubernetesVersions().filter((v) => v !== schemas.version && !!store.kubernetes(v).kind(apiVersion, kind));
  const env: KubernetesEnv = { schemas, crds, servedIn };
  const key = `k8s|${store.dir}|${schemas.version}|${[...crds.values()].map(identity).join(',')}`;
  return { key, rule: k8sRule.id, check: (document) => validateKubernetesDocument(document, env) };
}

function composeChecker(options: ValidationOptions): DocumentChecker {
  const store = schemaStore(options.schemaDir);
  const schema: ComposeSchema = store.compose();
  return {
    key: `compose|${store.dir}`,
    rule: composeRule.id,
    check: (document) => validateComposeDocument(document, schema),
    extra: (document) => octalNumber.checkCompose(document),
  };
}

/** A stable id per object, so that cache keys change when a CRD's schema does. */
const ids = new WeakMap<object, number>();
let nextId = 1;
function identity(object: object): number {
  let id = ids.get(object);
  if (id === undefined) ids.set(object, (id = nextId++));
  return id;
}

function locate(document: YamlDocument, finding: Finding): DocFinding {
  const [start, end] = offsetsOfPath(document, finding.path, finding.target);
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    start: start - document.startOffset,
    end: end - document.startOffset,
    quote: finding.quote,
    replacement: finding.replacement,
    ...(finding.missingField ? { missingField: true } : {}),
  };
}

function toDiagnostic(text: string, lines: LineIndex, chunkStart: number, finding: DocFinding): Diagnostic {
  const start = chunkStart + finding.start;
  const end = chunkStart + Math.max(finding.end, finding.start);
  const range = lines.rangeOf(start, end);
  const diagnostic: Diagnostic = { rule: finding.rule, severity: finding.severity, message: finding.message, range };
  const fixes: Fix[] = [];
  if (finding.quote) {
    const original = text.slice(start, end);
    fixes.push({ title: `Quote ${original}`, edits: [{ range, newText: JSON.stringify(original) }], preferred: true });
  }
  if (finding.replacement) {
    fixes.push({ title: `Change to ${finding.replacement}`, edits: [{ range, newText: finding.replacement }] });
  }
  if (fixes.length > 0) diagnostic.fixes = fixes;
  return diagnostic;
}

function fileDiagnostic(text: string, rule: string, message: string): Diagnostic {
  const lines = new LineIndex(text.slice(0, 65536));
  return { rule, severity: 'error', message, range: lines.rangeOf(0, lines.lineEnd(0)) };
}
