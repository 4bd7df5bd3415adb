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
import { clearParseCache, offsetsOfPath, parseYamlFile, type ParsedYamlFile, type YamlDocument } from '../yaml/parse';
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
}

type DocumentChecker = { key: string; rule: string; check: (document: YamlDocument) => Finding[]; extra?: (document: YamlDocument) => DocFinding[] };

/**
 * Per-document findings, by the parsed document object (identical document texts share one: see
 * parse.ts's chunk cache), then by checker configuration.
 */
let findingsByDocument = new WeakMap<object, Map<string, DocFinding[]>>();

/** The last parse of each recently validated file, so that an edit re-parses only what changed. */
const previousParses = new Map<string, ParsedYamlFile>();
const MAX_REMEMBERED_FILES = 16;
/** Their parse trees are tens of times the text size: bound the total, always keeping the newest. */
const MAX_REMEMBERED_CHARS = 24 * 1024 * 1024;

function rememberParse(fileName: string, file: ParsedYamlFile): void {
  previousParses.delete(fileName);
  previousParses.set(fileName, file);
  let chars = 0;
  for (const f of previousParses.values()) chars += f.text.length;
  for (const [name, f] of previousParses) {
    if (previousParses.size <= 1 || (previousParses.size <= MAX_REMEMBERED_FILES && chars <= MAX_REMEMBERED_CHARS)) break;
    previousParses.delete(name);
    chars -= f.text.length;
  }
}

/** Forget per-document results and parsed documents; compiled schemas are kept. */
export function clearValidationCaches(): void {
  findingsByDocument = new WeakMap();
  previousParses.clear();
  clearParseCache();
}

export function validateYamlFile(text: string, fileName: string, options: ValidationOptions = {}): Diagnostic[] {
  const kind = options.kind ?? detectYamlKind(text, fileName, { isHelmTemplate: options.isHelmTemplate });
  if (kind !== 'kubernetes' && kind !== 'compose') return [];
  const file = parseYamlFile(text, { version: kind === 'compose' ? '1.2' : '1.1', previous: previousParses.get(fileName) });
  rememberParse(fileName, file);
  if (file.fileError) return [fileDiagnostic(file, syntaxRule.id, file.fileError.message)];
  let checker: DocumentChecker;
  try {
    checker = kind === 'compose' ? composeChecker(options) : kubernetesChecker(file, fileName, options);
  } catch (error) {
    if (!(error instanceof SchemaSetupError)) throw error;
    return [fileDiagnostic(file, kind === 'compose' ? composeRule.id : k8sRule.id, error.message)];
  }
  const diagnostics: Diagnostic[] = [];
  for (const document of file.documents) {
    for (const finding of documentFindings(document, checker)) diagnostics.push(toDiagnostic(file, document, finding));
  }
  return diagnostics.sort(compareDiagnostics);
}

function documentFindings(document: YamlDocument, checker: DocumentChecker): DocFinding[] {
  let byChecker = findingsByDocument.get(document.doc);
  if (!byChecker) findingsByDocument.set(document.doc, (byChecker = new Map()));
  const cached = byChecker.get(checker.key);
  if (cached) return cached;
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
  if (byChecker.size >= 4) byChecker.clear(); // a handful of configurations per document is plenty
  byChecker.set(checker.key, findings);
  return findings;
}

function kubernetesChecker(file: ParsedYamlFile, fileName: string, options: ValidationOptions): DocumentChecker {
  const store = schemaStore(options.schemaDir);
  const schemas = store.kubernetes(options.kubernetesVersion);
  const crds: CrdRegistry = new Map();
  for (const dir of options.crdDirs ?? []) for (const [k, v] of loadCrdDir(dir).registry) crds.set(k, v);
  for (const extra of options.extraCrds ?? []) addCrdsFromFile(crds, extra, 'workspace');
  addCrdsFromFile(crds, file, fileName);
  const env: KubernetesEnv = { schemas, crds };
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
  };
}

function toDiagnostic(file: ParsedYamlFile, document: YamlDocument, finding: DocFinding): Diagnostic {
  const start = document.startOffset + finding.start;
  const end = document.startOffset + Math.max(finding.end, finding.start);
  const range = file.lines.rangeOf(start, end);
  const diagnostic: Diagnostic = { rule: finding.rule, severity: finding.severity, message: finding.message, range };
  const fixes: Fix[] = [];
  if (finding.quote) {
    const original = file.text.slice(start, end);
    fixes.push({ title: `Quote ${original}`, edits: [{ range, newText: JSON.stringify(original) }], preferred: true });
  }
  if (finding.replacement) {
    fixes.push({ title: `Change to ${finding.replacement}`, edits: [{ range, newText: finding.replacement }] });
  }
  if (fixes.length > 0) diagnostic.fixes = fixes;
  return diagnostic;
}

function fileDiagnostic(file: ParsedYamlFile, rule: string, message: string): Diagnostic {
  return { rule, severity: 'error', message, range: file.lines.rangeOf(0, Math.min(file.text.length, file.lines.lineEnd(0))) };
}
